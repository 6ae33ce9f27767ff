// Device-portable checks of the SIP transaction layer (RFC 3261 §17): the non-INVITE client
// retransmission schedule on UDP with a manual clock, and an INVITE server answering 100/486
// with the RFC 3581 rport/received fill-in. nanoFramework TestFramework style, no generics.
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Sip
{
    internal sealed class DeviceTestRandom : Endpoint.Crypto.IRandomSource
    {
        private byte _n = 7;

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = _n++;
        }
    }

    [TestClass]
    public class SipTransactionDeviceTests
    {
        private static SipTransactionLayer Make(SipOutbox outbox)
        {
            SipTransactionConfig cfg = new SipTransactionConfig();
            cfg.PoolSize = 4;
            cfg.MessageBufferSize = 1024;
            cfg.LocalHost = "192.0.2.10";
            return new SipTransactionLayer(cfg, new DeviceTestRandom(), outbox);
        }

        [TestMethod]
        public static void NonInviteClientRetransmitsOnUdpSchedule()
        {
            SipOutbox outbox = new SipOutbox(8, 1024);
            SipTransactionLayer layer = Make(outbox);
            SipAddress peer = SipAddress.FromIPv4(198, 51, 100, 9, 5060, SipTransport.Udp);
            SipWriter w;
            int id = layer.BeginRequest(SipMethod.Options, "sip:bob@example.com", peer, out w);
            Assert.IsTrue(id >= 0);
            w.Header(SipHeaderId.From, "<sip:a@example.com>;tag=1");
            w.Header(SipHeaderId.To, "<sip:bob@example.com>");
            w.Header(SipHeaderId.CallId, "dev-opt");
            w.CSeq(1, SipMethod.Options);
            w.NoBody();
            Assert.AreEqual((int)SipSendStatus.Ok, (int)layer.SendRequest(id, 0));
            Assert.AreEqual(1, outbox.Count);
            outbox.Pop();
            long[] expected = { 500, 1500, 3500, 7500, 11500 };
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.AreEqual(expected[k], layer.NextDeadline);
                layer.OnTimer(expected[k]);
                Assert.AreEqual(1, outbox.Count);
                outbox.Pop();
            }
            layer.OnTimer(32000);
            Assert.IsFalse(layer.IsAlive(id));
            int ev;
            SipTxEvent kind;
            Assert.IsTrue(layer.TryGetEvent(out ev, out kind));
            Assert.AreEqual((int)SipTxEvent.Timeout, (int)kind);
        }

        [TestMethod]
        public static void InviteServerAnswersWithRportAndReceived()
        {
            SipOutbox outbox = new SipOutbox(8, 1024);
            SipTransactionLayer layer = Make(outbox);
            byte[] inv = SipAscii.Bytes(
                "INVITE sip:alice@192.0.2.10 SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKdevsrv;rport\r\n" +
                "From: <sip:carol@example.com>;tag=c1\r\n" +
                "To: <sip:alice@example.com>\r\n" +
                "Call-ID: dev-inv\r\n" +
                "CSeq: 3 INVITE\r\n" +
                "Content-Length: 0\r\n\r\n");
            SipMessage m = new SipMessage();
            Assert.AreEqual((int)SipParseStatus.Ok, (int)m.Parse(inv, 0, inv.Length));
            SipAddress src = SipAddress.FromIPv4(203, 0, 113, 7, 40000, SipTransport.Udp);
            int id;
            Assert.AreEqual((int)SipRxResult.NewRequest, (int)layer.OnReceive(m, src, 0, out id));
            Assert.AreEqual(1, outbox.Count); // 100 Trying
            outbox.Pop();
            byte[] tag = SipAscii.Bytes("a9");
            SipWriter w = layer.BeginResponse(id, 486, "Busy Here", tag, new Slice(0, 2));
            w.NoBody();
            Assert.AreEqual((int)SipSendStatus.Ok, (int)layer.SendResponse(id, 10));
            Assert.AreEqual(40000, outbox.PeekDestination().Port);
            SipMessage r = new SipMessage();
            Assert.AreEqual((int)SipParseStatus.Ok, (int)r.Parse(outbox.PeekBuffer(), 0, outbox.PeekLength()));
            Assert.AreEqual(486, r.StatusCode);
            Assert.AreEqual(40000, r.TopVia.Rport);
            Assert.AreEqual("203.0.113.7", r.Text(r.TopVia.Received));
            Assert.AreEqual("a9", r.Text(r.To.Tag));
            Assert.AreEqual((int)SipTxState.Completed, (int)layer.GetState(id));
        }
    }
}
