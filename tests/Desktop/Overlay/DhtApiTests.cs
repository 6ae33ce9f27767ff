// OpenDHT proxy API shapes: key hashing (checked against a key computed with sha1sum and used on
// a real dhtnode), request paths and the POST body, value lines exactly as dhtnode 2.4.12 sent
// them (id as a decimal string, expired entries, error bodies, node info), plus odd but valid
// JSON and malformed lines.
using System;
using System.Text;
using Endpoint.Overlay;
using Endpoint.Overlay.Dht;
using Endpoint.Json;
using Xunit;

namespace Endpoint.Tests.Overlay
{
    public class DhtApiTests
    {
        private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

        [Fact]
        public void KeyHash_IsSha1HexOfTheKeyString()
        {
            // printf 'sip-loc:alice@example.com' | sha1sum (the key a real dhtnode stored our test value under)
            Assert.Equal("7970da8b0555dca9af338ee4253846002660fc5a", DhtKey.HashHex("sip-loc:alice@example.com"));
            Assert.Equal("7970da8b0555dca9af338ee4253846002660fc5a", OverlayKeys.LocationHash("sip:alice@EXAMPLE.com"));
            Assert.Equal(DhtKey.HashHex("sip-inbox:bob@example.com"), OverlayKeys.InboxHash("bob@example.com"));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(B("sip-loc:zoë@example.com"))),
                DhtKey.HashHex("sip-loc:zoë@example.com"));
            Assert.True(DhtKey.IsHashHex(DhtKey.HashHex("x")));
            Assert.False(DhtKey.IsHashHex("7970DA8B0555DCA9AF338EE4253846002660FC5A"));
            Assert.Null(OverlayKeys.LocationKey("not an aor"));
            Assert.Equal("sip-loc:Alice@home.example", OverlayKeys.LocationKey(" sip:Alice@Home.Example "));
        }

        [Fact]
        public void Paths()
        {
            string h = DhtKey.HashHex("k");
            Assert.Equal("/key/" + h, DhtRequests.KeyPath(h));
            Assert.Equal("/key/" + h + "/listen", DhtRequests.ListenPath(h));
            Assert.Equal("/node/info", DhtRequests.NodeInfoPath);
            Assert.Throws<ArgumentException>(() => DhtRequests.KeyPath("sip-loc:alice"));
        }

        [Fact]
        public void ValueBody_HasIdDataType_AndNoPermanent()
        {
            byte[] data = B("hello");
            byte[] buf = new byte[DhtRequests.ValueBodyLength(data.Length)];
            int n = DhtRequests.WriteValueBody(buf, 0, 12345678901234567890UL, data, 0, data.Length, 0);
            string s = Encoding.ASCII.GetString(buf, 0, n);
            Assert.Equal("{\"id\":12345678901234567890,\"data\":\"aGVsbG8=\",\"type\":0}", s);
            Assert.DoesNotContain("permanent", s);
            JsonNode j = new JsonParser().Parse(s);
            Assert.NotNull(j);
            Assert.Equal(-1, DhtRequests.WriteValueBody(buf, 0, ulong.MaxValue, new byte[512], 0, 512, 0)); // too small a buffer
            byte[] big = new byte[DhtRequests.ValueBodyLength(512)];
            n = DhtRequests.WriteValueBody(big, 0, ulong.MaxValue, new byte[512], 0, 512, 0);
            Assert.True(n > 0 && n <= big.Length);
            Assert.Equal(-1, DhtRequests.WriteValueBody(new byte[30], 0, 1, data, 0, data.Length, 0));
        }

        [Fact]
        public void ValueLine_AsDhtnodeSendsIt()
        {
            var p = new DhtValueParser();
            byte[] line = B("{\"data\":\"aGVsbG8=\",\"id\":\"12345678901234567890\",\"type\":0}");
            Assert.Equal(DhtValueStatus.Ok, p.Parse(line, 0, line.Length));
            Assert.Equal(12345678901234567890UL, p.Id);
            Assert.Equal(0, p.Type);
            Assert.False(p.Expired);
            Assert.True(p.HasData);
            Assert.Equal("hello", Encoding.ASCII.GetString(p.Data, 0, p.DataLength));

            line = B("{\"data\":\"b3RoZXI=\",\"expired\":true,\"id\":\"43\",\"type\":5}");
            Assert.Equal(DhtValueStatus.Ok, p.Parse(line, 0, line.Length));
            Assert.True(p.Expired);
            Assert.Equal(43UL, p.Id);
            Assert.Equal(5, p.Type);
            Assert.Equal("other", Encoding.ASCII.GetString(p.Data, 0, p.DataLength));
        }

        [Fact]
        public void ValueLine_NumberId_SignedValueMembers_Whitespace_Escapes()
        {
            var p = new DhtValueParser();
            string[] ok =
            {
                "{\"id\":18446744073709551615,\"data\":\"AAEC\",\"type\":0}",
                "  { \"id\" : \"7\" , \"data\" : \"AAEC\" }  ",
                "{\"id\":\"7\",\"seq\":3,\"owner\":{\"id\":\"ab\",\"key\":\"MIIB...\"},\"sig\":\"c2ln\",\"utype\":[1,{\"x\":null}],\"prio\":-1.5e3,\"data\":\"AAEC\",\"type\":0}",
                "{\"id\":\"7\",\"data\":\"AA\\/C\",\"type\":0,\"note\":\"a \\\"quoted\\\" \\u00e9\"}",
                "{\"id\":\"7\",\"\\u0064ata\":\"zzzz\",\"data\":\"AAEC\"}",
            };
            for (int i = 0; i < ok.Length; i++)
            {
                byte[] l = B(ok[i]);
                Assert.Equal(DhtValueStatus.Ok, p.Parse(l, 0, l.Length));
                Assert.True(p.HasData);
                if (i == 3) Assert.Equal(new byte[] { 0, 0x0F, 0xC2 }, Slice(p.Data, p.DataLength));
                else Assert.Equal(new byte[] { 0, 1, 2 }, Slice(p.Data, p.DataLength));
            }
            byte[] first = B(ok[0]);
            p.Parse(first, 0, first.Length);
            Assert.Equal(ulong.MaxValue, p.Id);
            // Parsing in the middle of a buffer.
            byte[] framed = B("xx{\"id\":\"9\",\"data\":\"\"}yy");
            Assert.Equal(DhtValueStatus.Ok, p.Parse(framed, 2, framed.Length - 4));
            Assert.Equal(9UL, p.Id);
            Assert.Equal(0, p.DataLength);
        }

        private static byte[] Slice(byte[] b, int n) { var r = new byte[n]; Array.Copy(b, r, n); return r; }

        [Theory]
        [InlineData("", DhtValueStatus.Malformed)]
        [InlineData("[1,2]", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\",\"data\":\"AAEC\"", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\",\"data\":\"AAEC\"}}", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\" \"data\":\"AAEC\"}", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\",\"data\":AAEC}", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\",\"x\":[1,2}", DhtValueStatus.Malformed)]
        [InlineData("{\"id\":\"1\",\"x\":\"unterminated}", DhtValueStatus.Malformed)]
        [InlineData("{}", DhtValueStatus.NoId)]
        [InlineData("{\"err\":\"Put failed\"}", DhtValueStatus.NoId)]
        [InlineData("{\"id\":\"18446744073709551616\",\"data\":\"AAEC\"}", DhtValueStatus.BadId)]
        [InlineData("{\"id\":\"-1\",\"data\":\"AAEC\"}", DhtValueStatus.BadId)]
        [InlineData("{\"id\":1.5,\"data\":\"AAEC\"}", DhtValueStatus.BadId)]
        [InlineData("{\"id\":\"1\",\"data\":\"AAE\"}", DhtValueStatus.BadData)]
        [InlineData("{\"id\":\"1\",\"data\":\"AA=C\"}", DhtValueStatus.BadData)]
        [InlineData("{\"id\":\"1\",\"data\":\"AA\\nC\"}", DhtValueStatus.BadData)]
        public void ValueLine_Malformed(string text, DhtValueStatus expected)
        {
            var p = new DhtValueParser();
            byte[] l = B(text);
            Assert.Equal(expected, p.Parse(l, 0, l.Length));
        }

        [Fact]
        public void ValueLine_DataTooLarge_AndDeepNesting()
        {
            var p = new DhtValueParser(8);
            byte[] l = B("{\"id\":\"1\",\"data\":\"" + Convert.ToBase64String(new byte[9]) + "\"}");
            Assert.Equal(DhtValueStatus.DataTooLarge, p.Parse(l, 0, l.Length));
            l = B("{\"id\":\"1\",\"data\":\"" + Convert.ToBase64String(new byte[8]) + "\"}");
            Assert.Equal(DhtValueStatus.Ok, p.Parse(l, 0, l.Length));
            string deep = new string('[', 40) + new string(']', 40);
            l = B("{\"id\":\"1\",\"x\":" + deep + "}");
            Assert.Equal(DhtValueStatus.Malformed, p.Parse(l, 0, l.Length));
        }

        [Fact]
        public void NodeInfo_AsDhtnodeSendsIt()
        {
            byte[] l = B("{\"ipv4\":{\"dubious\":1,\"good\":1,\"incoming\":0},\"ipv6\":{\"dubious\":0,\"good\":0,\"incoming\":0},\"node_id\":\"f9c0372c7acae710263f318e503f702207d65e3f\",\"ops\":1,\"public_ip\":\"::ffff:127.0.0.1\"}");
            DhtNodeInfo info = DhtNodeInfo.Parse(l, 0, l.Length);
            Assert.NotNull(info);
            Assert.Equal("127.0.0.1", info.PublicIp);
            Assert.Equal("f9c0372c7acae710263f318e503f702207d65e3f", info.NodeId);
            Assert.Equal(2, info.KnownPeers);
            l = B("{\"node_id\":\"ab\",\"public_ip\":\"2001:db8::1\"}");
            info = DhtNodeInfo.Parse(l, 0, l.Length);
            Assert.Equal("2001:db8::1", info.PublicIp);
            Assert.Equal(0, info.KnownPeers);
            l = B("{\"err\":\"x\"}");
            Assert.Null(DhtNodeInfo.Parse(l, 0, l.Length));
            l = B("not json");
            Assert.Null(DhtNodeInfo.Parse(l, 0, l.Length));
        }

        [Fact]
        public void ErrorBodies()
        {
            byte[] l = B("{\"err\":\"Put failed\"}");
            Assert.Equal("Put failed", DhtNodeInfo.ParseError(l, 0, l.Length));
            l = B("{\"err:\":\"Incorrect JSON\"}"); // sic, dhtnode 2.4.12's 400 answer
            Assert.Equal("Incorrect JSON", DhtNodeInfo.ParseError(l, 0, l.Length));
            l = B("{\"id\":\"1\"}");
            Assert.Null(DhtNodeInfo.ParseError(l, 0, l.Length));
        }
    }
}
