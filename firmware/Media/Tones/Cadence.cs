// On/off cadence of a call-progress tone or ringer (ITU-T E.180 style "0.4 on 0.2 off ..."):
// segment lengths in ms, alternating on/off and starting with "on", repeating or played once.
// No segments means "continuous". Also a millisecond state machine (CadenceTimer) for the
// ringer, which needs on/off switching rather than samples. Depends on nothing. Immutable after
// construction; no allocation while running.
namespace Endpoint.Media.Tones
{
    /// <summary>An on/off pattern.</summary>
    public sealed class Cadence
    {
        private readonly int[] _segments;
        private readonly int _periodMs;

        /// <summary>Continuous (always on).</summary>
        public static readonly Cadence Continuous = new Cadence(null, true);

        /// <summary>
        /// Creates a cadence from segment lengths in ms: on, off, on, off... A repeating cadence needs
        /// an even count; a one-shot one may end "on" (it is off after the last segment).
        /// Null or empty = continuous.
        /// </summary>
        public Cadence(int[] segmentsMs, bool repeat)
        {
            if (repeat && segmentsMs != null && (segmentsMs.Length & 1) != 0) throw new System.ArgumentException("a repeating cadence needs on/off pairs");
            int total = 0;
            if (segmentsMs != null)
            {
                for (int i = 0; i < segmentsMs.Length; i++)
                {
                    if (segmentsMs[i] <= 0) throw new System.ArgumentException("segment lengths must be positive");
                    total += segmentsMs[i];
                }
            }
            _segments = segmentsMs == null || segmentsMs.Length == 0 ? null : (int[])segmentsMs.Clone();
            _periodMs = total;
            Repeat = repeat;
        }

        /// <summary>True when the pattern repeats forever.</summary>
        public bool Repeat { get; private set; }

        /// <summary>True when there is no pattern (always on).</summary>
        public bool IsContinuous { get { return _segments == null; } }

        /// <summary>Number of segments.</summary>
        public int SegmentCount { get { return _segments == null ? 0 : _segments.Length; } }

        /// <summary>Length of segment <paramref name="i"/> in ms (even index = on).</summary>
        public int SegmentMs(int i) { return _segments[i]; }

        /// <summary>Sum of all segments, ms (0 when continuous).</summary>
        public int PeriodMs { get { return _periodMs; } }

        /// <summary>
        /// Whether the pattern is "on" <paramref name="elapsedMs"/> after its start, and when
        /// (elapsed ms) that changes next (long.MaxValue when never).
        /// </summary>
        public bool StateAt(long elapsedMs, out long nextChangeMs)
        {
            if (_segments == null)
            {
                nextChangeMs = long.MaxValue;
                return true;
            }
            if (elapsedMs < 0) elapsedMs = 0;
            long periodStart = 0;
            if (elapsedMs >= _periodMs)
            {
                if (!Repeat)
                {
                    nextChangeMs = long.MaxValue;
                    return false;
                }
                periodStart = elapsedMs - elapsedMs % _periodMs;
            }
            long t = periodStart;
            for (int i = 0; i < _segments.Length; i++)
            {
                t += _segments[i];
                if (elapsedMs < t)
                {
                    nextChangeMs = t;
                    return (i & 1) == 0;
                }
            }
            nextChangeMs = long.MaxValue;
            return false;
        }
    }

    /// <summary>Runs a cadence against a millisecond clock (e.g. for a ringer or a lamp).</summary>
    public sealed class CadenceTimer
    {
        private Cadence _cadence;
        private long _startMs;

        /// <summary>Starts <paramref name="cadence"/> at <paramref name="nowMs"/>.</summary>
        public void Start(Cadence cadence, long nowMs)
        {
            if (cadence == null) throw new System.ArgumentNullException("cadence");
            _cadence = cadence;
            _startMs = nowMs;
        }

        /// <summary>Stops; <see cref="IsOn"/> is false afterwards.</summary>
        public void Stop() { _cadence = null; }

        /// <summary>True while started.</summary>
        public bool Running { get { return _cadence != null; } }

        /// <summary>True when the output should be on at <paramref name="nowMs"/>.</summary>
        public bool IsOn(long nowMs)
        {
            if (_cadence == null) return false;
            long next;
            return _cadence.StateAt(nowMs - _startMs, out next);
        }

        /// <summary>Absolute time of the next on/off change after <paramref name="nowMs"/>, or long.MaxValue.</summary>
        public long NextChangeMs(long nowMs)
        {
            if (_cadence == null) return long.MaxValue;
            long next;
            _cadence.StateAt(nowMs - _startMs, out next);
            return next == long.MaxValue ? long.MaxValue : _startMs + next;
        }
    }
}
