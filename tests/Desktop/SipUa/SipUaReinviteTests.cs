// re-INVITE in both directions (hold and resume with the application's SDP, target refresh),
// 491 glare with the RFC 3261 §14.1 back-off windows, session timers (RFC 4028): refresh by
// the refresher at half the interval without bothering the application, BYE when refreshes
// stop, 422 with Min-SE retried, and re-INVITE failures that keep or end the call.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaReinviteTests
    {
        private static readonly string HoldA = UaPair.Sdp("10.0.0.1", 20000, "sendonly", 2);
        private static readonly string HeldB = UaPair.Sdp("10.0.0.2", 30000, "recvonly", 2);
        private static readonly string ResumeB = UaPair.Sdp("10.0.0.2", 30000, "sendrecv", 3);
        private static readonly string ResumedA = UaPair.Sdp("10.0.0.1", 20000, "sendrecv", 3);

        private static void Reinvite(UaNode n, int call, string sdp, long now)
        {
            byte[] b = UaPair.B8(sdp);
            Assert.Equal(UaStatus.Ok, n.Ua.Reinvite(call, b, 0, b.Length, now));
        }

        private static void Answer(UaNode n, int call, string sdp, long now)
        {
            byte[] b = UaPair.B8(sdp);
            Assert.Equal(UaStatus.Ok, n.Ua.Answer(call, b, 0, b.Length, now));
        }

        [Fact]
        public void HoldByCaller_ResumeByCallee()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            Reinvite(p.A, a, HoldA, p.Now);
            Assert.Equal(UaStatus.InviteInProgress, p.A.Ua.Reinvite(a, UaPair.B8(HoldA), 0, 10, p.Now));
            p.Net.Pump();
            Ev rx = p.B.Last(UaEventKind.ReinviteReceived);
            Assert.Equal(HoldA, rx.Body);
            Assert.Equal(b, rx.Call);
            Answer(p.B, b, HeldB, p.Now);
            p.Net.Pump();
            Assert.Equal(HeldB, p.A.Last(UaEventKind.ReinviteAnswered).Body);
            var reinv = p.From("A", "INVITE")[1].Text;
            Assert.Equal(2, Sip.CSeq(reinv));
            Assert.StartsWith("INVITE sip:bob@10.0.0.2:5060 SIP/2.0", reinv);
            Assert.NotNull(Sip.Tag(Sip.Header(reinv, "To")));
            Assert.Equal("2 ACK", Sip.Header(p.From("A", "ACK")[1].Text, "CSeq"));

            Reinvite(p.B, b, ResumeB, p.Now);
            p.Net.Pump();
            Assert.Equal(ResumeB, p.A.Last(UaEventKind.ReinviteReceived).Body);
            Answer(p.A, a, ResumedA, p.Now);
            p.Net.Pump();
            Assert.Equal(ResumedA, p.B.Last(UaEventKind.ReinviteAnswered).Body);
            var fromB = p.From("B", "INVITE").Single().Text;
            Assert.Equal(1, Sip.CSeq(fromB));
            Assert.StartsWith("INVITE sip:alice@10.0.0.1:5060 SIP/2.0", fromB);
            Assert.Equal("1 ACK", Sip.Header(p.From("B", "ACK").Single().Text, "CSeq"));
            Assert.Equal(UaCallState.Established, p.A.Ua.GetCallState(a));
            Assert.Equal(UaCallState.Established, p.B.Ua.GetCallState(b));
            Assert.Equal(0, p.A.Count(UaEventKind.CallEnded) + p.B.Count(UaEventKind.CallEnded));
        }

        [Fact]
        public void ReinviteRejected488_CallContinues()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            Reinvite(p.A, a, HoldA, p.Now);
            p.Net.Pump();
            Assert.Equal(UaStatus.Ok, p.B.Ua.Reject(b, 488, p.Now));
            p.Net.Pump();
            Ev f = p.A.Last(UaEventKind.ReinviteFailed);
            Assert.Equal(488, f.Code);
            Assert.Equal(UaCallState.Established, p.A.Ua.GetCallState(a));
            // a new re-INVITE is possible again
            Reinvite(p.A, a, HoldA, p.Now);
        }

        [Fact]
        public void TargetRefresh_NewContactUsedForNextRequest()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            // B's address changes; its re-INVITE carries the new Contact
            var raw = p.Net.Add(new RawNode("B2", SipAddress.FromIPv4(10, 0, 0, 22, 5062, SipTransport.Udp)));
            string ok = p.From("B", "SIP/2.0 200").First().Text;
            string inv = p.From("A", "INVITE").First().Text;
            string reinv = "INVITE sip:alice@10.0.0.1:5060 SIP/2.0\n" +
                           "Via: SIP/2.0/UDP 10.0.0.22:5062;branch=z9hG4bKref1\n" +
                           "Max-Forwards: 70\n" +
                           "From: " + Sip.Header(ok, "To") + "\n" +
                           "To: " + Sip.Header(inv, "From") + "\n" +
                           "Call-ID: " + Sip.CallId(inv) + "\n" +
                           "CSeq: 7 INVITE\n" +
                           "Contact: <sip:bob@10.0.0.22:5062>\n" +
                           "Content-Type: application/sdp\n" +
                           "Content-Length: " + ResumeB.Length + "\n\n" + ResumeB;
            raw.Send(reinv, p.A.Address);
            p.Net.Pump();
            Assert.Equal(ResumeB, p.A.Last(UaEventKind.ReinviteReceived).Body);
            Answer(p.A, a, ResumedA, p.Now);
            p.Net.Pump();
            Assert.Contains(raw.Received, t => t.StartsWith("SIP/2.0 200 OK") && Sip.CSeq(t) == 7);
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Pump();
            Assert.Contains(raw.Received, t => t.StartsWith("BYE sip:bob@10.0.0.22:5062 SIP/2.0"));
        }

        [Fact]
        public void Glare_Both491_ShorterWaiterGoesFirst_OtherSideTold()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            // both re-INVITE before either arrives
            Reinvite(p.A, a, HoldA, p.Now);
            Reinvite(p.B, b, ResumeB, p.Now);
            p.A.AutoReact = e => { if (e.Kind == UaEventKind.ReinviteReceived) Answer(p.A, e.Call, ResumedA, p.A.Now); return true; };
            p.Net.Pump();
            Assert.Single(p.From("A", "SIP/2.0 491"));
            Assert.Single(p.From("B", "SIP/2.0 491"));
            Assert.Equal(UaStatus.InviteInProgress, p.A.Ua.Reinvite(a, UaPair.B8(HoldA), 0, 10, p.Now));
            p.Net.Run(10_000);
            // B did not generate the Call-ID: it retries within 0-2 s, CSeq + 1, and A accepts it
            var bInv = p.From("B", "INVITE");
            Assert.Equal(2, bInv.Length);
            Assert.InRange(bInv[1].At, 0, 2000);
            Assert.Equal(Sip.CSeq(bInv[0].Text) + 1, Sip.CSeq(bInv[1].Text));
            Assert.Equal(ResumeB, p.A.Last(UaEventKind.ReinviteReceived).Body);
            Assert.Equal(ResumedA, p.B.Last(UaEventKind.ReinviteAnswered).Body);
            // A's own retry (2.1-4 s) is dropped: its offer would now be stale; the application is told
            Assert.Equal(2, p.From("A", "INVITE").Length);
            Ev f = p.A.Last(UaEventKind.ReinviteFailed);
            Assert.Equal(491, f.Code);
            // and A may re-issue at once
            Reinvite(p.A, a, HoldA, p.Now);
            p.Net.Pump();
            Assert.Equal(HoldA, p.B.Last(UaEventKind.ReinviteReceived).Body);
        }

        [Fact]
        public void GlareWindows_AcrossSeeds()
        {
            long aMin = long.MaxValue, aMax = 0, bMin = long.MaxValue, bMax = 0;
            for (int seed = 0; seed < 40; seed++)
            {
                var p = new UaPair(seedA: 100 + seed, seedB: 200 + seed);
                var (a, b) = p.Establish();
                Reinvite(p.A, a, HoldA, p.Now);
                Reinvite(p.B, b, ResumeB, p.Now);
                p.Net.Drop = x => x.IsRequest("INVITE") && x.At > 0; // only look at when the retries start
                p.Net.Run(5000);
                long at = p.From("A", "INVITE").Where(x => Sip.CSeq(x.Text) == 3).First().At;
                long bt = p.From("B", "INVITE").Where(x => Sip.CSeq(x.Text) == 2).First().At;
                Assert.InRange(at, 2100, 4000);
                Assert.InRange(bt, 0, 2000);
                Assert.Equal(0, at % 10);
                aMin = System.Math.Min(aMin, at); aMax = System.Math.Max(aMax, at);
                bMin = System.Math.Min(bMin, bt); bMax = System.Math.Max(bMax, bt);
            }
            // jitter really spreads over the windows
            Assert.True(aMax - aMin > 1000 && bMax - bMin > 1000, aMin + ".." + aMax + " / " + bMin + ".." + bMax);
        }

        [Fact]
        public void SessionTimer_RefreshedByCaller_WithoutApplicationEvents_ExpiryWhenRefreshesStop()
        {
            var p = new UaPair(tweakA: c => c.SessionExpires = 120);
            var (a, b) = p.Establish();
            string inv = p.From("A", "INVITE")[0].Text;
            Assert.Equal("120", Sip.Header(inv, "Session-Expires"));
            string ok = p.From("B", "SIP/2.0 200").First().Text;
            Assert.Equal("120;refresher=uac", Sip.Header(ok, "Session-Expires"));
            Assert.Equal("timer", Sip.Header(ok, "Require"));
            Assert.Equal(120, p.A.Ua.GetSessionInterval(a));
            Assert.Equal(120, p.B.Ua.GetSessionInterval(b));
            p.Net.Run(600_000);
            long[] refresh = p.From("A", "INVITE").Skip(1).Select(x => x.At).ToArray();
            Assert.Equal(new long[] { 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000 }, refresh);
            Assert.Equal(0, p.B.Count(UaEventKind.ReinviteReceived));
            Assert.Equal(0, p.A.Count(UaEventKind.ReinviteAnswered));
            Assert.Contains("refresher=uac", Sip.Header(p.From("A", "INVITE").Last().Text, "Session-Expires"));
            Assert.Equal(UaCallState.Established, p.B.Ua.GetCallState(b));
            // A goes silent: B gives up at last refresh + 120 - min(32, 40) = +88 s
            p.Net.Drop = x => x.FromName == "A";
            p.Net.Run(100_000);
            var bye = p.From("B", "BYE").First();
            Assert.Equal(600_000 + 88_000, bye.At);
            Ev end = p.B.Last(UaEventKind.CallEnded);
            Assert.Equal("session expired", end.Reason);
        }

        [Fact]
        public void SessionTimer_PeerWithoutTimerSupport_WeRefreshAsUas()
        {
            // a raw caller asks for a session timer without Supported: timer → the UAS (us) refreshes
            var p = new UaPair();
            var raw = p.Net.Add(new RawNode("C", SipAddress.FromIPv4(10, 0, 0, 3, 5060, SipTransport.Udp)));
            raw.Send("INVITE sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bKst1\nMax-Forwards: 70\n" +
                     "From: <sip:carol@example.com>;tag=c1\nTo: <sip:bob@example.com>\nCall-ID: st-1\nCSeq: 10 INVITE\n" +
                     "Contact: <sip:carol@10.0.0.3:5060>\nSession-Expires: 100\nContent-Type: application/sdp\nContent-Length: " + UaPair.Offer.Length + "\n\n" + UaPair.Offer,
                     p.B.Address);
            p.Net.Pump();
            int b = p.B.Last(UaEventKind.IncomingCall).Call;
            Answer(p.B, b, UaPair.Answer, p.Now);
            p.Net.Pump();
            string ok = raw.Received.First(t => t.StartsWith("SIP/2.0 200"));
            Assert.Equal("100;refresher=uas", Sip.Header(ok, "Session-Expires"));
            Assert.Null(Sip.Header(ok, "Require"));
            raw.Send("ACK sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bKst2\nMax-Forwards: 70\n" +
                     "From: <sip:carol@example.com>;tag=c1\nTo: " + Sip.Header(ok, "To") + "\nCall-ID: st-1\nCSeq: 10 ACK\nContent-Length: 0\n\n", p.B.Address);
            raw.Handler = (t, from) => t.StartsWith("INVITE") ? new[] { Sip.Response(t, 200, "OK", null, "Contact: <sip:carol@10.0.0.3:5060>\nSession-Expires: 100;refresher=uac\nContent-Type: application/sdp", UaPair.Offer) } : new string[0];
            p.Net.Run(50_000);
            string refresh = raw.Received.Last(t => t.StartsWith("INVITE"));
            Assert.StartsWith("INVITE sip:carol@10.0.0.3:5060 SIP/2.0", refresh);
            Assert.Equal("100;refresher=uac", Sip.Header(refresh, "Session-Expires"));
            Assert.Equal(UaPair.Answer, Sip.Body(refresh));
            Assert.Contains(raw.Received, t => t.StartsWith("ACK sip:carol@10.0.0.3:5060"));
        }

        [Fact]
        public void Interval422_RetriedWithMinSE()
        {
            var p = new UaPair(tweakA: c => c.SessionExpires = 120, tweakB: c => c.MinSessionExpires = 300);
            p.Call();
            Assert.Single(p.From("B", "SIP/2.0 422"));
            Assert.Equal("300", Sip.Header(p.From("B", "SIP/2.0 422")[0].Text, "Min-SE"));
            var invites = p.From("A", "INVITE");
            Assert.Equal(2, invites.Length);
            Assert.Equal("300", Sip.Header(invites[1].Text, "Session-Expires"));
            Assert.Equal(Sip.CSeq(invites[0].Text) + 1, Sip.CSeq(invites[1].Text));
            Assert.NotEqual(Sip.Branch(invites[0].Text), Sip.Branch(invites[1].Text));
            Assert.Equal(1, p.B.Count(UaEventKind.IncomingCall));
            p.Ring();
            p.AnswerB();
            Assert.Equal(300, p.A.Ua.GetSessionInterval(p.A.Last(UaEventKind.CallAnswered).Call));
        }

        [Fact]
        public void ReinviteWhileFirstOneUnanswered_500WithRetryAfter()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            Reinvite(p.A, a, HoldA, p.Now);
            p.Net.Pump();
            Assert.Equal(1, p.B.Count(UaEventKind.ReinviteReceived));
            // a second offer from a raw copy of A while B's application still thinks
            string first = p.From("A", "INVITE").Last().Text;
            string second = first.Replace("CSeq: 2 INVITE", "CSeq: 3 INVITE").Replace(Sip.Branch(first), "z9hG4bKsecond");
            var raw = p.Net.Add(new RawNode("A2", SipAddress.FromIPv4(10, 0, 0, 1, 5999, SipTransport.Udp)));
            raw.Send(second, p.B.Address);
            p.Net.Pump();
            string resp = raw.Received.Last();
            Assert.StartsWith("SIP/2.0 500", resp);
            Assert.NotNull(Sip.Header(resp, "Retry-After"));
        }

        [Fact]
        public void ReinviteTimeout_EndsCallWithBye()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            p.Net.Drop = x => x.IsRequest("INVITE");
            Reinvite(p.A, a, HoldA, p.Now);
            p.Net.Run(32_000);
            Assert.Equal(408, p.A.Last(UaEventKind.CallEnded).Code);
            Assert.Single(p.From("A", "BYE"));
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
        }
    }
}
