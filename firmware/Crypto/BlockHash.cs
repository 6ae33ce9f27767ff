// Shared Merkle-Damgard plumbing for the 64-byte-block hashes (MD5 RFC 1321 §3.1-3.2, SHA-1 and
// SHA-256 FIPS 180-4 §5.1.1): input buffering, UTF-8/ASCII absorption and the final padding
// (0x80, zeros, 64-bit bit length; little-endian for MD5, big-endian for SHA).
// Depends on System.Array only. Does not depend on System.Text or any native crypto.
// Limits: messages up to 2^61-1 bytes; not thread-safe; after construction no call allocates.
// Subclasses supply the compression function and the state words.
using System;

namespace Endpoint.Crypto
{
    /// <summary>Base of Md5, Sha1 and Sha256: buffers input into 64-byte blocks and pads the last one.</summary>
    public abstract class BlockHash : IHashAlgorithm
    {
        /// <summary>Block length in bytes of every hash derived from this class.</summary>
        public const int BlockSize = 64;

        private readonly byte[] _block = new byte[BlockSize];
        private readonly int _hashSize;
        private readonly bool _bigEndianLength;
        private int _blockLen;
        private long _byteCount;

        /// <summary>Creates the buffer; the subclass must set its initial state (call Reset).</summary>
        protected BlockHash(int hashSize, bool bigEndianLength)
        {
            _hashSize = hashSize;
            _bigEndianLength = bigEndianLength;
        }

        int IHashAlgorithm.HashSize => _hashSize;

        /// <summary>Sets the chaining state to the algorithm's initial value.</summary>
        protected abstract void ResetState();

        /// <summary>Compresses the 64 bytes data[offset, offset+64) into the chaining state.</summary>
        protected abstract void ProcessBlock(byte[] data, int offset);

        /// <summary>Writes the chaining state as the digest (HashSize bytes).</summary>
        protected abstract void WriteDigest(byte[] output, int outputOffset);

        /// <summary>Discards any absorbed input and starts a new message.</summary>
        public void Reset()
        {
            _blockLen = 0;
            _byteCount = 0;
            ResetState();
        }

        /// <summary>Continues a message whose first byteCount bytes (a multiple of 64) the subclass
        /// has already restored into its chaining state (used by HMAC precomputed pads).</summary>
        internal void ResumeAt(long byteCount)
        {
            _blockLen = 0;
            _byteCount = byteCount;
        }

        /// <summary>Absorbs data[offset, offset+count). Whole blocks are compressed straight from data.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException("offset");
            if (count == 0) return;
            _byteCount += count;
            int fill = _blockLen;
            if (fill != 0)
            {
                int take = BlockSize - fill;
                if (take > count) take = count;
                Array.Copy(data, offset, _block, fill, take);
                fill += take;
                offset += take;
                count -= take;
                if (fill < BlockSize)
                {
                    _blockLen = fill;
                    return;
                }
                ProcessBlock(_block, 0);
            }
            while (count >= BlockSize)
            {
                ProcessBlock(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }
            if (count > 0) Array.Copy(data, offset, _block, 0, count);
            _blockLen = count;
        }

        /// <summary>Absorbs one byte.</summary>
        public void UpdateByte(byte value)
        {
            int n = _blockLen;
            _block[n++] = value;
            _byteCount++;
            if (n == BlockSize)
            {
                ProcessBlock(_block, 0);
                n = 0;
            }
            _blockLen = n;
        }

        /// <summary>Absorbs an ASCII-only string, one byte per character, without allocating.
        /// Throws ArgumentException, before absorbing anything, if a character is above 0x7F.</summary>
        public void UpdateAscii(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            int len = s.Length;
            for (int i = 0; i < len; i++)
            {
                if (s[i] > 0x7F) throw new ArgumentException("not ASCII; use UpdateUtf8", "s");
            }
            byte[] blk = _block;
            int n = _blockLen;
            for (int i = 0; i < len; i++)
            {
                blk[n] = (byte)s[i];
                if (++n == BlockSize)
                {
                    ProcessBlock(blk, 0);
                    n = 0;
                }
            }
            _blockLen = n;
            _byteCount += len;
        }

        /// <summary>Absorbs the UTF-8 encoding of s without allocating (BMP characters and surrogate
        /// pairs; an unpaired surrogate is encoded as U+FFFD).</summary>
        public void UpdateUtf8(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            byte[] blk = _block;
            int n = _blockLen;
            long total = 0;
            int len = s.Length;
            for (int i = 0; i < len; i++)
            {
                int c = s[i];
                if (c < 0x80)
                {
                    blk[n] = (byte)c;
                    total++;
                    if (++n == BlockSize)
                    {
                        ProcessBlock(blk, 0);
                        n = 0;
                    }
                    continue;
                }
                // Pack the 2..4 encoded bytes big-end first into one int, then emit them.
                int packed;
                int k;
                if (c < 0x800)
                {
                    packed = (0xC0 | (c >> 6)) << 8 | (0x80 | (c & 0x3F));
                    k = 2;
                }
                else if (c < 0xD800 || c > 0xDFFF)
                {
                    packed = (0xE0 | (c >> 12)) << 16 | (0x80 | ((c >> 6) & 0x3F)) << 8 | (0x80 | (c & 0x3F));
                    k = 3;
                }
                else if (c <= 0xDBFF && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    packed = (0xF0 | (cp >> 18)) << 24 | (0x80 | ((cp >> 12) & 0x3F)) << 16
                           | (0x80 | ((cp >> 6) & 0x3F)) << 8 | (0x80 | (cp & 0x3F));
                    k = 4;
                }
                else
                {
                    packed = 0xEFBFBD; // U+FFFD replacement character
                    k = 3;
                }
                total += k;
                while (k > 0)
                {
                    k--;
                    blk[n] = (byte)(packed >> (k << 3));
                    if (++n == BlockSize)
                    {
                        ProcessBlock(blk, 0);
                        n = 0;
                    }
                }
            }
            _blockLen = n;
            _byteCount += total;
        }

        /// <summary>Pads the message, writes the digest to output[outputOffset, +HashSize) and resets.</summary>
        public void Final(byte[] output, int outputOffset)
        {
            if (output == null) throw new ArgumentNullException("output");
            if (outputOffset < 0 || outputOffset > output.Length - _hashSize) throw new ArgumentOutOfRangeException("outputOffset");
            byte[] blk = _block;
            int n = _blockLen;
            blk[n++] = 0x80;
            if (n > BlockSize - 8)
            {
                if (n < BlockSize) Array.Clear(blk, n, BlockSize - n);
                ProcessBlock(blk, 0);
                n = 0;
            }
            if (n < BlockSize - 8) Array.Clear(blk, n, BlockSize - 8 - n);
            long bits = _byteCount << 3;
            int lo = (int)bits;
            int hi = (int)(bits >> 32);
            if (_bigEndianLength)
            {
                blk[56] = (byte)(hi >> 24); blk[57] = (byte)(hi >> 16); blk[58] = (byte)(hi >> 8); blk[59] = (byte)hi;
                blk[60] = (byte)(lo >> 24); blk[61] = (byte)(lo >> 16); blk[62] = (byte)(lo >> 8); blk[63] = (byte)lo;
            }
            else
            {
                blk[56] = (byte)lo; blk[57] = (byte)(lo >> 8); blk[58] = (byte)(lo >> 16); blk[59] = (byte)(lo >> 24);
                blk[60] = (byte)hi; blk[61] = (byte)(hi >> 8); blk[62] = (byte)(hi >> 16); blk[63] = (byte)(hi >> 24);
            }
            ProcessBlock(blk, 0);
            WriteDigest(output, outputOffset);
            Reset();
        }

        /// <summary>One shot: Reset, Update(data, offset, count), Final(output, outputOffset).
        /// Discards anything absorbed before the call.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Reset();
            Update(data, offset, count);
            Final(output, outputOffset);
        }
    }
}
