// RFC 3551 payload type 8 (PCMA): ITU-T G.711 A-law at 8 kHz mono, one byte per sample.
// Depends on G711. Does not know RTP or SDP text; the payload type and name are data for them.
namespace Endpoint.Media.Codec
{
    /// <summary>The PCMA codec (G.711 A-law, static payload type 8).</summary>
    public sealed class PcmaCodec : IAudioCodec
    {
        /// <summary>RFC 3551 static payload type of PCMA.</summary>
        public const int StaticPayloadType = 8;

        private readonly bool _useTable;

        /// <summary>A PCMA codec using the compact encoder (no extra memory).</summary>
        public PcmaCodec() : this(G711EncoderMode.Compact) { }

        /// <summary>A PCMA codec; <see cref="G711EncoderMode.Table"/> builds the shared 4,096-byte encode table once.</summary>
        public PcmaCodec(G711EncoderMode mode)
        {
            _useTable = mode == G711EncoderMode.Table;
            if (_useTable) G711.BuildALawTable();
        }

        /// <summary>The encoder this instance uses.</summary>
        public G711EncoderMode Mode { get { return _useTable ? G711EncoderMode.Table : G711EncoderMode.Compact; } }

        /// <inheritdoc />
        public int PayloadType { get { return StaticPayloadType; } }

        /// <inheritdoc />
        public string EncodingName { get { return "PCMA"; } }

        /// <inheritdoc />
        public int ClockRate { get { return 8000; } }

        /// <inheritdoc />
        public int Channels { get { return 1; } }

        /// <inheritdoc />
        public int BytesForSamples(int samples) { return samples; }

        /// <inheritdoc />
        public int SamplesForBytes(int bytes) { return bytes; }

        /// <inheritdoc />
        public int Encode(short[] pcm, int off, int count, byte[] dst, int dstOff)
        {
            G711.EncodeALaw(pcm, off, count, dst, dstOff, _useTable);
            return count;
        }

        /// <inheritdoc />
        public int Decode(byte[] src, int off, int count, short[] pcm, int pcmOff)
        {
            G711.DecodeALaw(src, off, count, pcm, pcmOff);
            return count;
        }
    }
}
