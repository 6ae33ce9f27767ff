// SIP message layer figures: parse and serialize a realistic ~800-byte INVITE with SDP, its 200 OK,
// and a REGISTER with Digest Authorization. Time per message (ns) and managed bytes per message.
using System.Text;
using Endpoint.Sip.Message;

namespace Endpoint.Bench
{
    public static class SipBench
    {
        private const string Sdp =
            "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

        private static readonly string Invite =
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d;rport\r\n" +
            "Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=198.51.100.7\r\n" +
            "Max-Forwards: 69\r\n" +
            "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>\r\n" +
            "Call-ID: 3848276298220188511@atlanta.example.com\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Contact: <sip:alice@192.0.2.10:5060;transport=udp>\r\n" +
            "Record-Route: <sip:proxy.atlanta.example.com;lr>\r\n" +
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n" +
            "Supported: replaces, timer\r\n" +
            "User-Agent: Endpoint/1.0\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: " + Sdp.Length + "\r\n\r\n" + Sdp;

        private static readonly string Ok200 =
            "SIP/2.0 200 OK\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d;rport=5060;received=192.0.2.10\r\n" +
            "Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=198.51.100.7\r\n" +
            "Record-Route: <sip:proxy.atlanta.example.com;lr>\r\n" +
            "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356\r\n" +
            "Call-ID: 3848276298220188511@atlanta.example.com\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Contact: <sip:bob@203.0.113.20:5060>\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: " + Sdp.Length + "\r\n\r\n" + Sdp;

        private static readonly string Register =
            "REGISTER sip:registrar.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:alice@example.com>;tag=a73kszlfl\r\n" +
            "To: <sip:alice@example.com>\r\n" +
            "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\n" +
            "CSeq: 2 REGISTER\r\n" +
            "Contact: <sip:alice@192.0.2.10:5060>;expires=3600\r\n" +
            "Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", " +
            "uri=\"sip:registrar.example.com\", response=\"dfe56131d1958046689d83306477ecc\", algorithm=MD5, " +
            "cnonce=\"0a4f113b\", qop=auth, nc=00000001, opaque=\"\"\r\n" +
            "Expires: 3600\r\n" +
            "User-Agent: Endpoint/1.0\r\n" +
            "Content-Length: 0\r\n\r\n";

        public static void Run(BenchReport r)
        {
            byte[] inv = Encoding.ASCII.GetBytes(Invite);
            byte[] ok = Encoding.ASCII.GetBytes(Ok200);
            byte[] reg = Encoding.ASCII.GetBytes(Register);
            byte[] sdp = Encoding.ASCII.GetBytes(Sdp);
            var m = new SipMessage();
            var req = new SipMessage();
            req.Parse(inv, 0, inv.Length);
            var w = new SipWriter();
            byte[] outBuf = new byte[2048];
            byte[] tag = Encoding.ASCII.GetBytes("8321234356");
            byte[] branch = Encoding.ASCII.GetBytes("z9hG4bK74bf9a1c2d0011aa");
            byte[] nonce = Encoding.ASCII.GetBytes("nonce");

            BenchBody parseInvite = () => m.Parse(inv, 0, inv.Length);
            BenchBody parseOk = () => m.Parse(ok, 0, ok.Length);
            BenchBody parseReg = () =>
            {
                m.Parse(reg, 0, reg.Length);
                SipAuthIterator.TryGet(reg, m.GetHeaderValue(m.FindHeader(SipHeaderId.Authorization)), nonce, out Slice v);
            };
            BenchBody writeInvite = () =>
            {
                w.Start(outBuf, 0, outBuf.Length);
                w.RequestLine(SipMethod.Invite, "sip:bob@biloxi.example.com");
                w.Via(SipTransport.Udp, "192.0.2.10", 5060, branch, new Slice(0, branch.Length), true);
                w.Header(SipHeaderId.MaxForwards, 70);
                w.Header(SipHeaderId.From, "\"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl");
                w.Header(SipHeaderId.To, "Bob <sip:bob@biloxi.example.com>");
                w.Header(SipHeaderId.CallId, "3848276298220188511@atlanta.example.com");
                w.CSeq(314159, SipMethod.Invite);
                w.Header(SipHeaderId.Contact, "<sip:alice@192.0.2.10:5060;transport=udp>");
                w.Header(SipHeaderId.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE");
                w.Header(SipHeaderId.Supported, "replaces, timer");
                w.Header(SipHeaderId.UserAgent, "Endpoint/1.0");
                w.Header(SipHeaderId.ContentType, "application/sdp");
                w.Body(sdp, 0, sdp.Length);
            };
            BenchBody writeOk = () =>
            {
                w.Start(outBuf, 0, outBuf.Length);
                w.StatusLine(200, "OK");
                w.ResponseHeaders(req, tag, new Slice(0, tag.Length));
                w.CopyHeaders(req, SipHeaderId.RecordRoute);
                w.Header(SipHeaderId.Contact, "<sip:bob@203.0.113.20:5060>");
                w.Header(SipHeaderId.ContentType, "application/sdp");
                w.Body(sdp, 0, sdp.Length);
            };
            BenchBody writeReg = () =>
            {
                w.Start(outBuf, 0, outBuf.Length);
                w.RequestLine(SipMethod.Register, "sip:registrar.example.com");
                w.Via(SipTransport.Udp, "192.0.2.10", 5060, branch, new Slice(0, branch.Length), true);
                w.Header(SipHeaderId.MaxForwards, 70);
                w.Header(SipHeaderId.From, "<sip:alice@example.com>;tag=a73kszlfl");
                w.Header(SipHeaderId.To, "<sip:alice@example.com>");
                w.Header(SipHeaderId.CallId, "1j9FpLxk3uxtm8tn@192.0.2.10");
                w.CSeq(2, SipMethod.Register);
                w.Header(SipHeaderId.Contact, "<sip:alice@192.0.2.10:5060>;expires=3600");
                w.HeaderName(SipHeaderId.Authorization);
                w.Ascii("Digest username=\"alice\", realm=\"example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", uri=\"sip:registrar.example.com\", response=\"");
                w.Ascii("dfe56131d1958046689d83306477ecc");
                w.Ascii("\", algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=");
                w.Int(1);
                w.Crlf();
                w.Header(SipHeaderId.Expires, 3600);
                w.NoBody();
            };

            Report(r, "sip.parse.invite", parseInvite);
            Report(r, "sip.parse.200", parseOk);
            Report(r, "sip.parse.register", parseReg);
            Report(r, "sip.write.invite", writeInvite);
            Report(r, "sip.write.200", writeOk);
            Report(r, "sip.write.register", writeReg);
            r.Figure("sip.invite.bytes", inv.Length, "B");
        }

        private static void Report(BenchReport r, string name, BenchBody body)
        {
            if (r.Wants(name + ".ns")) r.Figure(name + ".ns", BenchReport.NanosPerCall(body, 20000), "ns");
            if (r.Wants(name + ".alloc")) r.Figure(name + ".alloc", BenchReport.BytesPerCall(body, 10000), "B/msg");
        }
    }
}
