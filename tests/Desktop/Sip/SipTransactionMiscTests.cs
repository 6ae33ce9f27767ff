// SipAddress literals (IPv4/IPv6 parse and print), outbox ring behaviour, and proof that the
// transaction layer's per-message paths allocate nothing once warm.
using System;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Xunit;

namespace Endpoint.Tests.Sip
{
    public class SipTransactionMiscTests
    {
        private static string Fmt(SipAddress a)
        {
            byte[] b = new byte[64];
            int n = a.FormatIp(b, 0);
            return System.Text.Encoding.ASCII.GetString(b, 0, n);
        }

        [Theory]
        [InlineData("192.0.2.1", "192.0.2.1")]
        [InlineData("0.0.0.0", "0.0.0.0")]
        [InlineData("255.255.255.255", "255.255.255.255")]
        [InlineData("[2001:db8::1]", "[2001:db8:0:0:0:0:0:1]")]
        [InlineData("2001:DB8:0:0:8:800:200C:417A", "[2001:db8:0:0:8:800:200c:417a]")]
        [InlineData("::", "[0:0:0:0:0:0:0:0]")]
        [InlineData("::1", "[0:0:0:0:0:0:0:1]")]
        [InlineData("fe80::", "[fe80:0:0:0:0:0:0:0]")]
        [InlineData("1:2:3:4:5:6:7::", "[1:2:3:4:5:6:7:0]")]
        public void IpLiteralsRoundTrip(string text, string printed)
        {
            byte[] b = SipAscii.Bytes(text);
            Assert.True(SipAddress.TryParseIp(b, new Slice(0, b.Length), out SipAddress a));
            Assert.Equal(printed, Fmt(a));
            byte[] p = SipAscii.Bytes(printed);
            Assert.True(SipAddress.TryParseIp(p, new Slice(0, p.Length), out SipAddress again));
            Assert.True(a.SameIp(again));
        }

        [Theory]
        [InlineData("256.0.0.1")]
        [InlineData("1.2.3")]
        [InlineData("1.2.3.4.5")]
        [InlineData("1..2.3")]
        [InlineData("example.com")]
        [InlineData("1::2::3")]
        [InlineData("1:2:3:4:5:6:7:8:9")]
        [InlineData("12345::")]
        [InlineData("[::1")]
        [InlineData(":1")]
        [InlineData("")]
        public void NotIpLiterals(string text)
        {
            byte[] b = SipAscii.Bytes(text);
            Assert.False(SipAddress.TryParseIp(b, new Slice(0, b.Length), out _));
        }

        [Fact]
        public void OutboxRingFullIsAStatus()
        {
            var o = new SipOutbox(2, 64);
            byte[] m = { 1, 2, 3 };
            var d = SipAddress.FromIPv4(10, 0, 0, 1, 5060, SipTransport.Udp);
            Assert.True(o.Enqueue(m, 0, 3, d));
            Assert.True(o.Enqueue(m, 1, 2, d));
            Assert.False(o.Enqueue(m, 0, 3, d));
            Assert.False(o.Enqueue(new byte[100], 0, 100, d));
            Assert.Equal(2, o.Dropped);
            Assert.Equal(3, o.PeekLength());
            Assert.True(o.Pop());
            Assert.Equal(2, o.PeekLength());
            Assert.Equal(2, o.PeekBuffer()[0]);
            Assert.True(o.Pop());
            Assert.False(o.Pop());
        }

        [Fact]
        public void UdpServerAndClientPathsAllocateNothingWhenWarm()
        {
            var h = new TxHarness();
            var src = SipAddress.FromIPv4(198, 51, 100, 9, 40000, SipTransport.Udp);
            byte[][] invites = new byte[4][];
            for (int i = 0; i < invites.Length; i++) invites[i] = SipSamples.Bytes(TxHarness.Request("INVITE", "z9hG4bKalloc" + i, callId: "alloc" + i, viaExtra: ";rport"));
            byte[] ack = SipSamples.Bytes(TxHarness.Request("ACK", "z9hG4bKalloc0", callId: "alloc0", toTag: "t", cseqMethod: "ACK"));
            byte[] tag = SipAscii.Bytes("t");
            var rx = new SipMessage();
            long now = 0;
            void Round(int k)
            {
                byte[] b = (byte[])invites[k % invites.Length];
                rx.Parse(b, 0, b.Length);
                h.Layer.OnReceive(rx, src, now, out int id);
                SipWriter w = h.Layer.BeginResponse(id, 486, "Busy Here", tag, new Slice(0, 1));
                w.NoBody();
                h.Layer.SendResponse(id, now);
                rx.Parse(b, 0, b.Length);
                h.Layer.OnReceive(rx, src, now, out _);
                int c = h.Layer.BeginRequest(SipMethod.Options, "sip:bob@example.com", src, out SipWriter cw);
                cw.Header(SipHeaderId.From, "<sip:a@b>;tag=1");
                cw.Header(SipHeaderId.To, "<sip:c@d>");
                cw.Header(SipHeaderId.CallId, "opt");
                cw.CSeq(1, SipMethod.Options);
                cw.NoBody();
                h.Layer.SendRequest(c, now);
                now += 600;
                h.Layer.OnTimer(now);
                while (h.Outbox.Count > 0) h.Outbox.Pop();
                for (int i = 0; i < 8; i++) h.Layer.Release((i << 8) | i); // may be stale: harmless
                h.Layer.Release(id);
                h.Layer.Release(c);
                while (h.Layer.TryGetEvent(out _, out _)) { }
            }
            for (int i = 0; i < 20; i++) Round(i);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++) Round(i);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(0, h.Layer.ActiveCount);
        }
    }
}
