// A streaming message digest (MD5, SHA-1, SHA-256) behind one small interface, so HTTP/SIP digest
// authentication (RFC 7616, RFC 8760) can pick the algorithm named in a challenge at runtime.
// Depends on nothing. Implementations: Md5, Sha1, Sha256 (all via BlockHash).
// Not thread-safe: one instance per user.
namespace Endpoint.Crypto
{
    /// <summary>A streaming hash: Reset, any number of Update calls, then Final.</summary>
    public interface IHashAlgorithm
    {
        /// <summary>Digest length in bytes (16 for MD5, 20 for SHA-1, 32 for SHA-256).</summary>
        int HashSize { get; }

        /// <summary>Discards any absorbed input and starts a new message.</summary>
        void Reset();

        /// <summary>Absorbs data[offset, offset+count).</summary>
        void Update(byte[] data, int offset, int count);

        /// <summary>Absorbs one byte.</summary>
        void UpdateByte(byte value);

        /// <summary>Absorbs the characters of an ASCII-only string, one byte each. Throws
        /// ArgumentException (before absorbing anything) if a character is above 0x7F.</summary>
        void UpdateAscii(string s);

        /// <summary>Absorbs the UTF-8 encoding of s without allocating. Surrogate pairs become
        /// 4-byte sequences; an unpaired surrogate becomes U+FFFD (EF BF BD), like .NET's encoder.</summary>
        void UpdateUtf8(string s);

        /// <summary>Writes the digest to output[outputOffset, +HashSize) and resets for the next message.</summary>
        void Final(byte[] output, int outputOffset);
    }
}
