using System;
using System.Collections.Generic;
using Endpoint.Media.Tones;
using Xunit;

namespace Endpoint.Tests.Media.Signal
{
    public class ToneTests
    {
        private static short[] Generate(ToneGenerator g, int samples, int frame = 160)
        {
            var x = new short[samples];
            for (int i = 0; i < samples; i += frame) g.Fill(x, i, Math.Min(frame, samples - i));
            return x;
        }

        /// <summary>
        /// On/off run lengths in ms from 1 ms RMS blocks, on when above 1 % of the tone amplitude
        /// (dual tones beat, so their envelope dips far below the peak; "off" is exact silence).
        /// </summary>
        private static List<int> Runs(short[] x, double expectedAmp, out bool startsOn)
        {
            var runs = new List<int>();
            bool? state = null;
            int len = 0;
            for (int b = 0; b + 8 <= x.Length; b += 8)
            {
                bool on = TestSignals.Rms(x, b, 8) > 0.01 * expectedAmp;
                if (state == null || on == state) len++;
                else
                {
                    runs.Add(len);
                    len = 1;
                }
                state = on;
            }
            runs.Add(len);
            startsOn = TestSignals.Rms(x, 0, 8) > 0.01 * expectedAmp;
            return runs;
        }

        /// <summary>Frequency (0.25 Hz steps within +/-25 Hz of hz) with the largest Goertzel amplitude.</summary>
        private static double PeakNear(short[] x, int start, int n, double hz)
        {
            double best = hz, bestA = -1;
            for (double f = hz - 25; f <= hz + 25; f += 0.25)
            {
                double a = TestSignals.ToneAmplitude(x, start, n, f);
                if (a > bestA)
                {
                    bestA = a;
                    best = f;
                }
            }
            return best;
        }

        // Expected values written out independently of ToneTable (from the national tone plans in
        // ITU-T E.180 Supplement 2): region, kind, f1, f2 (0 = single), level dBm0, segments ms.
        public static IEnumerable<object[]> AllTones()
        {
            var na = ToneRegion.NorthAmerica;
            yield return new object[] { na, ToneKind.Dial, 350, 440, -13, new int[0] };
            yield return new object[] { na, ToneKind.Ringback, 440, 480, -19, new[] { 2000, 4000 } };
            yield return new object[] { na, ToneKind.Busy, 480, 620, -24, new[] { 500, 500 } };
            yield return new object[] { na, ToneKind.Congestion, 480, 620, -24, new[] { 250, 250 } };
            yield return new object[] { na, ToneKind.CallWaiting, 440, 0, -13, new[] { 300, 9700 } };
            var eu = ToneRegion.Etsi;
            yield return new object[] { eu, ToneKind.Dial, 425, 0, -13, new int[0] };
            yield return new object[] { eu, ToneKind.Ringback, 425, 0, -13, new[] { 1000, 4000 } };
            yield return new object[] { eu, ToneKind.Busy, 425, 0, -13, new[] { 500, 500 } };
            yield return new object[] { eu, ToneKind.Congestion, 425, 0, -13, new[] { 250, 250 } };
            yield return new object[] { eu, ToneKind.CallWaiting, 425, 0, -13, new[] { 200, 200, 200, 4400 } };
            var uk = ToneRegion.UnitedKingdom;
            yield return new object[] { uk, ToneKind.Dial, 350, 440, -13, new int[0] };
            yield return new object[] { uk, ToneKind.Ringback, 400, 450, -13, new[] { 400, 200, 400, 2000 } };
            yield return new object[] { uk, ToneKind.Busy, 400, 0, -13, new[] { 375, 375 } };
            yield return new object[] { uk, ToneKind.Congestion, 400, 0, -13, new[] { 400, 350, 225, 525 } };
            yield return new object[] { uk, ToneKind.CallWaiting, 400, 0, -13, new[] { 100, 3000 } };
            var de = ToneRegion.Germany;
            yield return new object[] { de, ToneKind.Dial, 425, 0, -13, new int[0] };
            yield return new object[] { de, ToneKind.Ringback, 425, 0, -13, new[] { 1000, 4000 } };
            yield return new object[] { de, ToneKind.Busy, 425, 0, -13, new[] { 480, 480 } };
            yield return new object[] { de, ToneKind.Congestion, 425, 0, -13, new[] { 240, 240 } };
            yield return new object[] { de, ToneKind.CallWaiting, 425, 0, -13, new[] { 200, 200, 200, 5000 } };
        }

        [Fact]
        public void EveryRegionAndKindIsCovered()
        {
            int n = 0;
            foreach (object[] unused in AllTones()) n++;
            Assert.Equal(ToneTable.RegionCount * ToneTable.KindCount, n);
        }

        [Theory]
        [MemberData(nameof(AllTones))]
        public void FrequencyLevelAndCadenceMeasured(ToneRegion region, ToneKind kind, int f1, int f2, int levelDbm0, int[] segments)
        {
            ToneSpec spec = ToneTable.Get(region, kind);
            var g = new ToneGenerator();
            g.Start(spec);
            int period = 0;
            foreach (int seg in segments) period += seg;
            int ms = period == 0 ? 2000 : 2 * period;
            short[] x = Generate(g, ms * 8);
            double amp = TestSignals.Amp(levelDbm0);

            // frequency and level inside the first burst, away from the fades
            int burstMs = period == 0 ? 2000 : segments[0];
            int start = 8 * 10, n = 8 * (Math.Min(burstMs, 1000) - 20);
            double tolHz = n >= 8 * 200 ? 0.5 : 2.0;
            Assert.InRange(PeakNear(x, start, n, f1), f1 - tolHz, f1 + tolHz);
            Assert.InRange(TestSignals.ToneAmplitude(x, start, n, f1), amp * 0.97, amp * 1.03);
            double expectedPower = amp * amp / 2;
            if (f2 != 0)
            {
                Assert.InRange(PeakNear(x, start, n, f2), f2 - tolHz, f2 + tolHz);
                Assert.InRange(TestSignals.ToneAmplitude(x, start, n, f2), amp * 0.97, amp * 1.03);
                expectedPower *= 2;
            }
            // nothing else in the signal: the measured power is the tones' power
            double rms = TestSignals.Rms(x, start, n);
            Assert.InRange(rms * rms, expectedPower * 0.97, expectedPower * 1.03);

            // cadence: run lengths of the envelope equal the segments, repeated
            List<int> runs = Runs(x, amp, out bool startsOn);
            Assert.True(startsOn);
            if (period == 0)
            {
                Assert.Single(runs);
                return;
            }
            for (int i = 0; i < runs.Count; i++)
            {
                int expected = segments[i % segments.Length];
                Assert.True(Math.Abs(runs[i] - expected) <= 1, $"{ToneTable.RegionName(region)} {ToneTable.KindName(kind)} run {i}: {runs[i]} ms, expected {expected}");
            }
            Assert.Equal(2 * segments.Length, runs.Count);
        }

        [Fact]
        public void PhaseContinuousAcrossFramesAndFrameSizeIndependent()
        {
            ToneSpec spec = ToneTable.Get(ToneRegion.NorthAmerica, ToneKind.Busy);
            var a = new ToneGenerator();
            var b = new ToneGenerator();
            a.Start(spec);
            b.Start(spec);
            short[] xa = Generate(a, 8000, 160);
            short[] xb = Generate(b, 8000, 7);
            Assert.Equal(xa, xb);
            // no jump larger than the steepest slope of the two sines (plus interpolation slack)
            double amp = TestSignals.Amp(spec.LevelDbm0);
            double maxStep = amp * 2 * Math.PI * (480 + 620) / 8000 * 1.02 + 2;
            for (int i = 1; i < 4000; i++) Assert.True(Math.Abs(xa[i] - xa[i - 1]) <= maxStep, "step at " + i);
        }

        [Fact]
        public void BurstsFadeInAndOut()
        {
            var g = new ToneGenerator();
            g.Start(ToneTable.Get(ToneRegion.Etsi, ToneKind.Busy));
            short[] x = Generate(g, 8 * 1000);
            Assert.Equal(0, x[0]);
            Assert.True(Math.Abs(x[1]) < 1500);
            Assert.True(Math.Abs(x[3999]) < 1500, "last sample of the 500 ms burst is faded");
            Assert.Equal(0, x[4000]);
        }

        [Fact]
        public void ModulatedToneHasCarrierAndSidebands()
        {
            var spec = new ToneSpec("mod", 425, 25, ToneMix.Modulated, -10, Cadence.Continuous) { ModulationDepthPercent = 50 };
            var g = new ToneGenerator();
            g.Start(spec);
            short[] x = Generate(g, 8000);
            double a = TestSignals.Amp(-10);
            Assert.InRange(TestSignals.ToneAmplitude(x, 800, 6400, 425), a / 1.5 * 0.97, a / 1.5 * 1.03);
            Assert.InRange(TestSignals.ToneAmplitude(x, 800, 6400, 400), a / 6 * 0.95, a / 6 * 1.05);
            Assert.InRange(TestSignals.ToneAmplitude(x, 800, 6400, 450), a / 6 * 0.95, a / 6 * 1.05);
            Assert.True(TestSignals.ToneAmplitude(x, 800, 6400, 475) < a * 0.01);
        }

        [Fact]
        public void GainAndStop()
        {
            ToneSpec spec = ToneTable.Get(ToneRegion.Germany, ToneKind.Dial);
            var g = new ToneGenerator();
            g.Start(spec);
            g.GainDb = -6;
            short[] x = Generate(g, 4000);
            Assert.InRange(TestSignals.ToneAmplitude(x, 400, 3200, 425), TestSignals.Amp(-19) * 0.97, TestSignals.Amp(-19) * 1.03);
            Assert.True(g.Active && g.IsOn);
            g.Stop();
            Assert.False(g.Active);
            short[] y = Generate(g, 160);
            Assert.All(y, v => Assert.Equal(0, v));
        }

        [Fact]
        public void OneShotCadenceEnds()
        {
            var spec = new ToneSpec("beep", 1000, 0, ToneMix.Single, -10, new Cadence(new[] { 100, 50, 100 }, false));
            var g = new ToneGenerator();
            g.Start(spec);
            short[] x = Generate(g, 8 * 400);
            List<int> runs = Runs(x, TestSignals.Amp(-10), out bool on);
            Assert.True(on);
            Assert.Equal(new[] { 100, 50, 100, 150 }, runs.ToArray());
            Assert.False(g.Active);
        }

        [Fact]
        public void FillAllocatesNothing()
        {
            var g = new ToneGenerator();
            var frame = new short[160];
            g.Start(ToneTable.Get(ToneRegion.UnitedKingdom, ToneKind.Ringback));
            for (int i = 0; i < 10; i++) g.Fill(frame, 0, 160);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++) g.Fill(frame, 0, 160);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Theory]
        [InlineData(ToneRegion.NorthAmerica, new[] { 2000, 4000 })]
        [InlineData(ToneRegion.Etsi, new[] { 1000, 4000 })]
        [InlineData(ToneRegion.UnitedKingdom, new[] { 400, 200, 400, 2000 })]
        [InlineData(ToneRegion.Germany, new[] { 1000, 4000 })]
        public void RingCadenceTimer(ToneRegion region, int[] segments)
        {
            Cadence c = ToneTable.RingCadence(region);
            Assert.Equal(segments.Length, c.SegmentCount);
            var t = new CadenceTimer();
            Assert.False(t.IsOn(0));
            t.Start(c, 1000);
            long time = 1000;
            for (int period = 0; period < 3; period++)
            {
                for (int i = 0; i < segments.Length; i++)
                {
                    Assert.Equal((i & 1) == 0, t.IsOn(time));
                    Assert.Equal((i & 1) == 0, t.IsOn(time + segments[i] - 1));
                    Assert.Equal(time + segments[i], t.NextChangeMs(time));
                    time += segments[i];
                }
            }
            t.Stop();
            Assert.False(t.IsOn(time));
            Assert.Equal(long.MaxValue, t.NextChangeMs(time));
        }

        [Fact]
        public void InBandDtmfFromGeneratorIsDetected()
        {
            var sink = new RecordingSink();
            var det = new Endpoint.Media.Dtmf.DtmfDetector(sink);
            var g = new ToneGenerator();
            var frame = new short[160];
            foreach (char d in "123A456B789C*0#Dabcd")
            {
                g.Start(ToneTable.DtmfDigit(d, 60, 60, -8));
                for (int f = 0; f < 6; f++)
                {
                    g.Fill(frame, 0, 160);
                    det.Process(frame, 0, 160);
                }
                Assert.False(g.Active);
            }
            Assert.Equal("123A456B789C*0#DABCD", sink.ToString());
            Assert.Null(ToneTable.DtmfDigit('x', 60, 60, -8));
        }

        [Fact]
        public void RegionCodes()
        {
            Assert.True(ToneTable.TryParseRegion("US", out ToneRegion r));
            Assert.Equal(ToneRegion.NorthAmerica, r);
            Assert.True(ToneTable.TryParseRegion(" gb ", out r));
            Assert.Equal(ToneRegion.UnitedKingdom, r);
            Assert.True(ToneTable.TryParseRegion("de", out r));
            Assert.Equal(ToneRegion.Germany, r);
            Assert.True(ToneTable.TryParseRegion("etsi", out r));
            Assert.Equal(ToneRegion.Etsi, r);
            Assert.False(ToneTable.TryParseRegion("xx", out _));
            Assert.Throws<ArgumentException>(() => new Cadence(new[] { 100 }, true));
        }
    }
}
