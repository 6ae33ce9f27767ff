// One RFC 3550 section 6.4.1 reception report block (24 bytes): reportee SSRC, fraction lost,
// cumulative lost, extended highest sequence number, interarrival jitter, LSR, DLSR.
// Depends on RtpHeader (byte order helpers). A reusable holder, filled by the RTCP parser.
namespace Endpoint.Media.Rtp
{
    /// <summary>A reception report block.</summary>
    public sealed class RtcpReportBlock
    {
        /// <summary>Bytes on the wire.</summary>
        public const int Length = 24;

        /// <summary>SSRC of the source this block reports on.</summary>
        public uint Ssrc;
        /// <summary>Fraction lost since the previous report, 1/256 units.</summary>
        public int FractionLost;
        /// <summary>Cumulative packets lost (24-bit signed).</summary>
        public int CumulativeLost;
        /// <summary>Extended highest sequence number received.</summary>
        public uint ExtendedHighestSequence;
        /// <summary>Interarrival jitter in RTP timestamp units.</summary>
        public uint Jitter;
        /// <summary>Middle 32 bits of the NTP timestamp of the last SR received from the reportee (0 if none).</summary>
        public uint LastSr;
        /// <summary>Delay since that SR, 1/65536 s.</summary>
        public uint DelaySinceLastSr;

        /// <summary>Reads a block at buf[off..off+24).</summary>
        public void Read(byte[] buf, int off)
        {
            Ssrc = RtpHeader.ReadUInt32(buf, off);
            FractionLost = buf[off + 4];
            int lost = (buf[off + 5] << 16) | (buf[off + 6] << 8) | buf[off + 7];
            CumulativeLost = (lost << 8) >> 8; // sign-extend 24 bits
            ExtendedHighestSequence = RtpHeader.ReadUInt32(buf, off + 8);
            Jitter = RtpHeader.ReadUInt32(buf, off + 12);
            LastSr = RtpHeader.ReadUInt32(buf, off + 16);
            DelaySinceLastSr = RtpHeader.ReadUInt32(buf, off + 20);
        }

        /// <summary>Writes a block at buf[off..off+24); the caller checked the room.</summary>
        public static void Write(byte[] buf, int off, uint ssrc, int fractionLost, int cumulativeLost, uint extHighest, uint jitter, uint lsr, uint dlsr)
        {
            RtpHeader.WriteUInt32(buf, off, ssrc);
            buf[off + 4] = (byte)fractionLost;
            buf[off + 5] = (byte)(cumulativeLost >> 16);
            buf[off + 6] = (byte)(cumulativeLost >> 8);
            buf[off + 7] = (byte)cumulativeLost;
            RtpHeader.WriteUInt32(buf, off + 8, extHighest);
            RtpHeader.WriteUInt32(buf, off + 12, jitter);
            RtpHeader.WriteUInt32(buf, off + 16, lsr);
            RtpHeader.WriteUInt32(buf, off + 20, dlsr);
        }
    }
}
