// HTTP/1.1 client framing: the incremental response parser fed whole, at every split position
// and byte by byte (same transcript every way), chunked bodies whose lines span chunks, chunk
// extensions and trailers, Content-Length and until-close bodies, keep-alive sequences, 1xx/204,
// limits and malformed inputs (distinct error codes, "need more" never confused with "malformed"),
// and the request writer. Samples are byte-exact captures from dhtnode 2.4.12 (RESTinio).
using System;
using System.Collections.Generic;
using System.Text;
using Endpoint.Http;
using Xunit;

namespace Endpoint.Tests.Overlay
{
    public class HttpParserTests
    {
        // Captured from dhtnode 2.4.12: GET /key/{k} with Connection: close.
        internal const string DhtGet =
            "HTTP/1.1 200 OK\r\nConnection: close\r\nServer: RESTinio\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "39\r\n{\"data\":\"aGVsbG8=\",\"id\":\"12345678901234567890\",\"type\":0}\n\r\n0\r\n\r\n";

        // Captured: a listen stream (never ends by itself).
        internal const string DhtListen =
            "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nServer: RESTinio\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "27\r\n{\"data\":\"b3RoZXI=\",\"id\":\"43\",\"type\":5}\n\r\n" +
            "23\r\n{\"data\":\"eHh4\",\"id\":\"44\",\"type\":0}\n\r\n" +
            "36\r\n{\"data\":\"b3RoZXI=\",\"expired\":true,\"id\":\"43\",\"type\":5}\n\r\n";

        // Captured: POST answered 502, then /node/info (Content-Length), on one kept-alive connection.
        internal const string DhtPostFailedThenInfo =
            "HTTP/1.1 502 Bad Gateway\r\nConnection: keep-alive\r\nContent-Length: 20\r\nServer: RESTinio\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\n\r\n" +
            "{\"err\":\"Put failed\"}" +
            "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 180\r\nServer: RESTinio\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\n\r\n" +
            "{\"ipv4\":{\"dubious\":0,\"good\":0,\"incoming\":0},\"ipv6\":{\"dubious\":0,\"good\":0,\"incoming\":0},\"node_id\":\"e793e72ac308853ede178e8a3f2c3da1573122cd\",\"ops\":1,\"public_ip\":\"::ffff:127.0.0.1\"}\n";

        // Feeds pieces and returns a transcript: H<status>[c|l<len>|u][k] L<line> C | E<error> | X (closed).
        internal static string Run(HttpResponseParser p, IEnumerable<byte[]> pieces, bool end)
        {
            var sb = new StringBuilder();
            foreach (byte[] piece in pieces)
            {
                int off = 0;
                for (int guard = 0; guard < 100000; guard++)
                {
                    HttpParseResult r = p.Feed(piece, off, piece.Length - off, out int used);
                    Assert.InRange(used, 0, piece.Length - off);
                    off += used;
                    if (r == HttpParseResult.NeedMore) { Assert.Equal(piece.Length, off); break; }
                    if (Append(sb, p, r)) return sb.ToString();
                }
            }
            if (end)
            {
                for (int guard = 0; guard < 100; guard++)
                {
                    HttpParseResult r = p.FeedEnd();
                    if (Append(sb, p, r) || r == HttpParseResult.Closed) break;
                    if (r == HttpParseResult.NeedMore) { sb.Append("?"); break; }
                }
            }
            return sb.ToString();
        }

        // Returns true when the transcript must stop (error).
        private static bool Append(StringBuilder sb, HttpResponseParser p, HttpParseResult r)
        {
            switch (r)
            {
                case HttpParseResult.Headers:
                    sb.Append("H").Append(p.StatusCode);
                    sb.Append(p.Chunked ? "c" : p.BodyUntilClose ? "u" : "l" + p.ContentLength);
                    if (p.KeepAlive) sb.Append("k");
                    sb.Append(' ');
                    return false;
                case HttpParseResult.Line:
                    sb.Append("L").Append(Encoding.UTF8.GetString(p.LineBuffer, 0, p.LineLength)).Append(' ');
                    return false;
                case HttpParseResult.Complete: sb.Append("C "); return false;
                case HttpParseResult.Closed: sb.Append("X"); return false;
                default:
                    Assert.True(HttpParseResultNames.IsError(r));
                    sb.Append("E").Append(HttpParseResultNames.Of(r));
                    return true;
            }
        }

        internal static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

        private static string Whole(string text, bool end = true, int maxHeader = 1024, int maxLine = 1024)
            => Run(new HttpResponseParser(maxHeader, maxLine), new[] { B(text) }, end);

        // Same transcript for the whole input, for every single split point, and byte by byte.
        private static string AllSplits(string text, bool end = true)
        {
            byte[] all = B(text);
            string expected = Run(new HttpResponseParser(), new[] { all }, end);
            for (int k = 0; k <= all.Length; k++)
            {
                var a = new byte[k];
                var b = new byte[all.Length - k];
                Array.Copy(all, a, k);
                Array.Copy(all, k, b, 0, b.Length);
                Assert.Equal(expected, Run(new HttpResponseParser(), new[] { a, b }, end));
            }
            var bytes = new List<byte[]>();
            foreach (byte x in all) bytes.Add(new[] { x });
            Assert.Equal(expected, Run(new HttpResponseParser(), bytes, end));
            return expected;
        }

        [Fact]
        public void DhtGet_ChunkedOneValue_EverySplit()
        {
            string t = AllSplits(DhtGet);
            Assert.Equal("H200c L{\"data\":\"aGVsbG8=\",\"id\":\"12345678901234567890\",\"type\":0} C X", t);
        }

        [Fact]
        public void DhtListen_StreamOfLines_EverySplit_ThenTruncatedOnClose()
        {
            string t = AllSplits(DhtListen);
            Assert.Equal("H200ck L{\"data\":\"b3RoZXI=\",\"id\":\"43\",\"type\":5} L{\"data\":\"eHh4\",\"id\":\"44\",\"type\":0} " +
                "L{\"data\":\"b3RoZXI=\",\"expired\":true,\"id\":\"43\",\"type\":5} Etruncated", t);
        }

        [Fact]
        public void KeepAliveSequence_ContentLength_EverySplit()
        {
            string t = AllSplits(DhtPostFailedThenInfo);
            Assert.StartsWith("H502l20k L{\"err\":\"Put failed\"} C H200l180k L{\"ipv4\"", t);
            Assert.EndsWith("\"public_ip\":\"::ffff:127.0.0.1\"} C X", t);
        }

        [Fact]
        public void LinesSpanChunks_AndChunksHoldSeveralLines()
        {
            string body = "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n";
            // Chunk boundaries deliberately inside lines and holding several lines, with extensions and a trailer.
            string resp = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                "3;name=val\r\n" + body.Substring(0, 3) + "\r\n" +
                "C\r\n" + body.Substring(3, 12) + "\r\n" +
                "9 ; x\r\n" + body.Substring(15, 9) + "\r\n" +
                "0\r\nX-Trailer: yes\r\nOther: 1\r\n\r\n";
            Assert.Equal("H200ck L{\"a\":1} L{\"b\":2} L{\"c\":3} C X", AllSplits(resp));
        }

        [Fact]
        public void LastLineWithoutNewline_IsDeliveredAtEndOfBody()
        {
            Assert.Equal("H200l9k Labc Ldef C X", AllSplits("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc\r\ndef\r"));
            Assert.Equal("H200ck Lxyz C X", AllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n"));
        }

        [Fact]
        public void UntilCloseBody_EndsAtFeedEnd()
        {
            Assert.Equal("H200u Lone Ltwo C X", AllSplits("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\none\ntwo"));
            Assert.Equal("H200u Lone C X", AllSplits("HTTP/1.0 200 OK\r\n\r\none\n"));
            // Transfer-Encoding without chunked last: until close, and never kept alive.
            Assert.Equal("H200u Lz C X", AllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nz"));
        }

        [Fact]
        public void ConnectionHeaderAndVersionDecideKeepAlive()
        {
            Assert.Equal("H200l0 C X", Whole("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
            Assert.Equal("H200l0 C X", Whole("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
            Assert.Equal("H200l0k C X", Whole("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"));
            Assert.Equal("H200l0 C X", Whole("HTTP/1.1 200 OK\r\nConnection: upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n"));
            // Chunked wins over Content-Length, and such a connection is not reused.
            Assert.Equal("H200c La C X", Whole("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n"));
        }

        [Fact]
        public void InterimAndBodylessResponses()
        {
            Assert.Equal("H200l2k Lok C X", AllSplits("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
            Assert.Equal("H204l-1k C H200l1k Lx C X", AllSplits("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"));
            Assert.Equal("H304l-1k C X", Whole("HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n"));
        }

        [Fact]
        public void BareLfLineEnds_AndBlankBodyLinesSkipped()
        {
            Assert.Equal("H200l12k La Lb C X", AllSplits("HTTP/1.1 200 OK\nContent-Length: 12\n\n\n\r\na\n\r\n\nb\n\n\n"));
        }

        [Fact]
        public void NeedMoreIsNotAnError()
        {
            var p = new HttpResponseParser();
            byte[] part = B("HTTP/1.1 200 OK\r\nTransfer-Encoding: chu");
            Assert.Equal(HttpParseResult.NeedMore, p.Feed(part, 0, part.Length, out int used));
            Assert.Equal(part.Length, used);
            Assert.True(p.InMessage);
            Assert.Equal(HttpParseResult.Truncated, p.FeedEnd());
            Assert.Equal(HttpParseResult.Truncated, p.Feed(part, 0, part.Length, out used)); // sticky
            p.Reset();
            Assert.Equal(HttpParseResult.Closed, p.FeedEnd());
        }

        [Theory]
        [InlineData("HTTP/2 200 OK\r\n\r\n", "bad-status-line")]
        [InlineData("HTTP/1.1 20 OK\r\n\r\n", "bad-status-line")]
        [InlineData("HTTP/1.1 200OK\r\n\r\n", "bad-status-line")]
        [InlineData("HTTP/1.1 099 Low\r\n\r\n", "bad-status-line")]
        [InlineData("SIP/2.0 200 OK\r\n\r\n", "bad-status-line")]
        [InlineData("<html>\r\n", "bad-status-line")]
        [InlineData("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "bad-header")]
        [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "bad-header")]
        [InlineData("HTTP/1.1 200 OK\r\nName : x\r\n\r\n", "bad-header")]
        [InlineData("HTTP/1.1 200 OK\r\n: x\r\n\r\n", "bad-header")]
        [InlineData("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n", "bad-header")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "bad-content-length")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "bad-content-length")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "bad-content-length")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", "bad-content-length")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "bad-content-length")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad-chunk")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", "bad-chunk")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\n", "bad-chunk")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX", "bad-chunk")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\r", "bad-chunk")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFF\r\n", "bad-chunk")]
        public void MalformedInputs_GiveDistinctErrors(string text, string error)
        {
            string t = Whole(text, end: false);
            Assert.EndsWith("E" + error, t);
            // The same error whatever the split.
            Assert.EndsWith("E" + error, AllSplits(text, end: false));
        }

        [Fact]
        public void Limits_HeaderAndLine()
        {
            string big = "HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 200) + "\r\n\r\n";
            Assert.EndsWith("Eheader-too-large", Whole(big, false, maxHeader: 128));
            // Many small headers over the total also fail.
            var sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 20; i++) sb.Append("X-H").Append(i).Append(": v\r\n");
            Assert.EndsWith("Eheader-too-large", Whole(sb.Append("\r\n").ToString(), false, maxHeader: 128));
            string longLine = "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + new string('x', 39) + "\n";
            Assert.EndsWith("Eline-too-long", Whole(longLine, false, maxLine: 16));
            Assert.Equal("H200l40k L" + new string('x', 39) + " C X", Whole(longLine, true, maxLine: 39));
            // A chunk-size line full of extensions over the head buffer.
            string ext = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 300) + "\r\n";
            Assert.EndsWith("Ebad-chunk", Whole(ext, false, maxHeader: 128));
        }

        [Fact]
        public void RandomGarbage_NeverHangsOrThrows()
        {
            var rng = new Random(7);
            for (int n = 0; n < 2000; n++)
            {
                byte[] g = new byte[rng.Next(0, 300)];
                rng.NextBytes(g);
                if (n % 3 == 0) Array.Copy(B("HTTP/1.1 200 OK\r\n"), g, Math.Min(17, g.Length));
                var p = new HttpResponseParser(256, 64);
                int off = 0, events = 0;
                while (off < g.Length && events < g.Length + 10)
                {
                    HttpParseResult r = p.Feed(g, off, Math.Min(g.Length - off, 1 + rng.Next(20)), out int used);
                    off += used;
                    events++;
                    if (HttpParseResultNames.IsError(r)) break;
                }
                p.FeedEnd();
            }
        }

        [Fact]
        public void RequestWriter_GetAndPost()
        {
            byte[] buf = new byte[512];
            int n = HttpRequestWriter.Write(buf, 0, "GET", "127.0.0.1", 8080, "/key/abc/listen", true, null, null, 0, 0);
            Assert.Equal("GET /key/abc/listen HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: keep-alive\r\n\r\n", Encoding.ASCII.GetString(buf, 0, n));

            byte[] body = B("{\"id\":1,\"data\":\"AA==\",\"type\":0}");
            n = HttpRequestWriter.Write(buf, 3, "POST", "::1", 80, "/key/k", false, HttpRequestWriter.Json, body, 0, body.Length);
            Assert.Equal("POST /key/k HTTP/1.1\r\nHost: [::1]\r\nContent-Type: application/json\r\nContent-Length: 31\r\nConnection: close\r\n\r\n" +
                "{\"id\":1,\"data\":\"AA==\",\"type\":0}", Encoding.ASCII.GetString(buf, 3, n));

            n = HttpRequestWriter.Write(buf, 0, "POST", "h", 1, "/", true, null, null, 0, 0);
            Assert.Contains("Content-Length: 0\r\n", Encoding.ASCII.GetString(buf, 0, n));
        }

        [Fact]
        public void RequestWriter_ErrorsAreResults()
        {
            byte[] small = new byte[20];
            Assert.Equal(HttpRequestWriter.TooSmall, HttpRequestWriter.Write(small, 0, "GET", "127.0.0.1", 8080, "/node/info", true, null, null, 0, 0));
            byte[] body = new byte[100];
            byte[] buf = new byte[120];
            Assert.Equal(HttpRequestWriter.TooSmall, HttpRequestWriter.Write(buf, 0, "POST", "h", 80, "/", true, "application/json", body, 0, 100));
            Assert.Equal(HttpRequestWriter.InvalidArgument, HttpRequestWriter.Write(buf, 0, "GET", "h", 80, "/a b", true, null, null, 0, 0));
            Assert.Equal(HttpRequestWriter.InvalidArgument, HttpRequestWriter.Write(buf, 0, "GET", "h\r\nX: y", 80, "/", true, null, null, 0, 0));
            Assert.Equal(HttpRequestWriter.InvalidArgument, HttpRequestWriter.Write(buf, 0, "GE T", "h", 80, "/", true, null, null, 0, 0));
            Assert.Equal(HttpRequestWriter.InvalidArgument, HttpRequestWriter.Write(buf, 0, "GET", "h", 80, "", true, null, null, 0, 0));
        }

        [Fact]
        public void WriterOutput_ParsesAsExpectedByAServerShapedEcho()
        {
            // Round trip: what we write is framed so that a response parser-like reader can find the body.
            byte[] buf = new byte[256];
            byte[] body = B("{\"x\":1}");
            int n = HttpRequestWriter.Write(buf, 0, "POST", "10.0.0.1", 8101, "/key/0123", true, HttpRequestWriter.Json, body, 0, body.Length);
            string s = Encoding.ASCII.GetString(buf, 0, n);
            int headEnd = s.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(headEnd > 0);
            Assert.Equal("{\"x\":1}", s.Substring(headEnd + 4));
        }
    }
}
