// Valid-but-tricky messages modelled on the categories of RFC 4475 §3.1.1 (our own texts):
// compact forms, folding, odd LWS, escapes, unknown headers and methods, IPv6, multiple values,
// long values, empty reason, extra bytes past Content-Length. Each asserts the parsed fields.
using Endpoint.Sip.Message;
using Xunit;
using static Endpoint.Tests.Sip.SipSamples;

namespace Endpoint.Tests.Sip
{
    public class SipParseValidTests
    {
        private static SipMessage ParseOk(string text)
        {
            var m = new SipMessage();
            byte[] b = Bytes(text);
            var st = m.Parse(b, 0, b.Length);
            Assert.True(st == SipParseStatus.Ok, "expected Ok, got " + st + " / " + m.ErrorReason);
            Assert.Equal(SipError.None, m.Error);
            return m;
        }

        [Fact]
        public void RealisticInvite_AllFields()
        {
            var m = ParseOk(Invite);
            Assert.True(m.IsRequest);
            Assert.Equal(SipMethod.Invite, m.Method);
            Assert.Equal("sip:bob@biloxi.example.com", Text(m, m.RequestUriText));
            Assert.Equal(SipUriScheme.Sip, m.RequestUri.Scheme);
            Assert.Equal("bob", Text(m, m.RequestUri.User));
            Assert.Equal("biloxi.example.com", Text(m, m.RequestUri.Host));
            Assert.Equal(0, m.RequestUri.Port);
            Assert.Equal(2, m.ViaCount);
            Assert.Equal(SipTransport.Udp, m.TopVia.Transport);
            Assert.Equal("192.0.2.10", Text(m, m.TopVia.Host));
            Assert.Equal(5060, m.TopVia.Port);
            Assert.Equal("z9hG4bK74bf9a1c2d", Text(m, m.TopVia.Branch));
            Assert.True(m.TopVia.BranchIsRfc3261(m.Buffer));
            Assert.True(m.TopVia.HasRport);
            Assert.Equal(0, m.TopVia.Rport);
            Assert.False(m.TopVia.HasReceived);
            Assert.Equal(69, m.MaxForwards);
            Assert.Equal("Alice Liddell", Text(m, m.From.DisplayName));
            Assert.True(m.From.DisplayNameQuoted);
            Assert.Equal("9fxced76sl", Text(m, m.From.Tag));
            Assert.Equal("alice", Text(m, m.From.Uri.User));
            Assert.False(m.To.HasTag);
            Assert.Equal("Bob", Text(m, m.To.DisplayName));
            Assert.Equal("3848276298220188511@atlanta.example.com", Text(m, m.CallId));
            Assert.Equal(314159, m.CSeq);
            Assert.Equal(SipMethod.Invite, m.CSeqMethod);
            Assert.Equal(7, m.CountHeaders(SipHeaderId.Allow));
            Assert.Equal(2, m.CountHeaders(SipHeaderId.Supported));
            Assert.Equal("timer", Text(m, m.GetHeaderValue(m.FindHeader(SipHeaderId.Supported, m.FindHeader(SipHeaderId.Supported) + 1))));
            Assert.Equal(m.ContentLength, m.Body.Length);
            Assert.StartsWith("v=0\r\n", Text(m, m.Body));
            Assert.True(m.CanAnswer);
            Assert.InRange(m.Length, 700, 1000);
            Assert.Equal(m.Length, Bytes(Invite).Length);
        }

        [Fact]
        public void Response200_StatusLineAndVia()
        {
            var m = ParseOk(Ok200);
            Assert.False(m.IsRequest);
            Assert.True(m.IsResponse);
            Assert.Equal(200, m.StatusCode);
            Assert.Equal("OK", Text(m, m.ReasonPhrase));
            Assert.Equal(5060, m.TopVia.Rport);
            Assert.Equal("192.0.2.10", Text(m, m.TopVia.Received));
            Assert.Equal("8321234356", Text(m, m.To.Tag));
            Assert.Equal(SipMethod.Invite, m.CSeqMethod);
            Assert.False(m.CanAnswer);
        }

        [Fact]
        public void CompactForms_CaseInsensitiveNames_LwsAroundColon()
        {
            var m = ParseOk(
                "OPTIONS sip:carol@chicago.example.com SIP/2.0\n" +
                "v: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-c1\n" +
                "f:  <sip:a@example.com>;tag=x1\n" +
                "T : sip:carol@chicago.example.com\n" +
                "i:compact-1@host\n" +
                "cseq:  8   OPTIONS\n" +
                "MAX-FORWARDS \t: 70\n" +
                "m: <sip:a@h1>\n" +
                "k: 100rel\n" +
                "l: 0\n" +
                "\n");
            Assert.Equal(SipMethod.Options, m.Method);
            Assert.Equal(SipTransport.Tcp, m.TopVia.Transport);
            Assert.Equal("host1.example.com", Text(m, m.TopVia.Host));
            Assert.Equal("x1", Text(m, m.From.Tag));
            Assert.False(m.To.Angle);
            Assert.Equal("carol", Text(m, m.To.Uri.User));
            Assert.Equal("compact-1@host", Text(m, m.CallId));
            Assert.Equal(8, m.CSeq);
            Assert.Equal(70, m.MaxForwards);
            Assert.Equal(0, m.ContentLength);
            Assert.Equal(SipHeaderId.MaxForwards, m.GetHeaderId(5));
            Assert.Equal(SipHeaderId.Contact, m.GetHeaderId(6));
            Assert.Equal("m", Text(m, m.GetHeaderName(6)));
            Assert.Equal(1, m.CountHeaders(SipHeaderId.Supported));
            Assert.Equal(SipHeaderId.Via, SipHeaders.Lookup(m.Buffer, m.GetHeaderName(0)));
        }

        [Fact]
        public void FoldedHeaders_UnfoldedInPlace()
        {
            var m = ParseOk(
                "INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0\n" +
                "TO :\n sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n\n" +
                "from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\n  ;\n  tag = 98asjd8\n" +
                "MaX-fOrWaRdS: 0068\n" +
                "Call-ID: wsinv.ndaksdj@192.0.2.1\n" +
                "Content-Length   : 0\n" +
                "cseq: 0009\n  INVITE\n" +
                "Via  : SIP  /   2.0\n /UDP\n    192.0.2.2;branch=390skdjuw\n" +
                "s :\n" +
                "NewFangledHeader:   newfangled value\n continued newfangled value\n" +
                "UnknownHeaderWithUnusualValue: ;;,,;;,;\n" +
                "Route:\n <sip:services.example.com;lr;unknownwith=value;unknown-no-value>\n" +
                "v:  SIP  / 2.0  / TCP     spindle.example.com   ;\n  branch  =   z9hG4bK9ikj8  ,\n SIP  /    2.0   / UDP  192.168.255.111   ; branch=\n z9hG4bK30239\n" +
                "m:\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =\n      newvalue ;\n  secondparam ; q = 0.33\n" +
                "\n");
            Assert.Equal("1918181833n", Text(m, m.To.Tag));
            Assert.Equal("98asjd8", Text(m, m.From.Tag));
            Assert.Equal("J Rosenberg \\\\\\\"", Text(m, m.From.DisplayName));
            byte[] dn = new byte[32];
            int n = SipEscape.Unquote(m.Buffer, m.From.DisplayName, dn, 0);
            Assert.Equal("J Rosenberg \\\"", System.Text.Encoding.Latin1.GetString(dn, 0, n));
            Assert.Equal(68, m.MaxForwards);
            Assert.Equal(9, m.CSeq);
            Assert.Equal(SipMethod.Invite, m.CSeqMethod);
            Assert.Equal(3, m.ViaCount);
            Assert.Equal("192.0.2.2", Text(m, m.TopVia.Host));
            Assert.Equal("390skdjuw", Text(m, m.TopVia.Branch));
            Assert.False(m.TopVia.BranchIsRfc3261(m.Buffer));
            Assert.True(m.GetVia(2, out SipVia v3));
            Assert.Equal("z9hG4bK30239", Text(m, v3.Branch));
            Assert.Equal("192.168.255.111", Text(m, v3.Host));
            int nf = m.FindHeader(SipAscii.LowerBytes("newfangledheader"), 0);
            Assert.True(nf >= 0);
            Assert.Equal(SipHeaderId.Unknown, m.GetHeaderId(nf));
            Assert.Equal("newfangled value   continued newfangled value", Text(m, m.GetHeaderValue(nf)));
            Assert.Equal("", Text(m, m.GetHeaderValue(m.FindHeader(SipHeaderId.Subject))));
            int c = m.FindHeader(SipHeaderId.Contact);
            Assert.Equal(SipError.None, m.GetNameAddr(c, out SipNameAddr contact));
            Assert.True(contact.TryGetParam(m.Buffer, SipAscii.Bytes("q"), out Slice q));
            Assert.Equal("0.33", Text(m, q));
            Assert.True(contact.TryGetParam(m.Buffer, SipAscii.Bytes("newparam"), out Slice np));
            Assert.Equal("newvalue", Text(m, np));
            Assert.True(contact.TryGetParam(m.Buffer, SipAscii.Bytes("secondparam"), out Slice sp));
            Assert.Equal(0, sp.Length);
            Assert.Equal(0, m.Body.Length);
        }

        [Fact]
        public void EscapedUriAndUnknownScheme()
        {
            var m = ParseOk(
                "INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0\n" +
                "To: sip:%75se%72@example.com\n" +
                "From: <sip:I%20have%20spaces@example.net>;tag=938\n" +
                "Max-Forwards: 87\n" +
                "i: esc01.239409asdfakjkn23onasd0-3234\n" +
                "CSeq: 234234 INVITE\n" +
                "Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw\n" +
                "C: application/sdp\n" +
                "Contact:\n  <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>\n" +
                "Content-Length: 3\n" +
                "\nabc");
            Assert.Equal("sips%3Auser%40example.com", Text(m, m.RequestUri.User));
            Assert.Equal("example.net", Text(m, m.RequestUri.Host));
            Assert.True(SipEscape.EqualsUnescapedIgnoreCase(m.Buffer, m.To.Uri.User, SipAscii.Bytes("user")));
            byte[] other = SipAscii.Bytes("sip:user@example.com");
            Assert.True(SipUri.TryParse(other, new Slice(0, other.Length), out SipUri plain));
            Assert.True(SipUri.AreEqual(m.Buffer, m.To.Uri, other, plain));
            Assert.Equal(SipError.None, m.GetNameAddr(m.FindHeader(SipHeaderId.Contact), out SipNameAddr c));
            byte[] unesc = new byte[64];
            int n = SipEscape.Unescape(m.Buffer, c.Uri.User, unesc, 0);
            Assert.Equal("caller", System.Text.Encoding.ASCII.GetString(unesc, 0, n));
            Assert.Equal("abc", Text(m, m.Body));
            Assert.Equal(SipHeaderId.ContentType, m.GetHeaderId(m.FindHeader(SipHeaderId.ContentType)));
        }

        [Fact]
        public void TelAndUnknownSchemeRequestUri()
        {
            var m = ParseOk(
                "OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0\n" +
                "To: sip:user@example.com\nFrom: sip:caller@example.net;tag=384\nMax-Forwards: 3\n" +
                "Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34\nCSeq: 3923239 OPTIONS\n" +
                "Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234\nContent-Length: 0\n\n");
            Assert.Equal(SipUriScheme.Other, m.RequestUri.Scheme);
            Assert.Equal("totallyopaquecontent", Text(m, m.RequestUri.Opaque));
            Assert.Equal("384", Text(m, m.From.Tag));
            var t = ParseOk(
                "INVITE tel:+1-201-555-0123 SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\nFrom: <tel:+1234>;tag=1\n" +
                "To: <tel:+1-201-555-0123>\nCall-ID: x\nCSeq: 1 INVITE\nContent-Length: 0\n\n");
            Assert.Equal(SipUriScheme.Tel, t.RequestUri.Scheme);
            Assert.Equal(SipUriScheme.Tel, t.From.Uri.Scheme);
        }

        [Fact]
        public void IPv6Everywhere()
        {
            var m = ParseOk(
                "REGISTER sip:[2001:db8::10] SIP/2.0\n" +
                "To: sip:user@example.com\nFrom: sip:user@example.com;tag=81x2\n" +
                "Via: SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111;received=[2001:db8::9:255];rport=6050\n" +
                "Call-ID: SSG9559905523997077@hlau_4100\nMax-Forwards: 70\n" +
                "Contact: \"Caller\" <sip:caller@[2001:db8::1]:5070;transport=tcp>\nCSeq: 98176 REGISTER\nContent-Length: 0\n\n");
            Assert.True(m.RequestUri.HostIsIPv6);
            Assert.Equal("[2001:db8::10]", Text(m, m.RequestUri.Host));
            Assert.True(m.TopVia.HostIsIPv6);
            Assert.Equal("[2001:db8::9:1]", Text(m, m.TopVia.Host));
            Assert.Equal(6050, m.TopVia.Port);
            Assert.Equal("[2001:db8::9:255]", Text(m, m.TopVia.Received));
            Assert.Equal(6050, m.TopVia.Rport);
            Assert.Equal(SipError.None, m.GetNameAddr(m.FindHeader(SipHeaderId.Contact), out SipNameAddr c));
            Assert.Equal("[2001:db8::1]", Text(m, c.Uri.Host));
            Assert.Equal(5070, c.Uri.Port);
            Assert.True(c.Uri.TryGetParam(m.Buffer, SipAscii.Bytes("transport"), out Slice tr));
            Assert.Equal("tcp", Text(m, tr));
        }

        [Fact]
        public void MultipleValues_QuotedCommasAndAngles_ContactStar()
        {
            var m = ParseOk(
                "REGISTER sip:example.com SIP/2.0\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2\n" +
                "Via: SIP/2.0/UDP c.example.com;branch=z9hG4bK3\n" +
                "From: <sip:a@example.com>;tag=1\nTo: <sip:a@example.com>\nCall-ID: mv1\nCSeq: 1 REGISTER\n" +
                "Contact: \"Comma, Inc\" <sip:x@h1;p=a>, <sip:y@h2>;q=0.5 , sip:z@h3\n" +
                "Call-Info: <http://www.example.com/a,b.png>;purpose=icon,<http://www.example.com/c>\n" +
                "Route: <sip:r1;lr>,<sip:r2;lr>\n" +
                "Content-Length: 0\n\n");
            Assert.Equal(3, m.ViaCount);
            Assert.Equal("a.example.com", Text(m, m.TopVia.Host));
            Assert.True(m.GetVia(1, out SipVia v2));
            Assert.Equal("z9hG4bK2", Text(m, v2.Branch));
            Assert.Equal(3, m.CountHeaders(SipHeaderId.Contact));
            int c0 = m.FindHeader(SipHeaderId.Contact);
            Assert.Equal("\"Comma, Inc\" <sip:x@h1;p=a>", Text(m, m.GetHeaderValue(c0)));
            Assert.Equal(2, m.CountHeaders(SipHeaderId.CallInfo));
            Assert.Equal("<http://www.example.com/a,b.png>;purpose=icon", Text(m, m.GetHeaderValue(m.FindHeader(SipHeaderId.CallInfo))));
            Assert.Equal(SipError.None, m.GetNameAddr(c0, out SipNameAddr na));
            Assert.Equal("Comma, Inc", Text(m, na.DisplayName));
            Assert.True(na.Uri.TryGetParam(m.Buffer, SipAscii.Bytes("p"), out Slice p));
            Assert.Equal("a", Text(m, p));
            int c2 = m.FindHeader(SipHeaderId.Contact, m.FindHeader(SipHeaderId.Contact, c0 + 1) + 1);
            Assert.Equal("sip:z@h3", Text(m, m.GetHeaderValue(c2)));
            Assert.Equal(2, m.CountHeaders(SipHeaderId.Route));
            Assert.False(m.ContactStar);
            var star = ParseOk("REGISTER sip:example.com SIP/2.0\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\nFrom: <sip:a@example.com>;tag=1\n" +
                "To: <sip:a@example.com>\nCall-ID: st\nCSeq: 2 REGISTER\nContact: *\nExpires: 0\nContent-Length: 0\n\n");
            Assert.True(star.ContactStar);
            Assert.Equal(0, star.Expires);
        }

        [Fact]
        public void UnknownMethodLowercaseMethodAndEmptyReason()
        {
            var m = ParseOk("NEWMETHOD sip:user@example.com SIP/2.0\nTo: sip:j.user@example.com\nFrom: sip:caller@example.net;tag=34525\n" +
                "Max-Forwards: 6\nCall-ID: unkm\nCSeq: 8 NEWMETHOD\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw\nContent-Length: 0\n\n");
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal("NEWMETHOD", Text(m, m.MethodText));
            Assert.Equal("NEWMETHOD", Text(m, m.CSeqMethodText));
            Assert.True(m.CanAnswer);
            var lower = ParseOk("invite sip:user@example.com SIP/2.0\nTo: sip:u@example.com\nFrom: sip:c@example.net;tag=1\n" +
                "Call-ID: lc\nCSeq: 1 invite\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n\n");
            Assert.Equal(SipMethod.Unknown, lower.Method);
            var r = ParseOk("SIP/2.0 100 \nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCall-ID: er\nCSeq: 1 INVITE\nl: 0\n\n");
            Assert.Equal(100, r.StatusCode);
            Assert.Equal(0, r.ReasonPhrase.Length);
            var u = ParseOk("SIP/2.0 699 Sehr ungewöhnlich, aber erlaubt\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>;tag=2\nCall-ID: er\nCSeq: 1 INVITE\nl: 0\n\n");
            Assert.Equal(699, u.StatusCode);
        }

        [Fact]
        public void ExtraBytesPastContentLengthAreDiscarded_NoContentLengthRunsToEnd()
        {
            var m = ParseOk("MESSAGE sip:u@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\n" +
                "Call-ID: cl\nCSeq: 1 MESSAGE\nContent-Length: 5\n\nHelloGARBAGE");
            Assert.Equal("Hello", Text(m, m.Body));
            Assert.Equal(Bytes("MESSAGE sip:u@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCall-ID: cl\nCSeq: 1 MESSAGE\nContent-Length: 5\n\nHello").Length, m.Length);
            var n = ParseOk("MESSAGE sip:u@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\n" +
                "Call-ID: cl\nCSeq: 1 MESSAGE\n\nWhole rest");
            Assert.Equal(-1, n.ContentLength);
            Assert.Equal("Whole rest", Text(n, n.Body));
        }

        [Fact]
        public void LeadingCrlfAndBareLfLineEndingsAccepted_LongValuesWithinLimits()
        {
            string longName = new string('x', 1500);
            var m = ParseOk("\n\nINFO sip:u@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>;tag=2\n" +
                "Call-ID: " + longName + "\nX-Long: " + new string('y', 2000) + "\nCSeq: 4294 INFO\nExpires: 99999999999999999999\n\n");
            Assert.Equal(longName, Text(m, m.CallId));
            Assert.Equal(4294967295L, m.Expires);
            var lf = new SipMessage();
            byte[] b = System.Text.Encoding.ASCII.GetBytes("BYE sip:u@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>;tag=2\nCall-ID: lf\nCSeq: 5 BYE\nContent-Length: 0\n\n");
            Assert.Equal(SipParseStatus.Ok, lf.Parse(b, 0, b.Length));
            Assert.Equal(SipMethod.Bye, lf.Method);
            Assert.Equal(b.Length, lf.Length);
        }

        [Fact]
        public void ParseAtOffsetAndReuse()
        {
            byte[] inv = Bytes(Invite);
            byte[] big = new byte[inv.Length + 100];
            System.Array.Copy(inv, 0, big, 37, inv.Length);
            var m = new SipMessage();
            Assert.Equal(SipParseStatus.Ok, m.Parse(big, 37, inv.Length));
            Assert.Equal(37, m.Offset);
            Assert.Equal("biloxi.example.com", Text(m, m.RequestUri.Host));
            byte[] ok = Bytes(Ok200);
            Assert.Equal(SipParseStatus.Ok, m.Parse(ok, 0, ok.Length));
            Assert.Equal(200, m.StatusCode);
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal(-1, m.MaxForwards);
        }

        [Fact]
        public void AuthorizationIterator()
        {
            var m = ParseOk(Register);
            int a = m.FindHeader(SipHeaderId.Authorization);
            var it = new SipAuthIterator(m.Buffer, m.GetHeaderValue(a));
            Assert.True(it.IsDigest);
            var seen = new System.Collections.Generic.List<string>();
            while (it.Next(out Slice n, out Slice v)) seen.Add(Text(m, n) + "=" + Text(m, v) + (it.ValueQuoted ? "(q)" : ""));
            Assert.False(it.Error);
            Assert.Equal(new[] { "username=alice(q)", "realm=example.com(q)", "nonce=ea9c8e88df84f1cec4341ae6cbe5a359(q)",
                "uri=sip:registrar.example.com(q)", "response=dfe56131d1958046689d83306477ecc(q)", "algorithm=MD5",
                "cnonce=0a4f113b(q)", "qop=auth", "nc=00000001", "opaque=(q)" }, seen.ToArray());
            Assert.True(SipAuthIterator.TryGet(m.Buffer, m.GetHeaderValue(a), SipAscii.Bytes("nonce"), out Slice nonce));
            Assert.Equal("ea9c8e88df84f1cec4341ae6cbe5a359", Text(m, nonce));
            Assert.Equal(3600, m.Expires);

            byte[] ch = SipAscii.Bytes("Digest realm=\"a \\\"b\\\", c\" ,  nonce = \"n1\",qop=\"auth,auth-int\", stale=FALSE");
            var it2 = new SipAuthIterator(ch, new Slice(0, ch.Length));
            Assert.True(it2.Next(out Slice n1, out Slice v1));
            Assert.Equal("a \\\"b\\\", c", SipAscii.ToText(ch, v1));
            Assert.True(it2.Next(out n1, out v1));
            Assert.Equal("n1", SipAscii.ToText(ch, v1));
            Assert.True(it2.Next(out n1, out v1));
            Assert.Equal("auth,auth-int", SipAscii.ToText(ch, v1));
            Assert.True(it2.Next(out n1, out v1));
            Assert.Equal("stale", SipAscii.ToText(ch, n1));
            Assert.Equal("FALSE", SipAscii.ToText(ch, v1));
            Assert.False(it2.Next(out n1, out v1));
            Assert.False(it2.Error);
        }
    }
}
