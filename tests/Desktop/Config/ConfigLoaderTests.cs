using System.Text;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.Config
{
    public class ConfigLoaderTests
    {
        private const string Full = @"{
  ""board"": ""virtual-intercom"",
  ""sip"": { ""listen"": ""127.0.0.1:5070"", ""user"": ""1001"", ""domain"": ""127.0.0.1"",
           ""password"": ""secret"", ""registrar"": ""127.0.0.1:5060"", ""transport"": ""udp"",
           ""expires"": 300 },
  ""media"": { ""rtpPorts"": ""20000-20099"", ""codecs"": [""PCMU"", ""PCMA""] },
  ""audio"": { ""input"": ""in.wav"", ""output"": ""out.wav"" },
  ""overlay"": { ""aor"": ""alice@home.example"", ""supernodes"": [""127.0.0.1:8101""],
               ""siteKey"": ""AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="", ""buddies"": [""bob@home.example""] },
  ""intercom"": { ""targets"": [""sip:1002@127.0.0.1""], ""allow"": [""sip:1002@127.0.0.1""],
                ""doorCode"": ""1234"", ""relayPulseMs"": 2000 }
}";

        private static EndpointConfig Load(string json, out string error)
        {
            byte[] b = Encoding.UTF8.GetBytes(json);
            return ConfigLoader.Load(b, 0, b.Length, "test.json", out error);
        }

        private static string Error(string json)
        {
            string error;
            Assert.Null(Load(json, out error));
            Assert.StartsWith("test.json: ", error);
            return error;
        }

        [Fact]
        public void TheDocumentedExampleLoads()
        {
            string error;
            EndpointConfig c = Load(Full, out error);
            Assert.True(c != null, error);
            Assert.Equal("virtual-intercom", c.Board);
            Assert.Equal("127.0.0.1", c.Sip.Listen.Host);
            Assert.Equal(5070, c.Sip.Listen.Port);
            Assert.Equal("1001", c.Sip.User);
            Assert.Equal("secret", c.Sip.Password);
            Assert.Equal(5060, c.Sip.Registrar.Port);
            Assert.Equal(300, c.Sip.Expires);
            Assert.Equal(20000, c.Media.RtpPortMin);
            Assert.Equal(20099, c.Media.RtpPortMax);
            Assert.Equal(new[] { "PCMU", "PCMA" }, c.Media.Codecs);
            Assert.Equal("out.wav", c.Audio.Output);
            Assert.Equal(32, c.Overlay.SiteKey.Length);
            Assert.Equal(31, c.Overlay.SiteKey[31]);
            Assert.Equal("127.0.0.1:8101", c.Overlay.Supernodes[0].ToString());
            Assert.Equal("bob@home.example", c.Overlay.Buddies[0]);
            Assert.Equal("1234", c.Intercom.DoorCode);
            Assert.Equal(2000, c.Intercom.RelayPulseMs);
        }

        [Fact]
        public void EverySectionIsOptional()
        {
            string error;
            EndpointConfig c = Load("{}", out error);
            Assert.True(c != null, error);
            Assert.Equal("virtual-deskphone", c.Board);
            Assert.Null(c.Sip.Registrar);
            Assert.Null(c.Overlay);
            Assert.Null(c.Audio);
            Assert.Null(c.Intercom);
            Assert.Equal("127.0.0.1", c.Sip.Domain);
        }

        [Theory]
        [InlineData("{\"sip\":{\"expires\":\"abc\"}}", "field 'sip.expires': expected a whole number from 60 to 86400, got \"abc\" (line 1 col 19)")]
        [InlineData("{\"sip\":{\"expires\":10}}", "field 'sip.expires': expected a whole number from 60 to 86400, got 10")]
        [InlineData("{\"sip\":{\"transport\":\"sctp\"}}", "field 'sip.transport': expected one of udp, tcp, got \"sctp\"")]
        [InlineData("{\"sip\":{\"listen\":\"127.0.0.1:99999\"}}", "field 'sip.listen': expected \"host:port\" (port \"99999\" (expected 1..65535))")]
        [InlineData("{\"sip\":{\"registrar\":\"::1:5060\"}}", "field 'sip.registrar': expected \"host:port\" (an IPv6 address without [brackets])")]
        [InlineData("{\"sip\":{\"expirse\":300}}", "unknown field 'sip.expirse'")]
        [InlineData("{\"sip\":[]}", "field 'sip': expected an object, got an array")]
        [InlineData("{\"media\":{\"codecs\":[\"G729\"]}}", "field 'media.codecs[0]': expected PCMU or PCMA, got \"G729\"")]
        [InlineData("{\"media\":{\"rtpPorts\":\"20000\"}}", "field 'media.rtpPorts': expected a port range")]
        [InlineData("{\"media\":{\"ptime\":25}}", "field 'media.ptime': expected 10, 20, 30 or 40")]
        [InlineData("{\"overlay\":{\"supernodes\":[\"127.0.0.1:8101\"],\"siteKey\":\"AAAA\"}}", "field 'overlay.aor' is required")]
        [InlineData("{\"overlay\":{\"aor\":\"alice@x\",\"supernodes\":[\"127.0.0.1:8101\"],\"siteKey\":\"AAAA\"}}", "field 'overlay.siteKey': expected base64 of exactly 32 bytes, got a value that is not shown (secret)")]
        [InlineData("{\"overlay\":{\"aor\":\"alice\",\"supernodes\":[],\"siteKey\":\"AAAA\"}}", "field 'overlay.aor': expected an address-of-record")]
        [InlineData("{\"intercom\":{\"doorCode\":\"12x4\"}}", "field 'intercom.doorCode': expected 1 to 16 DTMF digits (0-9 * # A-D), got a value that is not shown (secret)")]
        [InlineData("{\"sip\":{\"password\":1234}}", "field 'sip.password': expected a string, got a value that is not shown (secret)")]
        [InlineData("[1]", "expected a JSON object at the top level")]
        [InlineData("{\"board\": }", "not valid JSON: line 1 col 11")]
        public void BadFieldsAreNamedWithWhatIsExpected(string json, string expected)
        {
            Assert.Contains(expected, Error(json));
        }

        [Fact]
        public void SecretsNeverAppearInErrors()
        {
            string e = Error("{\"sip\":{\"password\":[\"hunter2\"]}}");
            Assert.DoesNotContain("hunter2", e);
        }

        [Theory]
        [InlineData("[2001:db8::1]:5070", "2001:db8::1", 5070)]
        [InlineData("example.com", "example.com", 5060)]
        [InlineData("10.0.0.1:1", "10.0.0.1", 1)]
        public void HostPortForms(string text, string host, int port)
        {
            string why;
            HostPort hp = HostPort.Parse(text, 5060, out why);
            Assert.True(hp != null, why);
            Assert.Equal(host, hp.Host);
            Assert.Equal(port, hp.Port);
        }
    }
}
