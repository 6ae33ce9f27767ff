// Benchmarks of the media signalling helpers: per 20 ms frame (160 samples) time and managed
// allocation for in-band DTMF detection, tone generation and echo suppression, and per offer
// for SDP parse + answer. Desktop JIT numbers; the device interpreter is 65-140x slower
// (PLATFORM.md).
using System;
using System.Text;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Tones;
using Endpoint.Sdp;

namespace Endpoint.Bench
{
    public static class SignalBench
    {
        private sealed class NullSink : IDigitSink
        {
            public int Count;
            public void OnDigit(char digit, int durationMs, DtmfSource source) { Count++; }
        }

        public static void Run(BenchReport r)
        {
            // 1 s of audio: DTMF digits and speech-like sines, fed frame by frame in a loop
            short[] audio = new short[8000];
            var rnd = new Random(1);
            for (int i = 0; i < audio.Length; i++)
            {
                double t = i / 8000.0;
                double v = i < 4000
                    ? 7000 * Math.Sin(2 * Math.PI * 770 * t) + 7000 * Math.Sin(2 * Math.PI * 1336 * t)
                    : 3000 * Math.Sin(2 * Math.PI * 180 * t) + 2000 * Math.Sin(2 * Math.PI * 540 * t) + 1000 * Math.Sin(2 * Math.PI * 1290 * t);
                audio[i] = (short)(v + rnd.Next(-200, 200));
            }
            var sink = new NullSink();
            var det = new DtmfDetector(sink);
            int pos = 0;
            BenchBody detect = () =>
            {
                det.Process(audio, pos, 160);
                pos += 160;
                if (pos >= audio.Length) pos = 0;
            };
            r.Figure("signal.dtmf_detect.ns_per_frame", BenchReport.NanosPerCall(detect, 2000), "ns");
            r.Figure("signal.dtmf_detect.bytes_per_frame", BenchReport.BytesPerCall(detect, 2000), "B");

            var gen = new ToneGenerator();
            gen.Start(ToneTable.Get(ToneRegion.NorthAmerica, ToneKind.Ringback));
            short[] frame = new short[160];
            BenchBody tone = () => gen.Fill(frame, 0, 160);
            r.Figure("signal.tone_dual.ns_per_frame", BenchReport.NanosPerCall(tone, 5000), "ns");
            r.Figure("signal.tone_dual.bytes_per_frame", BenchReport.BytesPerCall(tone, 5000), "B");
            var gen1 = new ToneGenerator();
            gen1.Start(ToneTable.Get(ToneRegion.Etsi, ToneKind.Dial));
            BenchBody tone1 = () => gen1.Fill(frame, 0, 160);
            r.Figure("signal.tone_single.ns_per_frame", BenchReport.NanosPerCall(tone1, 5000), "ns");

            var es = new EchoSuppressor(new EchoSuppressorConfig());
            short[] mic = new short[160], spk = new short[160];
            int epos = 0;
            BenchBody echo = () =>
            {
                Array.Copy(audio, 4000 + epos, spk, 0, 160);
                Array.Copy(audio, 4000 + epos, mic, 0, 160);
                es.Process(mic, 0, spk, 0, 160);
                epos = epos + 160 >= 3840 ? 0 : epos + 160;
            };
            r.Figure("signal.echo_suppress.ns_per_frame", BenchReport.NanosPerCall(echo, 5000), "ns");
            r.Figure("signal.echo_suppress.bytes_per_frame", BenchReport.BytesPerCall(echo, 5000), "B");

            byte[] offer = Encoding.ASCII.GetBytes(
                "v=0\r\no=- 1817195011 2062410834 IN IP4 192.168.1.42\r\ns=-\r\nc=IN IP4 192.168.1.42\r\nt=0 0\r\n" +
                "m=audio 10466 RTP/AVP 96 9 0 8 101 102\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 stereo=1;sprop-stereo=1\r\n" +
                "a=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/48000\r\n" +
                "a=rtpmap:102 telephone-event/8000\r\na=fmtp:102 0-15\r\na=rtcp:10467\r\na=sendrecv\r\na=ptime:20\r\n" +
                "m=video 10468 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\n");
            var neg = new SdpNegotiator(new SdpConfig { SessionId = "4711", LocalAddress = "192.168.1.77", LocalPort = 40000 });
            byte[] answer = new byte[1500];
            BenchBody sdp = () =>
            {
                neg.ReceiveOffer(offer, 0, offer.Length, answer, 0, answer.Length, out int n);
            };
            r.Figure("sdp.parse_answer.ns_per_offer", BenchReport.NanosPerCall(sdp, 2000), "ns");
            r.Figure("sdp.parse_answer.bytes_per_offer", BenchReport.BytesPerCall(sdp, 2000), "B");
            var session = new SdpSession();
            BenchBody parse = () => SdpParser.Parse(offer, 0, offer.Length, session);
            r.Figure("sdp.parse.ns_per_offer", BenchReport.NanosPerCall(parse, 2000), "ns");

            var sender = new Rfc4733Sender();
            var receiver = new Rfc4733Receiver(sink);
            byte[] ev = new byte[4];
            long now = 0;
            BenchBody rfc = () =>
            {
                if (sender.Idle) sender.Enqueue('5');
                now += 20;
                if (sender.NextPayload(now, (uint)(now * 8), ev, 0, out bool m, out uint ts) == 4) receiver.OnPacket(ev, 0, 4, ts, m, now);
            };
            r.Figure("signal.rfc4733_send_receive.ns_per_packet", BenchReport.NanosPerCall(rfc, 5000), "ns");
            r.Figure("signal.rfc4733_send_receive.bytes_per_packet", BenchReport.BytesPerCall(rfc, 5000), "B");
        }
    }
}
