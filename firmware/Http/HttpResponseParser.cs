// Incremental HTTP/1.1 response parser (RFC 9112 §4 status line, §5 fields, §6 body length,
// §7.1 chunked coding) for a client that reads line-oriented bodies (JSON values one per line,
// as OpenDHT's proxy sends them). Fed arbitrary pieces of the byte stream; delivers the headers,
// then the body split on '\n' (not on chunk boundaries: a line may span chunks, a chunk may hold
// several lines), then Complete, and is ready for the next response on a kept-alive connection.
// Body framing: Content-Length, Transfer-Encoding: chunked (extensions and trailers are read and
// ignored), or until the connection closes (FeedEnd). 1xx interim responses are skipped; 204 and
// 304 have no body. Responses to HEAD are not supported (we never send HEAD).
// Limits (constructor): bytes of status line plus headers (also each trailer section and chunk-size
// line), and bytes of one body line; exceeding them is an error result, never a resize.
// Leniency: a bare LF ends a line like CRLF; blank body lines are skipped; leading blank lines
// before a status line are skipped. Strictness: obs-fold header continuations, whitespace before
// the colon, a non-numeric or conflicting Content-Length and a malformed chunk size are errors.
// Depends on nothing but byte arrays. No allocation after construction.
namespace Endpoint.Http
{
    /// <summary>Parses HTTP/1.x responses from a byte stream, pull style: call <see cref="Feed"/> in a loop.</summary>
    public sealed class HttpResponseParser
    {
        private const int StStatus = 0, StHeader = 1, StBodyLength = 2, StBodyClose = 3,
            StChunkSize = 4, StChunkData = 5, StChunkEnd = 6, StTrailer = 7, StError = 8;
        private const long MaxChunkSize = 0x7FFFFFFF;
        private const long MaxContentLength = 999999999999999L;

        private readonly byte[] _head;
        private readonly byte[] _line;
        private int _state;
        private int _headLen;
        private int _headTotal;
        private int _lineLen;
        private bool _lineDelivered;
        private bool _pendingEnd;
        private long _remaining;
        private bool _chunkEndCr;
        private HttpParseResult _error;
        private bool _hasCl, _hasTe, _teChunked, _connClose, _connKeepAlive;

        /// <summary>Creates a parser. <paramref name="maxHeaderBytes"/> bounds the status line plus
        /// headers; <paramref name="maxLineBytes"/> bounds one body line.</summary>
        public HttpResponseParser(int maxHeaderBytes = 1024, int maxLineBytes = 1024)
        {
            if (maxHeaderBytes < 32) throw new System.ArgumentOutOfRangeException("maxHeaderBytes");
            if (maxLineBytes < 1) throw new System.ArgumentOutOfRangeException("maxLineBytes");
            _head = new byte[maxHeaderBytes];
            _line = new byte[maxLineBytes];
            Reset();
        }

        /// <summary>Status code of the current response (valid from the Headers event on).</summary>
        public int StatusCode { get; private set; }

        /// <summary>Minor version of the response ("HTTP/1.0" gives 0).</summary>
        public int VersionMinor { get; private set; }

        /// <summary>Content-Length of the current response, or -1 when the body is chunked, runs until close or is absent.</summary>
        public long ContentLength { get; private set; }

        /// <summary>True when the current body uses the chunked transfer coding.</summary>
        public bool Chunked { get; private set; }

        /// <summary>True when the current body ends only when the server closes the connection.</summary>
        public bool BodyUntilClose { get; private set; }

        /// <summary>True when the connection may carry another request after this response.</summary>
        public bool KeepAlive { get; private set; }

        /// <summary>The buffer holding the current body line (valid after a Line event until the next call).</summary>
        public byte[] LineBuffer { get { return _line; } }

        /// <summary>Length of the current body line.</summary>
        public int LineLength { get { return _lineLen; } }

        /// <summary>True between a response's first byte and its Complete event.</summary>
        public bool InMessage { get { return _state != StStatus || _headTotal > 0 || _pendingEnd; } }

        /// <summary>Forgets everything (a new connection).</summary>
        public void Reset()
        {
            _state = StStatus;
            _headLen = 0;
            _headTotal = 0;
            _lineLen = 0;
            _lineDelivered = false;
            _pendingEnd = false;
            _remaining = 0;
            _chunkEndCr = false;
            _error = HttpParseResult.NeedMore;
            ResetMessageFields();
        }

        private void ResetMessageFields()
        {
            StatusCode = 0;
            VersionMinor = 1;
            ContentLength = -1;
            Chunked = false;
            BodyUntilClose = false;
            KeepAlive = false;
            _hasCl = _hasTe = _teChunked = _connClose = _connKeepAlive = false;
        }

        /// <summary>
        /// Consumes bytes from buf[offset, offset+count) up to the next event. Returns NeedMore when
        /// all bytes were used without an event, an event (Headers, Line, Complete), or an error.
        /// <paramref name="consumed"/> tells how many bytes were used; call again with the rest
        /// (also with count 0: a pending Complete is returned then).
        /// </summary>
        public HttpParseResult Feed(byte[] buf, int offset, int count, out int consumed)
        {
            consumed = 0;
            if (_state == StError) return _error;
            if (_lineDelivered) { _lineLen = 0; _lineDelivered = false; }
            if (_pendingEnd) return EndOfBody();
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                switch (_state)
                {
                    case StStatus:
                    case StHeader:
                    case StTrailer:
                        {
                            byte b = buf[i++];
                            if (b != (byte)'\n')
                            {
                                if (_headLen >= _head.Length || ++_headTotal > _head.Length) { consumed = i - offset; return Fail(HttpParseResult.HeaderTooLarge); }
                                _head[_headLen++] = b;
                                continue;
                            }
                            int len = _headLen;
                            if (len > 0 && _head[len - 1] == (byte)'\r') len--;
                            _headLen = 0;
                            HttpParseResult r = HeadLine(len);
                            if (r != HttpParseResult.NeedMore) { consumed = i - offset; return r; }
                            continue;
                        }
                    case StChunkSize:
                        {
                            byte b = buf[i++];
                            if (b != (byte)'\n')
                            {
                                if (_headLen >= _head.Length) { consumed = i - offset; return Fail(HttpParseResult.BadChunk); }
                                _head[_headLen++] = b;
                                continue;
                            }
                            int len = _headLen;
                            if (len > 0 && _head[len - 1] == (byte)'\r') len--;
                            _headLen = 0;
                            long size = ParseChunkSize(len);
                            if (size < 0) { consumed = i - offset; return Fail(HttpParseResult.BadChunk); }
                            if (size == 0) { _state = StTrailer; _headTotal = 0; }
                            else { _remaining = size; _state = StChunkData; }
                            continue;
                        }
                    case StChunkEnd:
                        {
                            byte b = buf[i++];
                            if (b == (byte)'\r' && !_chunkEndCr) { _chunkEndCr = true; continue; }
                            if (b != (byte)'\n') { consumed = i - offset; return Fail(HttpParseResult.BadChunk); }
                            _chunkEndCr = false;
                            _state = StChunkSize;
                            continue;
                        }
                    case StBodyLength:
                    case StChunkData:
                    case StBodyClose:
                        {
                            byte b = buf[i++];
                            bool bodyDone = false;
                            if (_state != StBodyClose && --_remaining == 0)
                            {
                                if (_state == StChunkData) _state = StChunkEnd;
                                else bodyDone = true;
                            }
                            if (b == (byte)'\n')
                            {
                                if (_lineLen > 0 && _line[_lineLen - 1] == (byte)'\r') _lineLen--;
                                if (_lineLen > 0)
                                {
                                    _lineDelivered = true;
                                    if (bodyDone) _pendingEnd = true;
                                    consumed = i - offset;
                                    return HttpParseResult.Line;
                                }
                            }
                            else
                            {
                                if (_lineLen >= _line.Length) { consumed = i - offset; return Fail(HttpParseResult.LineTooLong); }
                                _line[_lineLen++] = b;
                            }
                            if (bodyDone) { consumed = i - offset; return EndOfBody(); }
                            continue;
                        }
                    default:
                        consumed = i - offset;
                        return _error;
                }
            }
            consumed = i - offset;
            return HttpParseResult.NeedMore;
        }

        /// <summary>
        /// Tells the parser the connection closed. Returns Line (a last unterminated line of an
        /// until-close body; call again), Complete (the until-close body ended), Closed (clean end
        /// between responses) or Truncated (mid-response).
        /// </summary>
        public HttpParseResult FeedEnd()
        {
            if (_state == StError) return _error;
            if (_lineDelivered) { _lineLen = 0; _lineDelivered = false; }
            if (_pendingEnd) return EndOfBody();
            if (_state == StBodyClose) return EndOfBody();
            if (_state == StStatus && _headTotal == 0 && _headLen == 0) return HttpParseResult.Closed;
            return Fail(HttpParseResult.Truncated);
        }

        private HttpParseResult EndOfBody()
        {
            _pendingEnd = true;
            if (_lineLen > 0 && _line[_lineLen - 1] == (byte)'\r') _lineLen--;
            if (_lineLen > 0)
            {
                _lineDelivered = true;
                return HttpParseResult.Line;
            }
            _pendingEnd = false;
            _state = StStatus;
            _headTotal = 0;
            _headLen = 0;
            return HttpParseResult.Complete;
        }

        private HttpParseResult Fail(HttpParseResult error)
        {
            _state = StError;
            _error = error;
            return error;
        }

        // One complete line of the head (status line, header field) or of a trailer section.
        private HttpParseResult HeadLine(int len)
        {
            if (_state == StStatus)
            {
                if (len == 0) { _headTotal = 0; return HttpParseResult.NeedMore; }
                ResetMessageFields();
                if (!ParseStatusLine(len)) return Fail(HttpParseResult.BadStatusLine);
                _state = StHeader;
                return HttpParseResult.NeedMore;
            }
            if (_state == StTrailer)
            {
                if (len == 0) return EndOfBody();
                if (_head[0] == (byte)' ' || _head[0] == (byte)'\t') return Fail(HttpParseResult.BadHeader);
                return HttpParseResult.NeedMore;
            }
            if (len > 0) return ParseHeader(len);
            return EndOfHead();
        }

        private HttpParseResult EndOfHead()
        {
            int status = StatusCode;
            if (status < 200)
            {
                // Interim response (100 Continue, 103 Early Hints): skip it, a final one follows.
                _state = StStatus;
                _headTotal = 0;
                return HttpParseResult.NeedMore;
            }
            KeepAlive = VersionMinor >= 1 ? !_connClose : (_connKeepAlive && !_connClose);
            if (status == 204 || status == 304)
            {
                _pendingEnd = true;
            }
            else if (_hasTe)
            {
                ContentLength = -1;
                if (_hasCl) KeepAlive = false;
                if (_teChunked) { Chunked = true; _state = StChunkSize; _headLen = 0; }
                else { BodyUntilClose = true; KeepAlive = false; _state = StBodyClose; }
            }
            else if (_hasCl)
            {
                if (ContentLength == 0) _pendingEnd = true;
                else { _remaining = ContentLength; _state = StBodyLength; }
            }
            else
            {
                BodyUntilClose = true;
                KeepAlive = false;
                _state = StBodyClose;
            }
            _lineLen = 0;
            return HttpParseResult.Headers;
        }

        private bool ParseStatusLine(int len)
        {
            // HTTP/1.x SP 3DIGIT [SP reason]
            if (len < 12) return false;
            byte[] h = _head;
            if (h[0] != (byte)'H' || h[1] != (byte)'T' || h[2] != (byte)'T' || h[3] != (byte)'P' || h[4] != (byte)'/') return false;
            if (h[5] != (byte)'1' || h[6] != (byte)'.' || !IsDigit(h[7]) || h[8] != (byte)' ') return false;
            if (!IsDigit(h[9]) || !IsDigit(h[10]) || !IsDigit(h[11])) return false;
            if (len > 12 && h[12] != (byte)' ') return false;
            int code = (h[9] - '0') * 100 + (h[10] - '0') * 10 + (h[11] - '0');
            if (code < 100 || code > 599) return false;
            StatusCode = code;
            VersionMinor = h[7] - '0';
            return true;
        }

        private HttpParseResult ParseHeader(int len)
        {
            byte[] h = _head;
            int colon = -1;
            for (int k = 0; k < len; k++)
            {
                if (h[k] == (byte)':') { colon = k; break; }
                if (!IsTokenChar(h[k])) return Fail(HttpParseResult.BadHeader);
            }
            if (colon <= 0) return Fail(HttpParseResult.BadHeader);
            int vs = colon + 1, ve = len;
            while (vs < ve && (h[vs] == (byte)' ' || h[vs] == (byte)'\t')) vs++;
            while (ve > vs && (h[ve - 1] == (byte)' ' || h[ve - 1] == (byte)'\t')) ve--;
            if (NameIs(h, colon, "content-length"))
            {
                if (ve == vs || ve - vs > 15) return Fail(HttpParseResult.BadContentLength);
                long v = 0;
                for (int k = vs; k < ve; k++)
                {
                    if (!IsDigit(h[k])) return Fail(HttpParseResult.BadContentLength);
                    v = v * 10 + (h[k] - '0');
                }
                if (v > MaxContentLength || (_hasCl && v != ContentLength)) return Fail(HttpParseResult.BadContentLength);
                _hasCl = true;
                ContentLength = v;
            }
            else if (NameIs(h, colon, "transfer-encoding"))
            {
                _hasTe = true;
                _teChunked = LastTokenIs(h, vs, ve, "chunked");
            }
            else if (NameIs(h, colon, "connection"))
            {
                int s = vs;
                while (s < ve)
                {
                    int e = s;
                    while (e < ve && h[e] != (byte)',') e++;
                    int ts = s, te = e;
                    while (ts < te && h[ts] == (byte)' ') ts++;
                    while (te > ts && h[te - 1] == (byte)' ') te--;
                    if (RangeIs(h, ts, te - ts, "close")) _connClose = true;
                    else if (RangeIs(h, ts, te - ts, "keep-alive")) _connKeepAlive = true;
                    s = e + 1;
                }
            }
            return HttpParseResult.NeedMore;
        }

        // chunk-size [BWS ; ext...]; returns -1 when malformed.
        private long ParseChunkSize(int len)
        {
            byte[] h = _head;
            long size = 0;
            int k = 0;
            while (k < len)
            {
                int d = HexValue(h[k]);
                if (d < 0) break;
                size = size * 16 + d;
                if (size > MaxChunkSize) return -1;
                k++;
            }
            if (k == 0) return -1;
            while (k < len && (h[k] == (byte)' ' || h[k] == (byte)'\t')) k++;
            if (k < len && h[k] != (byte)';') return -1;
            return size;
        }

        private static bool LastTokenIs(byte[] h, int vs, int ve, string token)
        {
            int e = ve;
            int s = e;
            while (s > vs && h[s - 1] != (byte)',') s--;
            while (s < e && (h[s] == (byte)' ' || h[s] == (byte)'\t')) s++;
            return RangeIs(h, s, e - s, token);
        }

        private static bool NameIs(byte[] h, int len, string name) { return RangeIs(h, 0, len, name); }

        // Case-insensitive ASCII comparison with a lower-case token.
        private static bool RangeIs(byte[] h, int off, int len, string lower)
        {
            if (len != lower.Length) return false;
            for (int k = 0; k < len; k++)
            {
                int c = h[off + k];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != lower[k]) return false;
            }
            return true;
        }

        private static bool IsDigit(byte b) { return b >= (byte)'0' && b <= (byte)'9'; }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9') return b - '0';
            if (b >= (byte)'a' && b <= (byte)'f') return b - 'a' + 10;
            if (b >= (byte)'A' && b <= (byte)'F') return b - 'A' + 10;
            return -1;
        }

        // RFC 9110 §5.6.2 tchar.
        private static bool IsTokenChar(byte b)
        {
            if ((b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || IsDigit(b)) return true;
            switch (b)
            {
                case (byte)'!': case (byte)'#': case (byte)'$': case (byte)'%': case (byte)'&': case (byte)'\'':
                case (byte)'*': case (byte)'+': case (byte)'-': case (byte)'.': case (byte)'^': case (byte)'_':
                case (byte)'`': case (byte)'|': case (byte)'~':
                    return true;
                default:
                    return false;
            }
        }
    }
}
