// Serializes SIP messages (RFC 3261 §7) into a caller-owned byte[] without strings on the hot
// path: start lines, headers from static name tokens with values from slices of another message,
// ASCII strings or integers, the §8.2.6 response header copy (Via, From, To + To-tag, Call-ID,
// CSeq) with optional RFC 3581 received/rport, and Content-Length computed from the body.
// Depends on the Message folder. Overflow is a sticky status (BufferTooSmall), never an exception.
// Limits: Content-Length of a body written in place (BeginBody/EndBody) is at most 99999.
namespace Endpoint.Sip.Message
{
    /// <summary>Result of writing.</summary>
    public enum SipWriteStatus
    {
        /// <summary>Everything fitted.</summary>
        Ok = 0,
        /// <summary>The buffer was too small; the output is incomplete and must not be sent.</summary>
        BufferTooSmall,
    }

    /// <summary>Writes one SIP message at a time into a caller buffer. Reusable; allocation-free.</summary>
    public sealed class SipWriter
    {
        private const int ClWidth = 5;
        private static readonly byte[] _sipVersion = SipAscii.Bytes("SIP/2.0");
        private static readonly byte[] _colonSp = SipAscii.Bytes(": ");
        private static readonly byte[] _tagEq = SipAscii.Bytes(";tag=");
        private static readonly byte[] _receivedEq = SipAscii.Bytes(";received=");
        private static readonly byte[] _branchEq = SipAscii.Bytes(";branch=");
        private static readonly byte[] _rport = SipAscii.Bytes(";rport");
        private static readonly byte[] _rportName = SipAscii.Bytes("rport");
        private static readonly byte[] _receivedName = SipAscii.Bytes("received");

        private byte[] _buf;
        private int _start;
        private int _pos;
        private int _limit;
        private bool _overflow;
        private int _clField = -1;
        private int _bodyStart = -1;

        /// <summary>Begins a message at <paramref name="offset"/>, using at most <paramref name="capacity"/> bytes.</summary>
        public void Start(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null || offset < 0 || capacity < 0 || offset + capacity > buffer.Length) throw new System.ArgumentException("buffer range");
            _buf = buffer;
            _start = offset;
            _pos = offset;
            _limit = offset + capacity;
            _overflow = false;
            _clField = -1;
            _bodyStart = -1;
        }

        /// <summary>The output buffer.</summary>
        public byte[] Buffer { get { return _buf; } }
        /// <summary>Offset of the message in the buffer.</summary>
        public int Offset { get { return _start; } }
        /// <summary>Bytes written so far.</summary>
        public int Length { get { return _pos - _start; } }
        /// <summary>Ok, or BufferTooSmall once anything did not fit.</summary>
        public SipWriteStatus Status { get { return _overflow ? SipWriteStatus.BufferTooSmall : SipWriteStatus.Ok; } }

        private bool Room(int n)
        {
            if (_overflow) return false;
            if (_pos + n > _limit) { _overflow = true; return false; }
            return true;
        }

        /// <summary>Appends one byte.</summary>
        public void Byte(byte c)
        {
            if (Room(1)) _buf[_pos++] = c;
        }

        /// <summary>Appends bytes.</summary>
        public void Raw(byte[] src, int offset, int count)
        {
            if (count <= 0 || !Room(count)) return;
            System.Array.Copy(src, offset, _buf, _pos, count);
            _pos += count;
        }

        /// <summary>Appends a whole token.</summary>
        public void Raw(byte[] token) { Raw(token, 0, token.Length); }

        /// <summary>Appends the bytes of a slice of <paramref name="src"/>.</summary>
        public void Raw(byte[] src, Slice s) { Raw(src, s.Start, s.Length); }

        /// <summary>Appends an ASCII string (characters above 0xFF are written as '?').</summary>
        public void Ascii(string s)
        {
            if (s == null || s.Length == 0 || !Room(s.Length)) return;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                _buf[_pos++] = c > (char)0xFF ? (byte)'?' : (byte)c;
            }
        }

        /// <summary>Appends a decimal integer, digit by digit.</summary>
        public void Int(long v)
        {
            if (v < 0)
            {
                Byte((byte)'-');
                if (v == long.MinValue) { Ascii("9223372036854775808"); return; }
                v = -v;
            }
            int digits = 1;
            for (long t = v / 10; t > 0; t /= 10) digits++;
            if (!Room(digits)) return;
            int p = _pos + digits;
            _pos = p;
            do
            {
                _buf[--p] = (byte)('0' + (int)(v % 10));
                v /= 10;
            }
            while (v > 0);
        }

        /// <summary>Appends CRLF.</summary>
        public void Crlf()
        {
            if (Room(2)) { _buf[_pos++] = 13; _buf[_pos++] = 10; }
        }

        /// <summary>Request-Line with a known method and a URI string.</summary>
        public void RequestLine(SipMethod method, string uri)
        {
            Raw(SipMethods.Tokens[(int)method]);
            Byte((byte)' ');
            Ascii(uri);
            Byte((byte)' ');
            Raw(_sipVersion);
            Crlf();
        }

        /// <summary>Request-Line with a known method and a URI copied from a slice.</summary>
        public void RequestLine(SipMethod method, byte[] uriSrc, Slice uri)
        {
            Raw(SipMethods.Tokens[(int)method]);
            Byte((byte)' ');
            Raw(uriSrc, uri);
            Byte((byte)' ');
            Raw(_sipVersion);
            Crlf();
        }

        /// <summary>Status-Line "SIP/2.0 code reason".</summary>
        public void StatusLine(int code, string reason)
        {
            Raw(_sipVersion);
            Byte((byte)' ');
            Int(code);
            Byte((byte)' ');
            Ascii(reason);
            Crlf();
        }

        /// <summary>Writes "Name: " for a known header.</summary>
        public void HeaderName(SipHeaderId id)
        {
            Raw(SipHeaders.NameTokens[(int)id]);
            Raw(_colonSp);
        }

        /// <summary>Writes "Name: " for any header name.</summary>
        public void HeaderName(string name)
        {
            Ascii(name);
            Raw(_colonSp);
        }

        /// <summary>A complete header line with a string value.</summary>
        public void Header(SipHeaderId id, string value)
        {
            HeaderName(id);
            Ascii(value);
            Crlf();
        }

        /// <summary>A complete header line with a value copied from a slice.</summary>
        public void Header(SipHeaderId id, byte[] src, Slice value)
        {
            HeaderName(id);
            Raw(src, value);
            Crlf();
        }

        /// <summary>A complete header line with an integer value.</summary>
        public void Header(SipHeaderId id, long value)
        {
            HeaderName(id);
            Int(value);
            Crlf();
        }

        /// <summary>A complete header line with any name and a string value.</summary>
        public void Header(string name, string value)
        {
            HeaderName(name);
            Ascii(value);
            Crlf();
        }

        /// <summary>"CSeq: n METHOD".</summary>
        public void CSeq(long number, SipMethod method)
        {
            HeaderName(SipHeaderId.CSeq);
            Int(number);
            Byte((byte)' ');
            Raw(SipMethods.Tokens[(int)method]);
            Crlf();
        }

        /// <summary>
        /// "Via: SIP/2.0/TRANSPORT host[:port];branch=BRANCH[;rport]" (port omitted when 0).
        /// </summary>
        public void Via(SipTransport transport, string host, int port, byte[] branchSrc, Slice branch, bool rport)
        {
            HeaderName(SipHeaderId.Via);
            Raw(_sipVersion);
            Byte((byte)'/');
            Ascii(SipTransports.Name(transport));
            Byte((byte)' ');
            Ascii(host);
            if (port > 0) { Byte((byte)':'); Int(port); }
            Raw(_branchEq);
            Raw(branchSrc, branch);
            if (rport) Raw(_rport);
            Crlf();
        }

        /// <summary>Copies header entry <paramref name="index"/> of <paramref name="m"/> (canonical name for known headers).</summary>
        public void CopyHeader(SipMessage m, int index)
        {
            SipHeaderId id = m.GetHeaderId(index);
            if (id == SipHeaderId.Unknown) Raw(m.Buffer, m.GetHeaderName(index));
            else Raw(SipHeaders.NameTokens[(int)id]);
            Raw(_colonSp);
            Raw(m.Buffer, m.GetHeaderValue(index));
            Crlf();
        }

        /// <summary>Copies every entry with <paramref name="id"/>, in order. Returns how many.</summary>
        public int CopyHeaders(SipMessage m, SipHeaderId id)
        {
            int n = 0;
            for (int i = m.FindHeader(id, 0); i >= 0; i = m.FindHeader(id, i + 1))
            {
                CopyHeader(m, i);
                n++;
            }
            return n;
        }

        /// <summary>
        /// Response headers copied from a request (RFC 3261 §8.2.6.2): all Via values in order,
        /// From, To (adding ";tag=" + <paramref name="toTag"/> if the request's To has no tag and
        /// toTag is not empty), Call-ID, CSeq. RFC 3581: if <paramref name="received"/> is not
        /// empty it is added to the top Via as ";received=..." (unless present); if the top Via has
        /// a valueless rport and <paramref name="rport"/> &gt; 0, it becomes ";rport=PORT".
        /// </summary>
        public void ResponseHeaders(SipMessage request, byte[] toTagSrc, Slice toTag, byte[] receivedSrc, Slice received, int rport)
        {
            byte[] b = request.Buffer;
            bool first = true;
            for (int i = request.FindHeader(SipHeaderId.Via, 0); i >= 0; i = request.FindHeader(SipHeaderId.Via, i + 1))
            {
                if (!first) { CopyHeader(request, i); continue; }
                first = false;
                TopVia(b, request.GetHeaderValue(i), receivedSrc, received, rport);
            }
            CopyHeaders(request, SipHeaderId.From);
            int t = request.FindHeader(SipHeaderId.To, 0);
            if (t >= 0)
            {
                HeaderName(SipHeaderId.To);
                Raw(b, request.GetHeaderValue(t));
                if (!request.To.HasTag && toTag.Length > 0)
                {
                    Raw(_tagEq);
                    Raw(toTagSrc, toTag);
                }
                Crlf();
            }
            CopyHeaders(request, SipHeaderId.CallId);
            CopyHeaders(request, SipHeaderId.CSeq);
        }

        /// <summary>Same as the full overload without RFC 3581 additions.</summary>
        public void ResponseHeaders(SipMessage request, byte[] toTagSrc, Slice toTag)
        {
            ResponseHeaders(request, toTagSrc, toTag, null, new Slice(0, 0), 0);
        }

        private void TopVia(byte[] b, Slice value, byte[] receivedSrc, Slice received, int rport)
        {
            HeaderName(SipHeaderId.Via);
            SipVia via;
            bool parsed = SipVia.TryParse(b, value, out via);
            int copied = value.Start;
            if (parsed && rport > 0 && via.HasRport && via.Rport == 0)
            {
                SipParamIterator it = new SipParamIterator(b, via.Params);
                Slice n, v;
                bool hv;
                while (it.Next(out n, out v, out hv))
                {
                    if (!hv && SipAscii.EqualsIgnoreCase(b, n, _rportName))
                    {
                        Raw(b, Slice.FromTo(copied, n.End));
                        Byte((byte)'=');
                        Int(rport);
                        copied = n.End;
                        break;
                    }
                }
            }
            Raw(b, Slice.FromTo(copied, value.End));
            if (parsed && received.Length > 0 && !via.HasReceived)
            {
                Raw(_receivedEq);
                Raw(receivedSrc, received);
            }
            Crlf();
        }

        /// <summary>Ends the header block with "Content-Length: N", a blank line, and the body.</summary>
        public void Body(byte[] src, int offset, int count)
        {
            HeaderName(SipHeaderId.ContentLength);
            Int(count);
            Crlf();
            Crlf();
            Raw(src, offset, count);
        }

        /// <summary>Ends the header block with "Content-Length: 0" and a blank line.</summary>
        public void NoBody()
        {
            HeaderName(SipHeaderId.ContentLength);
            Byte((byte)'0');
            Crlf();
            Crlf();
        }

        /// <summary>
        /// Ends the header block with a Content-Length placeholder so the body can be written in
        /// place (Raw/Ascii/Int, or directly into Buffer from BodyOffset followed by Advance); finish
        /// with EndBody. Returns the body's offset in Buffer, or -1 on overflow.
        /// </summary>
        public int BeginBody()
        {
            HeaderName(SipHeaderId.ContentLength);
            if (!Room(ClWidth)) return -1;
            _clField = _pos;
            for (int i = 0; i < ClWidth; i++) _buf[_pos++] = (byte)' ';
            Crlf();
            Crlf();
            if (_overflow) return -1;
            _bodyStart = _pos;
            return _pos;
        }

        /// <summary>Free bytes left in the buffer.</summary>
        public int Remaining { get { return _overflow ? 0 : _limit - _pos; } }

        /// <summary>Declares <paramref name="count"/> bytes written directly into Buffer at the current position.</summary>
        public void Advance(int count)
        {
            if (count < 0) throw new System.ArgumentOutOfRangeException();
            if (Room(count)) _pos += count;
        }

        /// <summary>Patches the Content-Length placeholder written by BeginBody with the body size.</summary>
        public void EndBody()
        {
            if (_overflow || _clField < 0) return;
            int n = _pos - _bodyStart;
            if (n > 99999) { _overflow = true; return; }
            int p = _clField + ClWidth;
            do
            {
                _buf[--p] = (byte)('0' + n % 10);
                n /= 10;
            }
            while (n > 0);
            _clField = -1;
        }
    }
}
