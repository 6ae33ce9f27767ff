// SDP serializer (RFC 8866) from an SdpSession into a caller-owned byte buffer, CRLF line ends,
// fields in the order RFC 8866 section 5 requires: v o s c t a* then per media m c a*.
// Writes rtpmap/fmtp for formats that carry an encoding name / parameters, ptime, maxptime, the
// direction (media or session level, when set) and rtcp. Rejected streams (port 0) get the
// m= line only. Allocation-free after construction; reports BufferTooSmall instead of
// overrunning. Depends on SdpSession/SdpMedia/SdpDirection. Text fields must be ASCII.
namespace Endpoint.Sdp
{
    /// <summary>Writes SDP bodies; one instance can be reused.</summary>
    public sealed class SdpWriter
    {
        private byte[] _buf;
        private int _pos;
        private int _limit;
        private bool _overflow;
        private readonly byte[] _digits = new byte[20];

        /// <summary>
        /// Writes <paramref name="s"/> into dst[offset, offset+capacity). On success
        /// <paramref name="written"/> is the byte count; on BufferTooSmall it is 0.
        /// </summary>
        public SdpStatus Write(SdpSession s, byte[] dst, int offset, int capacity, out int written)
        {
            if (s == null) throw new System.ArgumentNullException("s");
            if (dst == null) throw new System.ArgumentNullException("dst");
            if (offset < 0 || capacity < 0 || capacity > dst.Length - offset) throw new System.ArgumentOutOfRangeException("capacity");
            _buf = dst;
            _pos = offset;
            _limit = offset + capacity;
            _overflow = false;

            Put("v=0\r\no=");
            Put(s.OriginUser == null || s.OriginUser.Length == 0 ? "-" : s.OriginUser);
            Put(' ');
            Put(s.OriginSessionId == null || s.OriginSessionId.Length == 0 ? "0" : s.OriginSessionId);
            Put(' ');
            PutNumber(s.OriginVersion);
            Put(s.OriginIpv6 ? " IN IP6 " : " IN IP4 ");
            Put(s.OriginAddress == null ? "0.0.0.0" : s.OriginAddress);
            Put("\r\ns=");
            Put(s.SessionName == null || s.SessionName.Length == 0 ? "-" : s.SessionName);
            Put("\r\n");
            PutConnection(s.Connection);
            Put("t=");
            PutNumber(s.TimeStart);
            Put(' ');
            PutNumber(s.TimeStop);
            Put("\r\n");
            if (s.DirectionSet) PutDirection(s.Direction);
            for (int i = 0; i < s.MediaCount; i++) PutMedia(s.Media[i]);

            _buf = null;
            if (_overflow)
            {
                written = 0;
                return SdpStatus.BufferTooSmall;
            }
            written = _pos - offset;
            return SdpStatus.Ok;
        }

        private void PutMedia(SdpMedia m)
        {
            Put("m=");
            Put(m.Type == null ? "audio" : m.Type);
            Put(' ');
            PutNumber((ulong)m.Port);
            if (m.PortCount > 1)
            {
                Put('/');
                PutNumber((ulong)m.PortCount);
            }
            Put(' ');
            Put(m.Proto == null ? "RTP/AVP" : m.Proto);
            if (m.FormatCount > 0)
            {
                for (int f = 0; f < m.FormatCount; f++)
                {
                    Put(' ');
                    PutNumber((ulong)m.Formats[f]);
                }
            }
            else
            {
                Put(' ');
                Put(m.FormatText == null || m.FormatText.Length == 0 ? "0" : m.FormatText);
            }
            Put("\r\n");
            if (m.Port == 0) return;
            PutConnection(m.Connection);
            for (int f = 0; f < m.FormatCount; f++)
            {
                if (m.EncodingName[f] == null) continue;
                Put("a=rtpmap:");
                PutNumber((ulong)m.Formats[f]);
                Put(' ');
                Put(m.EncodingName[f]);
                Put('/');
                PutNumber((ulong)m.ClockRate[f]);
                if (m.Channels[f] > 1)
                {
                    Put('/');
                    PutNumber((ulong)m.Channels[f]);
                }
                Put("\r\n");
            }
            for (int f = 0; f < m.FormatCount; f++)
            {
                if (m.Fmtp[f] == null) continue;
                Put("a=fmtp:");
                PutNumber((ulong)m.Formats[f]);
                Put(' ');
                Put(m.Fmtp[f]);
                Put("\r\n");
            }
            if (m.Ptime > 0)
            {
                Put("a=ptime:");
                PutNumber((ulong)m.Ptime);
                Put("\r\n");
            }
            if (m.MaxPtime > 0)
            {
                Put("a=maxptime:");
                PutNumber((ulong)m.MaxPtime);
                Put("\r\n");
            }
            if (m.RtcpPort > 0)
            {
                Put("a=rtcp:");
                PutNumber((ulong)m.RtcpPort);
                if (m.RtcpAddress != null)
                {
                    Put(m.RtcpAddress.IndexOf(':') >= 0 ? " IN IP6 " : " IN IP4 ");
                    Put(m.RtcpAddress);
                }
                Put("\r\n");
            }
            if (m.DirectionSet) PutDirection(m.Direction);
        }

        private void PutConnection(SdpConnection c)
        {
            if (!c.Present) return;
            Put(c.Ipv6 ? "c=IN IP6 " : "c=IN IP4 ");
            Put(c.Address == null ? "0.0.0.0" : c.Address);
            Put("\r\n");
        }

        private void PutDirection(SdpDirection d)
        {
            Put("a=");
            Put(SdpDirections.Name(d));
            Put("\r\n");
        }

        private void Put(char c)
        {
            if (_pos >= _limit)
            {
                _overflow = true;
                return;
            }
            _buf[_pos++] = (byte)c;
        }

        private void Put(string s)
        {
            int n = s.Length;
            if (_pos + n > _limit)
            {
                _overflow = true;
                return;
            }
            for (int i = 0; i < n; i++) _buf[_pos++] = (byte)s[i];
        }

        private void PutNumber(ulong v)
        {
            int n = 0;
            do
            {
                _digits[n++] = (byte)('0' + (int)(v % 10));
                v /= 10;
            }
            while (v != 0);
            if (_pos + n > _limit)
            {
                _overflow = true;
                return;
            }
            while (n > 0) _buf[_pos++] = _digits[--n];
        }
    }
}
