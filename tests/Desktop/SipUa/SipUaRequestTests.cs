// Requests other than calls: OPTIONS answered out of and in dialog with Allow/Accept/Supported,
// MESSAGE (RFC 3428) sent and received, INFO received (dtmf-relay body to the application) and
// sent, unknown methods (405 + Allow), unsupported Require (420 + Unsupported, 100rel never
// supported), wrong URI scheme (416), requests for unknown dialogs (481), out-of-order CSeq
// (500), malformed requests answered 400 with the parser's reason, oversize bodies (413), CRLF
// keep-alives ignored.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaRequestTests
    {
        private static readonly SipAddress RawAddr = SipAddress.FromIPv4(10, 0, 0, 9, 5060, SipTransport.Udp);

        private static (UaPair p, RawNode raw) Setup()
        {
            var p = new UaPair();
            var raw = p.Net.Add(new RawNode("X", RawAddr));
            return (p, raw);
        }

        private static string Req(string method, string extra = "", string body = "", string toTag = null, string callId = "x-1", int cseq = 1, string uri = "sip:bob@10.0.0.2:5060") =>
            method + " " + uri + " SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKx" + method + cseq + "\nMax-Forwards: 70\n" +
            "From: \"Xavier\" <sip:xavier@example.com>;tag=xt\nTo: <sip:bob@example.com>" + (toTag != null ? ";tag=" + toTag : "") + "\n" +
            "Call-ID: " + callId + "\nCSeq: " + cseq + " " + method + "\n" + (extra.Length > 0 ? extra.TrimEnd('\n') + "\n" : "") +
            "Content-Length: " + body.Length + "\n\n" + body;

        private static string Ask(UaPair p, RawNode raw, string text)
        {
            raw.Received.Clear();
            raw.Send(text, p.B.Address);
            p.Net.Pump();
            return raw.Received.Last();
        }

        [Fact]
        public void Options_OutOfDialog_AllowAcceptSupported()
        {
            var (p, raw) = Setup();
            string r = Ask(p, raw, Req("OPTIONS"));
            Assert.StartsWith("SIP/2.0 200 OK", r);
            Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, INFO", Sip.Header(r, "Allow"));
            Assert.Equal("application/sdp, text/plain, application/dtmf-relay", Sip.Header(r, "Accept"));
            Assert.Equal("timer", Sip.Header(r, "Supported"));
            Assert.NotNull(Sip.Tag(Sip.Header(r, "To")));
            Assert.Equal("10.0.0.9", Sip.Param(Sip.Header(r, "Via"), "received") ?? "10.0.0.9");
        }

        [Fact]
        public void Options_InDialog_AndUnknownDialog481()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            var raw = p.Net.Add(new RawNode("X", RawAddr));
            string inv = p.From("A", "INVITE")[0].Text;
            string ok = p.From("B", "SIP/2.0 200").First().Text;
            string opt = "OPTIONS sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKo1\nMax-Forwards: 70\n" +
                         "From: " + Sip.Header(inv, "From") + "\nTo: " + Sip.Header(ok, "To") + "\nCall-ID: " + Sip.CallId(inv) + "\nCSeq: 5 OPTIONS\nContent-Length: 0\n\n";
            string r = Ask(p, raw, opt);
            Assert.StartsWith("SIP/2.0 200 OK", r);
            Assert.Equal(Sip.Header(ok, "To"), Sip.Header(r, "To"));
            Assert.NotNull(Sip.Header(r, "Allow"));
            // out of order (CSeq not above the last one) → 500
            Assert.StartsWith("SIP/2.0 500", Ask(p, raw, opt.Replace("z9hG4bKo1", "z9hG4bKo2")));
            // an unknown dialog → 481
            Assert.StartsWith("SIP/2.0 481", Ask(p, raw, Req("BYE", toTag: "nosuch", cseq: 9)));
            Assert.StartsWith("SIP/2.0 481", Ask(p, raw, Req("INFO", cseq: 10)));
            Assert.Equal(UaCallState.Established, p.B.Ua.GetCallState(b));
        }

        [Fact]
        public void Message_SentAndReceived_WithResultEvent()
        {
            var p = new UaPair();
            byte[] body = UaPair.B8("hello bob");
            int h = p.A.Ua.SendMessage("sip:bob@10.0.0.2:5060", "text/plain", body, 0, body.Length, p.Now);
            Assert.True(h >= 0);
            p.Net.Pump();
            Ev rx = p.B.Last(UaEventKind.MessageReceived);
            Assert.Equal("hello bob", rx.Body);
            Assert.Equal("text/plain", rx.ContentType);
            Assert.Equal("sip:alice@example.com", rx.PeerUri);
            Assert.Equal("Alice", rx.PeerName);
            Assert.Equal(-1, rx.Call);
            Ev res = p.A.Last(UaEventKind.MessageResult);
            Assert.Equal(200, res.Code);
            Assert.Equal(h, res.Handle);
            string m = p.From("A", "MESSAGE").Single().Text;
            Assert.Equal("<sip:bob@10.0.0.2:5060>", Sip.Header(m, "To"));
            Assert.Null(Sip.Header(m, "Contact"));
        }

        [Fact]
        public void Message_Failures_AndSlotsLimited()
        {
            var p = new UaPair(tweakA: c => c.MaxMessages = 2);
            p.Net.Drop = x => x.IsRequest("MESSAGE");
            byte[] body = UaPair.B8("x");
            int h1 = p.A.Ua.SendMessage("sip:bob@10.0.0.2", "text/plain", body, 0, 1, p.Now);
            int h2 = p.A.Ua.SendMessage("sip:bob@10.0.0.2", "text/plain", body, 0, 1, p.Now);
            Assert.Equal(UaStatus.TooManyMessages, UaStatuses.FromHandle(p.A.Ua.SendMessage("sip:bob@10.0.0.2", "text/plain", body, 0, 1, p.Now)));
            Assert.Equal(UaStatus.TooLarge, UaStatuses.FromHandle(new UaPair().A.Ua.SendMessage("sip:bob@10.0.0.2", "text/plain", new byte[600], 0, 600, 0)));
            p.Net.Run(32_000);
            var results = p.A.Of(UaEventKind.MessageResult).ToArray();
            Assert.Equal(2, results.Length);
            Assert.All(results, r => Assert.Equal(408, r.Code));
            Assert.Equal(new[] { h1, h2 }, results.Select(r => r.Handle).OrderBy(x => x).ToArray());
            // slots are free again
            Assert.True(p.A.Ua.SendMessage("sip:bob@10.0.0.2", "text/plain", body, 0, 1, p.Now) >= 0);
        }

        [Fact]
        public void Info_DtmfRelay_DeliveredToApplication_AndSentFromApplication()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            string dtmf = "Signal=5\r\nDuration=160\r\n";
            byte[] d = UaPair.B8(dtmf);
            Assert.Equal(UaStatus.Ok, p.A.Ua.SendInfo(a, "application/dtmf-relay", d, 0, d.Length, p.Now));
            p.Net.Pump();
            Ev info = p.B.Last(UaEventKind.InfoReceived);
            Assert.Equal(b, info.Call);
            Assert.Equal("application/dtmf-relay", info.ContentType);
            Assert.Equal(dtmf, info.Body);
            Assert.Single(p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "INFO"));
            Assert.Equal(2, Sip.CSeq(p.From("A", "INFO").Single().Text));
        }

        [Fact]
        public void UnknownMethod405_UnsupportedRequire420_BadScheme416()
        {
            var (p, raw) = Setup();
            string r = Ask(p, raw, Req("SUBSCRIBE", "Event: presence\n"));
            Assert.StartsWith("SIP/2.0 405", r);
            Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, INFO", Sip.Header(r, "Allow"));
            r = Ask(p, raw, Req("FOO", cseq: 2));
            Assert.StartsWith("SIP/2.0 405", r);
            r = Ask(p, raw, Req("INVITE", "Contact: <sip:x@10.0.0.9>\nRequire: 100rel, timer\nSupported: 100rel\n", cseq: 3));
            Assert.StartsWith("SIP/2.0 420", r);
            Assert.Equal(new[] { "100rel" }, Sip.Headers(r, "Unsupported"));
            Assert.Equal(0, p.B.Count(UaEventKind.IncomingCall));
            r = Ask(p, raw, Req("OPTIONS", uri: "tel:+15551234", cseq: 4));
            Assert.StartsWith("SIP/2.0 416", r);
            // Require: timer alone is fine
            r = Ask(p, raw, Req("OPTIONS", "Require: timer\n", cseq: 5));
            Assert.StartsWith("SIP/2.0 200", r);
        }

        [Fact]
        public void Malformed_400WithReason_NoEvent()
        {
            var (p, raw) = Setup();
            string bad = Req("INVITE", "Contact: <sip:x@10.0.0.9>\n").Replace("CSeq: 1 INVITE", "CSeq: abc INVITE");
            string r = Ask(p, raw, bad);
            Assert.StartsWith("SIP/2.0 400 Bad CSeq", r);
            r = Ask(p, raw, Req("INVITE", "", cseq: 2)); // no Contact: a dialog cannot be formed
            Assert.StartsWith("SIP/2.0 400 Bad Contact", r);
            r = Ask(p, raw, Req("INVITE", "Contact: <sip:x@10.0.0.9>\nContent-Type: text/html\n", "<b>hi</b>", cseq: 3));
            Assert.StartsWith("SIP/2.0 415", r);
            Assert.Equal("application/sdp, text/plain, application/dtmf-relay", Sip.Header(r, "Accept"));
            r = Ask(p, raw, Req("MESSAGE", "Content-Type: text/plain\n", new string('x', 1500), cseq: 4));
            Assert.StartsWith("SIP/2.0 413", r);
            // garbage and CRLF keep-alives are ignored without answer or crash
            raw.Received.Clear();
            raw.Send("\n\n", p.B.Address);
            raw.Send("hello there\n\n", p.B.Address);
            p.Net.Pump();
            Assert.Empty(raw.Received);
            Assert.Empty(p.B.Events);
            Assert.Equal(0, p.B.Ua.CallsInUse);
        }

        [Fact]
        public void IncomingMessage_InDialogCarriesCall()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            var raw = p.Net.Add(new RawNode("X", RawAddr));
            string inv = p.From("A", "INVITE")[0].Text;
            string ok = p.From("B", "SIP/2.0 200").First().Text;
            string msg = "MESSAGE sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKm1\nMax-Forwards: 70\n" +
                         "From: " + Sip.Header(inv, "From") + "\nTo: " + Sip.Header(ok, "To") + "\nCall-ID: " + Sip.CallId(inv) +
                         "\nCSeq: 5 MESSAGE\nContent-Type: text/plain\nContent-Length: 2\n\nhi";
            raw.Send(msg, p.B.Address);
            p.Net.Pump();
            Ev m = p.B.Last(UaEventKind.MessageReceived);
            Assert.Equal(b, m.Call);
            Assert.Equal("hi", m.Body);
        }
    }
}
