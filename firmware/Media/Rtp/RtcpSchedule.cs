// RFC 3550 section 6.3 RTCP transmission interval, simplified for a two-party call: with two
// members and audio-rate session bandwidth the computed deterministic interval is always below
// the 5 s minimum, so Td = 5 s (2.5 s before the first report, 6.2), randomized uniformly in
// [0.5, 1.5] x Td. Not implemented (not needed for two members): the bandwidth formula, timer
// reconsideration (and so its e-3/2 compensation), BYE back-off and member tables.
// Depends on IRandomSource. Time is a parameter.
namespace Endpoint.Media.Rtp
{
    /// <summary>When the next RTCP report is due.</summary>
    public sealed class RtcpSchedule
    {
        private readonly IRandomSource _random;
        private long _nextMs;
        private bool _sentFirst;

        /// <summary>Minimum deterministic interval Td in ms (RFC 3550 Tmin = 5 s).</summary>
        public int IntervalMs { get; set; }

        /// <summary>A schedule with Td = 5 s.</summary>
        public RtcpSchedule(IRandomSource random)
        {
            _random = random;
            IntervalMs = 5000;
        }

        /// <summary>Time the next report is due (ms).</summary>
        public long NextMs { get { return _nextMs; } }

        /// <summary>Restarts the schedule at the start of a session: the first report comes after Td/2 randomized.</summary>
        public void Start(long nowMs)
        {
            _sentFirst = false;
            _nextMs = nowMs + Randomize(IntervalMs / 2);
        }

        /// <summary>True when a report is due at <paramref name="nowMs"/>.</summary>
        public bool IsDue(long nowMs) { return nowMs >= _nextMs; }

        /// <summary>Records that a report was sent at <paramref name="nowMs"/> and schedules the next.</summary>
        public void Sent(long nowMs)
        {
            _sentFirst = true;
            _nextMs = nowMs + Randomize(IntervalMs);
        }

        /// <summary>True once a report was sent.</summary>
        public bool SentFirst { get { return _sentFirst; } }

        /// <summary>td x U[0.5, 1.5] in ms (1/1000 granularity).</summary>
        public int Randomize(int td)
        {
            int r = (int)(_random.NextUInt32() % 1001u); // 0..1000
            return (int)((long)td * (500 + r) / 1000);
        }
    }
}
