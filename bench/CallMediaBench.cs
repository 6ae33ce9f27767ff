// One call's whole media as the app runs it (Endpoint.App.CallMedia after SDP offer/answer),
// per 20 ms frame: microphone frame -> echo suppressor -> encode -> RTP packet out, and
// RTP packet in -> session -> jitter buffer -> decode -> volume -> in-band DTMF detector ->
// speaker frame; plus the bytes one negotiated call's media state holds (pump, jitter buffer,
// SDP negotiator, RFC 4733 sender/receiver, DTMF detector, echo suppressor), alone and with the
// app's shared CallMediaWorkspace (whose size is reported once). MediaBench
// measures the AudioPump alone; this adds what CallMedia wraps around it.
using System;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Rtp;

namespace Endpoint.Bench
{
    public static class CallMediaBench
    {
        private sealed class Xorshift : IRandomSource
        {
            private uint _s;
            public Xorshift(uint seed) { _s = seed; }
            public uint NextUInt32() { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; return _s; }
        }

        private sealed class NoDigits : IDigitSink
        {
            public int Count;
            public void OnDigit(char digit, int durationMs, DtmfSource source) { Count++; }
        }

        public static void Run(BenchReport r)
        {
            var digits = new NoDigits();
            CallMedia a = NewCall(20000, 1, digits, new EchoSuppressorConfig());
            CallMedia b = Answer(a, 20002, 2, digits);
            short[] mic = new short[160], spk = new short[160];
            for (int i = 0; i < 160; i++) mic[i] = (short)(12000 * Math.Sin(2 * Math.PI * 500 * i / 8000.0)); // 500 Hz: whole cycles per frame
            byte[] pkt = new byte[400];
            var fromA = new MediaEndpoint(0x7F000001, 20000);
            long t = 0;
            BenchBody frame = () =>
            {
                int n = a.Capture(mic, t, pkt);
                if (n > 0) b.OnRtp(pkt, 0, n, fromA, t + 5);
                b.Playback(t + 20, spk);
                t += 20;
            };
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 2000; i++) frame();
                System.Threading.Thread.Sleep(150);
            }
            double ns = BenchReport.NanosPerCall(frame, 5000);
            r.Figure("media.callmedia.frame.ns", ns, "ns");
            r.Figure("media.callmedia.frame.share", ns / 20_000_000.0 * 100.0, "percent");
            r.Figure("media.callmedia.frame.alloc", BenchReport.BytesPerCall(frame, 20000), "bytes");
            if (digits.Count != 0) throw new InvalidOperationException("the tone was taken for DTMF");
            r.Figure("media.callmedia.state.bytes", BenchReport.RetainedBytes(() => Answer(NewCall(20004, 3, digits, null), 20006, 4, digits)), "bytes");
            // As the app runs calls: one CallMediaWorkspace (SDP, capture and RTP scratch) shared by
            // all of them. Sessions move between calls and workspace on commit, so a call's share is
            // measured from the growth between 2 and 6 negotiated calls on one workspace.
            long two = BenchReport.RetainedBytes(() => Calls(1, digits)), six = BenchReport.RetainedBytes(() => Calls(3, digits));
            long perCall = (six - two) / 4;
            r.Figure("media.callmedia.state.shared.bytes", perCall, "bytes");
            r.Figure("media.callmedia.workspace.bytes", two - 2 * perCall, "bytes (once per app)");
        }

        // pairs x (offerer + answerer), all negotiated, on one shared workspace.
        private static object Calls(int pairs, IDigitSink digits)
        {
            var work = new CallMediaWorkspace();
            var keep = new object[2 * pairs + 1];
            keep[0] = work;
            for (int i = 0; i < pairs; i++)
            {
                CallMedia a = NewCall(20100 + 4 * i, (uint)(10 + i), digits, new EchoSuppressorConfig(), work);
                keep[1 + 2 * i] = a;
                keep[2 + 2 * i] = Answer(a, 20102 + 4 * i, (uint)(50 + i), digits, work);
            }
            return keep;
        }

        private static CallMedia NewCall(int port, uint seed, IDigitSink digits, EchoSuppressorConfig echo, CallMediaWorkspace work = null)
        {
            return new CallMedia(new MediaConfig(), "127.0.0.1", port, seed.ToString(), new Xorshift(seed * 2654435761u), digits, echo, work);
        }

        // A second call that answered the first one's offer (negotiated, pump running).
        private static CallMedia Answer(CallMedia offerer, int port, uint seed, IDigitSink digits, CallMediaWorkspace work = null)
        {
            byte[] offer = new byte[CallMedia.MaxSdpBytes], answer = new byte[CallMedia.MaxSdpBytes];
            offerer.CreateOffer(false, offer, 0, out int ol);
            CallMedia b = NewCall(port, seed, digits, new EchoSuppressorConfig(), work);
            b.ReceiveOffer(offer, 0, ol, answer, 0, out int al, 0);
            offerer.ReceiveAnswer(answer, 0, al, 0);
            return b;
        }
    }
}
