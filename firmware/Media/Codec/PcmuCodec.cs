// RFC 3551 payload type 0 (PCMU): ITU-T G.711 mu-law at 8 kHz mono, one byte per sample.
// Depends on G711. Does not know RTP or SDP text; the payload type and name are data for them.
namespace Endpoint.Media.Codec
{
    /// <summary>The PCMU codec (G.711 mu-law, static payload type 0).</summary>
    public sealed class PcmuCodec : IAudioCodec
    {
        /// <summary>RFC 3551 static payload type of PCMU.</summary>
        public const int StaticPayloadType = 0;

        private readonly bool _useTable;

        /// <summary>A PCMU codec using the compact encoder (no extra memory).</summary>
        public PcmuCodec() : this(G711EncoderMode.Compact) { }

        /// <summary>A PCMU codec; <see cref="G711EncoderMode.Table"/> builds the shared 16,384-byte encode table once.</summary>
        public PcmuCodec(G711EncoderMode mode)
        {
            _useTable = mode == G711EncoderMode.Table;
            if (_useTable) G711.BuildULawTable();
        }

        /// <summary>The encoder this instance uses.</summary>
        public G711EncoderMode Mode { get { return _useTable ? G711EncoderMode.Table : G711EncoderMode.Compact; } }

        /// <inheritdoc />
        public int PayloadType { get { return StaticPayloadType; } }

        /// <inheritdoc />
        public string EncodingName { get { return "PCMU"; } }

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
            G711.EncodeULaw(pcm, off, count, dst, dstOff, _useTable);
            return count;
        }

        /// <inheritdoc />
        public int Decode(byte[] src, int off, int count, short[] pcm, int pcmOff)
        {
            G711.DecodeULaw(src, off, count, pcm, pcmOff);
            return count;
        }
    }
}
