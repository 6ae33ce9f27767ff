// Frames SIP messages on a stream transport (RFC 3261 §18.3: header block ends at the first empty
// line, the body is Content-Length bytes, "l" compact form included) and recognises RFC 5626
// §4.4.1 keep-alives: a CRLFCRLF ping (the transport answers CRLF) and a CRLF pong. Memory is one
// buffer of the maximum message size, allocated in the constructor: a stream whose next message
// would exceed it is Fatal and the connection must be closed. Depends on the Message folder only.
// A message handed out stays valid until the next Write or Next call.
namespace Endpoint.Sip.Message
{
    /// <summary>What the framer found.</summary>
    public enum SipFrameStatus
    {
        /// <summary>Nothing complete yet; Write more bytes.</summary>
        NeedMoreData = 0,
        /// <summary>A complete message at Buffer[MessageOffset, +MessageLength).</summary>
        Message,
        /// <summary>A CRLFCRLF keep-alive ping was consumed; reply with CRLF (RFC 5626 §4.4.1).</summary>
        KeepAlivePing,
        /// <summary>A CRLF keep-alive pong was consumed.</summary>
        KeepAlivePong,
        /// <summary>The stream cannot be framed (see Error); close the connection.</summary>
        Fatal,
    }

    /// <summary>Splits a TCP/TLS byte stream into SIP messages with bounded memory.</summary>
    public sealed class SipStreamFramer
    {
        private static readonly byte[] _contentLength = SipAscii.Bytes("content-length");

        private readonly byte[] _buf;
        private int _len;
        private int _consumed;
        private int _scanPos;
        private bool _fatal;
        private SipError _error;
        private int _msgLen;
        private int _pendingTotal;

        /// <summary>Creates a framer whose buffer holds one message of at most <paramref name="maxMessageSize"/> bytes.</summary>
        public SipStreamFramer(int maxMessageSize)
        {
            if (maxMessageSize < 64) throw new System.ArgumentOutOfRangeException();
            _buf = new byte[maxMessageSize];
        }

        /// <summary>Creates a framer with the default 8 KiB limit.</summary>
        public SipStreamFramer() : this(SipMessage.DefaultMaxMessageSize) { }

        /// <summary>
        /// Set by the runtime after sending a ping: the next CRLF at a message boundary is then
        /// reported as a pong at once (without it, a lone CRLF waits to see if a ping follows).
        /// Cleared when the pong is reported.
        /// </summary>
        public bool AwaitingPong { get; set; }

        /// <summary>The framer's buffer; messages are slices of it.</summary>
        public byte[] Buffer { get { return _buf; } }
        /// <summary>Offset of the message returned by the last Next.</summary>
        public int MessageOffset { get { return 0; } }
        /// <summary>Length of the message returned by the last Next.</summary>
        public int MessageLength { get { return _msgLen; } }
        /// <summary>Bytes buffered and not yet handed out.</summary>
        public int Buffered { get { return _len - _consumed; } }
        /// <summary>Why the stream is Fatal.</summary>
        public SipError Error { get { return _error; } }

        /// <summary>Forgets everything (new connection).</summary>
        public void Reset()
        {
            _len = 0;
            _consumed = 0;
            _scanPos = 0;
            _fatal = false;
            _error = SipError.None;
            _msgLen = 0;
            _pendingTotal = 0;
            AwaitingPong = false;
        }

        private void Compact()
        {
            if (_consumed == 0) return;
            int rest = _len - _consumed;
            if (rest > 0) System.Array.Copy(_buf, _consumed, _buf, 0, rest);
            _len = rest;
            _consumed = 0;
            _scanPos = 0;
            _msgLen = 0;
            _pendingTotal = 0;
        }

        /// <summary>
        /// Buffers up to <paramref name="count"/> bytes and returns how many were taken (fewer when
        /// the buffer is full: call Next, then Write the rest).
        /// </summary>
        public int Write(byte[] data, int offset, int count)
        {
            Compact();
            if (_fatal) return count;
            int room = _buf.Length - _len;
            int n = count < room ? count : room;
            if (n > 0)
            {
                System.Array.Copy(data, offset, _buf, _len, n);
                _len += n;
            }
            return n;
        }

        private SipFrameStatus Die(SipError e)
        {
            _fatal = true;
            _error = e;
            return SipFrameStatus.Fatal;
        }

        /// <summary>Returns the next complete item in the buffered bytes, if any.</summary>
        public SipFrameStatus Next()
        {
            Compact();
            if (_fatal) return SipFrameStatus.Fatal;
            byte[] b = _buf;
            while (_len > 0 && b[0] == 10)
            {
                _consumed = 1;
                Compact();
            }
            if (_len == 0) return SipFrameStatus.NeedMoreData;
            if (b[0] == 13)
            {
                if (_len < 2) return SipFrameStatus.NeedMoreData;
                if (b[1] != 10) return Die(SipError.InvalidCharacter);
                if (AwaitingPong || (_len >= 3 && b[2] != 13))
                {
                    AwaitingPong = false;
                    _consumed = 2;
                    return SipFrameStatus.KeepAlivePong;
                }
                if (_len < 4) return SipFrameStatus.NeedMoreData;
                if (b[3] != 10) return Die(SipError.InvalidCharacter);
                _consumed = 4;
                return SipFrameStatus.KeepAlivePing;
            }

            if (_pendingTotal > 0)
            {
                if (_pendingTotal > _len) return SipFrameStatus.NeedMoreData;
                return Deliver(_pendingTotal);
            }

            // end of the header block: CRLFCRLF (or LFLF)
            int i = _scanPos > 0 ? _scanPos - 1 : 0;
            int bodyStart = -1;
            for (; i < _len; i++)
            {
                if (b[i] != 10) continue;
                if (i + 1 < _len && b[i + 1] == 10) { bodyStart = i + 2; break; }
                if (i + 2 < _len && b[i + 1] == 13 && b[i + 2] == 10) { bodyStart = i + 3; break; }
            }
            if (bodyStart < 0)
            {
                _scanPos = _len > 2 ? _len - 2 : 0;
                if (_len >= _buf.Length) return Die(SipError.MessageTooLarge);
                return SipFrameStatus.NeedMoreData;
            }

            long cl = 0;
            int ls = 0;
            while (ls < bodyStart)
            {
                int lf = SipAscii.IndexOf(b, 10, ls, bodyStart);
                if (lf < 0) break;
                int k = ls;
                while (k < lf && SipAscii.IsToken(b[k])) k++;
                Slice name = Slice.FromTo(ls, k);
                bool isCl = (name.Length == 1 && (b[ls] == (byte)'l' || b[ls] == (byte)'L'))
                    || SipAscii.EqualsIgnoreCase(b, name, _contentLength);
                if (isCl && ls > 0)
                {
                    k = SipAscii.SkipWs(b, k, lf);
                    if (k >= lf || b[k] != (byte)':') return Die(SipError.BadContentLength);
                    Slice v = SipAscii.Trim(b, Slice.FromTo(k + 1, lf));
                    cl = SipAscii.ParseNumber(b, v, int.MaxValue);
                    if (cl < 0) return Die(SipError.BadContentLength);
                }
                ls = lf + 1;
            }
            long total = bodyStart + cl;
            if (total > _buf.Length) return Die(SipError.MessageTooLarge);
            if (total > _len)
            {
                _pendingTotal = (int)total;
                return SipFrameStatus.NeedMoreData;
            }
            return Deliver((int)total);
        }

        private SipFrameStatus Deliver(int total)
        {
            _msgLen = total;
            _consumed = total;
            _pendingTotal = 0;
            return SipFrameStatus.Message;
        }
    }
}
