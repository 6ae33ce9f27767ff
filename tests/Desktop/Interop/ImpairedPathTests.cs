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
    /// Each side's speaker WAV must carry the far tone without gaps for 10 s and the call survives.
    /// </summary>
    public class ImpairedPathTests
    {
        // A sender that itself paused this long (a starved process on an overloaded machine, seen
        // by the relay before any impairment) makes a gap the network did not cause.
        private const long StarvedMs = 120;
        private readonly ITestOutputHelper _out;

        public ImpairedPathTests(ITestOutputHelper output) { _out = output; }

        private static string Sip(Kamailio k)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
        }

        [Fact]
        public void ToneStaysContinuousWithFivePercentLossAndFortyMsJitter()
        {
            // One retry, only when the failed attempt shows a sender or relay starved by the machine.
            string first = Attempt(out bool starved);
            if (first == null) return;
            Assert.True(starved, first);
            _out.WriteLine("retrying, the first attempt was starved: " + first);
            string second = Attempt(out _);
            Assert.True(second == null, second + "\n(first attempt: " + first + ")");
        }

        private string Attempt(out bool starved)
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
            // Media really goes through the relay: Kamailio asked it for both sides' ports.
            Assert.True(relay.Log.Contains(" U") && relay.Log.Contains(" L"), "kamailio did not use the relay:\n" + relay.Log + "\n" + k.Output);
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
                           ", longest pause from a sender " + relay.MaxArrivalGapMs + " ms, relay late by up to " + relay.MaxSendLatenessMs + " ms" +
                           "; connected " + HostProcess.Field(ca, "rtp") + " / " + HostProcess.Field(cb, "rtp");
            _out.WriteLine(stats);
            _out.WriteLine(relay.Log);
            // The impairment itself is as specified (these never depend on the machine's load).
            Assert.True(received > 900, stats); // ~10 s x 50 packets/s x 2 directions
            Assert.InRange((double)dropped / received, 0.03, 0.07);
            Assert.True(relay.Reordered > 20, stats);
            starved = relay.MaxArrivalGapMs >= StarvedMs || relay.MaxSendLatenessMs >= StarvedMs / 2;
            return Check("bob", new AudioTimeline(Audio.Read(bob.OutputWav)), connectedBob, end, 1000, stats)
                ?? Check("alice", new AudioTimeline(Audio.Read(alice.OutputWav)), connectedAlice, end, 600, stats);
        }

        // Null when the tone is continuous, else what is wrong.
        private string Check(string who, AudioTimeline t, double connected, double end, double hz, string stats)
        {
            int anchor = t.FirstLoud();
            if (anchor < 0) return who + " heard nothing; " + stats;
            int from = anchor + AudioTimeline.FrameOf(500), to = anchor + AudioTimeline.FrameOf(end - connected - 500);
            if (to - from < 400) return who + ": only " + (to - from) + " frames to judge; " + stats;
            double gap = t.LongestQuietMs(from, to);
            double share = t.LoudShare(from, to);
            double peak = t.PeakHz(from, to);
            _out.WriteLine(who + ": longest gap " + gap + " ms, loud share " + share.ToString("0.000") + ", peak " + peak + " Hz over " + (to - from) + " frames");
            // Concealment repeats the last frame and fades it out over 60 ms: a lost or late packet
            // leaves no quiet run at all, only a burst longer than concealment covers would.
            if (gap > 60) return who + ": a " + gap + " ms gap in the tone; " + stats;
            // Without concealment 5 % loss alone would leave ~5 % of the frames quiet.
            if (share < 0.98) return who + ": loud share " + share.ToString("0.000") + "; " + stats;
            if (peak < hz * 0.98 || peak > hz * 1.02) return who + ": peak " + peak + " Hz, sent " + hz + " Hz; " + stats;
            return null;
        }
    }
}
