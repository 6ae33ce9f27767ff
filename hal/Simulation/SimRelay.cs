// Logical relay for the virtual device (host-only): the real RelayDriver on a private simulated
// pin, each on/off change reported as "event relay state=on|off". Depends on RelayDriver,
// SimGpioPort, SimEvents.
using Endpoint.Hal.Drivers;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated relay.</summary>
    public sealed class SimRelay : IRelay
    {
        private readonly RelayDriver _relay;
        private readonly SimEventSink _sink;
        private bool _reported;

        /// <summary>Creates the relay (released); sink may be null.</summary>
        public SimRelay(string name, SimEventSink sink)
        {
            _relay = new RelayDriver(new SimGpioPort(), 0, true, name);
            _sink = sink;
        }

        /// <inheritdoc/>
        public string Name { get { return _relay.Name; } }
        /// <inheritdoc/>
        public bool IsOn { get { return _relay.IsOn; } }
        /// <summary>Number of on transitions.</summary>
        public int Activations { get; private set; }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _relay.Set(on);
            Report();
        }

        /// <inheritdoc/>
        public void Pulse(int durationMs, long nowMs)
        {
            _relay.Pulse(durationMs, nowMs);
            Report();
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            _relay.Poll(nowMs);
            Report();
        }

        private void Report()
        {
            bool on = _relay.IsOn;
            if (on == _reported) return;
            _reported = on;
            if (on) Activations++;
            if (_sink != null) _sink(SimEvents.Relay(on));
        }
    }
}
