// One of the desk phone's LEDs as the application drives it: the wanted state (off, on, or a
// blink pattern) is applied to the IIndicator only when it changes, so a blink pattern is not
// restarted on every state refresh. A null indicator (board without that LED) is ignored.
// Depends on Endpoint.Hal (IIndicator).
using Endpoint.Hal;

namespace Endpoint.App.DeskPhone
{
    /// <summary>Change-only driver of an optional LED.</summary>
    public sealed class Lamp
    {
        private readonly IIndicator _led;
        private IndicatorState _state = IndicatorState.Off;
        private int _onMs;
        private int _offMs;

        /// <summary>Wraps an LED (may be null).</summary>
        public Lamp(IIndicator led) { _led = led; }

        /// <summary>The LED, or null.</summary>
        public IIndicator Led { get { return _led; } }

        /// <summary>The state last asked for.</summary>
        public IndicatorState State { get { return _state; } }

        /// <summary>Steady on or off.</summary>
        public void Set(bool on)
        {
            IndicatorState s = on ? IndicatorState.On : IndicatorState.Off;
            if (s == _state) return;
            _state = s;
            if (_led != null) _led.Set(on);
        }

        /// <summary>Blinks forever with onMs lit and offMs dark.</summary>
        public void Blink(int onMs, int offMs)
        {
            if (_state == IndicatorState.Blink && _onMs == onMs && _offMs == offMs) return;
            _state = IndicatorState.Blink;
            _onMs = onMs;
            _offMs = offMs;
            if (_led != null) _led.Blink(onMs, offMs, 0);
        }

        /// <summary>Polls the LED (blinking).</summary>
        public void Poll(long nowMs)
        {
            if (_led != null) _led.Poll(nowMs);
        }
    }
}
