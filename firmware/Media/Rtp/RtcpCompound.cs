// Parses an RFC 3550 compound RTCP packet (section 6.1) with the Appendix A.2 validity checks:
// version 2 everywhere, the first packet an SR or RR without padding, padding only in the last
// packet, and the packet lengths adding up to the datagram length. Keeps the sender info, up to
// MaxBlocks report blocks, the first CNAME (as a view into the caller's buffer) and BYE SSRCs.
// Depends on RtpHeader, RtcpReportBlock, RtcpWriter (type numbers), RtpStatus.
// Limits: APP/feedback/XR packets are skipped; report blocks beyond MaxBlocks and BYE SSRCs
// beyond MaxByeSsrcs are counted but not kept; no reduced-size RTCP (RFC 5506).
namespace Endpoint.Media.Rtp
{
    /// <summary>The content of one compound RTCP packet; a reusable instance.</summary>
    public sealed class RtcpCompound
    {
        /// <summary>Report blocks kept per compound packet.</summary>
        public const int MaxBlocks = 4;
        /// <summary>BYE SSRCs kept per compound packet.</summary>
        public const int MaxByeSsrcs = 4;

        /// <summary>Report blocks (first <see cref="BlockCount"/> valid).</summary>
        public readonly RtcpReportBlock[] Blocks = new RtcpReportBlock[MaxBlocks];
        /// <summary>BYE SSRCs (first <see cref="ByeCount"/> valid, up to MaxByeSsrcs).</summary>
        public readonly uint[] ByeSsrcs = new uint[MaxByeSsrcs];

        /// <summary>A reusable parse target.</summary>
        public RtcpCompound()
        {
            for (int i = 0; i < MaxBlocks; i++) Blocks[i] = new RtcpReportBlock();
        }

        /// <summary>True when the first packet is an SR (sender info valid).</summary>
        public bool IsSenderReport;
        /// <summary>SSRC of the SR/RR sender.</summary>
        public uint SenderSsrc;
        /// <summary>SR: NTP timestamp.</summary>
        public ulong NtpTimestamp;
        /// <summary>SR: RTP timestamp.</summary>
        public uint RtpTimestamp;
        /// <summary>SR: sender's packet count.</summary>
        public uint PacketCount;
        /// <summary>SR: sender's octet count.</summary>
        public uint OctetCount;
        /// <summary>Report blocks kept.</summary>
        public int BlockCount;
        /// <summary>Report blocks present (kept or not).</summary>
        public int BlockTotal;
        /// <summary>True when an SDES CNAME item was found.</summary>
        public bool HasCname;
        /// <summary>SSRC of the chunk holding the CNAME.</summary>
        public uint CnameSsrc;
        /// <summary>Offset of the CNAME text in the parsed buffer.</summary>
        public int CnameOffset;
        /// <summary>Length of the CNAME text.</summary>
        public int CnameLength;
        /// <summary>True when a BYE packet was present.</summary>
        public bool HasBye;
        /// <summary>SSRCs listed in BYE packets (may exceed MaxByeSsrcs; only those are kept).</summary>
        public int ByeCount;

        private void Clear()
        {
            IsSenderReport = false; SenderSsrc = 0; NtpTimestamp = 0; RtpTimestamp = 0; PacketCount = 0; OctetCount = 0;
            BlockCount = 0; BlockTotal = 0; HasCname = false; CnameSsrc = 0; CnameOffset = 0; CnameLength = 0;
            HasBye = false; ByeCount = 0;
        }

        /// <summary>True when the BYE list holds <paramref name="ssrc"/>.</summary>
        public bool ByeIncludes(uint ssrc)
        {
            int n = ByeCount < MaxByeSsrcs ? ByeCount : MaxByeSsrcs;
            for (int i = 0; i < n; i++) if (ByeSsrcs[i] == ssrc) return true;
            return false;
        }

        /// <summary>Parses buf[off, off+len). Returns Ok, TooShort or BadRtcp.</summary>
        public RtpStatus Parse(byte[] buf, int off, int len)
        {
            Clear();
            if (buf == null || off < 0 || len < 8 || off + len > buf.Length) return RtpStatus.TooShort;
            if ((len & 3) != 0) return RtpStatus.BadRtcp;
            int first = buf[off];
            int firstType = buf[off + 1];
            if ((first & 0xE0) != 0x80) return RtpStatus.BadRtcp; // version 2, no padding
            if (firstType != RtcpType.SenderReport && firstType != RtcpType.ReceiverReport) return RtpStatus.BadRtcp;
            int end = off + len;
            int p = off;
            while (p < end)
            {
                if (end - p < 4) return RtpStatus.BadRtcp;
                int b0 = buf[p];
                if ((b0 >> 6) != 2) return RtpStatus.BadRtcp;
                int count = b0 & 0x1F;
                int type = buf[p + 1];
                int bytes = (((buf[p + 2] << 8) | buf[p + 3]) + 1) * 4;
                if (bytes > end - p) return RtpStatus.BadRtcp;
                bool last = p + bytes == end;
                int body = bytes;
                if ((b0 & 0x20) != 0)
                {
                    if (!last) return RtpStatus.BadRtcp;
                    int pad = buf[p + bytes - 1];
                    if (pad == 0 || pad > bytes - 4) return RtpStatus.BadRtcp;
                    body = bytes - pad;
                }
                RtpStatus s = ParseOne(buf, p, body, type, count, p == off);
                if (s != RtpStatus.Ok) return s;
                p += bytes;
            }
            return RtpStatus.Ok;
        }

        private RtpStatus ParseOne(byte[] buf, int p, int body, int type, int count, bool isFirst)
        {
            if (type == RtcpType.SenderReport || type == RtcpType.ReceiverReport)
            {
                int fixedLen = type == RtcpType.SenderReport ? 28 : 8;
                if (body < fixedLen + count * RtcpReportBlock.Length) return RtpStatus.BadRtcp;
                if (isFirst)
                {
                    SenderSsrc = RtpHeader.ReadUInt32(buf, p + 4);
                    if (type == RtcpType.SenderReport)
                    {
                        IsSenderReport = true;
                        NtpTimestamp = ((ulong)RtpHeader.ReadUInt32(buf, p + 8) << 32) | RtpHeader.ReadUInt32(buf, p + 12);
                        RtpTimestamp = RtpHeader.ReadUInt32(buf, p + 16);
                        PacketCount = RtpHeader.ReadUInt32(buf, p + 20);
                        OctetCount = RtpHeader.ReadUInt32(buf, p + 24);
                    }
                }
                for (int i = 0; i < count; i++)
                {
                    BlockTotal++;
                    if (BlockCount < MaxBlocks) Blocks[BlockCount++].Read(buf, p + fixedLen + i * RtcpReportBlock.Length);
                }
                return RtpStatus.Ok;
            }
            if (type == RtcpType.SourceDescription) return ParseSdes(buf, p, body, count);
            if (type == RtcpType.Bye)
            {
                if (body < 4 + count * 4) return RtpStatus.BadRtcp;
                HasBye = true;
                for (int i = 0; i < count; i++)
                {
                    if (ByeCount < MaxByeSsrcs) ByeSsrcs[ByeCount] = RtpHeader.ReadUInt32(buf, p + 4 + i * 4);
                    ByeCount++;
                }
                return RtpStatus.Ok;
            }
            return RtpStatus.Ok; // APP, feedback, XR...: skipped
        }

        private RtpStatus ParseSdes(byte[] buf, int p, int body, int count)
        {
            int q = p + 4;
            int end = p + body;
            for (int c = 0; c < count; c++)
            {
                if (q + 4 > end) return RtpStatus.BadRtcp;
                uint ssrc = RtpHeader.ReadUInt32(buf, q);
                q += 4;
                while (true)
                {
                    if (q >= end) return RtpStatus.BadRtcp;
                    int itemType = buf[q];
                    if (itemType == 0)
                    {
                        q = ((q - p) + 4) / 4 * 4 + p; // skip END and the null padding to the next 32-bit boundary
                        break;
                    }
                    if (q + 2 > end) return RtpStatus.BadRtcp;
                    int itemLen = buf[q + 1];
                    if (q + 2 + itemLen > end) return RtpStatus.BadRtcp;
                    if (itemType == RtcpType.SdesCname && !HasCname)
                    {
                        HasCname = true;
                        CnameSsrc = ssrc;
                        CnameOffset = q + 2;
                        CnameLength = itemLen;
                    }
                    q += 2 + itemLen;
                }
            }
            return RtpStatus.Ok;
        }
    }
}
