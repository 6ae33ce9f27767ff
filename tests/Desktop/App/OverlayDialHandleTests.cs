// The engine's handle contract for a dial by overlay AOR: IPhone.Dial returns the application
// call handle at once (before the lookup answers, so a product such as the intercom can track
// the call), the slot shows the call as `calling`, and hanging up before the lookup answers
// frees the slot with `ended reason=cancelled`. No supernode is needed: the lookup request is
// simply never answered.
using System.Collections.Generic;
using System.Text;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Host.Crypto;
using Endpoint.Media.Rtp;
using Endpoint.Overlay;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.App
{
    public class OverlayDialHandleTests
    {
        private sealed class Sink : IEventSink
        {
            public readonly List<string> Events = new List<string>();
            public void Event(string line) { Events.Add(line); }
            public void Log(string line) { }
        }

        private sealed class Ports : IRtpPorts
        {
            public int Reserved;
            public int Reserve(out string error) { error = null; Reserved++; return 20000 + 2 * Reserved; }
            public void Attach(int port, CallMedia media) { }
            public void Send(int port, byte[] packet, int length, MediaEndpoint to) { }
            public void Release(int port) { Reserved--; }
        }

        private sealed class Rng : Endpoint.Crypto.IRandomSource, IRandomSource
        {
            private uint _s = 2463534242;
            public uint NextUInt32() { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; return _s; }
            public void NextBytes(byte[] buf, int offset, int count) { for (int i = 0; i < count; i++) buf[offset + i] = (byte)NextUInt32(); }
        }

        private static EndpointApp NewApp(Sink sink, Ports ports)
        {
            string key = System.Convert.ToBase64String(new byte[32]);
            string json = "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"192.0.2.10:5060\",\"user\":\"alice\"}," +
                          "\"overlay\":{\"aor\":\"alice@home.example\",\"supernodes\":[\"192.0.2.50:8080\"],\"siteKey\":\"" + key + "\"}}";
            byte[] b = Encoding.UTF8.GetBytes(json);
            string error;
            EndpointConfig cfg = ConfigLoader.Load(b, 0, b.Length, "test", out error);
            Assert.True(cfg != null, error);
            var rng = new Rng();
            var ua = new UserAgent(UaConfig.FromSipConfig(cfg.Sip, "192.0.2.10", 5060), rng);
            var app = new EndpointApp(cfg, sink, ua, ports, null, null, rng, "192.0.2.10", 5060);
            Assert.Null(app.EnableOverlay(OverlaySettings.FromConfig(cfg.Overlay), new DesktopHmacSha256(cfg.Overlay.SiteKey), rng, null));
            app.Overlay.SetWallClock(1_795_000_000, 1000); // the runtime does this from the system clock
            app.Start(1000);
            return app;
        }

        [Fact]
        public void Dial_by_aor_returns_a_handle_before_the_lookup_answers_and_hangup_cancels_it()
        {
            var sink = new Sink();
            var ports = new Ports();
            EndpointApp app = NewApp(sink, ports);
            int handle = app.Dial("bob@home.example", 1010);
            Assert.True(handle > 0, "no handle for a dial by AOR");
            CallSlot slot = app.FindCall(handle);
            Assert.True(slot != null, string.Join("\n", sink.Events));
            Assert.Equal(CallPhase.Calling, slot.Phase);
            Assert.Equal("sip:bob@home.example", slot.Peer);
            Assert.Equal(-1, slot.UaCall);          // no SIP call yet: the lookup has not answered
            Assert.Equal(0, ports.Reserved);         // and no RTP port is held meanwhile
            Assert.DoesNotContain(sink.Events, l => l.StartsWith("event calling"));

            app.Hangup(handle, 1020);
            Assert.Null(app.FindCall(handle));
            string ended = sink.Events.Find(l => l.StartsWith("event ended"));
            Assert.NotNull(ended);
            Assert.Contains("call=" + handle, ended);
            Assert.Contains("reason=cancelled", ended);
        }

        [Fact]
        public void Handles_are_the_applications_own_and_distinct_per_dial()
        {
            var sink = new Sink();
            EndpointApp app = NewApp(sink, new Ports());
            int first = app.Dial("bob@home.example", 1010);
            int second = app.Dial("carol@home.example", 1011);
            Assert.True(first > 0 && second > 0 && first != second);
            Assert.Equal(-1, app.Dial("dave@home.example", 1012)); // two slots on a desk phone
            Assert.Contains(sink.Events, l => l.StartsWith("event error") && l.Contains("too many calls"));
        }
    }
}
