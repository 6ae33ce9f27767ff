using System;
using Endpoint.Media.Dtmf;
using Xunit;

namespace Endpoint.Tests.Media.Signal
{
    public class DtmfDetectorTests
    {
        private static string Detect(short[] pcm, int frame = 160, DtmfDetectorConfig cfg = null)
        {
            var sink = new RecordingSink();
            var det = cfg == null ? new DtmfDetector(sink) : new DtmfDetector(sink, cfg);
            TestSignals.Feed(det, pcm, frame);
            return sink.ToString();
        }

        private static string DetectDigit(char d, double ms, double dbmRow = -10, double dbmCol = -10, double rowDev = 0, double colDev = 0, int lead = 0)
        {
            var t = new TestSignals.Track().Silence(50).Samples(lead).Digit(d, ms, dbmRow, dbmCol, rowDev, colDev).Silence(100);
            return Detect(t.Pcm());
        }

        [Fact]
        public void AllSixteenDigitsDetectedOnce()
        {
            foreach (char d in TestSignals.DigitChars)
            {
                Assert.Equal(d.ToString(), DetectDigit(d, 100));
            }
        }

        [Theory]
        [InlineData(0.015, 0.015)]
        [InlineData(-0.015, -0.015)]
        [InlineData(0.015, -0.015)]
        [InlineData(-0.015, 0.015)]
        [InlineData(0.015, 0)]
        [InlineData(0, -0.015)]
        public void FrequencyDeviationUpTo1point5PercentDetected(double rowDev, double colDev)
        {
            foreach (char d in TestSignals.DigitChars)
            {
                Assert.True(DetectDigit(d, 100, rowDev: rowDev, colDev: colDev) == d.ToString(), "digit " + d);
            }
        }

        [Theory]
        [InlineData(0.035, 0.035)]
        [InlineData(-0.035, -0.035)]
        [InlineData(0.035, 0)]
        [InlineData(-0.035, 0)]
        [InlineData(0, 0.035)]
        [InlineData(0, -0.035)]
        [InlineData(0.05, 0)]
        [InlineData(0, -0.05)]
        public void FrequencyDeviationOf3point5PercentRejected(double rowDev, double colDev)
        {
            foreach (char d in TestSignals.DigitChars)
            {
                Assert.True(DetectDigit(d, 100, rowDev: rowDev, colDev: colDev) == "", "digit " + d);
            }
        }

        [Theory]
        [InlineData(-3.0, -10.0)]   // low group 7 dB louder (normal twist)
        [InlineData(-10.0, -13.0)]  // low group 3 dB louder... within both
        [InlineData(-13.0, -10.0)]  // high group 3 dB louder (reverse twist)
        public void TwistWithinLimitsDetected(double dbmRow, double dbmCol)
        {
            foreach (char d in TestSignals.DigitChars)
            {
                Assert.True(DetectDigit(d, 100, dbmRow, dbmCol) == d.ToString(), "digit " + d);
            }
        }

        [Theory]
        [InlineData(-4.0, -14.0)]   // low group 10 dB louder
        [InlineData(-16.0, -10.0)]  // high group 6 dB louder
        public void TwistBeyondLimitsRejected(double dbmRow, double dbmCol)
        {
            foreach (char d in TestSignals.DigitChars)
            {
                Assert.True(DetectDigit(d, 100, dbmRow, dbmCol) == "", "digit " + d);
            }
        }

        [Fact]
        public void FortyMillisecondToneDetectedAtEveryAlignment()
        {
            foreach (char d in "1590*#D")
            {
                for (int lead = 0; lead < 40; lead += 3)
                {
                    Assert.True(DetectDigit(d, 40, lead: lead) == d.ToString(), "digit " + d + " lead " + lead);
                }
            }
        }

        [Theory]
        [InlineData(20)]
        [InlineData(23)]
        public void ShortTonesRejectedAtEveryAlignment(int ms)
        {
            foreach (char d in TestSignals.DigitChars)
            {
                for (int lead = 0; lead < 40; lead += 3)
                {
                    Assert.True(DetectDigit(d, ms, lead: lead) == "", "digit " + d + " lead " + lead);
                }
            }
        }

        [Fact]
        public void SequenceDetectedExactlyOnceEach()
        {
            var t = new TestSignals.Track().Silence(30).Digits("1234#", 60, 60);
            Assert.Equal("1234#", Detect(t.Pcm()));
        }

        [Fact]
        public void FastSequenceFortyOnFortyOff()
        {
            var t = new TestSignals.Track().Silence(30).Digits("1234567890*#ABCD", 40, 40);
            Assert.Equal("1234567890*#ABCD", Detect(t.Pcm()));
        }

        [Fact]
        public void RepeatedSameDigitSeparatedByPause()
        {
            var t = new TestSignals.Track().Silence(30).Digits("1155", 50, 40);
            Assert.Equal("1155", Detect(t.Pcm()));
        }

        [Fact]
        public void LongToneReportedOnce()
        {
            var t = new TestSignals.Track().Silence(30).Digit('7', 2000).Silence(100);
            Assert.Equal("7", Detect(t.Pcm()));
        }

        [Fact]
        public void TenMillisecondDropoutIsBridged()
        {
            for (int lead = 0; lead < 40; lead += 7)
            {
                var t = new TestSignals.Track().Silence(30).Samples(lead).Digit('5', 100).Silence(10).Digit('5', 100).Silence(100);
                Assert.Equal("5", Detect(t.Pcm()));
            }
        }

        [Fact]
        public void LevelRange()
        {
            Assert.Equal("8", DetectDigit('8', 100, -30, -30));
            Assert.Equal("8", DetectDigit('8', 100, -1, -1));
            Assert.Equal("", DetectDigit('8', 100, -45, -45));
        }

        [Fact]
        public void DetectedInModerateNoise()
        {
            // each tone at -10 dBm0 (rms ~5066), noise rms 20 dB below the pair
            var t = new TestSignals.Track().Silence(100).Digits("159#", 80, 80).AddNoise(716, 7);
            Assert.Equal("159#", Detect(t.Pcm()));
        }

        [Fact]
        public void WhiteNoiseNotDetected()
        {
            var t = new TestSignals.Track().Silence(20000).AddNoise(3000, 3);
            Assert.Equal("", Detect(t.Pcm()));
        }

        [Fact]
        public void SpeechLikeMixturesNotDetected()
        {
            // 200 segments of 150 ms: 6..14 sines with random frequencies 150..3400 Hz, random
            // amplitudes, with a syllable-like envelope. Some components fall near DTMF tones.
            var rnd = new Random(12345);
            int seg = 1200, segments = 200;
            var x = new double[seg * segments];
            for (int s = 0; s < segments; s++)
            {
                int n = 6 + rnd.Next(9);
                double f0 = 90 + rnd.NextDouble() * 160; // "pitch"
                for (int k = 0; k < n; k++)
                {
                    double hz = rnd.NextDouble() < 0.5 ? f0 * (1 + rnd.Next(30)) : 150 + rnd.NextDouble() * 3250;
                    if (hz > 3400) hz = 150 + rnd.NextDouble() * 3250;
                    TestSignals.AddSine(x, s * seg, seg, hz, 500 + rnd.NextDouble() * 4000, rnd.NextDouble() * 6.28);
                }
                for (int i = 0; i < seg; i++) x[s * seg + i] *= Math.Sin(Math.PI * i / seg);
            }
            Assert.Equal("", Detect(TestSignals.ToPcm(x)));
        }

        [Fact]
        public void OddFrameSizesGiveSameResult()
        {
            var pcm = new TestSignals.Track().Silence(30).Digits("*0#", 60, 60).Pcm();
            Assert.Equal("*0#", Detect(pcm, 37));
            Assert.Equal("*0#", Detect(pcm, 1));
            Assert.Equal("*0#", Detect(pcm, 320));
        }

        [Fact]
        public void ReportsDurationAndSource()
        {
            var sink = new RecordingSink();
            var det = new DtmfDetector(sink);
            TestSignals.Feed(det, new TestSignals.Track().Silence(20).Digit('9', 100).Silence(50).Pcm());
            Assert.Equal("9", sink.ToString());
            Assert.Equal(DtmfSource.InBand, sink.Sources[0]);
            Assert.InRange(sink.Durations[0], 32, 60);
            Assert.Equal('9', det.LastDigit);
            Assert.Equal('\0', det.CurrentDigit);
        }
    }
}
