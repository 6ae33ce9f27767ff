// Logical relay for the virtual device (host-only): on/off and timed pulses, each change reported
// as "event relay state=on|off". Depends on IRelay, SimEvents.
namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated relay.</summary>
    public sealed class SimRelay : IRelay
    {
        private readonly SimEventSink _sink;
        private bool _pulsing;
        private long _offAt;

        /// <summary>Creates the relay (released); sink may be null.</summary>
        public SimRelay(string name, SimEventSink sink)
        {
            Name = name;
            _sink = sink;
        }

        /// <inheritdoc/>
        public string Name { get; }
        /// <inheritdoc/>
        public bool IsOn { get; private set; }
        /// <summary>Number of on transitions.</summary>
        public int Activations { get; private set; }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _pulsing = false;
            Change(on);
        }

        /// <inheritdoc/>
        public void Pulse(int durationMs, long nowMs)
        {
            if (durationMs <= 0)
            {
                Set(false);
                return;
            }
            _pulsing = true;
            _offAt = nowMs + durationMs;
            Change(true);
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (_pulsing && nowMs >= _offAt)
            {
                _pulsing = false;
                Change(false);
            }
        }

        private void Change(bool on)
        {
            if (on == IsOn) return;
            IsOn = on;
            if (on) Activations++;
            if (_sink != null) _sink(SimEvents.Relay(on));
        }
    }
}
