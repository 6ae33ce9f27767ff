// Logical amplifier enable for the virtual device (host-only): reports "event amp state=on|off".
// Depends on IAmplifierEnable, SimEvents.
namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated amplifier enable.</summary>
    public sealed class SimAmplifier : IAmplifierEnable
    {
        private readonly SimEventSink _sink;

        /// <summary>Creates the amplifier (disabled); sink may be null.</summary>
        public SimAmplifier(SimEventSink sink) { _sink = sink; }

        /// <inheritdoc/>
        public bool Enabled { get; private set; }

        /// <inheritdoc/>
        public void Enable(bool on)
        {
            if (on == Enabled) return;
            Enabled = on;
            if (_sink != null) _sink(SimEvents.Amp(on));
        }
    }
}
