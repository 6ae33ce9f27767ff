// RIFF/WAVE reading and writing for PCM 16-bit mono at 8 or 16 kHz (host-only). Reader walks the
// chunk list (skips LIST/fact/..., honours odd-size padding), checks format tag 1, one channel,
// 16 bits. WavWriter streams samples and fixes the RIFF and data sizes when closed, so a file
// written by an interrupted process can still be repaired by closing it. Depends on nothing.
using System;
using System.IO;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Decoded WAV contents.</summary>
    public sealed class WavData
    {
        /// <summary>Samples per second.</summary>
        public int SampleRate { get; init; }
        /// <summary>PCM16 mono samples.</summary>
        public short[] Samples { get; init; }
    }

    /// <summary>Reads and writes 16-bit mono PCM WAV files.</summary>
    public static class WavFile
    {
        /// <summary>Reads a file; throws InvalidDataException for anything but PCM16 mono.</summary>
        public static WavData Read(string path)
        {
            using (FileStream fs = File.OpenRead(path)) return Read(fs);
        }

        /// <summary>Reads a WAV stream; throws InvalidDataException for anything but PCM16 mono.</summary>
        public static WavData Read(Stream stream)
        {
            var r = new BinaryReader(stream);
            if (ReadTag(r) != "RIFF") throw new InvalidDataException("not a RIFF file");
            r.ReadUInt32();
            if (ReadTag(r) != "WAVE") throw new InvalidDataException("not a WAVE file");
            int rate = 0;
            bool haveFormat = false;
            for (int guard = 0; guard < 1000; guard++)
            {
                if (stream.Position + 8 > stream.Length) break;
                string tag = ReadTag(r);
                uint size = r.ReadUInt32();
                long next = stream.Position + size + (size & 1);
                if (tag == "fmt ")
                {
                    if (size < 16) throw new InvalidDataException("short fmt chunk");
                    ushort formatTag = r.ReadUInt16();
                    ushort channels = r.ReadUInt16();
                    rate = (int)r.ReadUInt32();
                    r.ReadUInt32();
                    r.ReadUInt16();
                    ushort bits = r.ReadUInt16();
                    if (formatTag != 1) throw new InvalidDataException("not PCM (format " + formatTag + ")");
                    if (channels != 1) throw new InvalidDataException("not mono (" + channels + " channels)");
                    if (bits != 16) throw new InvalidDataException("not 16-bit (" + bits + " bits)");
                    haveFormat = true;
                }
                else if (tag == "data")
                {
                    if (!haveFormat) throw new InvalidDataException("data before fmt");
                    long available = Math.Min(size, stream.Length - stream.Position);
                    var samples = new short[available / 2];
                    for (int i = 0; i < samples.Length; i++) samples[i] = r.ReadInt16();
                    return new WavData { SampleRate = rate, Samples = samples };
                }
                if (next > stream.Length) break;
                stream.Position = next;
            }
            throw new InvalidDataException("no data chunk");
        }

        /// <summary>Writes a whole file.</summary>
        public static void Write(string path, int sampleRate, short[] samples)
        {
            using (var w = new WavWriter(File.Create(path), sampleRate)) w.Write(samples, 0, samples.Length);
        }

        private static string ReadTag(BinaryReader r)
        {
            byte[] b = r.ReadBytes(4);
            if (b.Length < 4) throw new InvalidDataException("truncated header");
            return System.Text.Encoding.ASCII.GetString(b);
        }
    }

    /// <summary>Streaming PCM16 mono WAV writer; sizes are patched on Dispose/Close.</summary>
    public sealed class WavWriter : IDisposable
    {
        private readonly Stream _stream;
        private readonly BinaryWriter _w;
        private long _dataBytes;
        private bool _closed;

        /// <summary>Starts a WAV file on a seekable stream.</summary>
        public WavWriter(Stream stream, int sampleRate)
        {
            if (!stream.CanSeek) throw new ArgumentException("stream must be seekable");
            _stream = stream;
            _w = new BinaryWriter(stream);
            SampleRate = sampleRate;
            _w.Write(new[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F' });
            _w.Write(0u);
            _w.Write(new[] { (byte)'W', (byte)'A', (byte)'V', (byte)'E', (byte)'f', (byte)'m', (byte)'t', (byte)' ' });
            _w.Write(16u);
            _w.Write((ushort)1);
            _w.Write((ushort)1);
            _w.Write((uint)sampleRate);
            _w.Write((uint)(sampleRate * 2));
            _w.Write((ushort)2);
            _w.Write((ushort)16);
            _w.Write(new[] { (byte)'d', (byte)'a', (byte)'t', (byte)'a' });
            _w.Write(0u);
        }

        /// <summary>Samples per second.</summary>
        public int SampleRate { get; }

        /// <summary>Samples written so far.</summary>
        public long SamplesWritten { get { return _dataBytes / 2; } }

        /// <summary>Appends samples.</summary>
        public void Write(short[] samples, int offset, int count)
        {
            if (_closed) throw new ObjectDisposedException("WavWriter");
            for (int i = 0; i < count; i++) _w.Write(samples[offset + i]);
            _dataBytes += 2L * count;
        }

        /// <summary>Writes the RIFF and data sizes and closes the stream.</summary>
        public void Dispose()
        {
            if (_closed) return;
            _closed = true;
            _w.Flush();
            _stream.Position = 4;
            _w.Write((uint)(36 + _dataBytes));
            _stream.Position = 40;
            _w.Write((uint)_dataBytes);
            _w.Flush();
            _stream.Dispose();
        }
    }
}
