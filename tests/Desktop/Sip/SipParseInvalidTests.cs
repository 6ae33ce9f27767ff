// Invalid messages modelled on RFC 4475 §3.1.2 categories (our own texts): each asserts the exact
// status, error code and whether a 400 can still be answered.
using Endpoint.Sip.Message;
using Xunit;
using static Endpoint.Tests.Sip.SipSamples;

namespace Endpoint.Tests.Sip
{
    public class SipParseInvalidTests
    {
        private const string Good =
            "OPTIONS sip:u@example.com SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1\n" +
            "From: <sip:a@example.com>;tag=f1\n" +
            "To: <sip:u@example.com>\n" +
            "Call-ID: bad-1@example.com\n" +
            "CSeq: 10 OPTIONS\n" +
            "Max-Forwards: 70\n" +
            "Content-Length: 0\n" +
            "\n";

        private static SipMessage Parse(string text, SipMessage m = null)
        {
            m ??= new SipMessage();
            byte[] b = Bytes(text);
            m.Parse(b, 0, b.Length);
            return m;
        }

        private static void AssertError(string text, SipError expected, bool canAnswer, SipMessage m = null)
        {
            m = Parse(text, m);
            Assert.Equal(SipParseStatus.Malformed, m.Status);
            Assert.Equal(expected, m.Error);
            Assert.Equal(canAnswer, m.CanAnswer);
            Assert.Equal(SipErrors.Reason(expected), m.ErrorReason);
        }

        private static string Without(string header) => Good.Replace(header, "");
        private static string Swap(string from, string to) => Good.Replace(from, to);

        [Fact]
        public void GoodBaselineParses()
        {
            var m = Parse(Good);
            Assert.Equal(SipParseStatus.Ok, m.Status);
            Assert.True(m.CanAnswer);
        }

        [Theory]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1\n", SipError.MissingVia)]
        [InlineData("From: <sip:a@example.com>;tag=f1\n", SipError.MissingFrom)]
        [InlineData("To: <sip:u@example.com>\n", SipError.MissingTo)]
        [InlineData("Call-ID: bad-1@example.com\n", SipError.MissingCallId)]
        [InlineData("CSeq: 10 OPTIONS\n", SipError.MissingCSeq)]
        public void MissingRequiredHeaders(string line, SipError e)
        {
            AssertError(Without(line), e, false);
            Assert.Equal(e == SipError.MissingCallId ? "Missing Call-ID" : SipErrors.Reason(e), SipErrors.Reason(e));
        }

        [Theory]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 10", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: -10 OPTIONS", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 36893488147419103232 OPTIONS", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 2147483648 OPTIONS", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 10 OPTIONS extra", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 10OPTIONS", SipError.BadCSeq)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq: 10 INVITE", SipError.CSeqMethodMismatch)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 300", SipError.BadMaxForwards)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: -1", SipError.BadMaxForwards)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\nExpires: soon", SipError.BadExpires)]
        [InlineData("Content-Length: 0", "Content-Length: -5", SipError.BadContentLength)]
        [InlineData("Content-Length: 0", "Content-Length: 99999999999", SipError.BadContentLength)]
        [InlineData("Content-Length: 0", "Content-Length: ten", SipError.BadContentLength)]
        [InlineData("Content-Length: 0", "Content-Length: 10", SipError.ContentLengthMismatch)]
        [InlineData("Content-Length: 0", "Content-Length: 2147483647", SipError.ContentLengthMismatch)]
        [InlineData("Call-ID: bad-1@example.com", "Call-ID: bad-1@example.com\nCall-ID: other", SipError.DuplicateHeader)]
        [InlineData("Content-Length: 0", "Content-Length: 0\nl: 0", SipError.DuplicateHeader)]
        [InlineData("Call-ID: bad-1@example.com", "Call-ID: two words", SipError.BadCallId)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\nNo colon here", SipError.BadHeaderLine)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\n: no name", SipError.BadHeaderLine)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS sip:u@example.com SIP/7.0", SipError.BadVersion)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS sip:u@exa mple.com SIP/2.0", SipError.BadRequestUri)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS  sip:u@example.com  SIP/2.0", SipError.BadRequestUri)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS sip:u@[2001:db8::1 SIP/2.0", SipError.BadRequestUri)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS sip:u@example.com:99999 SIP/2.0", SipError.BadRequestUri)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS sip:@example.com SIP/2.0", SipError.BadRequestUri)]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0", "OPTIONS <sip:u@example.com> SIP/2.0", SipError.BadRequestUri)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\nContact: \"unterminated <sip:x@y>", SipError.UnterminatedQuote)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\nRoute: <sip:x@y;lr", SipError.UnterminatedAngle)]
        [InlineData("Max-Forwards: 70", "Max-Forwards: 70\nX-Null: a\0b", SipError.InvalidCharacter)]
        public void BadFieldsStillAnswerable(string from, string to, SipError e)
        {
            AssertError(Swap(from, to), e, true);
        }

        [Theory]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/1.0/UDP 192.0.2.1;branch=z9hG4bKx", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP 192.0.2.1:0;branch=z9hG4bKx", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP 192.0.2.1;branch=", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP 192.0.2.1;rport=70000", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP [2001:db8::1;branch=z9hG4bKx", SipError.BadVia)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbad1", "Via: SIP/2.0/UDP h;branch=\"z9hG4bKx", SipError.UnterminatedQuote)]
        [InlineData("From: <sip:a@example.com>;tag=f1", "From: <sip:a@example.com;tag=f1", SipError.UnterminatedAngle)]
        [InlineData("From: <sip:a@example.com>;tag=f1", "From: \"Alice <sip:a@example.com>;tag=f1", SipError.UnterminatedQuote)]
        [InlineData("From: <sip:a@example.com>;tag=f1", "From: <sip:a@example.com> junk;tag=f1", SipError.BadFrom)]
        [InlineData("From: <sip:a@example.com>;tag=f1", "From: <sip:a@example.com>;tag=", SipError.BadFrom)]
        [InlineData("To: <sip:u@example.com>", "To: Bob \"x\" <sip:u@example.com>", SipError.BadTo)]
        [InlineData("To: <sip:u@example.com>", "To: <>", SipError.BadTo)]
        [InlineData("Call-ID: bad-1@example.com", "Call-ID:   ", SipError.MissingCallId)]
        [InlineData("CSeq: 10 OPTIONS", "CSeq:", SipError.BadCSeq)]
        public void BrokenEssentialHeadersCannotBeAnswered(string from, string to, SipError e)
        {
            AssertError(Swap(from, to), e, false);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n\n\n")]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\n")]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0")]
        [InlineData("OPTIONS sip:u@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCall-ID: t\nCSeq: 1 OPTIONS\n")]
        public void TruncatedDatagrams(string text)
        {
            AssertError(text, SipError.Truncated, false);
            var m = new SipMessage();
            byte[] b = Bytes(text);
            Assert.Equal(SipParseStatus.NeedMoreData, m.ParseStream(b, 0, b.Length));
        }

        [Theory]
        [InlineData("garbage\n\n", SipError.BadStartLine)]
        [InlineData("INVITE\n\n", SipError.BadStartLine)]
        [InlineData("INVITE sip:u@h\n\n", SipError.BadStartLine)]
        [InlineData("INVITE sip:u@h HTTP/1.1\n\n", SipError.BadStartLine)]
        [InlineData("<INVITE> sip:u@h SIP/2.0\n\n", SipError.BadStartLine)]
        [InlineData("SIP/2.0 2000 OK\n\n", SipError.BadStatusCode)]
        [InlineData("SIP/2.0 099 Low\n\n", SipError.BadStatusCode)]
        [InlineData("SIP/2.0 20 OK\n\n", SipError.BadStatusCode)]
        [InlineData("SIP/2.0 abc OK\n\n", SipError.BadStatusCode)]
        [InlineData("SIP/3.0 200 OK\n\n", SipError.BadVersion)]
        [InlineData("SIP/2.0\n\n", SipError.BadStartLine)]
        [InlineData("INV\0ITE sip:u@h SIP/2.0\n\n", SipError.InvalidCharacter)]
        public void GarbageStartLines(string text, SipError e)
        {
            AssertError(text, e, false);
        }

        [Fact]
        public void OverLongLine_TooManyHeaders_TooLargeMessage()
        {
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\nX-Long: " + new string('a', 2100)), SipError.LineTooLong, true);
            AssertError("OPTIONS sip:u@example.com SIP/2.0\nX-Long: " + new string('a', 2100) + "\n" + Good.Substring(Good.IndexOf('\n') + 1), SipError.LineTooLong, false);
            AssertError("OPTIONS sip:" + new string('a', 2100) + "@h SIP/2.0\n\n", SipError.LineTooLong, false);
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < 60; i++) sb.Append("X-H").Append(i).Append(": v\n");
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\n" + sb), SipError.TooManyHeaders, true);
            // a folded line counts with its continuations
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\nX-Fold: " + new string('a', 1500) + "\n " + new string('b', 1500)), SipError.LineTooLong, true);
            // configured limits
            var small = new SipMessage(512, 8, 64);
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\nX-1: a\nX-2: b"), SipError.TooManyHeaders, true, new SipMessage(8192, 8, 2048));
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\nX-L: " + new string('a', 70)), SipError.LineTooLong, true, small);
            AssertError(Swap("Content-Length: 0", "Content-Length: 400") + new string('b', 400), SipError.MessageTooLarge, false, small);
            Assert.Equal("Header too long", SipErrors.Reason(SipError.LineTooLong));
            Assert.Equal("Too many headers", SipErrors.Reason(SipError.TooManyHeaders));
        }

        [Fact]
        public void NulAndControlBytes()
        {
            AssertError(Swap("Call-ID: bad-1@example.com", "Call-ID: bad\u0001x"), SipError.InvalidCharacter, false);
            AssertError(Swap("Max-Forwards: 70", "Max-Forwards: 70\nX-A: a\rb"), SipError.InvalidCharacter, true);
            // NUL bytes in the body are fine (binary bodies)
            var m = Parse(Swap("Content-Length: 0", "Content-Length: 3") + "\0\0\0");
            Assert.Equal(SipParseStatus.Ok, m.Status);
            Assert.Equal(3, m.Body.Length);
        }

        [Fact]
        public void ResponseWithBrokenHeadersIsMalformedButNeverAnswerable()
        {
            AssertError("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:c@d>\nCSeq: 1 INVITE\n\n", SipError.MissingCallId, false);
        }

        [Fact]
        public void AckIsNeverAnswered()
        {
            AssertError(Swap("OPTIONS sip:u@example.com SIP/2.0", "ACK sip:u@example.com SIP/2.0").Replace("10 OPTIONS", "10 ACK").Replace("Content-Length: 0", "Content-Length: 9"),
                SipError.ContentLengthMismatch, false);
        }
    }
}
