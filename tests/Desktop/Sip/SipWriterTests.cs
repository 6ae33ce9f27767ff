// SipWriter: requests and responses written into caller buffers, round-tripped through the parser;
// §8.2.6 response header copy with To-tag and RFC 3581 received/rport; buffer-too-small status.
using Endpoint.Sip.Message;
using Xunit;
using static Endpoint.Tests.Sip.SipSamples;

namespace Endpoint.Tests.Sip
{
    public class SipWriterTests
    {
        private static string Out(SipWriter w) => System.Text.Encoding.Latin1.GetString(w.Buffer, w.Offset, w.Length);

        [Fact]
        public void RequestRoundTrip()
        {
            var w = new SipWriter();
            byte[] buf = new byte[1500];
            w.Start(buf, 10, 1400);
            w.RequestLine(SipMethod.Invite, "sip:bob@biloxi.example.com");
            byte[] branch = SipAscii.Bytes("z9hG4bK0123456789abcdef");
            w.Via(SipTransport.Udp, "192.0.2.10", 5060, branch, new Slice(0, branch.Length), true);
            w.Header(SipHeaderId.MaxForwards, 70);
            w.Header(SipHeaderId.From, "\"Alice\" <sip:alice@atlanta.example.com>;tag=abc");
            w.Header(SipHeaderId.To, "<sip:bob@biloxi.example.com>");
            w.Header(SipHeaderId.CallId, "c1@h");
            w.CSeq(2147483647, SipMethod.Invite);
            w.Header("X-Custom", "v");
            byte[] body = SipAscii.Bytes(Crlf(SdpBody));
            w.Body(body, 0, body.Length);
            Assert.Equal(SipWriteStatus.Ok, w.Status);
            var m = new SipMessage();
            Assert.Equal(SipParseStatus.Ok, m.Parse(buf, w.Offset, w.Length));
            Assert.Equal(SipMethod.Invite, m.Method);
            Assert.Equal("z9hG4bK0123456789abcdef", Text(m, m.TopVia.Branch));
            Assert.True(m.TopVia.HasRport);
            Assert.Equal(2147483647, m.CSeq);
            Assert.Equal(70, m.MaxForwards);
            Assert.Equal(body.Length, m.Body.Length);
            Assert.Equal("v", Text(m, m.GetHeaderValue(m.FindHeader(SipAscii.LowerBytes("x-custom"), 0))));
            Assert.StartsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK0123456789abcdef;rport\r\nMax-Forwards: 70\r\n", Out(w));
        }

        [Fact]
        public void ResponseCopiesHeadersAddsTagReceivedRport()
        {
            byte[] req = Bytes(Invite);
            var m = new SipMessage();
            Assert.Equal(SipParseStatus.Ok, m.Parse(req, 0, req.Length));
            var w = new SipWriter();
            byte[] buf = new byte[2000];
            w.Start(buf, 0, buf.Length);
            w.StatusLine(180, "Ringing");
            byte[] tag = SipAscii.Bytes("totag77");
            byte[] rcv = SipAscii.Bytes("203.0.113.9");
            w.ResponseHeaders(m, tag, new Slice(0, tag.Length), rcv, new Slice(0, rcv.Length), 40123);
            w.CopyHeaders(m, SipHeaderId.RecordRoute);
            w.NoBody();
            Assert.Equal(SipWriteStatus.Ok, w.Status);
            string s = Out(w);
            Assert.Equal(Crlf(
                "SIP/2.0 180 Ringing\n" +
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d;rport=40123;received=203.0.113.9\n" +
                "Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=198.51.100.7\n" +
                "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\n" +
                "To: Bob <sip:bob@biloxi.example.com>;tag=totag77\n" +
                "Call-ID: 3848276298220188511@atlanta.example.com\n" +
                "CSeq: 314159 INVITE\n" +
                "Record-Route: <sip:proxy.atlanta.example.com;lr>\n" +
                "Content-Length: 0\n\n"), s);
            var r = new SipMessage();
            Assert.Equal(SipParseStatus.Ok, r.Parse(buf, 0, w.Length));
            Assert.Equal(180, r.StatusCode);
            Assert.Equal(40123, r.TopVia.Rport);
            Assert.Equal("totag77", Text(r, r.To.Tag));

            // existing To-tag is kept, no 3581 additions without a received address
            byte[] ok = Bytes(Ok200.Replace("SIP/2.0 200 OK", "BYE sip:x@y SIP/2.0").Replace("314159 INVITE", "314160 BYE"));
            Assert.Equal(SipParseStatus.Ok, m.Parse(ok, 0, ok.Length));
            w.Start(buf, 0, buf.Length);
            w.StatusLine(200, "OK");
            w.ResponseHeaders(m, tag, new Slice(0, tag.Length));
            w.NoBody();
            Assert.Contains("To: Bob <sip:bob@biloxi.example.com>;tag=8321234356\r\n", Out(w));
            Assert.DoesNotContain("totag77", Out(w));
        }

        [Fact]
        public void BodyWrittenInPlace()
        {
            var w = new SipWriter();
            byte[] buf = new byte[600];
            w.Start(buf, 0, buf.Length);
            w.StatusLine(200, "OK");
            w.Header(SipHeaderId.ContentType, "text/plain");
            int at = w.BeginBody();
            Assert.True(at > 0);
            w.Ascii("hello ");
            w.Int(-42);
            buf[w.Offset + w.Length] = (byte)'!';
            w.Advance(1);
            w.EndBody();
            Assert.Equal(SipWriteStatus.Ok, w.Status);
            Assert.EndsWith("Content-Length:    10\r\n\r\nhello -42!", Out(w));
            var m = new SipMessage();
            byte[] copy = new byte[w.Length];
            System.Array.Copy(buf, copy, w.Length);
            m.Parse(copy, 0, copy.Length);
            Assert.Equal(10, m.ContentLength);
            Assert.Equal("hello -42!", Text(m, m.Body));
        }

        [Fact]
        public void BufferTooSmallIsAStatusAtEverySize()
        {
            byte[] req = Bytes(Invite);
            var m = new SipMessage();
            m.Parse(req, 0, req.Length);
            var w = new SipWriter();
            byte[] buf = new byte[1200];
            int full = -1;
            for (int cap = 0; cap < 1200; cap++)
            {
                w.Start(buf, 0, cap);
                w.StatusLine(486, "Busy Here");
                w.ResponseHeaders(m, SipAscii.Bytes("t"), new Slice(0, 1));
                w.Body(req, m.Body.Start, m.Body.Length);
                if (w.Status == SipWriteStatus.Ok) { full = cap; break; }
                Assert.Equal(SipWriteStatus.BufferTooSmall, w.Status);
                Assert.True(w.Length <= cap);
            }
            Assert.True(full > 0);
            var r = new SipMessage();
            Assert.Equal(SipParseStatus.Ok, r.Parse(buf, 0, w.Length));
            Assert.Equal(486, r.StatusCode);
            Assert.Equal(full, w.Length);
        }

        [Fact]
        public void IntegerEdgeCases()
        {
            var w = new SipWriter();
            byte[] buf = new byte[100];
            w.Start(buf, 0, 100);
            w.Int(0); w.Byte((byte)' ');
            w.Int(9); w.Byte((byte)' ');
            w.Int(10); w.Byte((byte)' ');
            w.Int(4294967295L); w.Byte((byte)' ');
            w.Int(long.MinValue);
            Assert.Equal("0 9 10 4294967295 -9223372036854775808", Out(w));
        }
    }
}
