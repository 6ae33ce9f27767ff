// What a virtual device's speaker WAV held over time. The device writes one 20 ms frame (160
// samples at 8 kHz) per audio tick from its start, in real time, so frame index ≈ milliseconds /
// 20 since the device started. A test anchors the WAV to its own clock at a known moment (the
// first loud frame after "event connected") and then asks about wall-clock windows.
using System;

namespace Endpoint.Tests.Support
{
    public sealed class AudioTimeline
    {
        public const int FrameSamples = 160;
        private readonly short[] _s;

        public AudioTimeline(short[] samples)
        {
            _s = samples;
            Frames = samples.Length / FrameSamples;
        }

        public int Frames { get; }

        public short[] Samples { get { return _s; } }

        /// <summary>Root-mean-square level of 20 ms frame <paramref name="f"/>.</summary>
        public double Rms(int f)
        {
            double sum = 0;
            for (int i = f * FrameSamples; i < (f + 1) * FrameSamples; i++) sum += (double)_s[i] * _s[i];
            return Math.Sqrt(sum / FrameSamples);
        }

        /// <summary>First frame at or after <paramref name="from"/> whose level exceeds <paramref name="rms"/>, or -1.</summary>
        public int FirstLoud(int from = 0, double rms = 1000)
        {
            for (int f = Math.Max(0, from); f < Frames; f++) if (Rms(f) > rms) return f;
            return -1;
        }

        /// <summary>Share (0..1) of frames in [from, to) louder than <paramref name="rms"/>.</summary>
        public double LoudShare(int from, int to, double rms = 1000)
        {
            from = Math.Max(0, from);
            to = Math.Min(Frames, to);
            if (to <= from) throw new ArgumentException("empty window " + from + ".." + to + " of " + Frames + " frames");
            int n = 0;
            for (int f = from; f < to; f++) if (Rms(f) > rms) n++;
            return (double)n / (to - from);
        }

        /// <summary>Longest run of samples in [fromFrame, toFrame) whose magnitude stays at or below <paramref name="threshold"/>, in ms.</summary>
        public double LongestQuietMs(int fromFrame, int toFrame, int threshold = 300)
        {
            int from = Math.Max(0, fromFrame) * FrameSamples, to = Math.Min(Frames, toFrame) * FrameSamples;
            int best = 0, run = 0;
            for (int i = from; i < to; i++)
            {
                if (Math.Abs((int)_s[i]) <= threshold) { run++; if (run > best) best = run; }
                else run = 0;
            }
            return best / 8.0;
        }

        /// <summary>Dominant frequency (Hz) in [from, to) frames.</summary>
        public double PeakHz(int from, int to)
        {
            from = Math.Max(0, from);
            to = Math.Min(Frames, to);
            short[] part = new short[(to - from) * FrameSamples];
            Array.Copy(_s, from * FrameSamples, part, 0, part.Length);
            return Audio.PeakHz(part);
        }

        public static int FrameOf(double ms) { return (int)Math.Round(ms / 20.0); }
    }
}
