// Basic INVITE sessions between two user agents: 100/180/200/ACK/BYE with the dialog rules
// (tags, CSeq, ACK for 2xx as its own transaction with the INVITE's CSeq number), rejection,
// cancellation (CANCEL → 200 + 487), the CANCEL/2xx race, 2xx retransmission until the ACK and
// the BYE after 64*T1 without one, packet loss, capacity limits.
using System.Linq;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaCallTests
    {
        [Fact]
        public void Call_Ringing_Answer_Ack_Bye()
        {
            var p = new UaPair();
            int a = p.Call();
            Ev inc = p.B.Last(UaEventKind.IncomingCall);
            Assert.NotNull(inc);
            Assert.Equal(UaPair.Offer, inc.Body);
            Assert.Equal("application/sdp", inc.ContentType);
            Assert.Equal("sip:alice@example.com", inc.PeerUri);
            Assert.Equal("Alice", inc.PeerName);
            Assert.Single(p.From("B", "SIP/2.0 100 Trying"));
            p.Ring();
            Ev prog = p.A.Last(UaEventKind.CallProgress);
            Assert.Equal(180, prog.Code);
            Assert.Equal(UaCallState.Early, p.A.Ua.GetCallState(a));
            p.AnswerB();
            Ev ans = p.A.Last(UaEventKind.CallAnswered);
            Assert.Equal(UaPair.Answer, ans.Body);
            Assert.Equal(1, p.B.Count(UaEventKind.CallConfirmed));

            string invite = p.From("A", "INVITE").Single().Text;
            string ok = p.From("B", "SIP/2.0 200").Single().Text;
            string ack = p.From("A", "ACK").Single().Text;
            Assert.Equal(1, Sip.CSeq(invite));
            Assert.Equal("1 ACK", Sip.Header(ack, "CSeq"));
            Assert.NotEqual(Sip.Branch(invite), Sip.Branch(ack));
            Assert.StartsWith("ACK sip:bob@10.0.0.2:5060 SIP/2.0", ack); // remote target = B's Contact
            Assert.Equal(Sip.Header(ok, "To"), Sip.Header(ack, "To"));
            Assert.NotNull(Sip.Tag(Sip.Header(ok, "To")));
            Assert.Equal("<sip:bob@10.0.0.2:5060>", Sip.Header(ok, "Contact"));
            Assert.Contains("INVITE", Sip.Header(ok, "Allow"));
            Assert.Equal("<sip:alice@10.0.0.1:5060>", Sip.Header(invite, "Contact"));
            Assert.Equal("timer", Sip.Header(invite, "Supported"));
            Assert.DoesNotContain("100rel", invite);

            Assert.Equal(UaStatus.Ok, p.A.Ua.Hangup(a, p.Now));
            p.Net.Pump();
            string bye = p.From("A", "BYE").Single().Text;
            Assert.Equal(2, Sip.CSeq(bye));
            Assert.Equal(Sip.CallId(invite), Sip.CallId(bye));
            Assert.Equal(Sip.Header(ack, "To"), Sip.Header(bye, "To"));
            Assert.Single(p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "BYE"));
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal("local hangup", p.A.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse);
            Assert.Equal(0, p.B.Ua.CallsInUse);
            Assert.Equal(UaStatus.NoSuchCall, p.A.Ua.Hangup(a, p.Now));
        }

        [Fact]
        public void CalleeHangsUp_ByeFromUas_UsesItsOwnCSeqSpace()
        {
            var p = new UaPair();
            var (a, b) = p.Establish();
            Assert.Equal(UaStatus.Ok, p.B.Ua.Hangup(b, p.Now));
            p.Net.Pump();
            string bye = p.From("B", "BYE").Single().Text;
            Assert.StartsWith("BYE sip:alice@10.0.0.1:5060 SIP/2.0", bye);
            Assert.Equal(1, Sip.CSeq(bye));
            Assert.Equal(Sip.Tag(Sip.Header(p.From("B", "SIP/2.0 200").First().Text, "To")), Sip.Tag(Sip.Header(bye, "From")));
            Assert.Equal("remote hangup", p.A.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);
        }

        [Theory]
        [InlineData(486, "busy")]
        [InlineData(603, "declined")]
        [InlineData(488, "488 not acceptable")]
        [InlineData(404, "not found")]
        public void Rejected_EndsWithReason_AckedByTransactionLayer(int code, string reason)
        {
            var p = new UaPair();
            int a = p.Call();
            Assert.Equal(UaStatus.Ok, p.B.Ua.Reject(p.BCall, code, p.Now));
            p.Net.Pump();
            Ev end = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal(code, end.Code);
            Assert.Equal(reason, end.Reason);
            Assert.Single(p.From("A", "ACK"));
            Assert.Equal(Sip.Branch(p.From("A", "INVITE")[0].Text), Sip.Branch(p.From("A", "ACK")[0].Text));
            Assert.Equal(0, p.A.Ua.CallsInUse);
            Assert.Equal(0, p.B.Ua.CallsInUse);
            Assert.Equal(UaCallState.Free, p.A.Ua.GetCallState(a));
            p.Net.Run(40_000);
            Assert.Single(p.From("B", "SIP/2.0 " + code)); // the ACK stopped Timer G
        }

        [Fact]
        public void CallerCancels_CalleeSees487_SlotsFreed()
        {
            var p = new UaPair();
            int a = p.Call();
            p.Ring();
            Assert.Equal(UaStatus.Ok, p.A.Ua.Hangup(a, p.Now));
            p.Net.Pump();
            Ev endA = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal("cancelled", endA.Reason);
            string cancel = p.From("A", "CANCEL").Single().Text;
            Assert.Equal(Sip.Branch(p.From("A", "INVITE")[0].Text), Sip.Branch(cancel));
            Assert.Single(p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "CANCEL"));
            Assert.Single(p.From("B", "SIP/2.0 487"));
            Ev endB = p.B.Last(UaEventKind.CallEnded);
            Assert.Equal(487, endB.Code);
            Assert.Equal("cancelled", endB.Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse);
            Assert.Equal(0, p.B.Ua.CallsInUse);
            Assert.Single(p.A.Of(UaEventKind.CallEnded));
        }

        [Fact]
        public void CancelBeforeAnyProvisional_IsHeldUntil1xx()
        {
            var p = new UaPair();
            // B's 100 Trying is lost: A must not send CANCEL before a provisional response (§9.1)
            p.Net.Drop = x => x.IsResponse(100);
            int a = p.Call();
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Pump();
            Assert.Empty(p.From("A", "CANCEL"));
            p.Net.Drop = null;
            p.Ring();
            Assert.Single(p.From("A", "CANCEL"));
            Assert.Equal(487, p.B.Last(UaEventKind.CallEnded).Code);
            Assert.Equal(0, p.A.Ua.CallsInUse);
        }

        [Fact]
        public void CancelCrosses2xx_CallerAcksAndByes()
        {
            var p = new UaPair();
            int a = p.Call();
            p.Ring();
            // B answers and A hangs up at the same moment: the CANCEL finds a finished INVITE
            byte[] ans = UaPair.B8(UaPair.Answer);
            Assert.Equal(UaStatus.Ok, p.B.Ua.Answer(p.BCall, ans, 0, ans.Length, p.Now));
            Assert.Equal(UaStatus.Ok, p.A.Ua.Hangup(a, p.Now));
            p.Net.Pump();
            Assert.Single(p.From("A", "ACK"));
            Assert.Single(p.From("A", "BYE"));
            Assert.Equal(0, p.A.Count(UaEventKind.CallAnswered));
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse);
            Assert.Equal(0, p.B.Ua.CallsInUse);
        }

        [Fact]
        public void TwoHundredRetransmittedUntilAck_SameAckRepeated()
        {
            var p = new UaPair();
            p.Call();
            p.Ring();
            int acks = 0;
            p.Net.Drop = x => x.IsRequest("ACK") && ++acks <= 2; // lose the first two ACKs
            p.AnswerB();
            p.Net.Run(10_000);
            long[] oks = p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "INVITE").Select(x => x.At).ToArray();
            Assert.Equal(new long[] { 0, 500, 1500 }, oks);
            var ackPackets = p.From("A", "ACK");
            Assert.Equal(3, ackPackets.Length);
            Assert.Single(ackPackets.Select(x => Sip.Branch(x.Text)).Distinct());
            Assert.Equal(1, p.B.Count(UaEventKind.CallConfirmed));
            Assert.Equal(UaCallState.Established, p.B.Ua.GetCallState(p.BCall));
        }

        [Fact]
        public void NoAckEver_RetransmitsCappedAtT2_ThenByeAfter64T1()
        {
            var p = new UaPair();
            int a = p.Call();
            p.Ring();
            p.Net.Drop = x => x.IsRequest("ACK");
            p.AnswerB();
            int b = p.BCall;
            p.Net.Run(40_000);
            long[] oks = p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "INVITE").Select(x => x.At).ToArray();
            Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, oks);
            var bye = p.From("B", "BYE").Single();
            Assert.Equal(32_000, bye.At);
            Ev end = p.B.Last(UaEventKind.CallEnded);
            Assert.Equal("no ACK", end.Reason);
            Assert.Equal("remote hangup", p.A.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);
            Assert.Equal(UaCallState.Free, p.B.Ua.GetCallState(b));
            Assert.Equal(UaCallState.Free, p.A.Ua.GetCallState(a));
        }

        [Fact]
        public void LostInviteAndLostBye_RecoveredByRetransmission()
        {
            var p = new UaPair();
            int invites = 0, byes = 0;
            p.Net.Drop = x => (x.IsRequest("INVITE") && ++invites == 1) || (x.IsRequest("BYE") && ++byes <= 2);
            int a = p.Call();
            Assert.Equal(0, p.B.Count(UaEventKind.IncomingCall));
            p.Net.Run(500);
            Assert.Equal(1, p.B.Count(UaEventKind.IncomingCall));
            p.Ring();
            p.AnswerB();
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Run(4000);
            Assert.Equal(new long[] { 500, 1000, 2000 }, p.From("A", "BYE").Select(x => x.At).ToArray());
            Assert.Single(p.From("A", "BYE").Select(x => Sip.Branch(x.Text)).Distinct());
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);
        }

        [Fact]
        public void Unanswered_InviteTimesOutWithoutProvisional()
        {
            var p = new UaPair();
            p.Net.Drop = x => x.FromName == "B";
            int a = p.Call();
            p.Net.Run(31_999);
            Assert.Equal(0, p.A.Count(UaEventKind.CallEnded));
            p.Net.Run(1);
            Ev end = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal(408, end.Code);
            Assert.Equal("timeout", end.Reason);
            Assert.Equal(UaCallState.Free, p.A.Ua.GetCallState(a));
        }

        [Fact]
        public void TooManyCalls_LocalStatus_AndBusyHereForIncoming()
        {
            var p = new UaPair(tweakA: c => c.MaxCalls = 3, tweakB: c => c.MaxCalls = 2);
            p.Call();
            p.Call();
            Assert.Equal(2, p.B.Count(UaEventKind.IncomingCall));
            p.Call();
            Assert.Equal(2, p.B.Count(UaEventKind.IncomingCall));
            Ev end = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal(486, end.Code);
            byte[] o = UaPair.B8(UaPair.Offer);
            int more = 0;
            for (int i = 0; i < 4; i++) more = p.A.Ua.Call("sip:bob@10.0.0.2", o, 0, o.Length, p.Now);
            Assert.Equal(UaStatus.TooManyCalls, UaStatuses.FromHandle(more));
        }

        [Fact]
        public void Commands_RefuseBadArgumentsAndStates()
        {
            var p = new UaPair();
            byte[] o = UaPair.B8(UaPair.Offer);
            Assert.Equal(UaStatus.BadArgument, UaStatuses.FromHandle(p.A.Ua.Call("sip:bob@10.0.0.2", o, 0, 0, 0)));
            Assert.Equal(UaStatus.BadArgument, UaStatuses.FromHandle(p.A.Ua.Call("tel:+123", o, 0, o.Length, 0)));
            Assert.Equal(UaStatus.BadArgument, UaStatuses.FromHandle(p.A.Ua.Call("sip:bad host", o, 0, o.Length, 0)));
            Assert.Equal(UaStatus.TooLarge, UaStatuses.FromHandle(p.A.Ua.Call("sip:bob@10.0.0.2", new byte[5000], 0, 5000, 0)));
            int a = p.Call();
            Assert.Equal(UaStatus.BadState, p.A.Ua.Answer(a, o, 0, o.Length, p.Now));
            Assert.Equal(UaStatus.BadState, p.A.Ua.Reinvite(a, o, 0, o.Length, p.Now));
            Assert.Equal(UaStatus.BadArgument, p.B.Ua.Reject(p.BCall, 200, p.Now));
            Assert.Equal(UaStatus.NoSuchCall, p.B.Ua.Ringing(12345, p.Now));
            Assert.Equal(UaStatus.NoRegistrar, p.A.Ua.Register(p.Now));
            // "user@host" without a scheme is completed to a SIP URI
            int h = p.A.Ua.Call("bob@10.0.0.2:5060", o, 0, o.Length, p.Now);
            Assert.True(h >= 0);
            p.Net.Pump();
            Assert.StartsWith("INVITE sip:bob@10.0.0.2:5060 SIP/2.0", p.From("A", "INVITE").Last().Text);
        }

        [Fact]
        public void CalleeHangsUpBeforeAck_ByeWaitsForAck()
        {
            var p = new UaPair();
            int a = p.Call();
            p.Ring();
            p.Net.Drop = x => x.IsRequest("ACK");
            p.AnswerB();
            int b = p.BCall;
            Assert.Equal(UaStatus.Ok, p.B.Ua.Hangup(b, p.Now));
            p.Net.Pump();
            Assert.Empty(p.From("B", "BYE")); // §15: not before the ACK
            Assert.Equal("local hangup", p.B.Last(UaEventKind.CallEnded).Reason);
            p.Net.Drop = null;
            p.Net.Run(600); // 2xx retransmission → A repeats the ACK → B sends BYE
            Assert.Single(p.From("B", "BYE"));
            Assert.Equal("remote hangup", p.A.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.B.Count(UaEventKind.CallConfirmed));
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);
        }

        [Fact]
        public void CallerByeBeforeAckArrives_CalleeStopsRetransmitting()
        {
            var p = new UaPair();
            int a = p.Call();
            p.Ring();
            p.Net.Drop = x => x.IsRequest("ACK");
            p.AnswerB();
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Pump();
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
            p.Net.Run(40_000);
            Assert.Single(p.From("B", "SIP/2.0 200").Where(x => Sip.CSeqMethod(x.Text) == "INVITE"));
            Assert.Empty(p.From("B", "BYE"));
            Assert.Single(p.B.Of(UaEventKind.CallEnded));
        }

        [Fact]
        public void LateOffer_IncomingInviteWithoutSdp_AnswerInAck()
        {
            var p = new UaPair();
            var raw = p.Net.Add(new RawNode("C", Endpoint.Sip.Transaction.SipAddress.FromIPv4(10, 0, 0, 3, 5060, Endpoint.Sip.Message.SipTransport.Udp)));
            raw.Send("INVITE sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bKlo1\nMax-Forwards: 70\n" +
                     "From: <sip:carol@example.com>;tag=c1\nTo: <sip:bob@example.com>\nCall-ID: lo-1\nCSeq: 1 INVITE\n" +
                     "Contact: <sip:carol@10.0.0.3:5060>\nContent-Length: 0\n\n", p.B.Address);
            p.Net.Pump();
            Ev inc = p.B.Last(UaEventKind.IncomingCall);
            Assert.Equal("", inc.Body);
            byte[] offer = UaPair.B8(UaPair.Answer);
            Assert.Equal(UaStatus.Ok, p.B.Ua.Answer(inc.Call, offer, 0, offer.Length, p.Now));
            p.Net.Pump();
            string ok = raw.Received.Last();
            Assert.Equal(UaPair.Answer, Sip.Body(ok));
            raw.Send("ACK sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bKlo2\nMax-Forwards: 70\n" +
                     "From: <sip:carol@example.com>;tag=c1\nTo: " + Sip.Header(ok, "To") + "\nCall-ID: lo-1\nCSeq: 1 ACK\n" +
                     "Content-Type: application/sdp\nContent-Length: " + UaPair.Offer.Length + "\n\n" + UaPair.Offer, p.B.Address);
            p.Net.Pump();
            Ev conf = p.B.Last(UaEventKind.CallConfirmed);
            Assert.Equal(UaPair.Offer, conf.Body);
            Assert.Equal(UaCallState.Established, p.B.Ua.GetCallState(inc.Call));
        }

        [Fact]
        public void ProvisionalWithEarlyMedia183()
        {
            var p = new UaPair();
            int a = p.Call();
            byte[] early = UaPair.B8(UaPair.Answer);
            Assert.Equal(UaStatus.Ok, p.B.Ua.Progress(p.BCall, 183, early, 0, early.Length, p.Now));
            p.Net.Pump();
            Ev prog = p.A.Last(UaEventKind.CallProgress);
            Assert.Equal(183, prog.Code);
            Assert.Equal(UaPair.Answer, prog.Body);
            Assert.Equal("application/sdp", prog.ContentType);
            p.AnswerB();
            Assert.Equal(UaCallState.Established, p.A.Ua.GetCallState(a));
        }
    }
}
