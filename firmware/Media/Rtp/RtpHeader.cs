// RFC 3550 section 5.1 RTP fixed header, CSRC list, section 5.3.1 header extension (skipped,
// its position reported) and padding; read from and written to caller buffers. A reused
// instance holds the parsed fields, so reading allocates nothing.
// Depends on RtpStatus. Does not know sessions, codecs or sockets.
// Limits: writes no header extension; keeps at most 15 CSRCs (the field's maximum).
namespace Endpoint.Media.Rtp
{
    /// <summary>The fields of one RTP header; reusable for every packet.</summary>
    public sealed class RtpHeader
    {
        /// <summary>Bytes in the fixed header.</summary>
        public const int FixedLength = 12;

        /// <summary>Largest CSRC count the 4-bit field can carry.</summary>
        public const int MaxCsrc = 15;

        /// <summary>Padding bit.</summary>
        public bool Padding;
        /// <summary>Extension bit.</summary>
        public bool Extension;
        /// <summary>Marker bit (talk-spurt start for audio, RFC 3551 section 4.1).</summary>
        public bool Marker;
        /// <summary>Number of CSRCs (0..15).</summary>
        public int CsrcCount;
        /// <summary>Payload type (0..127).</summary>
        public int PayloadType;
        /// <summary>Sequence number (0..65535).</summary>
        public int SequenceNumber;
        /// <summary>RTP timestamp.</summary>
        public uint Timestamp;
        /// <summary>Synchronization source.</summary>
        public uint Ssrc;
        /// <summary>The CSRC list (first CsrcCount entries valid).</summary>
        public readonly uint[] Csrc = new uint[MaxCsrc];
        /// <summary>Header extension profile word (valid when Extension).</summary>
        public int ExtensionProfile;
        /// <summary>Offset of the header extension data in the buffer (valid when Extension).</summary>
        public int ExtensionOffset;
        /// <summary>Bytes of header extension data (valid when Extension).</summary>
        public int ExtensionLength;
        /// <summary>Offset of the payload in the buffer that was read.</summary>
        public int PayloadOffset;
        /// <summary>Payload bytes (padding excluded).</summary>
        public int PayloadLength;
        /// <summary>Padding bytes at the end (including the count byte).</summary>
        public int PaddingLength;

        /// <summary>
        /// True when the second byte falls in the RTCP packet-type range 192..223 (RFC 5761 section 4),
        /// i.e. a multiplexed RTCP packet rather than RTP.
        /// </summary>
        public static bool LooksLikeRtcp(byte[] buf, int off, int len)
        {
            if (len < 2) return false;
            int b = buf[off + 1];
            return b >= 192 && b <= 223;
        }

        /// <summary>Parses an RTP packet buf[off, off+len) into this instance. Fields are undefined unless Ok.</summary>
        public RtpStatus Read(byte[] buf, int off, int len)
        {
            if (buf == null || off < 0 || len < FixedLength || off + len > buf.Length) return RtpStatus.TooShort;
            int b0 = buf[off];
            if ((b0 >> 6) != 2) return RtpStatus.BadVersion;
            if (LooksLikeRtcp(buf, off, len)) return RtpStatus.IsRtcp;
            Padding = (b0 & 0x20) != 0;
            Extension = (b0 & 0x10) != 0;
            CsrcCount = b0 & 0x0F;
            int b1 = buf[off + 1];
            Marker = (b1 & 0x80) != 0;
            PayloadType = b1 & 0x7F;
            SequenceNumber = (buf[off + 2] << 8) | buf[off + 3];
            Timestamp = ReadUInt32(buf, off + 4);
            Ssrc = ReadUInt32(buf, off + 8);
            int pos = FixedLength + CsrcCount * 4;
            if (pos > len) return RtpStatus.Truncated;
            for (int i = 0; i < CsrcCount; i++) Csrc[i] = ReadUInt32(buf, off + FixedLength + i * 4);
            ExtensionProfile = 0;
            ExtensionOffset = 0;
            ExtensionLength = 0;
            if (Extension)
            {
                if (pos + 4 > len) return RtpStatus.Truncated;
                ExtensionProfile = (buf[off + pos] << 8) | buf[off + pos + 1];
                int words = (buf[off + pos + 2] << 8) | buf[off + pos + 3];
                pos += 4;
                if (pos + words * 4 > len) return RtpStatus.Truncated;
                ExtensionOffset = off + pos;
                ExtensionLength = words * 4;
                pos += words * 4;
            }
            PaddingLength = 0;
            if (Padding)
            {
                int pad = buf[off + len - 1];
                if (pad == 0 || pad > len - pos) return RtpStatus.BadPadding;
                PaddingLength = pad;
            }
            PayloadOffset = off + pos;
            PayloadLength = len - pos - PaddingLength;
            return RtpStatus.Ok;
        }

        /// <summary>Bytes the header takes when written (fixed part plus CSRC list).</summary>
        public int WrittenLength { get { return FixedLength + CsrcCount * 4; } }

        /// <summary>
        /// Writes the fixed header and CSRC list at buf[off..]. The padding and extension bits are
        /// written as 0 (this writer adds neither). Returns the bytes written, or -1 when capacity
        /// is too small or a field is out of range.
        /// </summary>
        public int Write(byte[] buf, int off, int capacity)
        {
            if (CsrcCount < 0 || CsrcCount > MaxCsrc || PayloadType < 0 || PayloadType > 127) return -1;
            int n = WrittenLength;
            if (buf == null || off < 0 || capacity < n || off + n > buf.Length) return -1;
            WriteFixed(buf, off, PayloadType, Marker, SequenceNumber, Timestamp, Ssrc, CsrcCount);
            for (int i = 0; i < CsrcCount; i++) WriteUInt32(buf, off + FixedLength + i * 4, Csrc[i]);
            return n;
        }

        /// <summary>Writes a 12-byte fixed header (no padding, no extension) at buf[off..]; the caller checked the room.</summary>
        public static void WriteFixed(byte[] buf, int off, int payloadType, bool marker, int seq, uint timestamp, uint ssrc, int csrcCount)
        {
            buf[off] = (byte)(0x80 | (csrcCount & 0x0F));
            buf[off + 1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
            buf[off + 2] = (byte)(seq >> 8);
            buf[off + 3] = (byte)seq;
            WriteUInt32(buf, off + 4, timestamp);
            WriteUInt32(buf, off + 8, ssrc);
        }

        /// <summary>Reads a big-endian 32-bit value.</summary>
        public static uint ReadUInt32(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        /// <summary>Writes a big-endian 32-bit value.</summary>
        public static void WriteUInt32(byte[] b, int o, uint v)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }
    }
}
