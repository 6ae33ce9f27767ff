// Server transactions (RFC 3261 §17.2, RFC 6026 Accepted) and transport rules (§18.2.2 with
// RFC 3581): 100 Trying, request retransmission absorption, Timer G/H/I on UDP and TCP, 2xx
// retransmission until the ACK, non-INVITE Timer J, CANCEL matching (§9.2, §17.2.3), merged
// requests (§8.2.2.2 → 482), pool exhaustion (503), received/rport, stateless 400/505.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Xunit;

namespace Endpoint.Tests.Sip
{
    public class SipServerTransactionTests
    {
        private static readonly SipAddress Src = SipAddress.FromIPv4(198, 51, 100, 9, 5060, SipTransport.Udp);

        private static long[] Times(TxHarness h, string startLine) =>
            h.Log.Where(s => s.StartLine.StartsWith(startLine)).Select(s => s.At).ToArray();

        private static SipSendStatus Respond(TxHarness h, int id, int code, string reason, string tag = "stag1")
        {
            byte[] t = SipAscii.Bytes(tag);
            SipWriter w = h.Layer.BeginResponse(id, code, reason, t, new Slice(0, t.Length));
            Assert.NotNull(w);
            w.Header(SipHeaderId.Contact, "<sip:alice@192.0.2.10>");
            w.NoBody();
            var st = h.Layer.SendResponse(id, h.Now);
            h.Drain();
            return st;
        }

        [Fact]
        public void InviteServer_Trying_RetransmissionResends_Non2xx_TimerG_TimerH()
        {
            var h = new TxHarness();
            string inv = TxHarness.Request("INVITE", "z9hG4bKsrv1");
            Assert.Equal(SipRxResult.NewRequest, h.Receive(inv, Src, out int id));
            Assert.Equal(SipTxKind.InviteServer, h.Layer.GetKind(id));
            Assert.Equal(SipTxState.Proceeding, h.Layer.GetState(id));
            Assert.Single(h.Log);
            Assert.Equal("SIP/2.0 100 Trying", h.Log[0].StartLine);
            var trying = h.Parse(h.Log[0]);
            Assert.False(trying.To.HasTag);
            h.Now = 400;
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(inv, Src, out int same));
            Assert.Equal(id, same);
            Assert.Equal(new long[] { 0, 400 }, Times(h, "SIP/2.0 100"));
            h.Now = 1000;
            Assert.Equal(SipSendStatus.Ok, Respond(h, id, 486, "Busy Here"));
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(id));
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(inv, Src));
            h.RunUntil(1000 + 40000);
            long[] g = Times(h, "SIP/2.0 486");
            Assert.Equal(new long[] { 1000, 1000, 1500, 2500, 4500, 8500, 12500, 16500, 20500, 24500, 28500, 32500 }, g);
            Assert.False(h.Layer.IsAlive(id)); // Timer H at 1000 + 32000
            Assert.True(h.Layer.TryGetEvent(out int ev, out SipTxEvent kind));
            Assert.Equal(id, ev);
            Assert.Equal(SipTxEvent.AckTimeout, kind);
            var busy = h.Parse(h.Log.First(s => s.StartLine.StartsWith("SIP/2.0 486")));
            Assert.Equal("stag1", busy.Text(busy.To.Tag));
        }

        [Fact]
        public void InviteServer_AckConfirms_TimerI_Udp_AndZeroOnTcp()
        {
            var h = new TxHarness();
            string inv = TxHarness.Request("INVITE", "z9hG4bKsrv2");
            h.Receive(inv, Src, out int id);
            h.Now = 100;
            Respond(h, id, 404, "Not Found");
            h.RunUntil(700); // one Timer G retransmission at 600
            Assert.Equal(SipRxResult.AckAbsorbed, h.Receive(TxHarness.Request("ACK", "z9hG4bKsrv2", toTag: "stag1", cseqMethod: "ACK"), Src, out int ackTx));
            Assert.Equal(id, ackTx);
            Assert.Equal(SipTxState.Confirmed, h.Layer.GetState(id));
            Assert.Equal(SipRxResult.AckAbsorbed, h.Receive(TxHarness.Request("ACK", "z9hG4bKsrv2", toTag: "stag1", cseqMethod: "ACK"), Src));
            h.RunUntil(700 + 4999);
            Assert.True(h.Layer.IsAlive(id));
            Assert.Equal(2, Times(h, "SIP/2.0 404").Length);
            h.RunUntil(700 + 5000);
            Assert.False(h.Layer.IsAlive(id));
            Assert.False(h.Layer.TryGetEvent(out _, out _));

            var t = new TxHarness();
            var tcp = SipAddress.FromIPv4(198, 51, 100, 9, 41000, SipTransport.Tcp);
            t.Receive(TxHarness.Request("INVITE", "z9hG4bKsrv3", transport: "TCP"), tcp, out int tid);
            Respond(t, tid, 480, "Temporarily Unavailable");
            Assert.Equal(tcp.Port, t.Log.Last().To.Port);
            Assert.Equal(SipTransport.Tcp, t.Log.Last().To.Transport);
            Assert.Equal(32000, t.Layer.NextDeadline); // H only, no G on TCP
            Assert.Equal(SipRxResult.AckAbsorbed, t.Receive(TxHarness.Request("ACK", "z9hG4bKsrv3", transport: "TCP", toTag: "stag1", cseqMethod: "ACK"), tcp));
            Assert.False(t.Layer.IsAlive(tid)); // I = 0
        }

        [Fact]
        public void InviteServer_2xx_Accepted_RetransmitsUntilAckFor2xx_TimerL()
        {
            var h = new TxHarness();
            string inv = TxHarness.Request("INVITE", "z9hG4bKsrv4", callId: "acc-1", cseq: 7);
            h.Receive(inv, Src, out int id);
            h.Now = 2000;
            Assert.Equal(SipSendStatus.Ok, Respond(h, id, 200, "OK"));
            Assert.Equal(SipTxState.Accepted, h.Layer.GetState(id));
            h.RunUntil(9000);
            Assert.Equal(new long[] { 2000, 2500, 3500, 5500 }, Times(h, "SIP/2.0 200")); // next would be 9500
            // INVITE retransmission in Accepted: absorbed, nothing sent
            int before = h.Log.Count;
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(inv, Src));
            Assert.Equal(before, h.Log.Count);
            h.Now = 9100;
            string ack = TxHarness.Request("ACK", "z9hG4bKnewbranch", callId: "acc-1", cseq: 7, toTag: "stag1", cseqMethod: "ACK");
            Assert.Equal(SipRxResult.AckFor2xx, h.Receive(ack, Src, out int ackTx));
            Assert.Equal(id, ackTx);
            h.RunUntil(2000 + 31999);
            Assert.Equal(4, Times(h, "SIP/2.0 200").Length);
            Assert.True(h.Layer.IsAlive(id));
            h.RunUntil(2000 + 32000);
            Assert.False(h.Layer.IsAlive(id));
            Assert.False(h.Layer.TryGetEvent(out _, out _));
            Assert.Equal(SipRxResult.AckFor2xx, h.Receive(ack, Src, out int stray));
            Assert.Equal(-1, stray);
        }

        [Fact]
        public void InviteServer_2xxWithoutAck_AckTimeoutEvent()
        {
            var h = new TxHarness();
            h.Receive(TxHarness.Request("INVITE", "z9hG4bKsrv5"), Src, out int id);
            Respond(h, id, 200, "OK");
            h.RunUntil(40000);
            Assert.Equal(new long[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, Times(h, "SIP/2.0 200"));
            Assert.True(h.Layer.TryGetEvent(out int ev, out SipTxEvent kind));
            Assert.Equal(SipTxEvent.AckTimeout, kind);
            Assert.Equal(id, ev);
        }

        [Fact]
        public void NonInviteServer_AbsorbsInTrying_ResendsFinal_TimerJ_TcpZero()
        {
            var h = new TxHarness();
            string opt = TxHarness.Request("OPTIONS", "z9hG4bKo1");
            Assert.Equal(SipRxResult.NewRequest, h.Receive(opt, Src, out int id));
            Assert.Equal(SipTxState.Trying, h.Layer.GetState(id));
            Assert.Empty(h.Log); // no automatic 100 for non-INVITE
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(opt, Src));
            Assert.Empty(h.Log);
            h.Now = 50;
            Respond(h, id, 200, "OK");
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(id));
            h.Now = 3000;
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(opt, Src));
            Assert.Equal(new long[] { 50, 3000 }, Times(h, "SIP/2.0 200"));
            Assert.Null(h.Layer.BeginResponse(id, 500, "Too late", new byte[0], new Slice(0, 0)));
            h.RunUntil(50 + 31999);
            Assert.True(h.Layer.IsAlive(id));
            h.RunUntil(50 + 32000);
            Assert.False(h.Layer.IsAlive(id));

            var t = new TxHarness();
            var tcp = SipAddress.FromIPv4(198, 51, 100, 9, 41000, SipTransport.Tcp);
            t.Receive(TxHarness.Request("OPTIONS", "z9hG4bKo2", transport: "TCP"), tcp, out int tid);
            Respond(t, tid, 200, "OK");
            Assert.False(t.Layer.IsAlive(tid));
        }

        [Fact]
        public void Cancel_MatchesInvite_200Auto_TuSends487_UnmatchedGets481()
        {
            var h = new TxHarness();
            h.Receive(TxHarness.Request("INVITE", "z9hG4bKc1"), Src, out int inv);
            h.Now = 10;
            Respond(h, inv, 180, "Ringing", "ringtag");
            h.Now = 20;
            Assert.Equal(SipRxResult.CancelReceived, h.Receive(TxHarness.Request("CANCEL", "z9hG4bKc1"), Src, out int cancel));
            Assert.Equal(inv, h.Layer.CancelledTxId);
            Assert.NotEqual(inv, cancel);
            Assert.Equal(SipTxKind.NonInviteServer, h.Layer.GetKind(cancel));
            var ok = h.Parse(h.Log.Last());
            Assert.Equal(200, ok.StatusCode);
            Assert.Equal(SipMethod.Cancel, ok.CSeqMethod);
            Assert.Equal("ringtag", ok.Text(ok.To.Tag));
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(cancel));
            // retransmitted CANCEL gets the same 200 again
            Assert.Equal(SipRxResult.RequestRetransmission, h.Receive(TxHarness.Request("CANCEL", "z9hG4bKc1"), Src, out int again));
            Assert.Equal(cancel, again);
            Assert.Equal(2, h.Log.Count(s => s.Text.Contains("CSeq: 1 CANCEL")));
            Respond(h, inv, 487, "Request Terminated", "ringtag");
            Assert.Equal(SipTxState.Completed, h.Layer.GetState(inv));
            // ACK for the 487 matches the INVITE by branch
            Assert.Equal(SipRxResult.AckAbsorbed, h.Receive(TxHarness.Request("ACK", "z9hG4bKc1", toTag: "ringtag", cseqMethod: "ACK"), Src));
            // CANCEL with another branch or sent-by matches nothing
            Assert.Equal(SipRxResult.CancelUnmatched, h.Receive(TxHarness.Request("CANCEL", "z9hG4bKzz"), Src));
            Assert.Equal("SIP/2.0 481 Call/Transaction Does Not Exist", h.Log.Last().StartLine);
            Assert.Equal(SipRxResult.CancelUnmatched, h.Receive(TxHarness.Request("CANCEL", "z9hG4bKc1", sentBy: "203.0.113.1:5060"), Src));
        }

        [Fact]
        public void MergedRequestGets482_SameBranchIsRetransmission_ToTagBypassesCheck()
        {
            var h = new TxHarness();
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("INVITE", "z9hG4bKm1", callId: "merge"), Src, out int id));
            Assert.Equal(SipRxResult.LoopDetected, h.Receive(TxHarness.Request("INVITE", "z9hG4bKm2", callId: "merge"), Src));
            var loop = h.Parse(h.Log.Last());
            Assert.Equal(482, loop.StatusCode);
            Assert.Equal("Loop Detected", loop.Text(loop.ReasonPhrase));
            Assert.Equal("z9hG4bKm2", loop.Text(loop.TopVia.Branch));
            Assert.True(loop.To.HasTag);
            Assert.Equal(1, h.Layer.ActiveCount);
            // different CSeq, Call-ID or From tag: a new request
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("INVITE", "z9hG4bKm3", callId: "merge", cseq: 2), Src));
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("INVITE", "z9hG4bKm4", callId: "merge", fromTag: "other"), Src));
            // in-dialog requests (To tag) are not checked
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("INVITE", "z9hG4bKm5", callId: "merge", toTag: "x"), Src));
        }

        [Fact]
        public void PoolExhaustionSends503_MalformedGets400Or505()
        {
            var h = new TxHarness(poolSize: 2);
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp1", callId: "p1"), Src));
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp2", callId: "p2"), Src));
            Assert.Equal(SipRxResult.PoolExhausted, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp3", callId: "p3"), Src, out int none));
            Assert.Equal(-1, none);
            var r = h.Parse(h.Log.Last());
            Assert.Equal(503, r.StatusCode);
            Assert.Equal("p3", r.Text(r.CallId));

            Assert.Equal(SipRxResult.Malformed, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp4").Replace("Call-ID: srv-1\n", "Call-ID: srv-1\nMax-Forwards: 999\n"), Src));
            Assert.Equal("SIP/2.0 400 Duplicate header", h.Log.Last().StartLine);
            Assert.Equal(SipRxResult.Malformed, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp5").Replace("SIP/2.0\n", "SIP/3.0\n"), Src));
            Assert.Equal("SIP/2.0 505 Version Not Supported", h.Log.Last().StartLine);
            int n = h.Log.Count;
            Assert.Equal(SipRxResult.Malformed, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKp6").Replace("Call-ID: srv-1\n", ""), Src));
            Assert.Equal(n, h.Log.Count); // cannot answer without Call-ID: dropped
        }

        [Theory]
        [InlineData("10.0.0.5:5060", ";rport", "198.51.100.9", 40000, ";rport=40000;received=198.51.100.9")]
        [InlineData("10.0.0.5:5070", "", "198.51.100.9", 5070, ";received=198.51.100.9")]
        [InlineData("10.0.0.5", "", "198.51.100.9", 5060, ";received=198.51.100.9")]
        [InlineData("phone.example.com:5062", "", "198.51.100.9", 5062, ";received=198.51.100.9")]
        [InlineData("198.51.100.9:5080", "", "198.51.100.9", 5080, "")]
        [InlineData("198.51.100.9:5080", ";rport", "198.51.100.9", 40000, ";rport=40000;received=198.51.100.9")]
        public void ResponseTargetAndViaReceivedRport(string sentBy, string viaExtra, string expIp, int expPort, string expViaTail)
        {
            var h = new TxHarness();
            var src = SipAddress.FromIPv4(198, 51, 100, 9, 40000, SipTransport.Udp);
            h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKr1", sentBy: sentBy, viaExtra: viaExtra), src, out int id);
            Respond(h, id, 200, "OK");
            var sent = h.Log.Last();
            Assert.Equal(expPort, sent.To.Port);
            byte[] ip = new byte[64];
            int n = sent.To.FormatIp(ip, 0);
            Assert.Equal(expIp, System.Text.Encoding.ASCII.GetString(ip, 0, n));
            Assert.Contains("Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bKr1" + expViaTail + "\r\n", sent.Text);
            // stateless answers follow the same rules
            h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKr2", sentBy: sentBy, viaExtra: viaExtra).Replace("SIP/2.0\n", "SIP/9.0\n"), src);
            Assert.Equal(expPort, h.Log.Last().To.Port);
            Assert.Contains(";branch=z9hG4bKr2" + expViaTail + "\r\n", h.Log.Last().Text);
        }

        [Fact]
        public void IPv6SourceAndMaddr()
        {
            var h = new TxHarness();
            byte[] v6 = SipAscii.Bytes("[2001:db8::9]");
            Assert.True(SipAddress.TryParseIp(v6, new Slice(0, v6.Length), out SipAddress src));
            src.Port = 5062;
            src.Transport = SipTransport.Udp;
            Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKv6", sentBy: "[2001:db8::1]:5060", viaExtra: ";rport"), src, out int id));
            Respond(h, id, 200, "OK");
            Assert.Contains(";rport=5062;received=[2001:db8:0:0:0:0:0:9]\r\n", h.Log.Last().Text);
            Assert.True(h.Log.Last().To.SameIp(src));
            Assert.Equal(5062, h.Log.Last().To.Port);

            h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKma", callId: "maddr-1", sentBy: "10.0.0.1:5070", viaExtra: ";maddr=239.255.255.1;ttl=1"), Src, out int mid);
            Respond(h, mid, 200, "OK");
            Assert.Equal(SipAddress.FromIPv4(239, 255, 255, 1, 5070, SipTransport.Udp).SameEndpoint(h.Log.Last().To), true);
        }
    }
}
