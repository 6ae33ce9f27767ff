using System;
using Endpoint.Media.Echo;
using Xunit;

namespace Endpoint.Tests.Media.Signal
{
    public class EchoSuppressorTests
    {
        private const int Frame = 160;

        /// <summary>Speech-like far-end signal: a few harmonics with a syllable envelope, at about -16 dBm0.</summary>
        private static double[] FarSpeech(int samples, int seed)
        {
            var rnd = new Random(seed);
            var x = new double[samples];
            for (int s = 0; s < samples; s += 1600)
            {
                double f0 = 100 + rnd.NextDouble() * 120;
                int n = Math.Min(1600, samples - s);
                for (int h = 1; h <= 6; h++) TestSignals.AddSine(x, s, n, f0 * h, 3000.0 / h, rnd.NextDouble() * 6);
                for (int i = 0; i < n; i++) x[s + i] *= 0.6 + 0.4 * Math.Sin(Math.PI * i / n);
            }
            return x;
        }

        /// <summary>The microphone hears the far end through the room: delayed and scaled.</summary>
        private static double[] Echo(double[] far, int delaySamples, double gain)
        {
            var y = new double[far.Length];
            for (int i = delaySamples; i < far.Length; i++) y[i] = far[i - delaySamples] * gain;
            return y;
        }

        private static short[] Run(EchoSuppressor es, short[] mic, short[] spk, int[] attPerFrame = null)
        {
            var outp = (short[])mic.Clone();
            for (int f = 0; f * Frame < mic.Length; f++)
            {
                es.Process(outp, f * Frame, spk, f * Frame, Frame);
                if (attPerFrame != null) attPerFrame[f] = es.AttenuationDb;
            }
            return outp;
        }

        private static double Db(double ratio) => 10 * Math.Log10(ratio);

        private static double Power(short[] x, int from, int n)
        {
            double e = 0;
            for (int i = from; i < from + n; i++) e += (double)x[i] * x[i];
            return e / n;
        }

        [Fact]
        public void FarEndEchoIsAttenuated()
        {
            int n = 8000 * 2;
            double[] far = FarSpeech(n, 1);
            short[] spk = TestSignals.ToPcm(far);
            short[] mic = TestSignals.ToPcm(Echo(far, 8 * 30, 0.5));
            var es = new EchoSuppressor(new EchoSuppressorConfig());
            short[] outp = Run(es, mic, spk);
            // after the first frame the echo is down by (nearly) the full 30 dB
            double reduction = Db(Power(mic, Frame, n - Frame) / Power(outp, Frame, n - Frame));
            Assert.InRange(reduction, 28.0, 31.0);
            Assert.True(es.FarActive && es.Suppressing && !es.DoubleTalk);
            Assert.Equal(30, es.AttenuationDb);
        }

        [Fact]
        public void NearEndAlonePassesBitExact()
        {
            int n = 8000;
            short[] near = TestSignals.ToPcm(FarSpeech(n, 2));
            short[] spk = new short[n];
            var es = new EchoSuppressor(new EchoSuppressorConfig());
            short[] outp = Run(es, near, spk);
            Assert.Equal(near, outp);
            Assert.False(es.Suppressing);
        }

        [Fact]
        public void QuietFarEndNoiseDoesNotSuppress()
        {
            int n = 8000;
            short[] near = TestSignals.ToPcm(FarSpeech(n, 3));
            short[] spk = new TestSignals.Track().Silence(1000).AddNoise(30, 5).Pcm(); // about -57 dBm0
            var es = new EchoSuppressor(new EchoSuppressorConfig());
            Assert.Equal(near, Run(es, near, spk));
        }

        [Theory]
        [InlineData(150)]
        [InlineData(300)]
        public void HangoverThenRelease(int hangoverMs)
        {
            // far talks for 1 s then stops; the mic keeps a 40 ms echo tail; near-end speech starts
            // only after the hangover
            int n = 8000 * 2, farEnd = 8000;
            double[] far = FarSpeech(n, 4);
            for (int i = farEnd; i < n; i++) far[i] = 0;
            double[] mic = Echo(far, 8 * 40, 0.5);
            double[] near = FarSpeech(n, 9);
            for (int i = farEnd + 8 * (hangoverMs + 100); i < n; i++) mic[i] += near[i] * 0.3;
            var cfg = new EchoSuppressorConfig { HangoverMs = hangoverMs };
            var es = new EchoSuppressor(cfg);
            int[] att = new int[n / Frame];
            Run(es, TestSignals.ToPcm(mic), TestSignals.ToPcm(far), att);
            int stopFrame = farEnd / Frame;                        // first frame without far speech
            int hangFrames = (hangoverMs * 8 + Frame - 1) / Frame; // hangover rounded up to frames
            for (int f = stopFrame; f < stopFrame + hangFrames; f++) Assert.Equal(30, att[f]);
            // released within the release time (50 ms = 2.5 frames) after the hangover
            Assert.True(att[stopFrame + hangFrames] < 30, "release starts when the hangover ends");
            for (int f = stopFrame + hangFrames + 3; f < att.Length; f++) Assert.Equal(0, att[f]);
        }

        [Fact]
        public void NearEndBreaksInDuringHangover()
        {
            int n = 8000 * 2, farEnd = 8000;
            double[] far = FarSpeech(n, 4);
            for (int i = farEnd; i < n; i++) far[i] = 0;
            double[] mic = Echo(far, 8 * 40, 0.5);
            double[] near = FarSpeech(n, 9);
            for (int i = farEnd + 8 * 80; i < n; i++) mic[i] += near[i] * 0.5;
            var es = new EchoSuppressor(new EchoSuppressorConfig { HangoverMs = 400 });
            int[] att = new int[n / Frame];
            Run(es, TestSignals.ToPcm(mic), TestSignals.ToPcm(far), att);
            int speechFrame = (farEnd + 8 * 80) / Frame;
            Assert.Equal(30, att[speechFrame - 1]);
            Assert.Equal(0, att[speechFrame + 6]); // well before the 400 ms hangover would end
        }

        [Fact]
        public void DoubleTalkFavoursNearEnd()
        {
            int n = 8000 * 2;
            double[] far = FarSpeech(n, 5);
            double[] mic = Echo(far, 8 * 30, 0.3);
            double[] near = FarSpeech(n, 6);
            for (int i = 4000; i < n; i++) mic[i] += near[i] * 4; // near end ~12 dB louder than the far end
            short[] micPcm = TestSignals.ToPcm(mic);
            var es = new EchoSuppressor(new EchoSuppressorConfig());
            int[] att = new int[n / Frame];
            short[] outp = Run(es, micPcm, TestSignals.ToPcm(far), att);
            Assert.Equal(30, att[20]);
            int passed = 0, frames = 0;
            for (int f = 4000 / Frame + 3; f < att.Length; f++)
            {
                frames++;
                if (att[f] == 0) passed++;
            }
            Assert.True(passed >= frames * 9 / 10, $"near end passed in {passed} of {frames} frames");
            double loss = Db(Power(micPcm, 5000, n - 5000) / Power(outp, 5000, n - 5000));
            Assert.True(loss < 2.0, "near-end speech loss " + loss + " dB");
        }

        [Fact]
        public void GainRampIsSmooth()
        {
            // constant mic signal, far end switching on: the gain must move without steps
            int n = 8000;
            short[] mic = new short[n];
            for (int i = 0; i < n; i++) mic[i] = 10000;
            short[] spk = new short[n];
            double[] far = FarSpeech(n, 7);
            for (int i = 1600; i < 4800; i++) spk[i] = (short)far[i];
            var es = new EchoSuppressor(new EchoSuppressorConfig { DoubleTalkMarginDb = 60 });
            short[] outp = Run(es, mic, spk);
            int maxStep = 0;
            for (int i = 1; i < n; i++) maxStep = Math.Max(maxStep, Math.Abs(outp[i] - outp[i - 1]));
            Assert.True(maxStep <= 64, "largest step " + maxStep); // 10000 -> 316 spread over one 160-sample frame: ~61 per sample
            Assert.InRange((int)outp[1600 + 200], 300, 330);        // -30 dB of 10000
            Assert.Equal(10000, outp[n - 1]);                       // released again
        }

        [Fact]
        public void DisabledPassesButKeepsTracking()
        {
            int n = 4000;
            double[] far = FarSpeech(n, 8);
            short[] mic = TestSignals.ToPcm(Echo(far, 100, 0.5));
            var es = new EchoSuppressor(new EchoSuppressorConfig { Enabled = false });
            Assert.Equal(mic, Run(es, mic, TestSignals.ToPcm(far)));
            Assert.True(es.Suppressing);
        }

        [Fact]
        public void AllocatesNothingPerFrame()
        {
            var es = new EchoSuppressor(new EchoSuppressorConfig());
            short[] mic = TestSignals.ToPcm(FarSpeech(Frame, 1));
            short[] spk = TestSignals.ToPcm(FarSpeech(Frame, 2));
            for (int i = 0; i < 10; i++) es.Process(mic, 0, spk, 0, Frame);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++) es.Process(mic, 0, spk, 0, Frame);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
