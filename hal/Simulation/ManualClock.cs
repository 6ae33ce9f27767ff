// IClock driven by the test or the host loop (host-only). Depends on IClock.
namespace Endpoint.Hal.Simulation
{
    /// <summary>A clock that only moves when told.</summary>
    public sealed class ManualClock : IClock
    {
        /// <summary>Creates the clock at startMs.</summary>
        public ManualClock(long startMs = 0) { NowMs = startMs; }

        /// <inheritdoc/>
        public long NowMs { get; private set; }

        /// <summary>Moves forward by ms (negative values are ignored: the clock is monotonic).</summary>
        public long Advance(long ms)
        {
            if (ms > 0) NowMs += ms;
            return NowMs;
        }

        /// <summary>Jumps to t if it is later than now.</summary>
        public void Set(long t) { if (t > NowMs) NowMs = t; }
    }
}
