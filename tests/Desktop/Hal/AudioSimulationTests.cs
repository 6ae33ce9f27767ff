// WAV reader/writer (RIFF sizes, chunk walking, format checks), array/WAV audio sources, the
// recording sink, and the PCM16 <-> I2S slot packing used by the ESP32 I2S adapter.
using System;
using System.IO;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class AudioSimulationTests
    {
        private static short[] Ramp(int n)
        {
            var s = new short[n];
            for (int i = 0; i < n; i++) s[i] = (short)(i * 37 - 20000);
            return s;
        }

        [Fact]
        public void Wav_writer_patches_riff_and_data_sizes_and_reads_back()
        {
            var ms = new MemoryStream();
            short[] samples = Ramp(1234);
            var keep = new NonClosingStream(ms);
            using (var w = new WavWriter(keep, 8000))
            {
                w.Write(samples, 0, 1000);
                w.Write(samples, 1000, 234);
                Assert.Equal(1234, w.SamplesWritten);
            }
            byte[] bytes = ms.ToArray();
            Assert.Equal(44 + 2468, bytes.Length);
            Assert.Equal(36 + 2468, BitConverter.ToInt32(bytes, 4));
            Assert.Equal(2468, BitConverter.ToInt32(bytes, 40));
            Assert.Equal(8000, BitConverter.ToInt32(bytes, 24));
            Assert.Equal(16000, BitConverter.ToInt32(bytes, 28));

            WavData d = WavFile.Read(new MemoryStream(bytes));
            Assert.Equal(8000, d.SampleRate);
            Assert.Equal(samples, d.Samples);
        }

        [Fact]
        public void Wav_reader_skips_unknown_chunks_with_padding()
        {
            var ms = new MemoryStream();
            var w = new BinaryWriter(ms);
            w.Write("RIFF"u8.ToArray()); w.Write(0); w.Write("WAVE"u8.ToArray());
            w.Write("LIST"u8.ToArray()); w.Write(3); w.Write(new byte[] { 1, 2, 3, 0 }); // odd size + pad byte
            w.Write("fmt "u8.ToArray()); w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(16000); w.Write(32000); w.Write((short)2); w.Write((short)16);
            w.Write("data"u8.ToArray()); w.Write(4); w.Write((short)-5); w.Write((short)7);
            ms.Position = 0;
            WavData d = WavFile.Read(ms);
            Assert.Equal(16000, d.SampleRate);
            Assert.Equal(new short[] { -5, 7 }, d.Samples);
        }

        [Theory]
        [InlineData(2, 16, 1)]
        [InlineData(1, 8, 1)]
        [InlineData(1, 16, 3)]
        public void Wav_reader_rejects_other_formats(short channels, short bits, short format)
        {
            var ms = new MemoryStream();
            var w = new BinaryWriter(ms);
            w.Write("RIFF"u8.ToArray()); w.Write(0); w.Write("WAVE"u8.ToArray());
            w.Write("fmt "u8.ToArray()); w.Write(16); w.Write(format); w.Write(channels); w.Write(8000); w.Write(16000); w.Write((short)2); w.Write(bits);
            w.Write("data"u8.ToArray()); w.Write(0);
            ms.Position = 0;
            Assert.Throws<InvalidDataException>(() => WavFile.Read(ms));
            Assert.Throws<InvalidDataException>(() => WavFile.Read(new MemoryStream(new byte[] { 1, 2, 3 })));
        }

        [Fact]
        public void Array_input_frames_pads_and_ends_or_loops()
        {
            short[] samples = Ramp(400); // 2.5 frames at 8 kHz
            var once = new ArrayAudioInput(samples, 8000, loop: false);
            Assert.Equal(160, once.FrameSamples);
            var frame = new short[160];
            Assert.Equal(160, once.ReadFrame(frame));
            Assert.Equal(samples[0], frame[0]);
            Assert.Equal(160, once.ReadFrame(frame));
            Assert.Equal(160, once.ReadFrame(frame));
            Assert.Equal(samples[399], frame[79]);
            Assert.Equal(0, frame[80]);
            Assert.Equal(AudioResult.EndOfStream, once.ReadFrame(frame));
            Assert.Equal(AudioResult.BadFrame, once.ReadFrame(new short[10]));

            var looped = new ArrayAudioInput(samples, 8000, loop: true);
            for (int i = 0; i < 3; i++) looped.ReadFrame(frame);
            Assert.Equal(samples[320], frame[0]);
            Assert.Equal(samples[0], frame[80]); // wrapped inside the frame
            looped.ReadFrame(frame);
            Assert.Equal(samples[80], frame[0]); // 480 mod 400
            Assert.Equal("end of stream", AudioResult.Name(AudioResult.EndOfStream));
        }

        [Fact]
        public void Capture_output_records_and_streams_to_wav()
        {
            string path = Path.Combine(Path.GetTempPath(), "hal-capture-" + Guid.NewGuid().ToString("N") + ".wav");
            try
            {
                var src = new ArrayAudioInput(Ramp(960), 16000, false);
                var frame = new short[src.FrameSamples];
                using (var sink = new CaptureAudioOutput(16000, new WavWriter(File.Create(path), 16000)))
                {
                    while (src.ReadFrame(frame) > 0) Assert.Equal(320, sink.WriteFrame(frame));
                    Assert.Equal(3, sink.FramesWritten);
                    Assert.Equal(Ramp(960), sink.ToArray());
                }
                var input = ArrayAudioInput.FromWav(path, false);
                Assert.Equal(16000, input.SampleRate);
                Assert.Equal(Ramp(960), WavFile.Read(path).Samples);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Pcm_packing_duplicates_into_both_slots_and_unpacks_either_slot()
        {
            short[] mono = { 0x1234, -2, short.MinValue };
            var b16 = new byte[PcmPacking.StereoBytes(3, 16)];
            Assert.Equal(12, b16.Length);
            PcmPacking.PackStereo(mono, 3, 16, b16);
            Assert.Equal(new byte[] { 0x34, 0x12, 0x34, 0x12, 0xFE, 0xFF, 0xFE, 0xFF, 0x00, 0x80, 0x00, 0x80 }, b16);
            var back = new short[3];
            PcmPacking.UnpackStereo(b16, 3, 16, 1, back);
            Assert.Equal(mono, back);

            var b32 = new byte[PcmPacking.StereoBytes(3, 32)];
            PcmPacking.PackStereo(mono, 3, 32, b32);
            Assert.Equal(new byte[] { 0, 0, 0x34, 0x12, 0, 0, 0x34, 0x12 }, b32[..8]);
            // A 24-bit microphone sample in the left 32-bit slot keeps its top 16 bits.
            byte[] mic = { 0x00, 0xAB, 0xCD, 0x7F, 0x11, 0x22, 0x33, 0x44 };
            var one = new short[1];
            PcmPacking.UnpackStereo(mic, 1, 32, 0, one);
            Assert.Equal(0x7FCD, one[0]);
            PcmPacking.UnpackStereo(mic, 1, 32, 1, one);
            Assert.Equal(0x4433, one[0]);
        }

        private sealed class NonClosingStream : Stream
        {
            private readonly Stream _s;
            public NonClosingStream(Stream s) { _s = s; }
            public override bool CanRead => _s.CanRead;
            public override bool CanSeek => _s.CanSeek;
            public override bool CanWrite => _s.CanWrite;
            public override long Length => _s.Length;
            public override long Position { get => _s.Position; set => _s.Position = value; }
            public override void Flush() => _s.Flush();
            public override int Read(byte[] buffer, int offset, int count) => _s.Read(buffer, offset, count);
            public override long Seek(long offset, SeekOrigin origin) => _s.Seek(offset, origin);
            public override void SetLength(long value) => _s.SetLength(value);
            public override void Write(byte[] buffer, int offset, int count) => _s.Write(buffer, offset, count);
            protected override void Dispose(bool disposing) { }
        }
    }
}
