// Outcome of BootSequence.Start: either a failure that stops the device (class + message) or a
// plan and the board's drivers, plus the non-fatal problems met on the way (a codec that NAKs, a
// pin that cannot be opened), each already reported as an event. Pure data. Depends on
// BootPlan, BoardDevices, BootFailure.
namespace Endpoint.Boot
{
    /// <summary>Result of the hardware part of the boot.</summary>
    public sealed class BootResult
    {
        /// <summary>None when the device may run; otherwise why it must not.</summary>
        public BootFailure Failure;
        /// <summary>The fatal message, or null.</summary>
        public string Error;
        /// <summary>The plan (null when planning failed).</summary>
        public BootPlan Plan;
        /// <summary>The drivers (null when the boot stopped before building them).</summary>
        public BoardDevices Devices;
        /// <summary>Non-fatal problems (the device runs in a degraded mode).</summary>
        public string[] Problems = new string[0];

        /// <summary>True when the device may go on to the network and the runtime.</summary>
        public bool Ok { get { return Failure == BootFailure.None; } }
    }
}
