using System;
using System.Collections.Generic;
using System.Text;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Rtp;
using Endpoint.Sdp;
using Xunit;

namespace Endpoint.Tests.App
{
    /// <summary>Two calls' media joined in memory: SDP offer/answer drives the pumps, audio and DTMF flow.</summary>
    public class CallMediaTests
    {
        private sealed class Rng : IRandomSource
        {
            private readonly Random _r;
            public Rng(int seed) { _r = new Random(seed); }
            public uint NextUInt32() { return (uint)_r.Next() ^ ((uint)_r.Next() << 16); }
        }

        private sealed class Digits : IDigitSink
        {
            public readonly List<string> Got = new List<string>();
            public void OnDigit(char digit, int durationMs, DtmfSource source) { Got.Add(digit + ":" + source); }
        }

        private static (CallMedia a, CallMedia b, Digits da, Digits db) Pair(string[] codecsA, string[] codecsB)
        {
            var da = new Digits();
            var db = new Digits();
            var ca = new MediaConfig { Codecs = codecsA };
            var cb = new MediaConfig { Codecs = codecsB };
            var a = new CallMedia(ca, "127.0.0.1", 20000, "1", new Rng(1), da, new EchoSuppressorConfig());
            var b = new CallMedia(cb, "127.0.0.1", 20002, "2", new Rng(2), db, null);
            byte[] offer = new byte[1024], answer = new byte[1024];
            Assert.Equal(SdpStatus.Ok, a.CreateOffer(false, offer, 0, out int ol));
            Assert.Equal(SdpStatus.Ok, b.ReceiveOffer(offer, 0, ol, answer, 0, out int al, 0));
            Assert.Equal(SdpStatus.Ok, a.ReceiveAnswer(answer, 0, al, 0));
            return (a, b, da, db);
        }

        private static double Goertzel(short[] s, int n, double freq)
        {
            double k = 2 * Math.Cos(2 * Math.PI * freq / 8000), s1 = 0, s2 = 0;
            for (int i = 0; i < n; i++) { double s0 = s[i] + k * s1 - s2; s2 = s1; s1 = s0; }
            return s1 * s1 + s2 * s2 - k * s1 * s2;
        }

        private static double PeakHz(short[] s, int n)
        {
            double best = 0, bestF = 0;
            for (double f = 200; f <= 3800; f += 2) { double p = Goertzel(s, n, f); if (p > best) { best = p; bestF = f; } }
            return bestF;
        }

        // Runs frames from a to b (b's port 20002) and b to a; returns what b played.
        private static short[] Run(CallMedia a, CallMedia b, int frames, double toneHz, int startMs = 0)
        {
            short[] mic = new short[160], spk = new short[160], heard = new short[frames * 160];
            byte[] pkt = new byte[400];
            var fromA = new MediaEndpoint(0x7F000001, 20000);
            var fromB = new MediaEndpoint(0x7F000001, 20002);
            for (int f = 0; f < frames; f++)
            {
                long now = startMs + f * 20;
                for (int i = 0; i < 160; i++) mic[i] = (short)(8000 * Math.Sin(2 * Math.PI * toneHz * (f * 160 + i) / 8000));
                int n = a.Capture(mic, now, pkt);
                if (n > 0) b.OnRtp(pkt, 0, n, fromA, now);
                short[] silence = new short[160];
                n = b.Capture(silence, now, pkt);
                if (n > 0) a.OnRtp(pkt, 0, n, fromB, now);
                b.Playback(now, spk);
                a.Playback(now, new short[160]);
                Array.Copy(spk, 0, heard, f * 160, 160);
            }
            return heard;
        }

        [Theory]
        [InlineData("PCMU", "PCMU", 0)]
        [InlineData("PCMA", "PCMA", 8)]
        public void NegotiatedCodecCarriesTheToneAcross(string codecA, string codecB, int pt)
        {
            var (a, b, _, _) = Pair(new[] { codecA, "PCMU" }, new[] { codecB });
            Assert.Equal(pt, a.Negotiated.PayloadType);
            Assert.Equal(pt, b.Negotiated.PayloadType);
            short[] heard = Run(a, b, 100, 1000);
            double peak = PeakHz(heard.AsSpan(8000).ToArray(), 4800);
            Assert.InRange(peak, 980, 1020);
        }

        [Fact]
        public void Rfc4733DigitsArriveOnceEach()
        {
            var (a, b, _, db) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            Assert.True(a.SendDtmf("19#"));
            Run(a, b, 150, 0);
            Assert.Equal(new[] { "1:Rfc4733", "9:Rfc4733", "#:Rfc4733" }, db.Got);
        }

        [Fact]
        public void SipInfoDigitIsReported()
        {
            var (_, b, _, db) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            byte[] body = Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n");
            Assert.True(b.OnInfo("application/dtmf-relay", body, 0, body.Length));
            Assert.Equal(new[] { "5:SipInfo" }, db.Got);
        }

        [Fact]
        public void InBandToneDigitIsDetectedWhenNoEventsAreSent()
        {
            var (a, b, _, db) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            // Feed the DTMF '7' (852 + 1209 Hz) as audio into a's microphone for 100 ms.
            short[] mic = new short[160], spk = new short[160];
            byte[] pkt = new byte[400];
            var fromA = new MediaEndpoint(0x7F000001, 20000);
            for (int f = 0; f < 40; f++)
            {
                for (int i = 0; i < 160; i++)
                {
                    int t = f * 160 + i;
                    mic[i] = f >= 5 && f < 10 ? (short)(5000 * (Math.Sin(2 * Math.PI * 852 * t / 8000) + Math.Sin(2 * Math.PI * 1209 * t / 8000))) : (short)0;
                }
                int n = a.Capture(mic, f * 20, pkt);
                if (n > 0) b.OnRtp(pkt, 0, n, fromA, f * 20);
                b.Playback(f * 20, spk);
            }
            Assert.Equal(new[] { "7:InBand" }, db.Got);
        }

        // Plays '5' (770 + 1336 Hz) into a's microphone during the given 20 ms frames; runs b.
        private static void PlayFives(CallMedia a, CallMedia b, int frames, Func<int, bool> toneOn, Action<int> each = null)
        {
            short[] mic = new short[160], spk = new short[160];
            byte[] pkt = new byte[400];
            var fromA = new MediaEndpoint(0x7F000001, 20000);
            for (int f = 0; f < frames; f++)
            {
                each?.Invoke(f);
                for (int i = 0; i < 160; i++)
                {
                    int t = f * 160 + i;
                    mic[i] = toneOn(f) ? (short)(5000 * (Math.Sin(2 * Math.PI * 770 * t / 8000) + Math.Sin(2 * Math.PI * 1336 * t / 8000))) : (short)0;
                }
                int n = a.Capture(mic, f * 20, pkt);
                if (n > 0) b.OnRtp(pkt, 0, n, fromA, f * 20);
                b.Playback(f * 20, spk);
            }
        }

        [Fact]
        public void RepeatedInBandKeyWithAPauseIsReportedTwice()
        {
            var (a, b, _, db) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            // 5 (100 ms), pause (100 ms), 5 (100 ms): a user pressing the same key twice.
            PlayFives(a, b, 40, f => (f >= 5 && f < 10) || (f >= 15 && f < 20));
            Assert.Equal(new[] { "5:InBand", "5:InBand" }, db.Got);
        }

        [Fact]
        public void ToneEchoingAnInfoDigitIsReportedOnce()
        {
            var (a, b, _, db) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            byte[] body = Encoding.ASCII.GetBytes("Signal=5\r\nDuration=100\r\n");
            // The gateway signals the key by INFO and also leaves the tone in the audio.
            PlayFives(a, b, 30, f => f >= 5 && f < 10, f => { if (f == 5) Assert.True(b.OnInfo("application/dtmf-relay", body, 0, body.Length)); });
            Assert.Equal(new[] { "5:SipInfo" }, db.Got);
        }

        [Fact]
        public void HoldOfferMakesThePeerStopReceivingAndResumeRestores()
        {
            var (a, b, _, _) = Pair(new[] { "PCMU" }, new[] { "PCMU" });
            byte[] offer = new byte[1024], answer = new byte[1024];
            Assert.Equal(SdpStatus.Ok, a.CreateOffer(true, offer, 0, out int ol));
            Assert.Contains("a=sendonly", Encoding.ASCII.GetString(offer, 0, ol));
            Assert.Equal(SdpStatus.Ok, b.ReceiveOffer(offer, 0, ol, answer, 0, out int al, 1000));
            Assert.Contains("a=recvonly", Encoding.ASCII.GetString(answer, 0, al));
            Assert.Equal(SdpStatus.Ok, a.ReceiveAnswer(answer, 0, al, 1000));
            Assert.True(a.OnHold);
            Assert.True(b.OnHold);
            Assert.False(b.Pump.SendAudio);
            Assert.Equal(SdpStatus.Ok, a.CreateOffer(false, offer, 0, out ol));
            Assert.Equal(SdpStatus.Ok, b.ReceiveOffer(offer, 0, ol, answer, 0, out al, 2000));
            Assert.Equal(SdpStatus.Ok, a.ReceiveAnswer(answer, 0, al, 2000));
            Assert.False(a.OnHold);
            Assert.True(b.Pump.SendAudio);
        }

        [Fact]
        public void NothingInCommonIs488()
        {
            var a = new CallMedia(new MediaConfig { Codecs = new[] { "PCMA" } }, "127.0.0.1", 20000, "1", new Rng(1), new Digits(), null);
            byte[] answer = new byte[1024];
            byte[] g729 = Encoding.ASCII.GetBytes("v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n");
            SdpStatus st = a.ReceiveOffer(g729, 0, g729.Length, answer, 0, out _, 0);
            Assert.Equal(488, SdpStatusNames.SipResponseCode(st));
            Assert.Null(a.Pump);
        }

        [Theory]
        [InlineData("127.0.0.1", 0x7F000001u)]
        [InlineData("192.168.1.20", 0xC0A80114u)]
        public void TargetParsesIpv4(string text, uint expected)
        {
            Assert.Equal(expected, CallMedia.Target(text, 4000).Address);
            Assert.False(CallMedia.Target("::1", 4000).IsSet);
            Assert.False(CallMedia.Target("1.2.3", 4000).IsSet);
            Assert.False(CallMedia.Target("1.2.3.256", 4000).IsSet);
        }
    }
}
