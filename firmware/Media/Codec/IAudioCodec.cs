// An audio codec as the media path sees it: an RTP payload type, an encoding name and clock rate
// for SDP (RFC 3551 / RFC 4566 rtpmap), and whole-buffer encode/decode into caller buffers.
// Depends on nothing. Does not know RTP packets, SDP text or the jitter buffer.
// Limit: the media path (jitter buffer, pump) assumes a stateless, sample-addressable codec,
// i.e. SamplesForBytes/BytesForSamples are exact and a payload may be decoded from any byte
// offset (true for G.711). Stateful or frame-based codecs need a different contract.
namespace Endpoint.Media.Codec
{
    /// <summary>A stateless audio codec usable on the per-frame path (no allocation per call).</summary>
    public interface IAudioCodec
    {
        /// <summary>The static RTP payload type (RFC 3551), e.g. 0 for PCMU, 8 for PCMA.</summary>
        int PayloadType { get; }

        /// <summary>The encoding name for the SDP rtpmap attribute, e.g. "PCMU".</summary>
        string EncodingName { get; }

        /// <summary>The RTP clock rate in Hz (8000 for G.711).</summary>
        int ClockRate { get; }

        /// <summary>Number of audio channels (1).</summary>
        int Channels { get; }

        /// <summary>Encoded bytes needed for <paramref name="samples"/> PCM samples.</summary>
        int BytesForSamples(int samples);

        /// <summary>PCM samples carried by <paramref name="bytes"/> encoded bytes.</summary>
        int SamplesForBytes(int bytes);

        /// <summary>Encodes pcm[off, off+count) into dst from dstOff. Returns the bytes written.</summary>
        int Encode(short[] pcm, int off, int count, byte[] dst, int dstOff);

        /// <summary>Decodes src[off, off+count) into pcm from pcmOff. Returns the samples written.</summary>
        int Decode(byte[] src, int off, int count, short[] pcm, int pcmOff);
    }
}
