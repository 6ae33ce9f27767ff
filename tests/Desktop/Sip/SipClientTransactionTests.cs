// Client transactions (RFC 3261 §17.1, RFC 6026): timer schedules on UDP and TCP with a manual
// clock, response handling, ACK for non-2xx (same branch), CANCEL (§9.1), our Via (branch with
// the magic cookie, ;rport), the §18.1.1 switch to TCP, pool exhaustion.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Xunit;

namespace Endpoint.Tests.Sip
{
    public class SipClientTransactionTests
    {
        private static long[] Times(TxHarness h, string startLine) =>
            h.Log.Where(s => s.StartLine.StartsWith(startLine)).Select(s => s.At).ToArray();

        [Fact]
        public void InviteUdp_TimerA_DoublesUncapped_TimerB_At64T1()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Invite, TxHarness.Peer);
            Assert.Equal(SipTxState.Calling, h.Layer.GetState(id));
            Assert.Equal(500, h.Layer.NextDeadline);
            h.RunUntil(40000);
            Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }, Times(h, "INVITE"));
            Assert.False(h.Layer.IsAlive(id));
            Assert.True(h.Layer.TryGetEvent(out int ev, out SipTxEvent kind));
            Assert.Equal(id, ev);
            Assert.Equal(SipTxEvent.Timeout, kind);
            Assert.Equal(long.MaxValue, h.Layer.NextDeadline);
        }

        [Fact]
        public void NonInviteUdp_TimerE_CappedAtT2_TimerF()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Options, TxHarness.Peer);
            h.RunUntil(33000);
            Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, Times(h, "OPTIONS"));
            Assert.True(h.Layer.TryGetEvent(out int ev, out SipTxEvent kind));
            Assert.Equal(SipTxEvent.Timeout, kind);
            Assert.False(h.Layer.IsAlive(id));
        }

        [Fact]
        public void NonInviteProceeding_RetransmitsEveryT2_ThenCompleted_TimerK()
        {
            var h = new TxHarness(tweak: c => { c.T1 = 100; c.T2 = 1000; c.T4 = 2000; });
            int id = h.SendRequest(SipMethod.Register, TxHarness.Peer);
            string req = h.Log[0].Text;
            h.RunUntil(250); // retransmit at 100, next at 300
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(req, 100, "Trying"), TxHarness.Peer, out int rid));
            Assert.Equal(id, rid);
            Assert.Equal(SipTxState.Proceeding, h.Layer.GetState(id));
            h.RunUntil(2500);
            Assert.Equal(new long[] { 0, 100, 300, 1300, 2300 }, Times(h, "REGISTER"));
            h.Now = 2600;
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(req, 200, "OK"), TxHarness.Peer));
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(id));
            Assert.Equal(SipRxResult.ResponseAbsorbed, h.Receive(TxHarness.ResponseTo(req, 200, "OK"), TxHarness.Peer));
            Assert.Equal(2600 + 2000, h.Layer.NextDeadline); // Timer K = T4
            h.RunUntil(4599);
            Assert.True(h.Layer.IsAlive(id));
            h.RunUntil(4600);
            Assert.False(h.Layer.IsAlive(id));
            Assert.Equal(5, Times(h, "REGISTER").Length);
            Assert.False(h.Layer.TryGetEvent(out _, out _));
        }

        [Fact]
        public void Tcp_NoRetransmissions_TimerBStill_DAndKZero()
        {
            var h = new TxHarness();
            int inv = h.SendRequest(SipMethod.Invite, TxHarness.PeerTcp);
            int opt = h.SendRequest(SipMethod.Options, TxHarness.PeerTcp, "call-2");
            Assert.Contains("Via: SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bK", h.Log[0].Text);
            Assert.Equal(64 * 500, h.Layer.NextDeadline);
            string invText = h.Log[0].Text, optText = h.Log[1].Text;
            h.RunUntil(1000);
            Assert.Equal(2, h.Log.Count);
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(optText, 200, "OK"), TxHarness.PeerTcp));
            Assert.False(h.Layer.IsAlive(opt)); // K = 0
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(invText, 603, "Decline"), TxHarness.PeerTcp));
            Assert.False(h.Layer.IsAlive(inv)); // D = 0
            Assert.Single(h.Log.Where(s => s.StartLine.StartsWith("ACK")));
            var h2 = new TxHarness();
            int id = h2.SendRequest(SipMethod.Invite, TxHarness.PeerTcp);
            h2.RunUntil(31999);
            Assert.True(h2.Layer.IsAlive(id));
            h2.RunUntil(32000);
            Assert.False(h2.Layer.IsAlive(id));
            Assert.True(h2.Layer.TryGetEvent(out _, out SipTxEvent e));
            Assert.Equal(SipTxEvent.Timeout, e);
            Assert.Single(h2.Log);
        }

        [Fact]
        public void InviteNon2xx_AckSameBranch_RetransmittedFinalReAcked_TimerD()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Invite, TxHarness.Peer, extra: "Route: <sip:proxy.example.com;lr>\n");
            var invite = h.Parse(h.Log[0]);
            string resp = TxHarness.ResponseTo(h.Log[0].Text, 486, "Busy Here", "busy1");
            h.Now = 700;
            Assert.Equal(SipRxResult.Response, h.Receive(resp, TxHarness.Peer, out int rid));
            Assert.Equal(id, rid);
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(id));
            var acks = h.Log.Where(s => s.StartLine.StartsWith("ACK")).ToList();
            Assert.Single(acks);
            var ack = h.Parse(acks[0]);
            Assert.Equal(SipMethod.Ack, ack.Method);
            Assert.Equal(invite.Text(invite.RequestUriText), ack.Text(ack.RequestUriText));
            Assert.Equal(invite.Text(invite.TopVia.Branch), ack.Text(ack.TopVia.Branch));
            Assert.Equal(1, ack.ViaCount);
            Assert.Equal("busy1", ack.Text(ack.To.Tag));
            Assert.Equal("ftag1", ack.Text(ack.From.Tag));
            Assert.Equal(invite.CSeq, ack.CSeq);
            Assert.Equal(SipMethod.Ack, ack.CSeqMethod);
            Assert.Equal(1, ack.CountHeaders(SipHeaderId.Route));
            Assert.Equal(TxHarness.Peer.Port, acks[0].To.Port);
            h.Now = 1200;
            Assert.Equal(SipRxResult.ResponseAbsorbed, h.Receive(resp, TxHarness.Peer));
            Assert.Equal(2, h.Log.Count(s => s.StartLine.StartsWith("ACK")));
            h.RunUntil(700 + 31999);
            Assert.True(h.Layer.IsAlive(id));
            Assert.Single(Times(h, "INVITE")); // no more retransmissions after the final response
            h.RunUntil(700 + 32000);
            Assert.False(h.Layer.IsAlive(id));
        }

        [Fact]
        public void Invite2xx_Accepted_TimerM_Further2xxGoToTu_NoAutoAck()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Invite, TxHarness.Peer);
            string req = h.Log[0].Text;
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(req, 180, "Ringing"), TxHarness.Peer));
            Assert.Equal(SipTxState.Proceeding, h.Layer.GetState(id));
            h.RunUntil(5000);
            Assert.Single(Times(h, "INVITE"));
            h.Now = 5000;
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(req, 200, "OK"), TxHarness.Peer));
            Assert.Equal(SipTxState.Accepted, h.Layer.GetState(id));
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(req, 200, "OK", "fork2"), TxHarness.Peer));
            Assert.Equal(SipRxResult.ResponseAbsorbed, h.Receive(TxHarness.ResponseTo(req, 180, "Ringing"), TxHarness.Peer));
            Assert.DoesNotContain(h.Log, s => s.StartLine.StartsWith("ACK"));
            h.RunUntil(5000 + 32000);
            Assert.False(h.Layer.IsAlive(id));
            Assert.False(h.Layer.TryGetEvent(out _, out _));
        }

        [Fact]
        public void ResponsesMatchByBranchAndCSeqMethod_StrayDropped()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Invite, TxHarness.Peer);
            string req = h.Log[0].Text;
            Assert.Equal(SipRxResult.StrayResponse, h.Receive(TxHarness.ResponseTo(req.Replace("z9hG4bK", "z9hG4bKx"), 180, "Ringing"), TxHarness.Peer));
            Assert.Equal(SipRxResult.StrayResponse, h.Receive(TxHarness.ResponseTo(req, 200, "OK").Replace("CSeq: 1 INVITE", "CSeq: 1 BYE"), TxHarness.Peer));
            Assert.Equal(SipRxResult.StrayResponse, h.Receive(TxHarness.ResponseTo(req, 180, "Ringing").Replace("192.0.2.10:5060", "192.0.2.99:5060"), TxHarness.Peer));
            Assert.Equal(SipTxState.Calling, h.Layer.GetState(id));
        }

        [Fact]
        public void LateTimerCallDoesNotBurst_AbandonedBeginIsReleased()
        {
            var h = new TxHarness();
            int id = h.SendRequest(SipMethod.Options, TxHarness.Peer);
            h.Now = 9000; // deadlines 500, 1500, 3500, 7500 all missed
            h.Layer.OnTimer(h.Now);
            h.Drain();
            Assert.Equal(2, h.Log.Count); // one catch-up retransmission, not four
            Assert.Equal(9000 + 1000, h.Layer.NextDeadline); // the schedule resumes from now with the next interval
            Assert.True(h.Layer.IsAlive(id));
            int half = h.Layer.BeginRequest(SipMethod.Options, "sip:x@y", TxHarness.Peer, out _);
            Assert.Equal(SipTxState.Pending, h.Layer.GetState(half));
            int next = h.Layer.BeginRequest(SipMethod.Options, "sip:x@y", TxHarness.Peer, out _);
            Assert.False(h.Layer.IsAlive(half));
            Assert.True(h.Layer.IsAlive(next));
        }

        [Fact]
        public void CancelDeferredUntilProvisional_MatchesSeparately_InviteGets487AndAck()
        {
            var h = new TxHarness();
            int inv = h.SendRequest(SipMethod.Invite, TxHarness.Peer, extra: "Route: <sip:p1;lr>\n");
            string invText = h.Log[0].Text;
            Assert.Equal(SipSendStatus.Deferred, h.Layer.SendCancel(inv, h.Now, out int cancel));
            Assert.Equal(SipTxState.Pending, h.Layer.GetState(cancel));
            h.Drain();
            Assert.DoesNotContain(h.Log, s => s.StartLine.StartsWith("CANCEL"));
            h.Now = 300;
            h.Receive(TxHarness.ResponseTo(invText, 180, "Ringing"), TxHarness.Peer);
            var cancels = h.Log.Where(s => s.StartLine.StartsWith("CANCEL")).ToList();
            Assert.Single(cancels);
            var c = h.Parse(cancels[0]);
            var i = h.Parse(h.Log[0]);
            Assert.Equal(i.Text(i.TopVia.Branch), c.Text(c.TopVia.Branch));
            Assert.Equal(i.Text(i.RequestUriText), c.Text(c.RequestUriText));
            Assert.Equal(SipMethod.Cancel, c.CSeqMethod);
            Assert.Equal(i.CSeq, c.CSeq);
            Assert.False(c.To.HasTag);
            Assert.Equal(1, c.CountHeaders(SipHeaderId.Route));
            Assert.Equal(SipTxState.Trying, h.Layer.GetState(cancel));
            string cancelText = cancels[0].Text;
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(cancelText, 200, "OK"), TxHarness.Peer, out int r1));
            Assert.Equal(cancel, r1);
            Assert.Equal(SipTxState.Proceeding, h.Layer.GetState(inv));
            Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(invText, 487, "Request Terminated"), TxHarness.Peer, out int r2));
            Assert.Equal(inv, r2);
            Assert.Single(h.Log.Where(s => s.StartLine.StartsWith("ACK")));
            Assert.Equal(SipSendStatus.BadTransaction, h.Layer.SendCancel(inv, h.Now, out _));
        }

        [Fact]
        public void PendingCancelDroppedWhenInviteFinishesFirst()
        {
            var h = new TxHarness();
            int inv = h.SendRequest(SipMethod.Invite, TxHarness.Peer);
            Assert.Equal(SipSendStatus.Deferred, h.Layer.SendCancel(inv, 0, out int cancel));
            h.Receive(TxHarness.ResponseTo(h.Log[0].Text, 200, "OK"), TxHarness.Peer);
            Assert.False(h.Layer.IsAlive(cancel));
            Assert.True(h.Layer.TryGetEvent(out int ev, out SipTxEvent kind));
            Assert.Equal(cancel, ev);
            Assert.Equal(SipTxEvent.CancelDropped, kind);
            Assert.DoesNotContain(h.Log, s => s.StartLine.StartsWith("CANCEL"));
        }

        [Fact]
        public void OurViaHasCookieBranch96BitsAndRport_BranchesUnique()
        {
            var h = new TxHarness();
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "a");
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "b");
            var m1 = h.Parse(h.Log[0]);
            var m2 = h.Parse(h.Log[1]);
            Assert.True(m1.TopVia.HasRport);
            Assert.True(m1.TopVia.BranchIsRfc3261(m1.Buffer));
            string b1 = m1.Text(m1.TopVia.Branch), b2 = m2.Text(m2.TopVia.Branch);
            Assert.Equal(SipTransactionLayer.BranchLength, b1.Length);
            Assert.Matches("^z9hG4bK[0-9a-f]{24}$", b1);
            Assert.NotEqual(b1, b2);
            Assert.Equal("192.0.2.10", m1.Text(m1.TopVia.Host));
            Assert.Equal(5060, m1.TopVia.Port);
        }

        [Fact]
        public void LargeUdpRequestSwitchesToTcp()
        {
            var h = new TxHarness();
            int id = h.Layer.BeginRequest(SipMethod.Message, "sip:bob@biloxi.example.com", TxHarness.Peer, out SipWriter w);
            w.Header(SipHeaderId.From, "<sip:a@b>;tag=1");
            w.Header(SipHeaderId.To, "<sip:c@d>");
            w.Header(SipHeaderId.CallId, "big");
            w.CSeq(1, SipMethod.Message);
            byte[] body = new byte[1200];
            for (int i = 0; i < body.Length; i++) body[i] = (byte)'x';
            w.Body(body, 0, body.Length);
            Assert.Equal(SipSendStatus.SwitchedToTcp, h.Layer.SendRequest(id, 0));
            var sent = h.Drain();
            Assert.Single(sent);
            Assert.Equal(SipTransport.Tcp, sent[0].To.Transport);
            Assert.Contains("Via: SIP/2.0/TCP ", sent[0].Text);
            Assert.Equal(SipTransport.Tcp, h.Layer.GetPeer(id).Transport);
            Assert.Equal(32000, h.Layer.NextDeadline); // no Timer E on TCP
            // a small one stays on UDP
            int small = h.SendRequest(SipMethod.Message, TxHarness.Peer, "small", body: "hi");
            Assert.Equal(SipTransport.Udp, h.Layer.GetPeer(small).Transport);
        }

        [Fact]
        public void ClientPoolExhaustion_BadMessages_BufferTooSmall()
        {
            var h = new TxHarness(poolSize: 2);
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "1");
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "2");
            Assert.Equal(-1, h.Layer.BeginRequest(SipMethod.Options, "sip:x", TxHarness.Peer, out SipWriter none));
            Assert.Null(none);

            var g = new TxHarness();
            int id = g.Layer.BeginRequest(SipMethod.Options, "sip:x@y", TxHarness.Peer, out SipWriter w);
            w.Header(SipHeaderId.From, "<sip:a@b>;tag=1");
            w.NoBody(); // no To/Call-ID/CSeq
            Assert.Equal(SipSendStatus.BadMessage, g.Layer.SendRequest(id, 0));
            Assert.False(g.Layer.IsAlive(id));
            Assert.Equal(0, g.Outbox.Count);
            id = g.Layer.BeginRequest(SipMethod.Options, "sip:x@y", TxHarness.Peer, out w);
            byte[] huge = new byte[4000];
            w.Body(huge, 0, huge.Length);
            Assert.Equal(SipSendStatus.BufferTooSmall, g.Layer.SendRequest(id, 0));
            Assert.Equal(0, g.Layer.ActiveCount);
            Assert.Equal(SipSendStatus.BadTransaction, g.Layer.SendRequest(id, 0));
        }
    }
}
