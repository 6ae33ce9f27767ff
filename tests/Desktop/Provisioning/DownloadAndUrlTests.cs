// The pure HTTP half of provisioning (URL parsing, request, body collection) and the
// "provisioning" configuration section.
using System.Text;
using Endpoint.Config;
using Endpoint.Http;
using Endpoint.Provisioning;
using Xunit;

namespace Endpoint.Tests.Provisioning
{
    public class DownloadAndUrlTests
    {
        [Theory]
        [InlineData("http://127.0.0.1:8080/cfg/phone.json", "127.0.0.1", 8080, "/cfg/phone.json")]
        [InlineData("http://prov.example", "prov.example", 80, "/")]
        [InlineData("HTTP://prov.example?id=7", "prov.example", 80, "/?id=7")]
        [InlineData("http://[::1]:81/x?y=z", "::1", 81, "/x?y=z")]
        public void ParsesHttpUrls(string text, string host, int port, string target)
        {
            HttpUrl u = HttpUrl.Parse(text, out string error);
            Assert.Null(error);
            Assert.Equal(host, u.Host);
            Assert.Equal(port, u.Port);
            Assert.Equal(target, u.Target);
        }

        [Theory]
        [InlineData("https://prov.example/c", "https")]
        [InlineData("ftp://prov.example/c", "does not start with http://")]
        [InlineData("http://user:pw@prov.example/c", "credentials")]
        [InlineData("http://prov.example:0/c", "port")]
        [InlineData("http://prov.example:99999/c", "port")]
        [InlineData("http:///c", "without a host")]
        [InlineData("http://prov example/c", "spaces")]
        [InlineData("http://prov.example/c#top", "fragment")]
        public void RefusesOtherUrls(string text, string expected)
        {
            Assert.Null(HttpUrl.Parse(text, out string error));
            Assert.Contains(expected, error);
        }

        [Fact]
        public void RedactedUrlHidesTheQuery()
        {
            HttpUrl u = HttpUrl.Parse("http://prov.example/c?token=abc123", out _);
            Assert.Equal("http://prov.example:80/c?...", u.Redacted);
        }

        [Fact]
        public void ProvisioningSectionIsValidatedNamingTheField()
        {
            string Err(string json)
            {
                byte[] b = Encoding.UTF8.GetBytes(json);
                Assert.Null(ConfigLoader.Load(b, 0, b.Length, "t.json", out string e));
                return e;
            }
            Assert.Contains("field 'provisioning.url': expected an http://host[:port]/path URL, not https", Err("{\"provisioning\":{\"url\":\"https://p/c\"}}"));
            Assert.Contains("field 'provisioning.intervalSeconds': expected 0 (only at boot) or 10 to 604800", Err("{\"provisioning\":{\"url\":\"http://p/c\",\"intervalSeconds\":5}}"));
            Assert.Contains("field 'provisioning.timeoutSeconds'", Err("{\"provisioning\":{\"timeoutSeconds\":0}}"));
            Assert.Contains("unknown field 'provisioning.uri'", Err("{\"provisioning\":{\"uri\":\"http://p/c\"}}"));

            byte[] ok = Encoding.UTF8.GetBytes("{\"provisioning\":{\"url\":\"http://10.0.0.2:8080/c.json\",\"intervalSeconds\":3600}}");
            EndpointConfig cfg = ConfigLoader.Load(ok, 0, ok.Length, "t.json", out string none);
            Assert.Null(none);
            Assert.Equal("10.0.0.2", cfg.Provisioning.Url.Host);
            Assert.Equal(8080, cfg.Provisioning.Url.Port);
            Assert.Equal(3600, cfg.Provisioning.IntervalSeconds);
            Assert.Equal(10, cfg.Provisioning.TimeoutSeconds);

            byte[] none2 = Encoding.UTF8.GetBytes("{}");
            Assert.Null(ConfigLoader.Load(none2, 0, none2.Length, "t.json", out _).Provisioning);
        }

        [Fact]
        public void WritesAGetWithConnectionClose()
        {
            var buf = new byte[256];
            int n = ConfigDownload.WriteRequest(buf, 0, HttpUrl.Parse("http://127.0.0.1:8080/c.json?id=1", out _));
            Assert.Equal("GET /c.json?id=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n", Encoding.ASCII.GetString(buf, 0, n));
        }

        private static int FeedInPieces(ConfigDownload d, string response, int piece)
        {
            byte[] b = Encoding.UTF8.GetBytes(response);
            int state = ConfigDownload.NeedMore;
            for (int i = 0; i < b.Length && state == ConfigDownload.NeedMore; i += piece)
                state = d.Feed(b, i, System.Math.Min(piece, b.Length - i));
            return state;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(4096)]
        public void CollectsAContentLengthBody(int piece)
        {
            const string body = "{\"sip\":{\"user\":\"bob\"}}";
            var d = new ConfigDownload(1024);
            int state = FeedInPieces(d, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\n\r\n" + body, piece);
            Assert.Equal(ConfigDownload.Done, state);
            Assert.Equal(200, d.StatusCode);
            Assert.Equal(body, Encoding.UTF8.GetString(d.Body, 0, d.BodyLength));
        }

        [Fact]
        public void CollectsAChunkedMultiLineBodyAsTheSameJson()
        {
            string body = "{\r\n  \"sip\": {\r\n\r\n    \"user\": \"bob\"\r\n  }\r\n}\r\n";
            string chunked = "";
            for (int i = 0; i < body.Length; i += 5)
            {
                string c = body.Substring(i, System.Math.Min(5, body.Length - i));
                chunked += c.Length.ToString("x") + "\r\n" + c + "\r\n";
            }
            var d = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.Done, FeedInPieces(d, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + "0\r\n\r\n", 3));
            string got = Encoding.UTF8.GetString(d.Body, 0, d.BodyLength);
            Assert.Equal("{\n  \"sip\": {\n    \"user\": \"bob\"\n  }\n}", got);
            EndpointConfig cfg = ConfigLoader.Load(d.Body, 0, d.BodyLength, "x", out string error);
            Assert.Null(error);
            Assert.Equal("bob", cfg.Sip.User);
        }

        [Fact]
        public void BodyUntilCloseEndsAtFeedEnd()
        {
            var d = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.NeedMore, FeedInPieces(d, "HTTP/1.0 200 OK\r\n\r\n{\"board\":\"x\"}", 4));
            Assert.Equal(ConfigDownload.Done, d.FeedEnd());
            Assert.Equal("{\"board\":\"x\"}", Encoding.UTF8.GetString(d.Body, 0, d.BodyLength));
        }

        [Fact]
        public void NonOkStatusIsReported()
        {
            var d = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.HttpStatus, FeedInPieces(d, "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found", 100));
            Assert.Equal(404, d.StatusCode);
            Assert.Equal("the server answered HTTP 404", d.Reason);
        }

        [Fact]
        public void OversizedBodyIsRefused()
        {
            var d = new ConfigDownload(64);
            string body = new string('x', 100);
            Assert.Equal(ConfigDownload.TooLarge, FeedInPieces(d, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + body, 10));
            var d2 = new ConfigDownload(64);
            string lines = "";
            for (int i = 0; i < 20; i++) lines += "xxxxxx\n";
            Assert.Equal(ConfigDownload.TooLarge, FeedInPieces(d2, "HTTP/1.1 200 OK\r\nContent-Length: " + lines.Length + "\r\n\r\n" + lines, 10));
            Assert.Contains("larger than 64 bytes", d2.Reason);
        }

        [Fact]
        public void TruncatedAndMalformedResponsesAreErrors()
        {
            var d = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.NeedMore, FeedInPieces(d, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"sip\":", 100));
            Assert.Equal(ConfigDownload.Truncated, d.FeedEnd());
            var e = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.Truncated, e.FeedEnd());
            var f = new ConfigDownload(1024);
            Assert.Equal(ConfigDownload.BadResponse, FeedInPieces(f, "SSH-2.0-OpenSSH\r\n\r\n", 100));
            Assert.Contains("malformed HTTP response", f.Reason);
        }
    }
}
