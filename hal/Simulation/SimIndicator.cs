// Logical LED for the virtual device (host-only): the real LedDriver on a private simulated pin,
// with its state changes (on, off, blink with its pattern, a counted blink ending) reported through
// a SimEventSink, so the host prints one line per change rather than one per blink edge.
// Depends on LedDriver, SimGpioPort, SimEvents.
using Endpoint.Hal.Drivers;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated LED.</summary>
    public sealed class SimIndicator : IIndicator
    {
        private readonly LedDriver _led;
        private readonly SimEventSink _sink;
        private IndicatorState _reported;
        private int _onMs;
        private int _offMs;
        private int _count;

        /// <summary>Creates the LED (off); sink may be null.</summary>
        public SimIndicator(string name, SimEventSink sink)
        {
            _led = new LedDriver(new SimGpioPort(), 0, true, name);
            _sink = sink;
        }

        /// <inheritdoc/>
        public string Name { get { return _led.Name; } }
        /// <inheritdoc/>
        public IndicatorState State { get { return _led.State; } }
        /// <inheritdoc/>
        public bool Lit { get { return _led.Lit; } }
        /// <summary>Blink on time of the current pattern.</summary>
        public int OnMs { get { return _onMs; } }
        /// <summary>Blink off time of the current pattern.</summary>
        public int OffMs { get { return _offMs; } }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _led.Set(on);
            Report(false);
        }

        /// <inheritdoc/>
        public void Blink(int onMs, int offMs, int count)
        {
            bool newPattern = onMs != _onMs || offMs != _offMs || count != _count;
            _onMs = onMs;
            _offMs = offMs;
            _count = count;
            _led.Blink(onMs, offMs, count);
            Report(newPattern);
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            _led.Poll(nowMs);
            Report(false);
        }

        private void Report(bool patternChanged)
        {
            IndicatorState state = _led.State;
            if (state == _reported && !(patternChanged && state == IndicatorState.Blink)) return;
            _reported = state;
            if (_sink == null) return;
            _sink(state == IndicatorState.Blink ? SimEvents.LedBlink(Name, _onMs, _offMs, _count) : SimEvents.Led(Name, IndicatorStateText.Get(state)));
        }
    }
}
