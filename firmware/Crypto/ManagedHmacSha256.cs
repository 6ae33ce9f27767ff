// HMAC-SHA256, RFC 2104 / FIPS 198-1 with SHA-256 (test vectors: RFC 4231), in managed code.
// Depends on Sha256. Does not depend on System.Security.Cryptography (works on every target).
// The SHA-256 states after the (key XOR ipad) and (key XOR opad) blocks are computed once in the
// constructor, so each MAC costs two compressions fewer than a textbook HMAC.
// Limits: keys longer than 64 bytes are hashed first (RFC 2104 §2); the MAC is always 32 bytes
// (truncate in the caller if a protocol wants fewer). Not thread-safe; Compute allocates nothing.
// The precomputed states are key-equivalent secrets held for the object's lifetime.
using System;

namespace Endpoint.Crypto
{
    /// <summary>HMAC-SHA256 over the managed Sha256; keyed at construction.</summary>
    public sealed class ManagedHmacSha256 : IHmacSha256
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacSize = 32;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _innerState = new uint[8];
        private readonly uint[] _outerState = new uint[8];
        private readonly byte[] _innerMac = new byte[MacSize];

        /// <summary>Keys the MAC with the whole of key (any length, including zero).</summary>
        public ManagedHmacSha256(byte[] key) : this(key, 0, key == null ? 0 : key.Length)
        {
        }

        /// <summary>Keys the MAC with key[offset, offset+count). The key bytes are not retained.</summary>
        public ManagedHmacSha256(byte[] key, int offset, int count)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (offset < 0 || count < 0 || offset > key.Length - count) throw new ArgumentOutOfRangeException("offset");
            byte[] pad = new byte[BlockHash.BlockSize];
            if (count > BlockHash.BlockSize)
            {
                _sha.Compute(key, offset, count, pad, 0);
            }
            else
            {
                Array.Copy(key, offset, pad, 0, count);
            }
            for (int i = 0; i < pad.Length; i++) pad[i] ^= 0x36;
            _sha.Reset();
            _sha.Update(pad, 0, pad.Length);
            _sha.ExportState(_innerState);
            for (int i = 0; i < pad.Length; i++) pad[i] ^= 0x36 ^ 0x5c;
            _sha.Reset();
            _sha.Update(pad, 0, pad.Length);
            _sha.ExportState(_outerState);
            Array.Clear(pad, 0, pad.Length);
            _sha.Reset();
        }

        /// <summary>Writes the 32-byte MAC of data[offset, offset+count) to output[outputOffset, +32).
        /// output may overlap data.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            if (output == null) throw new ArgumentNullException("output");
            if (outputOffset < 0 || outputOffset > output.Length - MacSize) throw new ArgumentOutOfRangeException("outputOffset");
            Sha256 sha = _sha;
            sha.ImportState(_innerState, BlockHash.BlockSize);
            sha.Update(data, offset, count);
            sha.Final(_innerMac, 0);
            sha.ImportState(_outerState, BlockHash.BlockSize);
            sha.Update(_innerMac, 0, MacSize);
            sha.Final(output, outputOffset);
        }
    }
}
