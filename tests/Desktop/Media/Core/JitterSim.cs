// A deterministic network + playout simulation for the jitter-buffer tests: a sender emitting
// 20 ms G.711 packets (optionally with clock drift), a lossy, jittery, duplicating network and a
// receiver pulling one frame every 20 ms, with 1 ms time resolution.
using System;
using Endpoint.Media.Codec;
using Endpoint.Media.Jitter;

namespace Endpoint.Tests.Media.Core
{
    public sealed class JitterSim
    {
        public int Frames = 1000;
        public double SenderPeriodMs = 20.0;     // 20 * (1 - 0.005) for a sender 0.5 % fast
        public int BaseDelayMs = 40;
        public int JitterMs;                      // uniform in [-JitterMs, +JitterMs]
        public double LossRate;
        public double DuplicateRate;
        public uint Seed = 1;
        public bool Tone = true;                  // 1 kHz tone; otherwise frame k is the constant code IdCode(k)
        public int[] ExtraDelayForPacket;         // optional per-packet extra delay (ms)
        public JitterBufferConfig Config = new JitterBufferConfig();

        public JitterBuffer Buffer;
        public short[] Output;                    // Frames * 160 samples
        public JitterFrameKind[] Kinds;
        public int MaxDepthMs;
        public int MaxInstantDepthMs;
        public int MaxTargetMs;
        public int PacketsSent;

        public static byte IdCode(int k) { return (byte)(0x80 + 8 + (k % 100)); }

        public static int IdOf(short sample)
        {
            for (int c = 0x88; c < 0x88 + 100; c++) if (G711.ULawToLinear(c) == sample) return c - 0x88;
            return -1;
        }

        public JitterSim Run()
        {
            var codec = new PcmuCodec();
            Buffer = new JitterBuffer(codec, Config);
            var rnd = new TestRandom(Seed);
            int packets = (int)(Frames * 20.0 / SenderPeriodMs) + 10;
            var arrival = new long[packets * 2];
            var index = new int[packets * 2];
            int n = 0;
            for (int k = 0; k < packets; k++)
            {
                if (rnd.Next(1000000) < (int)(LossRate * 1000000)) continue;
                long send = (long)Math.Round(k * SenderPeriodMs);
                long d = BaseDelayMs + (JitterMs > 0 ? rnd.Next(2 * JitterMs + 1) - JitterMs : 0);
                if (ExtraDelayForPacket != null && k < ExtraDelayForPacket.Length) d += ExtraDelayForPacket[k];
                arrival[n] = send + d; index[n] = k; n++;
                if (rnd.Next(1000000) < (int)(DuplicateRate * 1000000))
                {
                    arrival[n] = send + d + rnd.Next(30); index[n] = k; n++;
                }
            }
            Array.Sort(arrival, index, 0, n);
            PacketsSent = packets;
            Output = new short[Frames * 160];
            Kinds = new JitterFrameKind[Frames];
            short[] pcm = new short[160];
            byte[] payload = new byte[160];
            short[] frame = new short[160];
            int next = 0;
            int pulled = 0;
            long endMs = (long)Frames * 20 + 200;
            for (long t = 0; t < endMs && pulled < Frames; t++)
            {
                while (next < n && arrival[next] <= t)
                {
                    int k = index[next++];
                    if (Tone)
                    {
                        for (int i = 0; i < 160; i++) pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * (k * 160 + i) / 8000.0));
                        codec.Encode(pcm, 0, 160, payload, 0);
                    }
                    else
                    {
                        for (int i = 0; i < 160; i++) payload[i] = IdCode(k);
                    }
                    Buffer.Put(payload, 0, 160, (1000 + k) & 0xFFFF, (uint)(5000 + 160 * k), 0x1234, t);
                }
                if (t % 20 == 0 && t > 0)
                {
                    Kinds[pulled] = Buffer.GetFrame(t, frame, 0);
                    Array.Copy(frame, 0, Output, pulled * 160, 160);
                    pulled++;
                    MaxDepthMs = Math.Max(MaxDepthMs, Buffer.DepthMs);
                    MaxInstantDepthMs = Math.Max(MaxInstantDepthMs, Buffer.InstantDepthMs);
                    MaxTargetMs = Math.Max(MaxTargetMs, Buffer.TargetMs);
                }
            }
            return this;
        }

        /// <summary>Longest run of consecutive frames after playout started whose peak is below 100.</summary>
        public int LongestSilentRun(int fromFrame)
        {
            int best = 0, run = 0;
            for (int f = fromFrame; f < Frames; f++)
            {
                int peak = 0;
                for (int i = 0; i < 160; i++) peak = Math.Max(peak, Math.Abs((int)Output[f * 160 + i]));
                if (peak < 100) { run++; best = Math.Max(best, run); } else run = 0;
            }
            return best;
        }

        public int FirstAudioFrame()
        {
            for (int f = 0; f < Frames; f++) if (Kinds[f] == JitterFrameKind.Audio) return f;
            return -1;
        }
    }

    /// <summary>Frequency estimate by counting zero crossings (linear interpolation at each crossing).</summary>
    public static class ToneMeter
    {
        public static double ZeroCrossingHz(short[] s, int from, int count, int rate)
        {
            double first = -1, last = -1;
            int crossings = 0;
            for (int i = from + 1; i < from + count; i++)
            {
                if (s[i - 1] < 0 && s[i] >= 0)
                {
                    double pos = i - 1 + (double)(-s[i - 1]) / (s[i] - s[i - 1]);
                    if (first < 0) first = pos; else crossings++;
                    last = pos;
                }
            }
            if (crossings == 0) return 0;
            return crossings * rate / (last - first);
        }

        /// <summary>Goertzel power of frequency hz over s[from, from+count).</summary>
        public static double GoertzelPower(short[] s, int from, int count, double hz, int rate)
        {
            double w = 2 * Math.PI * hz / rate, c = 2 * Math.Cos(w), s1 = 0, s2 = 0;
            for (int i = 0; i < count; i++)
            {
                double s0 = s[from + i] + c * s1 - s2;
                s2 = s1; s1 = s0;
            }
            return s1 * s1 + s2 * s2 - c * s1 * s2;
        }
    }
}
