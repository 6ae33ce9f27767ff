// Calls sharing one CallMediaWorkspace (as the app runs them) behave exactly like calls with
// private scratch: same SDP bytes, same results, same audio, across interleaved exchanges.
using System;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Rtp;
using Endpoint.Sdp;
using Xunit;

namespace Endpoint.Tests.App
{
    public class CallMediaWorkspaceTests
    {
        private sealed class Rng : IRandomSource
        {
            private uint _s;
            public Rng(uint seed) { _s = seed; }
            public uint NextUInt32() { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; return _s; }
        }

        private sealed class NoDigits : IDigitSink
        {
            public int Count;
            public void OnDigit(char digit, int durationMs, DtmfSource source) { Count++; }
        }

        // Two pairs (a1-b1, a2-b2); with shared = true all four calls use one workspace.
        // Offers and answers of both pairs are interleaved, then a hold re-offer on pair 1
        // crosses a fresh exchange on pair 2; afterwards audio runs on both pairs.
        // Returns every SDP body written and every sample played, in order.
        private static string Script(bool shared)
        {
            var work = shared ? new CallMediaWorkspace() : null;
            var d = new NoDigits();
            var videoOffer = "v=0\r\no=- 9 9 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                             "m=video 30000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 30002 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
            CallMedia a1 = New(20000, 1, work, d), b1 = New(20002, 2, work, d), a2 = New(20004, 3, work, d), b2 = New(20006, 4, work, d);
            var log = new System.Text.StringBuilder();
            byte[] o1 = new byte[1024], o2 = new byte[1024], r1 = new byte[1024], r2 = new byte[1024];
            Assert.Equal(SdpStatus.Ok, a1.CreateOffer(false, o1, 0, out int ol1));
            Assert.Equal(SdpStatus.Ok, a2.CreateOffer(false, o2, 0, out int ol2));
            Assert.Equal(SdpStatus.Ok, b2.ReceiveOffer(o2, 0, ol2, r2, 0, out int al2, 0));
            Assert.Equal(SdpStatus.Ok, b1.ReceiveOffer(o1, 0, ol1, r1, 0, out int al1, 0));
            Assert.Equal(SdpStatus.Ok, a1.ReceiveAnswer(r1, 0, al1, 0));
            Assert.Equal(SdpStatus.Ok, a2.ReceiveAnswer(r2, 0, al2, 0));
            Body(log, o1, ol1); Body(log, o2, ol2); Body(log, r1, al1); Body(log, r2, al2);
            // hold offer from a1 pending while b2 answers a two-stream offer from elsewhere
            Assert.Equal(SdpStatus.Ok, a1.CreateOffer(true, o1, 0, out ol1));
            byte[] v = System.Text.Encoding.ASCII.GetBytes(videoOffer);
            Assert.Equal(SdpStatus.Ok, b2.ReceiveOffer(v, 0, v.Length, r2, 0, out al2, 40));
            Assert.Equal(SdpStatus.Ok, b1.ReceiveOffer(o1, 0, ol1, r1, 0, out al1, 40));
            Assert.Equal(SdpStatus.Ok, a1.ReceiveAnswer(r1, 0, al1, 40));
            Body(log, o1, ol1); Body(log, r2, al2); Body(log, r1, al1);
            // b2 re-offers (keeps both m= lines); the unrelated a2 must not disturb it
            Assert.Equal(SdpStatus.Ok, b2.CreateOffer(false, o2, 0, out ol2));
            Body(log, o2, ol2);
            string reOffer = System.Text.Encoding.ASCII.GetString(o2, 0, ol2);
            Assert.Contains("m=video 0 RTP/AVP 96\r\n", reOffer);   // RFC 3264 section 8: same lines, same order
            Assert.Contains("m=audio 20006 RTP/AVP", reOffer);
            log.Append(a1.OnHold).Append(b1.OnHold).Append(b2.Negotiated.MediaIndex).Append(b2.Negotiated.Codec).Append('\n');
            // audio both ways on pair 1 (resumed) and from a2 to b2's old address (ignored when b2 moved)
            Assert.Equal(SdpStatus.Ok, a1.CreateOffer(false, o1, 0, out ol1));
            Assert.Equal(SdpStatus.Ok, b1.ReceiveOffer(o1, 0, ol1, r1, 0, out al1, 60));
            Assert.Equal(SdpStatus.Ok, a1.ReceiveAnswer(r1, 0, al1, 60));
            short[] mic = new short[160], spk = new short[160];
            byte[] pkt = new byte[400];
            for (int f = 0; f < 100; f++)
            {
                long now = 100 + f * 20;
                for (int i = 0; i < 160; i++) mic[i] = (short)(8000 * Math.Sin(2 * Math.PI * 700 * (f * 160 + i) / 8000));
                int n = a1.Capture(mic, now, pkt);
                if (n > 0) b1.OnRtp(pkt, 0, n, new MediaEndpoint(0x7F000001, 20000), now);
                n = a2.Capture(mic, now, pkt);
                if (n > 0) b2.OnRtp(pkt, 0, n, new MediaEndpoint(0x7F000001, 20004), now);
                n = b1.Capture(mic, now, pkt);
                if (n > 0) a1.OnRtp(pkt, 0, n, new MediaEndpoint(0x7F000001, 20002), now);
                b1.Playback(now, spk);
                for (int i = 0; i < 160; i += 16) log.Append(spk[i]).Append(',');
                a1.Playback(now, spk);
                for (int i = 0; i < 160; i += 16) log.Append(spk[i]).Append(',');
                b2.Playback(now, spk);
                for (int i = 0; i < 160; i += 16) log.Append(spk[i]).Append(',');
            }
            Assert.True(b1.Pump.Jitter.Stats.Received > 90);
            Assert.True(a1.Pump.Jitter.Stats.Received > 90);
            return log.ToString();
        }

        private static CallMedia New(int port, uint seed, CallMediaWorkspace work, IDigitSink d)
        {
            return new CallMedia(new MediaConfig(), "127.0.0.1", port, seed.ToString(), new Rng(seed * 2654435761u), d, new EchoSuppressorConfig(), work);
        }

        private static void Body(System.Text.StringBuilder log, byte[] b, int n)
        {
            log.Append(System.Text.Encoding.ASCII.GetString(b, 0, n)).Append("--\n");
        }

        [Fact]
        public void SharedWorkspaceBehavesLikePrivateScratch()
        {
            string alone = Script(false), shared = Script(true);
            Assert.Contains("m=video 0", alone);          // the two-stream answer really happened
            Assert.Contains("a=sendonly", alone);         // and the hold
            Assert.Equal(alone, shared);
        }
    }
}
