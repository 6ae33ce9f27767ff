// Hostile input: random datagrams and random (but well-formed) RTP with wild sequence numbers,
// timestamps, SSRCs and sizes never throw, and the jitter buffer never holds more than its slots.
using Endpoint.Media.Audio;
using Endpoint.Media.Codec;
using Endpoint.Media.Jitter;
using Endpoint.Media.Rtp;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class MediaFuzzTests
    {
        [Fact]
        public void RandomDatagramsNeverThrow()
        {
            var rnd = new TestRandom(2024);
            var p = new AudioPump(new PcmuCodec(), new TestRandom(1), new AudioPumpConfig { TelephoneEventPayloadType = 101 });
            var ep = MediaEndpoint.FromBytes(10, 0, 0, 9, 7000);
            p.Start(0, ep, ep);
            byte[] b = new byte[600];
            short[] spk = new short[160];
            long t = 0;
            for (int n = 0; n < 30000; n++)
            {
                int len = rnd.Next(b.Length + 1);
                for (int i = 0; i < len; i++) b[i] = (byte)rnd.NextUInt32();
                if (len > 2 && rnd.Next(2) == 0)
                {
                    // mostly-valid RTP: version 2, accepted PT, few SSRCs, wild sequence/timestamp
                    b[0] = (byte)(0x80 | (b[0] & 0x3F));
                    b[1] = (byte)(rnd.Next(3) == 0 ? 101 : 0);
                    if (len >= 12) { b[8] = 0; b[9] = 0; b[10] = 0; b[11] = (byte)rnd.Next(3); }
                }
                p.OnRtpPacket(b, 0, len, ep, t);
                if (rnd.Next(8) == 0) p.OnRtcpPacket(b, 0, len, ep, t, t);
                if (n % 3 == 0) { p.ProducePlayback(t, spk); t += 20; }
                Assert.True(p.Jitter.BufferedPackets <= 16);
            }
        }

        [Fact]
        public void JitterBufferSurvivesArbitraryPackets()
        {
            var rnd = new TestRandom(77);
            var jb = new JitterBuffer(new PcmaCodec(), new JitterBufferConfig { Slots = 8 });
            byte[] p = new byte[400];
            short[] f = new short[160];
            long t = 0;
            int seq = 0;
            uint ts = 0;
            for (int n = 0; n < 50000; n++)
            {
                int mode = rnd.Next(10);
                if (mode < 6) { seq++; ts += 160; }
                else if (mode == 6) seq = rnd.Next(65536);
                else if (mode == 7) ts = rnd.NextUInt32();
                else if (mode == 8) { seq -= rnd.Next(200); ts -= (uint)rnd.Next(30000); }
                uint ssrc = rnd.Next(50) == 0 ? rnd.NextUInt32() : 1u;
                jb.Put(p, 0, 1 + rnd.Next(400), seq, ts, ssrc, t);
                if (rnd.Next(2) == 0) { jb.GetFrame(t, f, 0); t += 20; }
                Assert.InRange(jb.BufferedPackets, 0, 8);
                if (jb.DepthMs < -1000 || jb.DepthMs > 5000 || jb.InstantDepthMs < -3000 || jb.InstantDepthMs > 3000) Assert.Fail("n=" + n + " mode=" + mode + " depth=" + jb.DepthMs + " inst=" + jb.InstantDepthMs + " target=" + jb.TargetMs + " count=" + jb.BufferedPackets + " playing=" + jb.IsPlaying);
            }
            Assert.True(jb.Stats.Resets > 0 && jb.Stats.Refused > 0 && jb.Stats.Received > 0);
        }
    }
}
