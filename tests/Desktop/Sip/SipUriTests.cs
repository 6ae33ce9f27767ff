// SIP URI parsing and RFC 3261 §19.1.4 comparison (escapes, case rules, parameters, headers),
// plus parameter and list iterators on their own.
using Endpoint.Sip.Message;
using Xunit;

namespace Endpoint.Tests.Sip
{
    public class SipUriTests
    {
        private static (byte[], SipUri) U(string s)
        {
            byte[] b = SipAscii.Bytes(s);
            Assert.True(SipUri.TryParse(b, new Slice(0, b.Length), out SipUri u), "not a URI: " + s);
            return (b, u);
        }

        private static bool Eq(string a, string b)
        {
            var (ba, ua) = U(a);
            var (bb, ub) = U(b);
            bool r = SipUri.AreEqual(ba, ua, bb, ub);
            Assert.Equal(r, SipUri.AreEqual(bb, ub, ba, ua));
            return r;
        }

        [Theory]
        [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
        [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
        [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
        [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
        [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
        [InlineData("sip:[2001:db8::1]:5060", "sip:[2001:DB8::1]:5060")]
        public void EquivalentUris(string a, string b) => Assert.True(Eq(a, b));

        [Theory]
        [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
        [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
        [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
        [InlineData("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
        [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
        [InlineData("sip:alice@atlanta.com?subject=a", "sip:alice@atlanta.com")]
        [InlineData("sip:alice:pw@atlanta.com", "sip:alice@atlanta.com")]
        public void DifferentUris(string a, string b) => Assert.False(Eq(a, b));

        [Fact]
        public void UriParts()
        {
            var (b, u) = U("sips:alice;day=tue:secret@[2001:db8::7]:5061;transport=tls;lr;maddr=239.255.255.1?subject=hi&x=y");
            Assert.Equal(SipUriScheme.Sips, u.Scheme);
            Assert.Equal("alice;day=tue", SipAscii.ToText(b, u.User));
            Assert.Equal("secret", SipAscii.ToText(b, u.Password));
            Assert.Equal("[2001:db8::7]", SipAscii.ToText(b, u.Host));
            Assert.Equal(5061, u.Port);
            Assert.True(u.TryGetParam(b, SipAscii.Bytes("lr"), out Slice lr));
            Assert.Equal(0, lr.Length);
            Assert.True(u.TryGetParam(b, SipAscii.Bytes("maddr"), out Slice maddr));
            Assert.Equal("239.255.255.1", SipAscii.ToText(b, maddr));
            Assert.False(u.TryGetParam(b, SipAscii.Bytes("ttl"), out _));
            Assert.Equal("subject=hi&x=y", SipAscii.ToText(b, u.Headers));
        }

        [Theory]
        [InlineData("sip:")]
        [InlineData("sip:@h")]
        [InlineData("sip:u@")]
        [InlineData("sip:u@h:")]
        [InlineData("sip:u@h:0")]
        [InlineData("sip:u@h:65536")]
        [InlineData("sip:u@-h")]
        [InlineData("sip:u@[::1")]
        [InlineData("sip:u@[zz::1]")]
        [InlineData("sip:u@h;=x")]
        [InlineData("sip:u@h junk")]
        [InlineData("1sip:u@h")]
        [InlineData("nocolon")]
        public void BadUris(string s)
        {
            byte[] b = SipAscii.Bytes(s);
            Assert.False(SipUri.TryParse(b, new Slice(0, b.Length), out _));
        }

        [Fact]
        public void ParamIteratorQuotedAndFlags()
        {
            byte[] b = SipAscii.Bytes(" ; a = \"x;y\\\"z\" ;flag; b=[::1] ;C=3");
            var it = new SipParamIterator(b, new Slice(0, b.Length));
            var got = new System.Collections.Generic.List<string>();
            while (it.Next(out Slice n, out Slice v, out bool hv)) got.Add(SipAscii.ToText(b, n) + (hv ? "=" + SipAscii.ToText(b, v) : ""));
            Assert.False(it.Error);
            Assert.Equal(new[] { "a=x;y\\\"z", "flag", "b=[::1]", "C=3" }, got.ToArray());
            Assert.True(SipParamIterator.TryGet(b, new Slice(0, b.Length), SipAscii.Bytes("c"), out Slice c));
            Assert.Equal("3", SipAscii.ToText(b, c));
        }
    }
}
