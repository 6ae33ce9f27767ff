// The shared-buffer memory layout of the SIP stack: the transaction layer's one message store
// (exact lengths, compaction when fragmented, a full store as a status), the outbox packed in one
// buffer (head always at offset 0), the UA event queue packed in one buffer (body of the polled
// event at offset 0, URIs and names intact across several queued events), the sip.profile
// config field. The retained-bytes figures themselves are measured by bench/SipUaBench.cs.
using System;
using System.Collections.Generic;
using System.Text;
using Endpoint.Config;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.Sip
{
    public class SipSharedBufferTests
    {
        private static string Pad(int n) => "X-Pad: " + new string('p', n);

        [Fact]
        public void Store_CompactsFragmentedSpace_RetransmissionsStayByteExact()
        {
            var h = new TxHarness(8, c => { c.StoreBytes = 2000; c.MessageBufferSize = 1024; });
            var sizes = new[] { 150, 300, 120, 250 };
            var ids = new List<int>();
            var first = new Dictionary<int, string>();
            for (int i = 0; i < sizes.Length; i++)
            {
                int id = h.SendRequest(SipMethod.Options, TxHarness.Peer, "c" + i, i + 1, Pad(sizes[i]));
                ids.Add(id);
                first[id] = h.Log[h.Log.Count - 1].Text;
            }
            // complete the 1st and 3rd: their requests are freed, leaving holes
            foreach (int k in new[] { 0, 2 })
                Assert.Equal(SipRxResult.Response, h.Receive(TxHarness.ResponseTo(first[ids[k]], 200, "OK"), TxHarness.Peer));
            // a request larger than the free tail but smaller than all free space: needs compaction
            int big = h.SendRequest(SipMethod.Options, TxHarness.Peer, "cbig", 9, Pad(420));
            first[big] = h.Log[h.Log.Count - 1].Text;
            h.Log.Clear();
            h.RunUntil(h.Now + 600); // Timer E fires once for every live client transaction
            foreach (int id in new[] { ids[1], ids[3], big })
            {
                Assert.Contains(h.Log, s => s.Text == first[id]);
            }
            Assert.Equal(3, h.Log.Count);
            Assert.Equal(0, h.Layer.StoreFull);
        }

        [Fact]
        public void Store_Full_IsAStatusAndRecovers()
        {
            var h = new TxHarness(8, c => { c.StoreBytes = 1024; c.MessageBufferSize = 1024; });
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "a", 1, Pad(500));
            int id = h.Layer.BeginRequest(SipMethod.Options, "sip:bob@biloxi.example.com", TxHarness.Peer, out SipWriter w);
            w.Header(SipHeaderId.From, "<sip:alice@atlanta.example.com>;tag=f");
            w.Header(SipHeaderId.To, "<sip:bob@biloxi.example.com>");
            w.Header(SipHeaderId.CallId, "b");
            w.CSeq(1, SipMethod.Options);
            w.Ascii(Pad(600) + "\r\n");
            w.NoBody();
            Assert.Equal(SipSendStatus.PoolExhausted, h.Layer.SendRequest(id, h.Now));
            Assert.False(h.Layer.IsAlive(id));
            Assert.Equal(1, h.Layer.StoreFull);
            Assert.Equal(1, h.Layer.ActiveCount);
            // an incoming request that does not fit gets 503, not a crash
            var r = h.Receive(TxHarness.Request("INVITE", "z9hG4bKbig").Replace("Content-Length: 0", Pad(700) + "\nContent-Length: 0"), TxHarness.Peer);
            Assert.Equal(SipRxResult.PoolExhausted, r);
            Assert.StartsWith("SIP/2.0 503", h.Log[h.Log.Count - 1].Text);
            // after the first transaction ends the space is back
            h.RunUntil(h.Now + 64 * 500 + 1);
            Assert.Equal(0, h.Layer.ActiveCount);
            Assert.Equal(0, h.Layer.StoreUsed);
            h.SendRequest(SipMethod.Options, TxHarness.Peer, "c", 2, Pad(600));
        }

        [Fact]
        public void ServerTransaction_KeepsOnlyTheFinalResponse()
        {
            var h = new TxHarness();
            string inv = TxHarness.Request("INVITE", "z9hG4bKkeep");
            h.Receive(inv, TxHarness.Peer, out int tx);
            int withRequest = h.Layer.StoreUsed;
            Assert.True(withRequest > inv.Length); // request + 100 Trying
            SipWriter w = h.Layer.BeginResponse(tx, 486, "Busy Here", Encoding.ASCII.GetBytes("tt1"), new Slice(0, 3));
            w.NoBody();
            h.Layer.SendResponse(tx, h.Now);
            string busy = h.Drain()[0].Text;
            Assert.Equal(busy.Length, h.Layer.StoreUsed);
            h.Log.Clear();
            h.Receive(inv, TxHarness.Peer); // retransmitted INVITE: the stored 486 again
            Assert.Equal(busy, h.Log[0].Text);
        }

        [Fact]
        public void InviteClient_CompletedKeepsTheAckNotTheInvite()
        {
            var h = new TxHarness();
            h.SendRequest(SipMethod.Invite, TxHarness.Peer, extra: Pad(400));
            string invite = h.Log[h.Log.Count - 1].Text;
            string resp = TxHarness.ResponseTo(invite, 486, "Busy Here");
            h.Receive(resp, TxHarness.Peer);
            string ack = h.Log[h.Log.Count - 1].Text;
            Assert.StartsWith("ACK ", ack);
            Assert.Equal(ack.Length, h.Layer.StoreUsed);
            h.Log.Clear();
            h.Receive(resp, TxHarness.Peer);
            Assert.Single(h.Log);
            Assert.Equal(ack, h.Log[0].Text);
        }

        [Fact]
        public void Burst_LingeringTransactionsAreEvicted_ActiveOnesNever()
        {
            var h = new TxHarness(4, c => c.StoreBytes = 2048);
            for (int i = 0; i < 12; i++)
            {
                Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKburst" + i, callId: "b" + i), TxHarness.Peer, out int tx));
                SipWriter w = h.Layer.BeginResponse(tx, 200, "OK", Encoding.ASCII.GetBytes("t"), new Slice(0, 1));
                w.NoBody();
                Assert.Equal(SipSendStatus.Ok, h.Layer.SendResponse(tx, h.Now)); // now Completed (Timer J): lingering
            }
            Assert.Equal(8, h.Layer.Evicted);
            Assert.DoesNotContain(h.Log, s => s.Text.StartsWith("SIP/2.0 503"));
            // four requests nobody has answered yet (Trying) are never evicted: the fifth gets 503
            for (int i = 0; i < 4; i++) Assert.Equal(SipRxResult.NewRequest, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKopen" + i, callId: "o" + i), TxHarness.Peer));
            Assert.Equal(SipRxResult.PoolExhausted, h.Receive(TxHarness.Request("OPTIONS", "z9hG4bKopen9", callId: "o9"), TxHarness.Peer));
            Assert.StartsWith("SIP/2.0 503", h.Log[h.Log.Count - 1].Text);
        }

        [Fact]
        public void Outbox_PacksMessagesAndKeepsTheHeadAtZero()
        {
            var o = new SipOutbox(4, 100, 250);
            var d = SipAddress.FromIPv4(10, 0, 0, 1, 5060, SipTransport.Udp);
            byte[] a = Filled(90, 1), b = Filled(80, 2), c = Filled(70, 3);
            Assert.True(o.Enqueue(a, 0, 90, d));
            Assert.True(o.Enqueue(b, 0, 80, d));
            Assert.True(o.Enqueue(c, 0, 70, d));
            Assert.False(o.Enqueue(c, 0, 70, d)); // 240 + 70 > 250
            Assert.False(o.Enqueue(new byte[101], 0, 101, d)); // larger than one message
            Assert.Equal(2, o.Dropped);
            Assert.Equal(90, o.PeekLength());
            Assert.Equal(1, o.PeekBuffer()[89]);
            o.Pop();
            Assert.Equal(80, o.PeekLength());
            Assert.Equal(2, o.PeekBuffer()[0]);
            Assert.Equal(2, o.PeekBuffer()[79]);
            byte[] slot = o.Reserve(out int at, out int room);
            Assert.Equal(150, at);
            Assert.Equal(100, room);
            slot[at] = 9;
            o.Commit(1, d);
            o.Pop();
            Assert.Equal(3, o.PeekBuffer()[69]);
            o.Pop();
            Assert.Equal(1, o.PeekLength());
            Assert.Equal(9, o.PeekBuffer()[0]);
            Assert.True(o.Pop());
            Assert.False(o.Pop());
        }

        private static byte[] Filled(int n, byte v)
        {
            var b = new byte[n];
            Array.Fill(b, v);
            return b;
        }

        [Fact]
        public void EventQueue_SeveralQueuedEventsKeepTheirBodiesAndPeers()
        {
            UaConfig cfg = SipUa.LoopNet.Config("10.0.0.2", "bob");
            cfg.EventStoreBytes = 900;
            cfg.EventBodyBytes = 300;
            var ua = new UserAgent(cfg, new SipUa.SeededRandom(2));
            // two MESSAGEs arrive before B's application polls
            string MessageTo(string body, string from, int n) =>
                "MESSAGE sip:bob@10.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKmsg" + n + "\r\nMax-Forwards: 70\r\n" +
                "From: \"" + from + "\" <sip:" + from + "@example.com>;tag=t" + n + "\r\nTo: <sip:bob@example.com>\r\nCall-ID: m" + n + "@x\r\nCSeq: 1 MESSAGE\r\n" +
                "Content-Type: text/plain\r\nContent-Length: " + body.Length + "\r\n\r\n" + body;
            var src = SipAddress.FromIPv4(10, 0, 0, 9, 5060, SipTransport.Udp);
            string b1 = new string('a', 250), b2 = "second", b3 = new string('c', 299);
            foreach (var (body, from, n) in new[] { (b1, "carol", 1), (b2, "dave", 2), (b3, "erin", 3) })
            {
                byte[] m = Encoding.ASCII.GetBytes(MessageTo(body, from, n));
                ua.OnDatagram(m, 0, m.Length, src, 0);
            }
            var got = new List<string>();
            var codes = new List<string>();
            while (ua.Outbox.Count > 0) { codes.Add(Encoding.ASCII.GetString(ua.Outbox.PeekBuffer(), 0, 12)); ua.Outbox.Pop(); }
            UaEvent e;
            while ((e = ua.PollEvent()) != null)
            {
                if (e.Kind != UaEventKind.MessageReceived) continue;
                got.Add(Encoding.ASCII.GetString(e.Body, 0, e.BodyLength) + "|" + e.PeerUriText() + "|" + e.PeerNameText() + "|" + e.ContentTypeText());
            }
            // the third body did not fit behind the two queued ones: refused (413), never truncated
            Assert.Equal(new[] { "SIP/2.0 200 ", "SIP/2.0 200 ", "SIP/2.0 413 " }, codes);
            Assert.Equal(new[] { b1 + "|sip:carol@example.com|carol|text/plain", b2 + "|sip:dave@example.com|dave|text/plain" }, got);
            // once polled the space is back
            byte[] again = Encoding.ASCII.GetBytes(MessageTo(b3, "erin", 4));
            ua.OnDatagram(again, 0, again.Length, src, 0);
            e = ua.PollEvent();
            Assert.Equal(UaEventKind.MessageReceived, e.Kind);
            Assert.Equal(b3, Encoding.ASCII.GetString(e.Body, 0, e.BodyLength));
        }

        [Theory]
        [InlineData("\"small\"", "small", null)]
        [InlineData("\"default\"", "default", null)]
        [InlineData("\"huge\"", null, "sip.profile")]
        public void Config_SipProfile(string json, string expected, string errorMentions)
        {
            byte[] text = Encoding.UTF8.GetBytes("{\"sip\":{\"profile\":" + json + "}}");
            EndpointConfig cfg = ConfigLoader.Load(text, 0, text.Length, "test.json", out string error);
            if (expected == null)
            {
                Assert.Null(cfg);
                Assert.Contains(errorMentions, error);
                return;
            }
            Assert.Equal(expected, cfg.Sip.Profile);
            UaConfig ua = UaConfig.FromSipConfig(cfg.Sip, "127.0.0.1", 5060);
            var reference = new UaConfig();
            if (expected == "small") reference.UseSmallFootprint();
            Assert.Equal(reference.TxStoreBytes, ua.TxStoreBytes);
            Assert.Equal(reference.MaxCalls, ua.MaxCalls);
            Assert.Equal(reference.MessageBufferSize, ua.MessageBufferSize);
        }
    }
}
