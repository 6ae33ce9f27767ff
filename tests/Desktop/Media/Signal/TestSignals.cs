// Test-only signal helpers: dual tones at a dBm0 level, silence, noise, speech-like mixtures of
// random sines, a double-precision Goertzel for measurements, and a recording digit sink.
// Independent of the firmware tone generator so measurements do not test code with itself.
using System;
using System.Collections.Generic;
using System.Text;
using Endpoint.Media.Dtmf;

namespace Endpoint.Tests.Media.Signal
{
    internal static class TestSignals
    {
        public const double ZeroDbm0Peak = 22657.0;
        public const string DigitChars = "123A456B789C*0#D";
        public static readonly int[] RowHz = { 697, 770, 852, 941 };
        public static readonly int[] ColHz = { 1209, 1336, 1477, 1633 };

        public static double Amp(double dbm0) => ZeroDbm0Peak * Math.Pow(10, dbm0 / 20.0);

        public static void DigitFreqs(char d, out double row, out double col)
        {
            int i = DigitChars.IndexOf(d);
            if (i < 0) throw new ArgumentException("not a digit: " + d);
            row = RowHz[i / 4];
            col = ColHz[i % 4];
        }

        /// <summary>Adds a sum of sines into buf[start, start+count).</summary>
        public static void AddSine(double[] buf, int start, int count, double hz, double amp, double phase = 0)
        {
            for (int i = 0; i < count; i++) buf[start + i] += amp * Math.Sin(2 * Math.PI * hz * i / 8000.0 + phase);
        }

        public static short[] ToPcm(double[] x)
        {
            var s = new short[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                double v = Math.Round(x[i]);
                s[i] = (short)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
            }
            return s;
        }

        /// <summary>A schedule builder: tones and silences appended in order.</summary>
        public sealed class Track
        {
            private readonly List<double> _x = new List<double>();
            public int Length => _x.Count;

            public Track Silence(double ms) { int n = (int)Math.Round(ms * 8); for (int i = 0; i < n; i++) _x.Add(0); return this; }
            public Track Samples(int n) { for (int i = 0; i < n; i++) _x.Add(0); return this; }

            public Track Dual(double f1, double f2, double ms, double dbm1 = -10, double dbm2 = -10)
            {
                int n = (int)Math.Round(ms * 8);
                double a1 = Amp(dbm1), a2 = Amp(dbm2);
                for (int i = 0; i < n; i++) _x.Add(a1 * Math.Sin(2 * Math.PI * f1 * i / 8000.0) + a2 * Math.Sin(2 * Math.PI * f2 * i / 8000.0 + 1.0));
                return this;
            }

            public Track Digit(char d, double ms, double dbmRow = -10, double dbmCol = -10, double rowDev = 0, double colDev = 0)
            {
                DigitFreqs(d, out double r, out double c);
                return Dual(r * (1 + rowDev), c * (1 + colDev), ms, dbmRow, dbmCol);
            }

            public Track Digits(string digits, double onMs, double offMs)
            {
                foreach (char d in digits) Digit(d, onMs).Silence(offMs);
                return this;
            }

            /// <summary>Adds Gaussian-ish white noise (sum of 4 uniforms) at an rms level over the whole track.</summary>
            public Track AddNoise(double rms, int seed)
            {
                var rnd = new Random(seed);
                for (int i = 0; i < _x.Count; i++)
                {
                    double u = rnd.NextDouble() + rnd.NextDouble() + rnd.NextDouble() + rnd.NextDouble() - 2.0;
                    _x[i] += u * rms * Math.Sqrt(3.0);
                }
                return this;
            }

            public short[] Pcm() => ToPcm(_x.ToArray());
        }

        /// <summary>Feeds samples in frames of <paramref name="frame"/> samples.</summary>
        public static void Feed(DtmfDetector d, short[] pcm, int frame = 160)
        {
            for (int i = 0; i < pcm.Length; i += frame) d.Process(pcm, i, Math.Min(frame, pcm.Length - i));
        }

        /// <summary>Goertzel power of x[start, start+n) at hz, normalised so a sine of amplitude A gives A.</summary>
        public static double ToneAmplitude(short[] x, int start, int n, double hz)
        {
            double w = 2 * Math.PI * hz / 8000.0, c = 2 * Math.Cos(w), s1 = 0, s2 = 0;
            for (int i = 0; i < n; i++)
            {
                double s0 = x[start + i] + c * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double p = s1 * s1 + s2 * s2 - c * s1 * s2;
            return 2 * Math.Sqrt(Math.Max(p, 0)) / n;
        }

        public static double Rms(short[] x, int start, int n)
        {
            double e = 0;
            for (int i = 0; i < n; i++) e += (double)x[start + i] * x[start + i];
            return Math.Sqrt(e / Math.Max(n, 1));
        }
    }

    internal sealed class RecordingSink : IDigitSink
    {
        public readonly StringBuilder Digits = new StringBuilder();
        public readonly List<int> Durations = new List<int>();
        public readonly List<DtmfSource> Sources = new List<DtmfSource>();

        public void OnDigit(char digit, int durationMs, DtmfSource source)
        {
            Digits.Append(digit);
            Durations.Add(durationMs);
            Sources.Add(source);
        }

        public override string ToString() => Digits.ToString();
    }
}
