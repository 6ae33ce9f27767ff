// Results of the incremental HTTP/1.1 response parser (RFC 9112): events (headers, one body
// line, message complete, clean close), "need more data", and one distinct code per kind of
// malformed or over-limit input. Depends on nothing.
namespace Endpoint.Http
{
    /// <summary>What <see cref="HttpResponseParser.Feed"/> or <see cref="HttpResponseParser.FeedEnd"/> found.
    /// Zero means "need more data"; positive values are events; negative values are errors (sticky until Reset).</summary>
    public enum HttpParseResult
    {
        /// <summary>All given bytes were used; nothing to report yet.</summary>
        NeedMore = 0,
        /// <summary>Status line and headers are complete: StatusCode, ContentLength, Chunked, KeepAlive are valid.</summary>
        Headers = 1,
        /// <summary>One body line (without its '\n' and a trailing '\r') is in LineBuffer[0, LineLength).</summary>
        Line = 2,
        /// <summary>The response ended; the parser is ready for the next response on the same connection.</summary>
        Complete = 3,
        /// <summary>From FeedEnd: the connection closed cleanly between responses.</summary>
        Closed = 4,
        /// <summary>The status line is not "HTTP/1.x NNN reason".</summary>
        BadStatusLine = -1,
        /// <summary>A header line is not "name: value" (no colon, bad name characters, space before the colon).</summary>
        BadHeader = -2,
        /// <summary>The status line and headers (or trailers) exceed the configured limit.</summary>
        HeaderTooLarge = -3,
        /// <summary>A body line is longer than the line buffer.</summary>
        LineTooLong = -4,
        /// <summary>A chunk-size line or the CRLF after chunk data is malformed.</summary>
        BadChunk = -5,
        /// <summary>The connection closed in the middle of a response.</summary>
        Truncated = -6,
        /// <summary>Content-Length is not a decimal number, or two Content-Length headers disagree.</summary>
        BadContentLength = -7,
    }

    /// <summary>Names for <see cref="HttpParseResult"/> (enum ToString prints numbers on nanoFramework).</summary>
    public static class HttpParseResultNames
    {
        /// <summary>A short lower-case name, e.g. "bad-chunk".</summary>
        public static string Of(HttpParseResult r)
        {
            switch (r)
            {
                case HttpParseResult.NeedMore: return "need-more";
                case HttpParseResult.Headers: return "headers";
                case HttpParseResult.Line: return "line";
                case HttpParseResult.Complete: return "complete";
                case HttpParseResult.Closed: return "closed";
                case HttpParseResult.BadStatusLine: return "bad-status-line";
                case HttpParseResult.BadHeader: return "bad-header";
                case HttpParseResult.HeaderTooLarge: return "header-too-large";
                case HttpParseResult.LineTooLong: return "line-too-long";
                case HttpParseResult.BadChunk: return "bad-chunk";
                case HttpParseResult.Truncated: return "truncated";
                case HttpParseResult.BadContentLength: return "bad-content-length";
                default: return "unknown";
            }
        }

        /// <summary>True for the negative (error) results.</summary>
        public static bool IsError(HttpParseResult r) { return (int)r < 0; }
    }
}
