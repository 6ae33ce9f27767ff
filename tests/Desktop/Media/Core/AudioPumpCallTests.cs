// Two AudioPumps wired back to back through in-memory links, one direction lossy and jittery
// (so also reordered): proves zero managed allocation per frame in steady state and that audio
// flows (1 kHz in -> 1 kHz out, 500 Hz the other way), with RTCP, telephone-events and hooks.
using System;
using Endpoint.Media.Audio;
using Endpoint.Media.Codec;
using Endpoint.Media.Jitter;
using Endpoint.Media.Rtp;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Media.Core
{
    public class AudioPumpCallTests
    {
        private readonly ITestOutputHelper _out;
        public AudioPumpCallTests(ITestOutputHelper output) { _out = output; }

        private sealed class EventCounter : IRtpEventSink
        {
            public int Events, Markers;
            public uint LastTs;
            public void OnTelephoneEvent(byte[] payload, int off, int len, uint timestamp, bool marker, long nowMs)
            {
                Events++;
                if (marker) Markers++;
                LastTs = timestamp;
            }
        }

        private sealed class CountingEcho : IEchoSuppressor
        {
            public int Playback, Capture;
            public void OnPlayback(short[] speaker, int off, int count, long nowMs) { Playback++; }
            public void ProcessCapture(short[] mic, int off, int count, long nowMs) { Capture++; }
        }

        private sealed class Counter : IFrameProcessor
        {
            public int Frames;
            public void Process(short[] samples, int off, int count, long nowMs) { Frames++; }
        }

        private static short[] Tone(double hz, int samples, double amp)
        {
            var t = new short[samples];
            for (int i = 0; i < samples; i++) t[i] = (short)(amp * Math.Sin(2 * Math.PI * hz * i / 8000.0));
            return t;
        }

        [Fact]
        public void TwoPartyCallAllocatesNothingPerFrameAndCarriesTheTone()
        {
            const int warmFrames = 300, measuredFrames = 1500;
            var addrA = MediaEndpoint.FromBytes(10, 0, 0, 1, 40000);
            var addrB = MediaEndpoint.FromBytes(10, 0, 0, 2, 50000);
            var natA = MediaEndpoint.FromBytes(198, 51, 100, 1, 61234); // A seen by B through a NAT
            var cfgA = new AudioPumpConfig { TelephoneEventPayloadType = 101, Cname = System.Text.Encoding.ASCII.GetBytes("a@x") };
            var cfgB = new AudioPumpConfig { TelephoneEventPayloadType = 101, Cname = System.Text.Encoding.ASCII.GetBytes("b@y") };
            var a = new AudioPump(new PcmuCodec(G711EncoderMode.Table), new TestRandom(1), cfgA);
            var b = new AudioPump(new PcmuCodec(G711EncoderMode.Compact), new TestRandom(2), cfgB);
            var sink = new EventCounter();
            var echo = new CountingEcho();
            var cap = new Counter();
            var play = new Counter();
            b.EventSink = sink;
            b.EchoSuppressor = echo;
            b.CaptureProcessor = cap;
            b.PlaybackProcessor = play;
            b.VolumeDb = 0;
            a.VolumeDb = -6;
            var ab = new SimLink(7, natA) { BaseDelayMs = 40, JitterMs = 20, LossPerMille = 50 };
            var ba = new SimLink(8, addrB) { BaseDelayMs = 30 };
            var abRtcp = new SimLink(9, natA) { BaseDelayMs = 40 };
            var baRtcp = new SimLink(10, addrB) { BaseDelayMs = 30 };
            a.Start(0, addrB, addrB);
            b.Start(0, addrA, addrA);   // B only knows A's private SDP address; it must learn natA

            short[] toneA = Tone(1000, 8000, 8000);  // 1 s loops are whole periods of both tones
            short[] toneB = Tone(500, 8000, 8000);
            short[] micA = new short[160], micB = new short[160], spkA = new short[160], spkB = new short[160];
            byte[] pkt = new byte[a.MaxPacketBytes + 64];
            byte[] rtcp = new byte[256];
            byte[] evt = { 5, 0x0A, 0x00, 0xA0 };   // RFC 4733 payload: digit 5, volume 10, duration 160
            int total = warmFrames + measuredFrames;
            short[] heardB = new short[total * 160];
            short[] heardA = new short[total * 160];
            long wall0 = 1_700_000_000_000L;
            long before = 0;
            int frame = 0;
            int rtcpSent = 0, timeouts = 0, rejected = 0;
            for (long t = 0; frame < total; t++)
            {
                if (frame == warmFrames && t % 20 == 0) before = GC.GetAllocatedBytesForCurrentThread();
                int i;
                while ((i = ab.NextDue(t)) >= 0) { if (!RtpStatusNames.IsAccepted(b.OnRtpPacket(ab.Data(i), 0, ab.Length(i), ab.From, t))) rejected++; ab.Release(i); }
                while ((i = ba.NextDue(t)) >= 0) { a.OnRtpPacket(ba.Data(i), 0, ba.Length(i), ba.From, t); ba.Release(i); }
                while ((i = abRtcp.NextDue(t)) >= 0) { b.OnRtcpPacket(abRtcp.Data(i), 0, abRtcp.Length(i), abRtcp.From, t, wall0 + t); abRtcp.Release(i); }
                while ((i = baRtcp.NextDue(t)) >= 0) { a.OnRtcpPacket(baRtcp.Data(i), 0, baRtcp.Length(i), baRtcp.From, t, wall0 + t); baRtcp.Release(i); }
                if ((a.Poll(t) & RtpSessionEvents.RtcpDue) != 0) { int n = a.BuildRtcpReport(rtcp, 0, rtcp.Length, t, wall0 + t); if (n > 0) { abRtcp.Send(rtcp, n, t); rtcpSent++; } }
                if ((b.Poll(t) & RtpSessionEvents.RtcpDue) != 0) { int n = b.BuildRtcpReport(rtcp, 0, rtcp.Length, t, wall0 + t); if (n > 0) { baRtcp.Send(rtcp, n, t); rtcpSent++; } }
                if (t % 20 != 0) continue;
                int off = (frame % 50) * 160;
                Array.Copy(toneA, off, micA, 0, 160);
                Array.Copy(toneB, off, micB, 0, 160);
                if (a.ProcessCapture(micA, t, pkt, out int len)) ab.Send(pkt, len, t);
                if (b.ProcessCapture(micB, t, pkt, out len)) ba.Send(pkt, len, t);
                if (frame % 250 == 100)
                {
                    int n = a.WriteTelephoneEvent(evt, 0, evt.Length, a.CurrentTimestamp, true, t, pkt, 0);
                    if (n > 0) ab.Send(pkt, n, t);
                }
                a.ProducePlayback(t, spkA);
                b.ProducePlayback(t, spkB);
                Array.Copy(spkB, 0, heardB, frame * 160, 160);
                Array.Copy(spkA, 0, heardA, frame * 160, 160);
                frame++;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            JitterStats sb = b.Jitter.Stats;
            _out.WriteLine("allocated " + allocated + " B over " + measuredFrames + " frames");
            _out.WriteLine("B jitter: recv " + sb.Received + " lost " + sb.Lost + " late " + sb.Late + " concealed " + sb.Concealed +
                " depth " + b.Jitter.DepthMs + " target " + b.Jitter.TargetMs + " jitterMs " + b.Jitter.JitterMs +
                "; rtcp " + rtcpSent + " rttA " + a.Session.RoundTripMs + " events " + sink.Events + " rejected " + rejected);

            Assert.Equal(0, allocated);

            double hzB = ToneMeter.ZeroCrossingHz(heardB, warmFrames * 160, measuredFrames * 160, 8000);
            double hzA = ToneMeter.ZeroCrossingHz(heardA, warmFrames * 160, measuredFrames * 160, 8000);
            _out.WriteLine("B hears " + hzB.ToString("F2") + " Hz, A hears " + hzA.ToString("F2") + " Hz");
            Assert.InRange(hzB, 980, 1020);
            Assert.InRange(hzA, 490, 510);
            double on = ToneMeter.GoertzelPower(heardB, warmFrames * 160, 8000, 1000, 8000);
            double offLo = ToneMeter.GoertzelPower(heardB, warmFrames * 160, 8000, 900, 8000);
            double offHi = ToneMeter.GoertzelPower(heardB, warmFrames * 160, 8000, 1100, 8000);
            Assert.True(on > 100 * offLo && on > 100 * offHi, "1 kHz dominates the received audio");
            // A's volume is -6 dB: its peak is about half of B's
            int peakA = 0, peakB = 0;
            for (int k = warmFrames * 160; k < total * 160; k++) { peakA = Math.Max(peakA, Math.Abs((int)heardA[k])); peakB = Math.Max(peakB, Math.Abs((int)heardB[k])); }
            Assert.InRange(peakB, 7500, 8600);
            Assert.InRange(peakA, 3700, 4300);

            Assert.True(sb.Lost > 0 && sb.Concealed > 0, "the lossy direction really lost packets");
            Assert.True(b.RtpTarget.SameAs(natA), "B learned A's NAT address (symmetric RTP)");
            Assert.True(b.RtcpTarget.SameAs(natA));
            Assert.True(a.RtpTarget.SameAs(addrB));
            Assert.True(rtcpSent >= 8);
            Assert.InRange(a.Session.RoundTripMs, 66, 74);           // RTCP links: 40 ms there, 30 ms back
            Assert.True(sink.Events >= 6 && sink.Markers == sink.Events);
            Assert.Equal(echo.Capture, cap.Frames);
            Assert.Equal(total, echo.Playback);
            Assert.Equal(total, play.Frames);
            Assert.Equal(0, timeouts);
            Assert.False(b.Session.IsInactive(frame * 20));
        }

        [Fact]
        public void MuteSendsSilenceAndSendAudioFalseSendsNothing()
        {
            var p = new AudioPump(new PcmaCodec(), new TestRandom(3), new AudioPumpConfig { FramesPerPacket = 2 });
            p.Start(0, MediaEndpoint.FromBytes(127, 0, 0, 1, 4000), MediaEndpoint.FromBytes(127, 0, 0, 1, 4001));
            short[] mic = Tone(1000, 160, 10000);
            byte[] pkt = new byte[p.MaxPacketBytes];
            Assert.Equal(12 + 320, p.MaxPacketBytes);
            Assert.False(p.ProcessCapture(mic, 0, pkt, out int len));
            Assert.True(p.ProcessCapture(mic, 20, pkt, out len));
            Assert.Equal(332, len);
            var h = new RtpHeader();
            Assert.Equal(RtpStatus.Ok, h.Read(pkt, 0, len));
            Assert.Equal(8, h.PayloadType);
            Assert.True(h.Marker);
            uint ts0 = h.Timestamp;
            p.Muted = true;
            p.ProcessCapture(mic, 40, pkt, out len);
            Assert.True(p.ProcessCapture(mic, 60, pkt, out len));
            h.Read(pkt, 0, len);
            Assert.False(h.Marker);
            Assert.Equal(ts0 + 320, h.Timestamp);
            for (int i = 12; i < len; i++) Assert.Equal(0xD5, pkt[i]); // A-law silence
            p.SendAudio = false;
            Assert.False(p.ProcessCapture(mic, 80, pkt, out len));
            Assert.False(p.ProcessCapture(mic, 100, pkt, out len));
            p.SendAudio = true;
            p.Muted = false;
            p.ProcessCapture(mic, 120, pkt, out len);
            Assert.True(p.ProcessCapture(mic, 140, pkt, out len));
            h.Read(pkt, 0, len);
            Assert.True(h.Marker);                  // talk spurt restarts after the pause
            Assert.Equal(ts0 + 320 * 3, h.Timestamp); // the clock kept running
        }

        [Fact]
        public void VolumeSaturatesAndClamps()
        {
            short[] s = { 20000, -20000, 100, -1 };
            VolumeTable.Apply(s, 0, 4, 6);
            Assert.Equal(32767, s[0]);
            Assert.Equal(-32768, s[1]);
            Assert.Equal(200, s[2]);                // +6 dB = x1.995
            Assert.Equal(-2, s[3]);
            Assert.Equal(4096, VolumeTable.FactorQ12(0));
            Assert.Equal(VolumeTable.FactorQ12(20), VolumeTable.FactorQ12(99));
            Assert.Equal(41, VolumeTable.FactorQ12(-99));
            var p = new AudioPump(new PcmuCodec(), new TestRandom(3), null);
            p.VolumeDb = 50;
            Assert.Equal(20, p.VolumeDb);
        }
    }
}
