// The pure half of fetching a configuration over HTTP/1.1: writes the GET request
// (HttpRequestWriter, Connection: close) and collects the body of a 200 response from the bytes
// the runtime receives (HttpResponseParser: Content-Length, chunked or until close), bounded to
// MaxBodyBytes. The parser hands the body over line by line, so the collected document is the
// body's lines joined with '\n' (CR and blank lines dropped), which is the same JSON value; the
// SHA-256 that decides "unchanged" is taken over this normalised form every time.
// Depends on Endpoint.Http. No sockets, no clock. Memory: a body buffer and a line buffer of
// maxBodyBytes each plus the header buffer, allocated once per instance (about 34 KB for the
// 16 KB default: make one per fetch and drop it, or keep one if the heap allows).
using Endpoint.Http;

namespace Endpoint.Provisioning
{
    /// <summary>Builds a configuration GET and collects its response body.</summary>
    public sealed class ConfigDownload
    {
        /// <summary>Feed result: more bytes needed.</summary>
        public const int NeedMore = 0;
        /// <summary>Feed result: the whole body of a 200 response is in Body.</summary>
        public const int Done = 1;
        /// <summary>Feed result: the server answered with a status other than 200 (see StatusCode).</summary>
        public const int HttpStatus = -1;
        /// <summary>Feed result: the response is not well-formed HTTP (see Reason).</summary>
        public const int BadResponse = -2;
        /// <summary>Feed result: the body is larger than MaxBodyBytes.</summary>
        public const int TooLarge = -3;
        /// <summary>Feed result: the connection closed before the response was complete.</summary>
        public const int Truncated = -4;

        private readonly HttpResponseParser _parser;
        private readonly byte[] _body;
        private int _length;
        private int _state;
        private bool _headers;

        /// <summary>Creates a collector for bodies of up to <paramref name="maxBodyBytes"/>.</summary>
        public ConfigDownload(int maxBodyBytes)
        {
            if (maxBodyBytes < 16) throw new System.ArgumentOutOfRangeException("maxBodyBytes");
            _body = new byte[maxBodyBytes];
            _parser = new HttpResponseParser(2048, maxBodyBytes);
        }

        /// <summary>The collected body (valid bytes: BodyLength).</summary>
        public byte[] Body { get { return _body; } }

        /// <summary>Bytes of the collected body.</summary>
        public int BodyLength { get { return _length; } }

        /// <summary>Largest body accepted.</summary>
        public int MaxBodyBytes { get { return _body.Length; } }

        /// <summary>HTTP status code once the headers arrived, else 0.</summary>
        public int StatusCode { get { return _headers ? _parser.StatusCode : 0; } }

        /// <summary>Current state: NeedMore, Done or an error result.</summary>
        public int State { get { return _state; } }

        /// <summary>Why the download failed, for events and logs (no body content), or null.</summary>
        public string Reason { get; private set; }

        /// <summary>Forgets everything (a new attempt).</summary>
        public void Reset()
        {
            _parser.Reset();
            _length = 0;
            _state = NeedMore;
            _headers = false;
            Reason = null;
        }

        /// <summary>Writes "GET target HTTP/1.1" with Host and Connection: close; returns the length or a negative HttpRequestWriter code.</summary>
        public static int WriteRequest(byte[] dst, int offset, HttpUrl url)
        {
            return HttpRequestWriter.Write(dst, offset, "GET", url.Host, url.Port, url.Target, false, null, null, 0, 0);
        }

        /// <summary>Consumes received bytes; returns NeedMore, Done or an error (sticky).</summary>
        public int Feed(byte[] buf, int offset, int count)
        {
            int guard = count + 8;
            while (_state == NeedMore && guard-- > 0)
            {
                int used;
                HttpParseResult r = _parser.Feed(buf, offset, count, out used);
                offset += used;
                count -= used;
                Handle(r);
                if (r == HttpParseResult.NeedMore) break;
            }
            return _state;
        }

        /// <summary>The connection closed; returns Done (body ran until close) or an error.</summary>
        public int FeedEnd()
        {
            for (int guard = 0; guard < 4 && _state == NeedMore; guard++)
            {
                HttpParseResult r = _parser.FeedEnd();
                Handle(r);
                if (r == HttpParseResult.Closed && _state == NeedMore) Fail(Truncated, "the server closed the connection without a response");
            }
            if (_state == NeedMore) Fail(Truncated, "the server closed the connection before the response ended");
            return _state;
        }

        private void Handle(HttpParseResult r)
        {
            switch (r)
            {
                case HttpParseResult.NeedMore:
                    return;
                case HttpParseResult.Headers:
                    _headers = true;
                    if (_parser.StatusCode != 200) Fail(HttpStatus, "the server answered HTTP " + _parser.StatusCode);
                    return;
                case HttpParseResult.Line:
                    Append(_parser.LineBuffer, _parser.LineLength);
                    return;
                case HttpParseResult.Complete:
                    _state = Done;
                    return;
                case HttpParseResult.Closed:
                    return;
                case HttpParseResult.LineTooLong:
                    Fail(TooLarge, "the document is larger than " + _body.Length + " bytes");
                    return;
                case HttpParseResult.Truncated:
                    Fail(Truncated, "the server closed the connection before the response ended");
                    return;
                default:
                    Fail(BadResponse, "malformed HTTP response (" + HttpParseResultNames.Of(r) + ")");
                    return;
            }
        }

        private void Append(byte[] line, int n)
        {
            int need = n + (_length > 0 ? 1 : 0);
            if (_length + need > _body.Length) { Fail(TooLarge, "the document is larger than " + _body.Length + " bytes"); return; }
            if (_length > 0) _body[_length++] = (byte)'\n';
            System.Array.Copy(line, 0, _body, _length, n);
            _length += n;
        }

        private void Fail(int state, string reason)
        {
            if (_state != NeedMore) return;
            _state = state;
            Reason = reason;
        }
    }
}
