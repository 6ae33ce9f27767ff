// Debounced push button with a long-press event (intercom call button). Depends on IGpioPort,
// Debouncer. Events: Down after debounce, LongPress once when held LongPressMs, Up on release.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Push-button driver.</summary>
    public sealed class PushButton : IButton
    {
        private readonly IGpioPort _port;
        private readonly int _pin;
        private readonly bool _activeLow;
        private readonly int _longPressMs;
        private readonly Debouncer _debouncer;
        private long _downAt;
        private bool _longFired;

        /// <summary>Creates the driver. activeLow: pressed pulls the pin low (usual with a pull-up).</summary>
        public PushButton(IGpioPort port, int pin, bool activeLow, bool pullUp, int debounceMs, int longPressMs)
        {
            _port = port;
            _pin = pin;
            _activeLow = activeLow;
            _longPressMs = longPressMs;
            _debouncer = new Debouncer(debounceMs);
            _port.Open(pin, pullUp ? GpioMode.InputPullUp : GpioMode.Input);
        }

        /// <inheritdoc/>
        public event ButtonEventHandler ButtonEvent;

        /// <inheritdoc/>
        public bool Pressed { get { return _debouncer.State; } }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (_pin < 0) return;
            bool raw = _port.Read(_pin) != _activeLow;
            bool wasPrimed = _debouncer.Primed;
            bool changed = _debouncer.Update(raw, nowMs);
            if (!wasPrimed)
            {
                _longFired = true; // held at boot: no Down was reported, so no LongPress either
                return;
            }
            if (changed)
            {
                if (_debouncer.State)
                {
                    _downAt = nowMs;
                    _longFired = false;
                    Raise(KeyAction.Down, nowMs);
                }
                else
                {
                    Raise(KeyAction.Up, nowMs);
                }
            }
            else if (_debouncer.State && !_longFired && _longPressMs > 0 && nowMs - _downAt >= _longPressMs)
            {
                _longFired = true;
                Raise(KeyAction.LongPress, nowMs);
            }
        }

        private void Raise(KeyAction action, long nowMs)
        {
            ButtonEventHandler h = ButtonEvent;
            if (h != null) h(action, nowMs);
        }
    }
}
