// Test media generators: DTMF dual tones (ITU-T Q.23 frequencies) as 8 kHz PCM, an independent
// ITU-T G.711 mu-law encoder (the textbook segment/bias algorithm, not the firmware's tables),
// and a classic libpcap file (Ethernet / IPv4 / UDP / RTP, PCMU, 20 ms packets) that SIPp's
// play_pcap_audio replays with the capture's timing. Everything is generated in the test.
using System;
using System.Collections.Generic;
using System.IO;

namespace Endpoint.Tests.Support
{
    public static class RtpPcap
    {
        private static readonly int[] Rows = { 697, 770, 852, 941 };
        private static readonly int[] Cols = { 1209, 1336, 1477, 1633 };
        private const string Keys = "123A456B789C*0#D";

        /// <summary>
        /// Leading silence, then each digit as a dual tone of <paramref name="toneMs"/> followed by
        /// <paramref name="gapMs"/> of silence; each component at <paramref name="amplitude"/>.
        /// </summary>
        public static short[] DtmfSignal(string digits, int toneMs, int gapMs, int leadMs = 400, double amplitude = 6000)
        {
            var s = new List<short>();
            for (int i = 0; i < leadMs * 8; i++) s.Add(0);
            foreach (char d in digits)
            {
                int k = Keys.IndexOf(d);
                if (k < 0) throw new ArgumentException("not a DTMF key: " + d);
                double lo = Rows[k / 4], hi = Cols[k % 4];
                for (int i = 0; i < toneMs * 8; i++)
                    s.Add((short)Math.Round(amplitude * (Math.Sin(2 * Math.PI * lo * i / 8000) + Math.Sin(2 * Math.PI * hi * i / 8000))));
                for (int i = 0; i < gapMs * 8; i++) s.Add(0);
            }
            while (s.Count % 160 != 0) s.Add(0);
            return s.ToArray();
        }

        /// <summary>ITU-T G.711 mu-law of one 16-bit linear sample.</summary>
        public static byte MuLaw(short sample)
        {
            const int bias = 0x84, clip = 32635;
            int x = sample;
            int sign = 0;
            if (x < 0) { sign = 0x80; x = -x; }
            if (x > clip) x = clip;
            x += bias;
            int exponent = 7;
            for (int mask = 0x4000; (x & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
            int mantissa = (x >> (exponent + 3)) & 0x0F;
            return (byte)~(sign | (exponent << 4) | mantissa);
        }

        /// <summary>
        /// Writes <paramref name="pcm"/> (8 kHz) as PCMU RTP, 160 samples per packet every 20 ms, into a
        /// pcap file from 127.0.0.1:<paramref name="srcPort"/> to 127.0.0.1:<paramref name="dstPort"/>.
        /// </summary>
        public static void WritePcmu(string path, short[] pcm, uint ssrc, int srcPort = 6000, int dstPort = 6002)
        {
            using var f = new BinaryWriter(File.Create(path));
            f.Write(0xa1b2c3d4u); f.Write((ushort)2); f.Write((ushort)4); f.Write(0); f.Write(0u); f.Write(65535u); f.Write(1u);
            int packets = pcm.Length / 160;
            var frame = new byte[14 + 20 + 8 + 12 + 160];
            for (int p = 0; p < packets; p++)
            {
                Array.Clear(frame);
                frame[12] = 0x08; // EtherType IPv4 (MACs zero)
                int ip = 14, total = 20 + 8 + 12 + 160;
                frame[ip] = 0x45; BE16(frame, ip + 2, total); BE16(frame, ip + 4, p); frame[ip + 8] = 64; frame[ip + 9] = 17;
                frame[ip + 12] = 127; frame[ip + 15] = 1; frame[ip + 16] = 127; frame[ip + 19] = 1;
                int sum = 0;
                for (int i = 0; i < 20; i += 2) sum += (frame[ip + i] << 8) | frame[ip + i + 1];
                while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
                BE16(frame, ip + 10, ~sum & 0xFFFF);
                int udp = ip + 20;
                BE16(frame, udp, srcPort); BE16(frame, udp + 2, dstPort); BE16(frame, udp + 4, 8 + 12 + 160); // checksum 0: none (IPv4)
                int rtp = udp + 8;
                frame[rtp] = 0x80; frame[rtp + 1] = (byte)(p == 0 ? 0x80 : 0x00); // PT 0, marker on the first packet
                BE16(frame, rtp + 2, (1000 + p) & 0xFFFF);
                BE32(frame, rtp + 4, (uint)(160 * p + 4000));
                BE32(frame, rtp + 8, ssrc);
                for (int i = 0; i < 160; i++) frame[rtp + 12 + i] = MuLaw(pcm[p * 160 + i]);
                long us = 20_000L * p;
                f.Write((uint)(1_700_000_000 + us / 1_000_000)); f.Write((uint)(us % 1_000_000));
                f.Write((uint)frame.Length); f.Write((uint)frame.Length);
                f.Write(frame);
            }
        }

        private static void BE16(byte[] b, int o, int v) { b[o] = (byte)(v >> 8); b[o + 1] = (byte)v; }

        private static void BE32(byte[] b, int o, uint v) { b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v; }
    }
}
