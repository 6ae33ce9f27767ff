// HTTP framing on the device: a captured dhtnode listen stream (lines spanning chunk and piece
// boundaries) split at several positions, a Content-Length answer, and distinct errors.
using Endpoint.Http;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Overlay
{
    [TestClass]
    public class HttpFramingTests
    {
        private const string Listen =
            "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nServer: RESTinio\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "27\r\n{\"data\":\"b3RoZXI=\",\"id\":\"43\",\"type\":5}\n\r\n" +
            "36\r\n{\"data\":\"b3RoZXI=\",\"expired\":true,\"id\":\"43\",\"type\":5}\n\r\n";

        // Feeds src in two pieces split at k; returns "status|line|line|..." (stops at an error: "E<name>").
        private static string Run(byte[] src, int k, int maxLine)
        {
            HttpResponseParser p = new HttpResponseParser(1024, maxLine);
            string t = "";
            int[] starts = { 0, k };
            int[] ends = { k, src.Length };
            for (int piece = 0; piece < 2; piece++)
            {
                int off = starts[piece];
                int end = ends[piece];
                for (int guard = 0; guard < 1000; guard++)
                {
                    int used;
                    HttpParseResult r = p.Feed(src, off, end - off, out used);
                    off += used;
                    if (r == HttpParseResult.NeedMore) break;
                    if (r == HttpParseResult.Headers) t += p.StatusCode;
                    else if (r == HttpParseResult.Line) t += "|" + NfOverlayUtil.Text(p.LineBuffer, 0, p.LineLength);
                    else if (r == HttpParseResult.Complete) t += "|C";
                    else return t + "|E" + HttpParseResultNames.Of(r);
                }
            }
            return t;
        }

        [TestMethod]
        public static void ListenStream_LinesAcrossSplits()
        {
            byte[] src = NfOverlayUtil.Bytes(Listen);
            string expected = "200|{\"data\":\"b3RoZXI=\",\"id\":\"43\",\"type\":5}|{\"data\":\"b3RoZXI=\",\"expired\":true,\"id\":\"43\",\"type\":5}";
            for (int k = 0; k <= src.Length; k += 7) Assert.AreEqual(expected, Run(src, k, 256), "split " + k);
            Assert.AreEqual(expected, Run(src, src.Length - 1, 256));
        }

        [TestMethod]
        public static void ContentLength_AndErrors()
        {
            byte[] ok = NfOverlayUtil.Bytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 20\r\n\r\n{\"err\":\"Put failed\"}");
            Assert.AreEqual("502|{\"err\":\"Put failed\"}|C", Run(ok, 30, 256));
            byte[] longLine = NfOverlayUtil.Bytes(Listen);
            Assert.AreEqual("200|Eline-too-long", Run(longLine, 10, 16));
            byte[] badChunk = NfOverlayUtil.Bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n");
            Assert.AreEqual("200|Ebad-chunk", Run(badChunk, 5, 256));
            byte[] badStatus = NfOverlayUtil.Bytes("HTTP/2 200 OK\r\n\r\n");
            Assert.AreEqual("|Ebad-status-line", Run(badStatus, 3, 256));
        }
    }
}
