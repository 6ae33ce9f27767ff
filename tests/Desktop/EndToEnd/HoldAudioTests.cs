using System.Diagnostics;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.EndToEnd
{
    /// <summary>
    /// Hold and resume (re-INVITE sendonly / recvonly) between two virtual devices, judged by what
    /// each speaker actually played: the recorded WAVs go quiet while either side holds and carry
    /// the far tone again after resume. The WAV is written in real time (one 20 ms frame per tick),
    /// so the test maps its own clock onto frame indexes from the moment audio first arrived.
    /// </summary>
    public class HoldAudioTests
    {
        private const int PhaseMs = 1600;

        [Fact]
        public void HoldSilencesBothSpeakersAndResumeBringsTheTonesBack()
        {
            using var alice = VirtualDevice.Start("alice", 1000);
            using var bob = VirtualDevice.Start("bob", 600);
            var clock = Stopwatch.StartNew();
            alice.Host.Send("dial bob@" + bob.Local);
            bob.Host.WaitFor("event incoming");
            bob.Host.Send("answer");
            bob.Host.WaitFor("event connected");
            double connectedBob = clock.Elapsed.TotalMilliseconds;
            alice.Host.WaitFor("event connected");
            double connectedAlice = clock.Elapsed.TotalMilliseconds;

            Thread.Sleep(PhaseMs);
            double aliceHolds = clock.Elapsed.TotalMilliseconds;
            alice.Host.Send("hold");
            bob.Host.WaitFor("event hold");
            alice.Host.WaitFor("event hold");
            Thread.Sleep(PhaseMs);
            double aliceResumes = clock.Elapsed.TotalMilliseconds;
            alice.Host.Send("resume");
            bob.Host.WaitFor("event resumed");
            alice.Host.WaitFor("event resumed");
            Thread.Sleep(PhaseMs);
            double bobHolds = clock.Elapsed.TotalMilliseconds;
            bob.Host.Send("hold");
            alice.Host.WaitFor("event hold");
            bob.Host.WaitFor("event hold");
            Thread.Sleep(PhaseMs);
            double bobResumes = clock.Elapsed.TotalMilliseconds;
            bob.Host.Send("resume");
            alice.Host.WaitFor("event resumed");
            bob.Host.WaitFor("event resumed");
            Thread.Sleep(PhaseMs);
            double end = clock.Elapsed.TotalMilliseconds;
            alice.Host.Send("hangup");
            bob.Host.WaitFor("event ended");
            alice.Host.WaitFor("event ended");
            alice.Host.Send("quit");
            bob.Host.Send("quit");
            Assert.Equal(0, alice.Host.WaitExit());
            Assert.Equal(0, bob.Host.WaitExit());

            Check("bob", new AudioTimeline(Audio.Read(bob.OutputWav)), connectedBob, 1000, aliceHolds, aliceResumes, bobHolds, bobResumes, end);
            Check("alice", new AudioTimeline(Audio.Read(alice.OutputWav)), connectedAlice, 600, aliceHolds, aliceResumes, bobHolds, bobResumes, end);
        }

        private static string Quiet(AudioTimeline t, int from, int to)
        {
            var sb = new System.Text.StringBuilder("; frames " + from + ".." + to + ", quiet:");
            for (int f = from; f < to && f < t.Frames; f++) if (t.Rms(f) <= 1000) sb.Append(' ').Append(f).Append('(').Append(t.Rms(f).ToString("0")).Append(')');
            return sb.ToString();
        }

        // Phases: talk | A holds | talk | B holds | talk. Signalling, the jitter buffer and the
        // anchor (first audio arrives some 100-200 ms after "connected") shift the WAV against the
        // test clock by up to a few hundred ms; the windows leave 400 ms margins at both ends.
        private static void Check(string who, AudioTimeline t, double connected, double hz,
            double hold1, double resume1, double hold2, double resume2, double end)
        {
            int anchor = t.FirstLoud();
            Assert.True(anchor >= 0, who + " heard nothing at all");
            int F(double ms) { return anchor + AudioTimeline.FrameOf(ms - connected); }
            const double m = 400;
            var talk = new[] { (connected + m, hold1 - m), (resume1 + m, hold2 - m), (resume2 + m, end - m) };
            var held = new[] { (hold1 + m, resume1 - m), (hold2 + m, resume2 - m) };
            foreach (var (a, b) in talk)
            {
                double share = t.LoudShare(F(a), F(b));
                Assert.True(share > 0.95, who + ": tone missing while talking (" + a.ToString("0") + ".." + b.ToString("0") + " ms): loud share " + share.ToString("0.00") + Quiet(t, F(a), F(b)));
                Assert.InRange(t.PeakHz(F(a), F(b)), hz * 0.98, hz * 1.02);
            }
            foreach (var (a, b) in held)
            {
                double share = t.LoudShare(F(a), F(b), 300);
                Assert.True(share == 0, who + ": audio while on hold (" + a.ToString("0") + ".." + b.ToString("0") + " ms): loud share " + share.ToString("0.00"));
            }
        }
    }
}
