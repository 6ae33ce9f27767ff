// UaConfig.EnsureCalls: raising the call capacity (the intercom rings up to four targets at
// once) also grows the transactions, outbox and retransmission store, so every one of the
// simultaneous INVITEs really goes out, in the small profile too.
using System.Text;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class UaCapacityTests
    {
        private static readonly byte[] Sdp = Encoding.ASCII.GetBytes(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n");

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Four_simultaneous_invites_all_go_out_after_EnsureCalls(bool small)
        {
            var cfg = new UaConfig { User = "door", Domain = "192.0.2.10", LocalHost = "192.0.2.10", LocalPort = 5060 };
            if (small) cfg.UseSmallFootprint();
            cfg.EnsureCalls(4);
            Assert.Equal(4, cfg.MaxCalls);
            var ua = new UserAgent(cfg, new SeededRandom(7));
            int invites = 0;
            for (int i = 0; i < 4; i++)
            {
                int call = ua.Call("sip:flat" + i + "@192.0.2." + (20 + i), Sdp, 0, Sdp.Length, 1000 + i);
                Assert.True(call >= 0, "call " + i + " refused: " + UaStatuses.Name(UaStatuses.FromHandle(call)));
            }
            for (int guard = 0; guard < 16 && ua.Outbox.Count > 0; guard++)
            {
                string text = Encoding.ASCII.GetString(ua.Outbox.PeekBuffer(), 0, ua.Outbox.PeekLength());
                if (text.StartsWith("INVITE ")) invites++;
                ua.Outbox.Pop();
            }
            Assert.Equal(4, invites);
        }

        [Fact]
        public void EnsureCalls_never_shrinks()
        {
            var cfg = new UaConfig();
            int pool = cfg.TxPoolSize, store = cfg.TxStoreBytes;
            cfg.EnsureCalls(1);
            Assert.Equal(2, cfg.MaxCalls);
            Assert.Equal(pool, cfg.TxPoolSize);
            Assert.Equal(store, cfg.TxStoreBytes);
        }
    }
}
