// Jitter buffer: ordering, duplicates, late packets, loss + jitter (seeded), sender clock
// drift over 10,000 frames, SSRC and sequence resets, concealment gaps.
using System;
using Endpoint.Media.Codec;
using Endpoint.Media.Jitter;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Media.Core
{
    public class JitterBufferTests
    {
        private readonly ITestOutputHelper _out;
        public JitterBufferTests(ITestOutputHelper output) { _out = output; }

        private void Log(string what, JitterSim s)
        {
            JitterStats st = s.Buffer.Stats;
            _out.WriteLine(what + ": recv " + st.Received + " late " + st.Late + " dup " + st.Duplicates + " lost " + st.Lost +
                " concealed " + st.Concealed + " underruns " + st.Underruns + " dropped " + st.Dropped + " inserted " + st.Inserted +
                " resets " + st.Resets + " maxDepth " + s.MaxDepthMs + " maxInstant " + s.MaxInstantDepthMs + " maxTarget " + s.MaxTargetMs +
                " jitterMs " + s.Buffer.JitterMs + " depth " + s.Buffer.DepthMs + " target " + s.Buffer.TargetMs);
        }

        // Ids of the Audio frames in output order.
        private static int[] PlayedIds(JitterSim s)
        {
            var ids = new System.Collections.Generic.List<int>();
            for (int f = 0; f < s.Frames; f++)
                if (s.Kinds[f] == JitterFrameKind.Audio) ids.Add(JitterSim.IdOf(s.Output[f * 160 + 80]));
            return ids.ToArray();
        }

        [Fact]
        public void SteadyStreamPlaysEveryFrameInOrder()
        {
            var s = new JitterSim { Frames = 500, Tone = false }.Run();
            Log("steady", s);
            int[] ids = PlayedIds(s);
            Assert.True(ids.Length >= 490);
            for (int i = 1; i < ids.Length; i++) Assert.Equal((ids[i - 1] + 1) % 100, ids[i]);
            Assert.Equal(0, s.Buffer.Stats.Lost);
            Assert.Equal(0, s.Buffer.Stats.Late);
            Assert.Equal(0, s.Buffer.Stats.Concealed);
            Assert.InRange(s.Buffer.DepthMs, 20, 60);
        }

        [Fact]
        public void ReorderedPacketsPlayInOrder()
        {
            // every odd packet overtakes its predecessor by 15 ms
            int[] extra = new int[600];
            for (int k = 0; k < extra.Length; k += 2) extra[k] = 15;
            var s = new JitterSim { Frames = 500, Tone = false, ExtraDelayForPacket = extra }.Run();
            Log("reorder", s);
            int[] ids = PlayedIds(s);
            Assert.True(ids.Length >= 480);
            for (int i = 1; i < ids.Length; i++) Assert.Equal((ids[i - 1] + 1) % 100, ids[i]);
            Assert.Equal(0, s.Buffer.Stats.Late);
            Assert.Equal(0, s.Buffer.Stats.Lost);
        }

        [Fact]
        public void DuplicatesAreDropped()
        {
            var s = new JitterSim { Frames = 500, Tone = false, DuplicateRate = 0.2, Seed = 4 }.Run();
            Log("dups", s);
            Assert.InRange(s.Buffer.Stats.Duplicates, 70, 130);
            int[] ids = PlayedIds(s);
            for (int i = 1; i < ids.Length; i++) Assert.Equal((ids[i - 1] + 1) % 100, ids[i]);
        }

        [Fact]
        public void LatePacketIsDroppedAndTheTargetGrows()
        {
            int[] extra = new int[200];
            extra[100] = 300; // packet 100 arrives 300 ms late
            var s = new JitterSim { Frames = 160, Tone = false, ExtraDelayForPacket = extra }.Run();
            Log("late", s);
            Assert.Equal(1, s.Buffer.Stats.Late);
            Assert.Equal(1, s.Buffer.Stats.Lost);
            Assert.True(s.MaxTargetMs >= 40, "a late packet raises the target by a frame");
            int[] ids = PlayedIds(s);
            Assert.DoesNotContain(100 % 100, ids[80..^1]); // id 0 (packet 100) never played
        }

        [Fact]
        public void LossAndJitter40Plus20()
        {
            var s = new JitterSim { Frames = 3000, LossRate = 0.05, BaseDelayMs = 40, JitterMs = 20, Seed = 12345 }.Run();
            Log("loss5%+jitter40±20", s);
            JitterStats st = s.Buffer.Stats;
            int first = s.FirstAudioFrame();
            Assert.InRange(first, 0, 10);
            Assert.InRange(st.Lost, 3000 * 3 / 100, 3000 * 8 / 100);   // ~5 % lost
            Assert.True(st.Late < 3000 / 100, "late packets under 1 %");
            Assert.InRange(s.Buffer.JitterMs, 8, 20);                   // RFC 3550 jitter of uniform ±20 ms is ~13 ms
            Assert.InRange(s.MaxDepthMs, 40, 200);
            Assert.True(s.LongestSilentRun(first) <= 3, "no silence longer than 3 frames");
            double hz = ToneMeter.ZeroCrossingHz(s.Output, (first + 20) * 160, (3000 - first - 40) * 160, 8000);
            Assert.InRange(hz, 980, 1020);
        }

        [Theory]
        [InlineData(0.995, "fast")]
        [InlineData(1.005, "slow")]
        public void SenderClockDriftKeepsDepthBounded(double periodFactor, string name)
        {
            var s = new JitterSim { Frames = 10000, SenderPeriodMs = 20.0 * periodFactor, JitterMs = 5, Seed = 77 }.Run();
            Log("drift " + name, s);
            JitterStats st = s.Buffer.Stats;
            Assert.True(s.MaxDepthMs <= 120, "depth stays bounded");
            Assert.True(s.MaxInstantDepthMs <= 200);
            if (periodFactor < 1) Assert.InRange(st.Dropped, 35, 80);   // ~50 surplus frames over 10,000
            else Assert.InRange(st.Inserted + st.Underruns, 35, 80);    // ~50 missing frames
            Assert.Equal(0, st.Resets);
            Assert.True(s.LongestSilentRun(s.FirstAudioFrame()) <= 1);
        }

        [Fact]
        public void SsrcChangeFlushesAndRestarts()
        {
            var jb = new JitterBuffer(new PcmuCodec(), new JitterBufferConfig());
            byte[] p = new byte[160];
            short[] f = new short[160];
            for (int i = 0; i < 160; i++) p[i] = JitterSim.IdCode(1);
            long t = 0;
            for (int k = 0; k < 50; k++, t += 20)
            {
                jb.Put(p, 0, 160, k, (uint)(160 * k), 111, t);
                jb.GetFrame(t + 10, f, 0);
            }
            Assert.True(jb.IsPlaying);
            for (int i = 0; i < 160; i++) p[i] = JitterSim.IdCode(2);
            Assert.Equal(JitterPutResult.StoredAfterReset, jb.Put(p, 0, 160, 9000, 777777, 222, t));
            Assert.Equal(1, jb.Stats.Resets);
            Assert.False(jb.IsPlaying);
            int played2 = 0;
            for (int k = 1; k < 20; k++, t += 20)
            {
                jb.Put(p, 0, 160, 9000 + k, (uint)(777777 + 160 * k), 222, t);
                if (jb.GetFrame(t + 10, f, 0) == JitterFrameKind.Audio && JitterSim.IdOf(f[80]) == 2) played2++;
            }
            Assert.True(played2 >= 15);
        }

        [Fact]
        public void SequenceJumpsRestart()
        {
            var jb = new JitterBuffer(new PcmuCodec(), new JitterBufferConfig());
            byte[] p = new byte[160];
            short[] f = new short[160];
            long t = 0;
            for (int k = 0; k < 20; k++, t += 20) { jb.Put(p, 0, 160, k, (uint)(160 * k), 1, t); jb.GetFrame(t, f, 0); }
            Assert.Equal(JitterPutResult.StoredAfterReset, jb.Put(p, 0, 160, 30000, 3200, 1, t)); // forward jump
            Assert.Equal(1, jb.Stats.Resets);
            // backward restart: one stale packet is dropped, the second sequential one restarts
            Assert.Equal(JitterPutResult.Stored, jb.Put(p, 0, 160, 30001, 3360, 1, t + 20));
            Assert.Equal(JitterPutResult.Late, jb.Put(p, 0, 160, 500, 3520, 1, t + 40));
            Assert.Equal(JitterPutResult.StoredAfterReset, jb.Put(p, 0, 160, 501, 3680, 1, t + 60));
            Assert.Equal(2, jb.Stats.Resets);
            // timestamp jump far ahead with continuous sequence
            Assert.Equal(JitterPutResult.Stored, jb.Put(p, 0, 160, 502, 3840, 1, t + 80));
            for (int i = 0; i < 5; i++) jb.GetFrame(t + 100 + 20 * i, f, 0);
            Assert.True(jb.IsPlaying);
            Assert.Equal(JitterPutResult.StoredAfterReset, jb.Put(p, 0, 160, 503, 3840 + 8000 * 10, 1, t + 200));
            Assert.Equal(3, jb.Stats.Resets);
        }

        [Fact]
        public void RefusesOversizedAndEmptyPayloads()
        {
            var jb = new JitterBuffer(new PcmuCodec(), new JitterBufferConfig { MaxPayloadBytes = 320 });
            Assert.Equal(JitterPutResult.Refused, jb.Put(new byte[400], 0, 321, 1, 0, 1, 0));
            Assert.Equal(JitterPutResult.Refused, jb.Put(new byte[4], 0, 0, 1, 0, 1, 0));
            Assert.Equal(2, jb.Stats.Refused);
        }

        [Fact]
        public void FortyMsPacketsAreSplitIntoTwentyMsFrames()
        {
            var codec = new PcmuCodec();
            var jb = new JitterBuffer(codec, new JitterBufferConfig());
            byte[] p = new byte[320];
            short[] f = new short[160];
            long t = 0;
            int ok = 0, k = 0;
            for (int frame = 0; frame < 200; frame++, t += 20)
            {
                if (frame % 2 == 0)
                {
                    for (int i = 0; i < 320; i++) p[i] = JitterSim.IdCode(i < 160 ? 2 * k : 2 * k + 1);
                    jb.Put(p, 0, 320, k, (uint)(320 * k), 5, t + 3);
                    k++;
                }
                if (jb.GetFrame(t + 10, f, 0) == JitterFrameKind.Audio) ok++;
            }
            Assert.True(ok >= 190);
            Assert.Equal(0, jb.Stats.Lost);
        }

        [Fact]
        public void SingleLossesAreConcealedWithoutSilence()
        {
            // every 10th packet lost, a continuous tone: concealment must bridge each gap
            var s = new JitterSim { Frames = 1000, LossRate = 0, Seed = 3 };
            int[] extra = new int[1100];
            for (int k = 5; k < extra.Length; k += 10) extra[k] = 100000; // never arrives in time
            s.ExtraDelayForPacket = extra;
            s.Run();
            Log("single losses", s);
            int first = s.FirstAudioFrame();
            Assert.Equal(0, s.LongestSilentRun(first));
            Assert.InRange(s.Buffer.Stats.Lost, 90, 105);
            double hz = ToneMeter.ZeroCrossingHz(s.Output, (first + 5) * 160, (1000 - first - 10) * 160, 8000);
            Assert.InRange(hz, 990, 1010);
        }
    }
}
