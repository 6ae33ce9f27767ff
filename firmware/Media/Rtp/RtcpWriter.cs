// Builds RFC 3550 compound RTCP packets into a caller buffer: SR (section 6.4.1) or RR (6.4.2)
// first, reception report blocks, SDES with a CNAME item (6.5), BYE (6.6) with an optional reason.
// One reusable instance; nothing allocated. Depends on RtpHeader, RtcpReportBlock.
// Does not know sessions or sockets. Limits: one SDES chunk (our own), no APP packets, no
// RTCP padding (all our items are padded inside SDES/BYE as the RFC requires).
namespace Endpoint.Media.Rtp
{
    /// <summary>RTCP packet types (RFC 3550 section 12.1).</summary>
    public static class RtcpType
    {
        /// <summary>Sender report.</summary>
        public const int SenderReport = 200;
        /// <summary>Receiver report.</summary>
        public const int ReceiverReport = 201;
        /// <summary>Source description.</summary>
        public const int SourceDescription = 202;
        /// <summary>Goodbye.</summary>
        public const int Bye = 203;
        /// <summary>Application-defined.</summary>
        public const int App = 204;
        /// <summary>SDES item type CNAME.</summary>
        public const int SdesCname = 1;
    }

    /// <summary>Writes one compound RTCP packet at a time into a caller buffer.</summary>
    public sealed class RtcpWriter
    {
        private byte[] _buf;
        private int _start;
        private int _end;
        private int _pos;
        private int _reportStart = -1;
        private bool _failed;

        /// <summary>Starts a new compound packet at buf[off, off+capacity).</summary>
        public void Begin(byte[] buf, int off, int capacity)
        {
            _buf = buf;
            _start = off;
            _end = off + capacity;
            if (buf == null || off < 0 || capacity < 0 || _end > buf.Length) { _failed = true; _end = off; }
            else _failed = false;
            _pos = off;
            _reportStart = -1;
        }

        /// <summary>Bytes written so far, or -1 once any step ran out of room.</summary>
        public int Length { get { return _failed ? -1 : _pos - _start; } }

        private bool Room(int n)
        {
            if (_failed || _pos + n > _end) { _failed = true; return false; }
            return true;
        }

        private void Header(int start, int count, int type, int bytes)
        {
            _buf[start] = (byte)(0x80 | (count & 0x1F));
            _buf[start + 1] = (byte)type;
            int words = bytes / 4 - 1;
            _buf[start + 2] = (byte)(words >> 8);
            _buf[start + 3] = (byte)words;
        }

        /// <summary>Adds a sender report (28 bytes) with no blocks yet.</summary>
        public bool SenderReport(uint ssrc, ulong ntp, uint rtpTimestamp, uint packetCount, uint octetCount)
        {
            if (!Room(28)) return false;
            _reportStart = _pos;
            Header(_pos, 0, RtcpType.SenderReport, 28);
            RtpHeader.WriteUInt32(_buf, _pos + 4, ssrc);
            RtpHeader.WriteUInt32(_buf, _pos + 8, (uint)(ntp >> 32));
            RtpHeader.WriteUInt32(_buf, _pos + 12, (uint)ntp);
            RtpHeader.WriteUInt32(_buf, _pos + 16, rtpTimestamp);
            RtpHeader.WriteUInt32(_buf, _pos + 20, packetCount);
            RtpHeader.WriteUInt32(_buf, _pos + 24, octetCount);
            _pos += 28;
            return true;
        }

        /// <summary>Adds a receiver report (8 bytes) with no blocks yet.</summary>
        public bool ReceiverReport(uint ssrc)
        {
            if (!Room(8)) return false;
            _reportStart = _pos;
            Header(_pos, 0, RtcpType.ReceiverReport, 8);
            RtpHeader.WriteUInt32(_buf, _pos + 4, ssrc);
            _pos += 8;
            return true;
        }

        /// <summary>Appends a report block to the SR/RR just added (updates its count and length).</summary>
        public bool ReportBlock(uint ssrc, int fractionLost, int cumulativeLost, uint extHighest, uint jitter, uint lsr, uint dlsr)
        {
            if (_reportStart < 0 || _pos != EndOfReport()) { _failed = true; return false; }
            int count = _buf[_reportStart] & 0x1F;
            if (count == 31 || !Room(RtcpReportBlock.Length)) { _failed = true; return false; }
            RtcpReportBlock.Write(_buf, _pos, ssrc, fractionLost, cumulativeLost, extHighest, jitter, lsr, dlsr);
            _pos += RtcpReportBlock.Length;
            Header(_reportStart, count + 1, _buf[_reportStart + 1], _pos - _reportStart);
            return true;
        }

        private int EndOfReport()
        {
            int words = (_buf[_reportStart + 2] << 8) | _buf[_reportStart + 3];
            return _reportStart + (words + 1) * 4;
        }

        /// <summary>Adds an SDES packet with one chunk: our SSRC and a CNAME item (1..255 bytes).</summary>
        public bool SdesCname(uint ssrc, byte[] cname, int off, int len)
        {
            if (cname == null || len <= 0 || len > 255) { _failed = true; return false; }
            int chunk = 4 + 2 + len + 1;            // SSRC, type, length, text, END
            chunk = (chunk + 3) & ~3;               // null-padded to 32 bits
            int total = 4 + chunk;
            if (!Room(total)) return false;
            _reportStart = -1;
            Header(_pos, 1, RtcpType.SourceDescription, total);
            RtpHeader.WriteUInt32(_buf, _pos + 4, ssrc);
            _buf[_pos + 8] = RtcpType.SdesCname;
            _buf[_pos + 9] = (byte)len;
            System.Array.Copy(cname, off, _buf, _pos + 10, len);
            for (int i = _pos + 10 + len; i < _pos + total; i++) _buf[i] = 0;
            _pos += total;
            return true;
        }

        /// <summary>Adds a BYE for <paramref name="ssrc"/> with an optional reason (null or 0 length for none).</summary>
        public bool Bye(uint ssrc, byte[] reason, int off, int len)
        {
            if (reason == null) len = 0;
            if (len < 0 || len > 255) { _failed = true; return false; }
            int total = 8;
            if (len > 0) total += (1 + len + 3) & ~3;
            if (!Room(total)) return false;
            _reportStart = -1;
            Header(_pos, 1, RtcpType.Bye, total);
            RtpHeader.WriteUInt32(_buf, _pos + 4, ssrc);
            if (len > 0)
            {
                _buf[_pos + 8] = (byte)len;
                System.Array.Copy(reason, off, _buf, _pos + 9, len);
                for (int i = _pos + 9 + len; i < _pos + total; i++) _buf[i] = 0;
            }
            _pos += total;
            return true;
        }
    }
}
