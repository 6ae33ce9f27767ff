// Media path figures per 20 ms frame (160 samples at 8 kHz): G.711 encode/decode, the whole send
// path (capture -> encode -> RTP), the whole receive path (RTP -> session -> jitter buffer ->
// decode -> volume -> playback), allocation per frame, and the memory of one call's media state.
using System;
using Endpoint.Media.Audio;
using Endpoint.Media.Codec;
using Endpoint.Media.Rtp;

namespace Endpoint.Bench
{
    public static class MediaBench
    {
        private sealed class Xorshift : IRandomSource
        {
            private uint _s = 2463534242u;
            public uint NextUInt32() { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; return _s; }
        }

        public static void Run(BenchReport r)
        {
            short[] pcm = new short[160];
            for (int i = 0; i < 160; i++) pcm[i] = (short)(12000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0) + 700 * Math.Sin(i * 1.7));
            byte[] enc = new byte[160];
            short[] dec = new short[160];
            var mu = new PcmuCodec(G711EncoderMode.Compact);
            var muT = new PcmuCodec(G711EncoderMode.Table);
            var a = new PcmaCodec(G711EncoderMode.Compact);
            var aT = new PcmaCodec(G711EncoderMode.Table);
            Codec(r, "media.g711u.encode", () => mu.Encode(pcm, 0, 160, enc, 0));
            Codec(r, "media.g711u.encode.table", () => muT.Encode(pcm, 0, 160, enc, 0));
            Codec(r, "media.g711a.encode", () => a.Encode(pcm, 0, 160, enc, 0));
            Codec(r, "media.g711a.encode.table", () => aT.Encode(pcm, 0, 160, enc, 0));
            mu.Encode(pcm, 0, 160, enc, 0);
            Codec(r, "media.g711u.decode", () => mu.Decode(enc, 0, 160, dec, 0));
            Codec(r, "media.g711a.decode", () => a.Decode(enc, 0, 160, dec, 0));
            r.Figure("media.g711.tables.bytes", G711.TableBytes, "bytes");

            // Send path: one pump, one 20 ms frame per call.
            var sender = NewPump();
            byte[] pkt = new byte[sender.MaxPacketBytes];
            long tSend = 0;
            BenchBody send = () => { sender.ProcessCapture(pcm, tSend, pkt, out int _); tSend += 20; };
            Warm(send);
            r.Figure("media.path.send.ns", BenchReport.NanosPerCall(send, 5000), "ns");
            r.Figure("media.path.send.alloc", BenchReport.BytesPerCall(send, 20000), "bytes");

            // Receive path: packets from a template with advancing sequence number and timestamp.
            var receiver = NewPump();
            var from = MediaEndpoint.FromBytes(10, 0, 0, 2, 40000);
            byte[] rx = new byte[172];
            RtpHeader.WriteFixed(rx, 0, 0, false, 0, 0, 0xABCDEF01u, 0);
            mu.Encode(pcm, 0, 160, rx, 12);
            short[] speaker = new short[160];
            long tRecv = 0;
            int seq = 0;
            uint ts = 0;
            BenchBody recv = () =>
            {
                rx[2] = (byte)(seq >> 8); rx[3] = (byte)seq;
                RtpHeader.WriteUInt32(rx, 4, ts);
                receiver.OnRtpPacket(rx, 0, 172, from, tRecv + 5);
                receiver.ProducePlayback(tRecv + 20, speaker);
                seq = (seq + 1) & 0xFFFF; ts += 160; tRecv += 20;
            };
            Warm(recv);
            r.Figure("media.path.recv.ns", BenchReport.NanosPerCall(recv, 5000), "ns");
            r.Figure("media.path.recv.alloc", BenchReport.BytesPerCall(recv, 20000), "bytes");
            // Sanity: the receive path really played audio (not concealment or silence).
            var js = receiver.Jitter.Stats;
            r.Figure("media.path.recv.audio.fraction", 1.0 - (double)(js.Concealed + js.Dropped + js.Inserted) / Math.Max(1, js.Frames), "ratio");

            // RTCP report build (every ~5 s, not per frame).
            byte[] rtcp = new byte[256];
            BenchBody report = () => receiver.BuildRtcpReport(rtcp, 0, 256, tRecv, 1_700_000_000_000L + tRecv);
            Warm(report);
            r.Figure("media.rtcp.report.ns", BenchReport.NanosPerCall(report, 5000), "ns");
            r.Figure("media.rtcp.report.alloc", BenchReport.BytesPerCall(report, 5000), "bytes");

            r.Figure("media.call.state.bytes", BenchReport.RetainedBytes(() => NewPump()), "bytes");
        }

        private static AudioPump NewPump()
        {
            var p = new AudioPump(new PcmuCodec(), new Xorshift(), new AudioPumpConfig { TelephoneEventPayloadType = 101 });
            var ep = MediaEndpoint.FromBytes(10, 0, 0, 2, 40000);
            p.Start(0, ep, ep);
            return p;
        }

        // Lets tiered JIT promote the body to optimized code before it is timed.
        private static void Warm(BenchBody body)
        {
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 2000; i++) body();
                System.Threading.Thread.Sleep(150);
            }
        }

        private static void Codec(BenchReport r, string name, BenchBody body)
        {
            Warm(body);
            r.Figure(name + ".ns", BenchReport.NanosPerCall(body, 20000), "ns");
            r.Figure(name + ".alloc", BenchReport.BytesPerCall(body, 20000), "bytes");
        }
    }
}
