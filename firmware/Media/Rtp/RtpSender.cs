// RFC 3550 sender state: random SSRC, random initial sequence number and timestamp (sections
// 5.1, 8.1), per-packet header writing, the packet and octet counts and the RTP-to-wall-clock
// mapping for sender reports (section 6.4.1), and the marker bit on talk-spurt start (RFC 3551
// section 4.1). Depends on RtpHeader, IRandomSource. Does not know codecs, sockets or SIP.
namespace Endpoint.Media.Rtp
{
    /// <summary>The sending half of one RTP stream.</summary>
    public sealed class RtpSender
    {
        private readonly IRandomSource _random;
        private readonly int _clockRate;
        private uint _ssrc;
        private int _seq;
        private uint _mediaTs;
        private uint _lastTs;
        private long _lastTsMs;
        private bool _sentAny;
        private bool _haveMapping;
        private bool _talkSpurtPending;

        /// <summary>A sender whose SSRC, first sequence number and first timestamp come from <paramref name="random"/>.</summary>
        public RtpSender(IRandomSource random, int clockRate)
        {
            if (random == null) throw new System.ArgumentNullException("random");
            if (clockRate <= 0) throw new System.ArgumentOutOfRangeException("clockRate");
            _random = random;
            _clockRate = clockRate;
            Regenerate();
        }

        /// <summary>Our SSRC.</summary>
        public uint Ssrc { get { return _ssrc; } }

        /// <summary>Sequence number the next packet will carry.</summary>
        public int NextSequence { get { return _seq; } }

        /// <summary>RTP timestamp of the next media frame (advanced by <see cref="AdvanceMedia"/>).</summary>
        public uint MediaTimestamp { get { return _mediaTs; } }

        /// <summary>Packets sent since the SSRC was chosen (RFC 3550 SR sender's packet count).</summary>
        public uint PacketCount { get; private set; }

        /// <summary>Payload octets sent since the SSRC was chosen (SR sender's octet count).</summary>
        public uint OctetCount { get; private set; }

        /// <summary>True once a packet has been sent (a sender report is due instead of a receiver report).</summary>
        public bool HasSent { get { return _sentAny; } }

        /// <summary>Picks a new random SSRC, sequence number and timestamp and clears the counts (e.g. on SSRC collision).</summary>
        public void Regenerate()
        {
            _ssrc = _random.NextUInt32();
            _seq = (int)(_random.NextUInt32() & 0xFFFF);
            _mediaTs = _random.NextUInt32();
            _lastTs = _mediaTs;
            _lastTsMs = 0;
            _haveMapping = false;
            _sentAny = false;
            _talkSpurtPending = true;
            PacketCount = 0;
            OctetCount = 0;
        }

        /// <summary>Asks for the marker bit on the next audio packet (start of a talk spurt, e.g. after silence or hold).</summary>
        public void StartTalkSpurt() { _talkSpurtPending = true; }

        /// <summary>Returns true once per talk spurt: the marker for the audio packet being built. The first packet always gets it.</summary>
        public bool TakeTalkSpurtMarker()
        {
            bool m = _talkSpurtPending;
            _talkSpurtPending = false;
            return m;
        }

        /// <summary>Advances the media clock by <paramref name="samples"/> (called once per captured frame, sent or not).</summary>
        public void AdvanceMedia(int samples) { _mediaTs += (uint)samples; }

        /// <summary>
        /// Writes a 12-byte header with the next sequence number at buf[off..] and counts a packet of
        /// <paramref name="payloadLength"/> payload bytes sent at <paramref name="nowMs"/>. The caller places
        /// the payload right after the header. Returns 12, or -1 when capacity is below 12 + payloadLength.
        /// </summary>
        public int WriteHeader(byte[] buf, int off, int capacity, int payloadType, bool marker, uint timestamp, int payloadLength, long nowMs)
        {
            if (buf == null || off < 0 || payloadLength < 0 || capacity < RtpHeader.FixedLength + payloadLength
                || off + RtpHeader.FixedLength + payloadLength > buf.Length) return -1;
            RtpHeader.WriteFixed(buf, off, payloadType, marker, _seq, timestamp, _ssrc, 0);
            _seq = (_seq + 1) & 0xFFFF;
            PacketCount++;
            OctetCount += (uint)payloadLength;
            _sentAny = true;
            if (!_haveMapping) NoteMediaTime(timestamp, nowMs);
            return RtpHeader.FixedLength;
        }

        /// <summary>
        /// Records that media sampled at RTP time <paramref name="timestamp"/> was captured at
        /// <paramref name="nowMs"/>: the mapping used for the SR's RTP timestamp. The audio path calls
        /// it per frame; otherwise the first packet written sets it (telephone-event timestamps,
        /// which stay at the event start, never move it).
        /// </summary>
        public void NoteMediaTime(uint timestamp, long nowMs)
        {
            _lastTs = timestamp;
            _lastTsMs = nowMs;
            _haveMapping = true;
        }

        /// <summary>The RTP timestamp matching <paramref name="nowMs"/>, extrapolated from the media time mapping (SR field, RFC 3550 6.4.1).</summary>
        public uint TimestampAt(long nowMs)
        {
            if (!_haveMapping) return _mediaTs;
            return _lastTs + (uint)((nowMs - _lastTsMs) * _clockRate / 1000);
        }
    }
}
