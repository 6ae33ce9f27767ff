// Per-remote-source receive statistics of RFC 3550: Appendix A.1 sequence validation (probation
// of MIN_SEQUENTIAL packets, 16-bit wrap counted in cycles, jumps beyond MAX_DROPOUT dropped
// until a second sequential packet confirms them, then resync), Appendix A.3 expected/lost/
// fraction-lost for report blocks, Appendix A.8 interarrival jitter.
// Depends on nothing. Does not know sockets, clocks (arrival time is a parameter) or codecs.
namespace Endpoint.Media.Rtp
{
    /// <summary>Verdict of <see cref="RtpSourceState.UpdateSequence"/>.</summary>
    public enum SequenceVerdict
    {
        /// <summary>Valid packet (in order, reordered or duplicate within the window).</summary>
        Valid = 0,
        /// <summary>Valid packet after a confirmed sequence-number restart; statistics were reset.</summary>
        Resynced = 1,
        /// <summary>Source still in probation; the packet is not yet valid.</summary>
        Probation = 2,
        /// <summary>Large jump, not yet confirmed; the packet is dropped.</summary>
        BadSequence = 3,
    }

    /// <summary>Reception state of one remote SSRC.</summary>
    public sealed class RtpSourceState
    {
        /// <summary>RFC 3550 A.1 MAX_DROPOUT.</summary>
        public const int MaxDropout = 3000;
        /// <summary>RFC 3550 A.1 MAX_MISORDER.</summary>
        public const int MaxMisorder = 100;
        /// <summary>RFC 3550 A.1 MIN_SEQUENTIAL.</summary>
        public const int MinSequential = 2;
        private const int SeqMod = 65536;

        private int _maxSeq;
        private uint _cycles;
        private uint _baseSeq;
        private int _badSeq;
        private int _probation;
        private uint _received;
        private uint _expectedPrior;
        private uint _receivedPrior;
        private int _transit;
        private bool _haveTransit;
        private uint _jitter16;

        /// <summary>The SSRC this state tracks.</summary>
        public uint Ssrc { get; private set; }

        /// <summary>True once <see cref="Start"/> was called.</summary>
        public bool InUse { get; private set; }

        /// <summary>Time of the last valid packet (ms).</summary>
        public long LastValidMs { get; set; }

        /// <summary>Starts tracking a new source from its first packet (RFC 3550 A.1: max_seq = seq - 1, probation = MIN_SEQUENTIAL).</summary>
        public void Start(uint ssrc, int seq)
        {
            Ssrc = ssrc;
            InUse = true;
            InitSequence(seq);
            _maxSeq = (seq - 1) & 0xFFFF;
            _probation = MinSequential;
            _haveTransit = false;
            _jitter16 = 0;
            LastValidMs = 0;
        }

        /// <summary>Forgets the source.</summary>
        public void Clear()
        {
            InUse = false;
            Ssrc = 0;
            _probation = 0;
            _received = 0;
            _haveTransit = false;
            _jitter16 = 0;
        }

        /// <summary>Copies another state into this one (used to promote a candidate source).</summary>
        public void CopyFrom(RtpSourceState o)
        {
            Ssrc = o.Ssrc; InUse = o.InUse; LastValidMs = o.LastValidMs;
            _maxSeq = o._maxSeq; _cycles = o._cycles; _baseSeq = o._baseSeq; _badSeq = o._badSeq;
            _probation = o._probation; _received = o._received; _expectedPrior = o._expectedPrior;
            _receivedPrior = o._receivedPrior; _transit = o._transit; _haveTransit = o._haveTransit;
            _jitter16 = o._jitter16;
        }

        private void InitSequence(int seq)
        {
            _baseSeq = (uint)seq;
            _maxSeq = seq;
            _badSeq = SeqMod + 1;
            _cycles = 0;
            _received = 0;
            _receivedPrior = 0;
            _expectedPrior = 0;
        }

        /// <summary>RFC 3550 A.1 update_seq for a packet with sequence number <paramref name="seq"/>.</summary>
        public SequenceVerdict UpdateSequence(int seq)
        {
            seq &= 0xFFFF;
            int udelta = (seq - _maxSeq) & 0xFFFF;
            if (_probation > 0)
            {
                if (seq == ((_maxSeq + 1) & 0xFFFF))
                {
                    _probation--;
                    _maxSeq = seq;
                    if (_probation == 0)
                    {
                        InitSequence(seq);
                        _received++;
                        return SequenceVerdict.Valid;
                    }
                }
                else
                {
                    _probation = MinSequential - 1;
                    _maxSeq = seq;
                }
                return SequenceVerdict.Probation;
            }
            SequenceVerdict verdict = SequenceVerdict.Valid;
            if (udelta < MaxDropout)
            {
                if (seq < _maxSeq) _cycles += SeqMod; // wrapped
                _maxSeq = seq;
            }
            else if (udelta <= SeqMod - MaxMisorder)
            {
                if (seq == _badSeq)
                {
                    // Two sequential packets: the source restarted; resync as if new.
                    InitSequence(seq);
                    _haveTransit = false;
                    verdict = SequenceVerdict.Resynced;
                }
                else
                {
                    _badSeq = (seq + 1) & 0xFFFF;
                    return SequenceVerdict.BadSequence;
                }
            }
            // else: duplicate or reordered packet, counted as received.
            _received++;
            return verdict;
        }

        /// <summary>True while the source is in probation.</summary>
        public bool InProbation { get { return _probation > 0; } }

        /// <summary>Highest sequence number seen, extended by the wrap count (RFC 3550 A.3 extended_max).</summary>
        public uint ExtendedMaxSequence { get { return _cycles + (uint)_maxSeq; } }

        /// <summary>Wraps counted so far, times 65536.</summary>
        public uint Cycles { get { return _cycles; } }

        /// <summary>First sequence number of this (re)synchronised run.</summary>
        public uint BaseSequence { get { return _baseSeq; } }

        /// <summary>Packets received and counted (duplicates included, as in RFC 3550).</summary>
        public uint Received { get { return _received; } }

        /// <summary>Packets expected (RFC 3550 A.3).</summary>
        public uint Expected { get { return ExtendedMaxSequence - _baseSeq + 1; } }

        /// <summary>Cumulative packets lost, clamped to the 24-bit signed report field (RFC 3550 A.3).</summary>
        public int CumulativeLost
        {
            get
            {
                long lost = (long)Expected - (long)_received;
                if (lost > 0x7FFFFF) lost = 0x7FFFFF;
                if (lost < -0x800000) lost = -0x800000;
                return (int)lost;
            }
        }

        /// <summary>
        /// Fraction lost since the previous call, in 1/256 units (RFC 3550 A.3); advances the
        /// "prior" counters, so call it once per report block built.
        /// </summary>
        public int TakeFractionLost()
        {
            uint expected = Expected;
            uint expectedInterval = expected - _expectedPrior;
            _expectedPrior = expected;
            uint receivedInterval = _received - _receivedPrior;
            _receivedPrior = _received;
            int lostInterval = (int)expectedInterval - (int)receivedInterval;
            if (expectedInterval == 0 || lostInterval <= 0) return 0;
            int f = (int)(((long)lostInterval << 8) / expectedInterval);
            return f > 255 ? 255 : f;
        }

        /// <summary>
        /// RFC 3550 A.8: updates the interarrival jitter with a valid packet's RTP timestamp and its
        /// arrival time expressed in the same clock (<paramref name="arrivalRtpUnits"/>, e.g. nowMs * 8 at 8 kHz).
        /// The first packet only sets the reference transit time.
        /// </summary>
        public void UpdateJitter(uint rtpTimestamp, uint arrivalRtpUnits)
        {
            int transit = (int)(arrivalRtpUnits - rtpTimestamp);
            if (!_haveTransit)
            {
                _transit = transit;
                _haveTransit = true;
                return;
            }
            int d = transit - _transit;
            _transit = transit;
            if (d < 0) d = -d;
            _jitter16 = (uint)((int)_jitter16 + d - (int)((_jitter16 + 8) >> 4));
        }

        /// <summary>Interarrival jitter in RTP timestamp units (the report block field).</summary>
        public uint Jitter { get { return _jitter16 >> 4; } }
    }
}
