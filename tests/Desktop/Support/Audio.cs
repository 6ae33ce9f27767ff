// Test audio helpers: writes tone WAVs (8 kHz mono 16-bit) and measures the dominant frequency
// of what a virtual device recorded, with a Goertzel scan (1 Hz steps around the strongest bin).
using System;
using System.IO;
using Endpoint.Hal.Simulation;

namespace Endpoint.Tests.Support
{
    public static class Audio
    {
        public static void WriteTone(string path, double hz, double seconds, double amplitude = 10000)
        {
            int n = (int)(8000 * seconds);
            short[] s = new short[n];
            for (int i = 0; i < n; i++) s[i] = (short)(amplitude * Math.Sin(2 * Math.PI * hz * i / 8000));
            WavFile.Write(path, 8000, s);
        }

        public static short[] Read(string path)
        {
            // The writer may still hold the file open; read a shared copy.
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return WavFile.Read(fs).Samples;
        }

        /// <summary>Samples whose magnitude exceeds the threshold.</summary>
        public static int LoudSamples(short[] s, int threshold = 1000)
        {
            int n = 0;
            foreach (short x in s) if (Math.Abs((int)x) > threshold) n++;
            return n;
        }

        /// <summary>
        /// Strongest frequency (Hz) over the loud part of the recording: 2 s from 100 ms after the
        /// first sample above 3/4 of the recording's peak, so locally played call-progress tones
        /// (ringback, dial tone: -13 dBm0, about half the test tones' level) before the call are skipped.
        /// </summary>
        public static double PeakHz(short[] s)
        {
            int peak = 0;
            foreach (short x in s) peak = Math.Max(peak, Math.Abs((int)x));
            int threshold = Math.Max(1000, peak * 3 / 4);
            int first = Array.FindIndex(s, x => Math.Abs((int)x) > threshold);
            if (first < 0) return 0;
            int start = Math.Min(first + 800, s.Length - 1);
            int len = Math.Min(16000, s.Length - start);
            if (len < 800) { start = first; len = Math.Min(16000, s.Length - first); }
            double best = 0, bestF = 0;
            for (double f = 100; f <= 3900; f += 5) { double p = Power(s, start, len, f); if (p > best) { best = p; bestF = f; } }
            for (double f = bestF - 5; f <= bestF + 5; f += 0.5) { double p = Power(s, start, len, f); if (p > best) { best = p; bestF = f; } }
            return bestF;
        }

        private static double Power(short[] s, int start, int len, double f)
        {
            double k = 2 * Math.Cos(2 * Math.PI * f / 8000), s1 = 0, s2 = 0;
            for (int i = start; i < start + len; i++) { double s0 = s[i] + k * s1 - s2; s2 = s1; s1 = s0; }
            return s1 * s1 + s2 * s2 - k * s1 * s2;
        }
    }
}
