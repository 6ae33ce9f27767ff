// A relay output (door strike of an intercom): set on/off, or pulse on for N ms then off; the
// pulse ends in Poll(nowMs). Depends on IPollable.
namespace Endpoint.Hal
{
    /// <summary>A relay.</summary>
    public interface IRelay : IPollable
    {
        /// <summary>Name from the board definition, e.g. "door".</summary>
        string Name { get; }

        /// <summary>True while energized.</summary>
        bool IsOn { get; }

        /// <summary>Energizes (true) or releases (false); cancels a running pulse.</summary>
        void Set(bool on);

        /// <summary>Energizes now and releases at nowMs + durationMs (checked in Poll).</summary>
        void Pulse(int durationMs, long nowMs);
    }
}
