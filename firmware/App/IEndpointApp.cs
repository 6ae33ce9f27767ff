// The contract between the runtime loop (firmware/Runtime: sockets, threads, clock) and the
// application (pure: commands and time in, events and packets out). Depends on Command.
namespace Endpoint.App
{
    /// <summary>What the runtime loop drives.</summary>
    public interface IEndpointApp
    {
        /// <summary>Called once after the runtime bound its sockets.</summary>
        void Start(long nowMs);

        /// <summary>A parsed user command.</summary>
        void OnCommand(Command command, long nowMs);

        /// <summary>Called when <see cref="NextDeadline"/> has passed (and at least every loop turn).</summary>
        void OnTimer(long nowMs);

        /// <summary>Absolute time (ms) of the next thing the app must do; long.MaxValue for none.</summary>
        long NextDeadline { get; }

        /// <summary>True when the app has finished (after quit and any clean-up such as unregistering).</summary>
        bool Finished { get; }
    }
}
