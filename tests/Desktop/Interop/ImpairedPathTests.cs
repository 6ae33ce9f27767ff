using System.Diagnostics;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Interop
{
    /// <summary>
    /// A call between two virtual devices through a real Kamailio that puts a media relay on the
    /// RTP path (rtpproxy module, SDP rewritten); the relay is the test's ImpairingRtpProxy with
    /// 5 % seeded random loss and 40 ± 20 ms uniform delay (which reorders) in both directions.
    /// Each side's speaker WAV must carry the far tone without audible gaps for ~10 s.
    /// </summary>
    public class ImpairedPathTests
    {
        private readonly ITestOutputHelper _out;

        public ImpairedPathTests(ITestOutputHelper output) { _out = output; }

        private static string Sip(Kamailio k)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
        }

        [Fact]
        public void ToneStaysContinuousWithFivePercentLossAndFortyMsJitter()
        {
            using var relay = new ImpairingRtpProxy(seed: 4733, loss: 0.05, minDelayMs: 20, maxDelayMs: 60);
            using var k = Kamailio.StartWithMediaRelay("MD5", relay.ControlPort);
            using var alice = VirtualDevice.Start("1001", 1000, Sip(k));
            using var bob = VirtualDevice.Start("1002", 600, Sip(k));
            alice.Host.WaitFor("event registered", 15000);
            bob.Host.WaitFor("event registered", 15000);
            var clock = Stopwatch.StartNew();
            alice.Host.Send("dial 1002");
            bob.Host.WaitFor("event incoming", 10000);
            bob.Host.Send("answer");
            string cb = bob.Host.WaitFor("event connected", 10000);
            double connectedBob = clock.Elapsed.TotalMilliseconds;
            string ca = alice.Host.WaitFor("event connected", 10000);
            double connectedAlice = clock.Elapsed.TotalMilliseconds;
            // Media really goes through the relay: each side was given a relay port, not the other device's.
            Assert.True(relay.Log.Contains(" U"), "kamailio never asked the relay:\n" + relay.Log + "\n" + k.Output);
            Thread.Sleep(10000);
            double end = clock.Elapsed.TotalMilliseconds;
            Assert.DoesNotContain(alice.Host.Events, l => l.StartsWith("event ended"));
            Assert.DoesNotContain(bob.Host.Events, l => l.StartsWith("event ended"));
            alice.Host.Send("hangup");
            bob.Host.WaitFor("event ended", 10000);
            alice.Host.WaitFor("event ended", 10000);
            alice.Host.Send("quit");
            bob.Host.Send("quit");
            Assert.Equal(0, alice.Host.WaitExit());
            Assert.Equal(0, bob.Host.WaitExit());

            int received = relay.Received, dropped = relay.Dropped;
            string stats = "relay: received " + received + ", dropped " + dropped + ", reordered " + relay.Reordered +
                           "; connected " + HostProcess.Field(ca, "rtp") + " / " + HostProcess.Field(cb, "rtp");
            _out.WriteLine(stats);
            _out.WriteLine(relay.Log);
            Check("bob", new AudioTimeline(Audio.Read(bob.OutputWav)), connectedBob, end, 1000, stats);
            Check("alice", new AudioTimeline(Audio.Read(alice.OutputWav)), connectedAlice, end, 600, stats);
            Assert.True(received > 900, stats); // ~10 s x 50 packets/s x 2 directions
            Assert.InRange((double)dropped / received, 0.03, 0.07);
            Assert.True(relay.Reordered > 20, stats);
        }

        private void Check(string who, AudioTimeline t, double connected, double end, double hz, string stats)
        {
            int anchor = t.FirstLoud();
            Assert.True(anchor >= 0, who + " heard nothing; " + stats);
            int from = anchor + AudioTimeline.FrameOf(500), to = anchor + AudioTimeline.FrameOf(end - connected - 500);
            Assert.True(to - from > 400, who + ": only " + (to - from) + " frames to judge; " + stats);
            double gap = t.LongestQuietMs(from, to);
            _out.WriteLine(who + ": longest gap " + gap + " ms, loud share " + t.LoudShare(from, to).ToString("0.000") + ", peak " + t.PeakHz(from, to) + " Hz over " + (to - from) + " frames");
            // Concealment repeats the last frame and fades it out over 60 ms, so a lost or late
            // packet leaves no quiet run at all; 20 ms of near-silence would be a frame nobody
            // concealed (and anything beyond 60 ms a burst longer than concealment covers).
            Assert.True(gap < 20, who + ": a " + gap + " ms gap in the tone; " + stats);
            double share = t.LoudShare(from, to);
            Assert.True(share > 0.97, who + ": loud share " + share.ToString("0.000") + "; " + stats);
            Assert.InRange(t.PeakHz(from, to), hz * 0.98, hz * 1.02);
        }
    }
}
