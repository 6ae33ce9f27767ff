// MD5 message digest, RFC 1321 (used by HTTP/SIP digest authentication, RFC 7616 / RFC 2617).
// Depends on BlockHash (buffering and padding). Does not depend on System.Security.Cryptography.
// Limits: MD5 is broken for collision resistance; use it only where a protocol mandates it.
// The 64 steps are fully unrolled with the message words in locals and the sine constants inline:
// on the nanoFramework interpreter every IL instruction costs, so there is no table or loop here.
// Not thread-safe; no allocation after construction.
namespace Endpoint.Crypto
{
    /// <summary>MD5 (RFC 1321): 16-byte digest.</summary>
    public sealed class Md5 : BlockHash
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 16;

        private uint _a, _b, _c, _d;

        /// <summary>Creates a hash ready for a new message.</summary>
        public Md5() : base(HashSize, false)
        {
            Reset();
        }

        /// <inheritdoc/>
        protected override void ResetState()
        {
            _a = 0x67452301u;
            _b = 0xefcdab89u;
            _c = 0x98badcfeu;
            _d = 0x10325476u;
        }

        /// <inheritdoc/>
        protected override void ProcessBlock(byte[] p, int o)
        {
            uint x0 = (uint)(p[o] | p[o + 1] << 8 | p[o + 2] << 16 | p[o + 3] << 24);
            uint x1 = (uint)(p[o + 4] | p[o + 5] << 8 | p[o + 6] << 16 | p[o + 7] << 24);
            uint x2 = (uint)(p[o + 8] | p[o + 9] << 8 | p[o + 10] << 16 | p[o + 11] << 24);
            uint x3 = (uint)(p[o + 12] | p[o + 13] << 8 | p[o + 14] << 16 | p[o + 15] << 24);
            uint x4 = (uint)(p[o + 16] | p[o + 17] << 8 | p[o + 18] << 16 | p[o + 19] << 24);
            uint x5 = (uint)(p[o + 20] | p[o + 21] << 8 | p[o + 22] << 16 | p[o + 23] << 24);
            uint x6 = (uint)(p[o + 24] | p[o + 25] << 8 | p[o + 26] << 16 | p[o + 27] << 24);
            uint x7 = (uint)(p[o + 28] | p[o + 29] << 8 | p[o + 30] << 16 | p[o + 31] << 24);
            uint x8 = (uint)(p[o + 32] | p[o + 33] << 8 | p[o + 34] << 16 | p[o + 35] << 24);
            uint x9 = (uint)(p[o + 36] | p[o + 37] << 8 | p[o + 38] << 16 | p[o + 39] << 24);
            uint x10 = (uint)(p[o + 40] | p[o + 41] << 8 | p[o + 42] << 16 | p[o + 43] << 24);
            uint x11 = (uint)(p[o + 44] | p[o + 45] << 8 | p[o + 46] << 16 | p[o + 47] << 24);
            uint x12 = (uint)(p[o + 48] | p[o + 49] << 8 | p[o + 50] << 16 | p[o + 51] << 24);
            uint x13 = (uint)(p[o + 52] | p[o + 53] << 8 | p[o + 54] << 16 | p[o + 55] << 24);
            uint x14 = (uint)(p[o + 56] | p[o + 57] << 8 | p[o + 58] << 16 | p[o + 59] << 24);
            uint x15 = (uint)(p[o + 60] | p[o + 61] << 8 | p[o + 62] << 16 | p[o + 63] << 24);
            uint a = _a, b = _b, c = _c, d = _d;

            a += (d ^ (b & (c ^ d))) + x0 + 0xd76aa478u; a = (a << 7 | a >> 25) + b;
            d += (c ^ (a & (b ^ c))) + x1 + 0xe8c7b756u; d = (d << 12 | d >> 20) + a;
            c += (b ^ (d & (a ^ b))) + x2 + 0x242070dbu; c = (c << 17 | c >> 15) + d;
            b += (a ^ (c & (d ^ a))) + x3 + 0xc1bdceeeu; b = (b << 22 | b >> 10) + c;
            a += (d ^ (b & (c ^ d))) + x4 + 0xf57c0fafu; a = (a << 7 | a >> 25) + b;
            d += (c ^ (a & (b ^ c))) + x5 + 0x4787c62au; d = (d << 12 | d >> 20) + a;
            c += (b ^ (d & (a ^ b))) + x6 + 0xa8304613u; c = (c << 17 | c >> 15) + d;
            b += (a ^ (c & (d ^ a))) + x7 + 0xfd469501u; b = (b << 22 | b >> 10) + c;
            a += (d ^ (b & (c ^ d))) + x8 + 0x698098d8u; a = (a << 7 | a >> 25) + b;
            d += (c ^ (a & (b ^ c))) + x9 + 0x8b44f7afu; d = (d << 12 | d >> 20) + a;
            c += (b ^ (d & (a ^ b))) + x10 + 0xffff5bb1u; c = (c << 17 | c >> 15) + d;
            b += (a ^ (c & (d ^ a))) + x11 + 0x895cd7beu; b = (b << 22 | b >> 10) + c;
            a += (d ^ (b & (c ^ d))) + x12 + 0x6b901122u; a = (a << 7 | a >> 25) + b;
            d += (c ^ (a & (b ^ c))) + x13 + 0xfd987193u; d = (d << 12 | d >> 20) + a;
            c += (b ^ (d & (a ^ b))) + x14 + 0xa679438eu; c = (c << 17 | c >> 15) + d;
            b += (a ^ (c & (d ^ a))) + x15 + 0x49b40821u; b = (b << 22 | b >> 10) + c;

            a += (c ^ (d & (b ^ c))) + x1 + 0xf61e2562u; a = (a << 5 | a >> 27) + b;
            d += (b ^ (c & (a ^ b))) + x6 + 0xc040b340u; d = (d << 9 | d >> 23) + a;
            c += (a ^ (b & (d ^ a))) + x11 + 0x265e5a51u; c = (c << 14 | c >> 18) + d;
            b += (d ^ (a & (c ^ d))) + x0 + 0xe9b6c7aau; b = (b << 20 | b >> 12) + c;
            a += (c ^ (d & (b ^ c))) + x5 + 0xd62f105du; a = (a << 5 | a >> 27) + b;
            d += (b ^ (c & (a ^ b))) + x10 + 0x02441453u; d = (d << 9 | d >> 23) + a;
            c += (a ^ (b & (d ^ a))) + x15 + 0xd8a1e681u; c = (c << 14 | c >> 18) + d;
            b += (d ^ (a & (c ^ d))) + x4 + 0xe7d3fbc8u; b = (b << 20 | b >> 12) + c;
            a += (c ^ (d & (b ^ c))) + x9 + 0x21e1cde6u; a = (a << 5 | a >> 27) + b;
            d += (b ^ (c & (a ^ b))) + x14 + 0xc33707d6u; d = (d << 9 | d >> 23) + a;
            c += (a ^ (b & (d ^ a))) + x3 + 0xf4d50d87u; c = (c << 14 | c >> 18) + d;
            b += (d ^ (a & (c ^ d))) + x8 + 0x455a14edu; b = (b << 20 | b >> 12) + c;
            a += (c ^ (d & (b ^ c))) + x13 + 0xa9e3e905u; a = (a << 5 | a >> 27) + b;
            d += (b ^ (c & (a ^ b))) + x2 + 0xfcefa3f8u; d = (d << 9 | d >> 23) + a;
            c += (a ^ (b & (d ^ a))) + x7 + 0x676f02d9u; c = (c << 14 | c >> 18) + d;
            b += (d ^ (a & (c ^ d))) + x12 + 0x8d2a4c8au; b = (b << 20 | b >> 12) + c;

            a += (b ^ c ^ d) + x5 + 0xfffa3942u; a = (a << 4 | a >> 28) + b;
            d += (a ^ b ^ c) + x8 + 0x8771f681u; d = (d << 11 | d >> 21) + a;
            c += (d ^ a ^ b) + x11 + 0x6d9d6122u; c = (c << 16 | c >> 16) + d;
            b += (c ^ d ^ a) + x14 + 0xfde5380cu; b = (b << 23 | b >> 9) + c;
            a += (b ^ c ^ d) + x1 + 0xa4beea44u; a = (a << 4 | a >> 28) + b;
            d += (a ^ b ^ c) + x4 + 0x4bdecfa9u; d = (d << 11 | d >> 21) + a;
            c += (d ^ a ^ b) + x7 + 0xf6bb4b60u; c = (c << 16 | c >> 16) + d;
            b += (c ^ d ^ a) + x10 + 0xbebfbc70u; b = (b << 23 | b >> 9) + c;
            a += (b ^ c ^ d) + x13 + 0x289b7ec6u; a = (a << 4 | a >> 28) + b;
            d += (a ^ b ^ c) + x0 + 0xeaa127fau; d = (d << 11 | d >> 21) + a;
            c += (d ^ a ^ b) + x3 + 0xd4ef3085u; c = (c << 16 | c >> 16) + d;
            b += (c ^ d ^ a) + x6 + 0x04881d05u; b = (b << 23 | b >> 9) + c;
            a += (b ^ c ^ d) + x9 + 0xd9d4d039u; a = (a << 4 | a >> 28) + b;
            d += (a ^ b ^ c) + x12 + 0xe6db99e5u; d = (d << 11 | d >> 21) + a;
            c += (d ^ a ^ b) + x15 + 0x1fa27cf8u; c = (c << 16 | c >> 16) + d;
            b += (c ^ d ^ a) + x2 + 0xc4ac5665u; b = (b << 23 | b >> 9) + c;

            a += (c ^ (b | ~d)) + x0 + 0xf4292244u; a = (a << 6 | a >> 26) + b;
            d += (b ^ (a | ~c)) + x7 + 0x432aff97u; d = (d << 10 | d >> 22) + a;
            c += (a ^ (d | ~b)) + x14 + 0xab9423a7u; c = (c << 15 | c >> 17) + d;
            b += (d ^ (c | ~a)) + x5 + 0xfc93a039u; b = (b << 21 | b >> 11) + c;
            a += (c ^ (b | ~d)) + x12 + 0x655b59c3u; a = (a << 6 | a >> 26) + b;
            d += (b ^ (a | ~c)) + x3 + 0x8f0ccc92u; d = (d << 10 | d >> 22) + a;
            c += (a ^ (d | ~b)) + x10 + 0xffeff47du; c = (c << 15 | c >> 17) + d;
            b += (d ^ (c | ~a)) + x1 + 0x85845dd1u; b = (b << 21 | b >> 11) + c;
            a += (c ^ (b | ~d)) + x8 + 0x6fa87e4fu; a = (a << 6 | a >> 26) + b;
            d += (b ^ (a | ~c)) + x15 + 0xfe2ce6e0u; d = (d << 10 | d >> 22) + a;
            c += (a ^ (d | ~b)) + x6 + 0xa3014314u; c = (c << 15 | c >> 17) + d;
            b += (d ^ (c | ~a)) + x13 + 0x4e0811a1u; b = (b << 21 | b >> 11) + c;
            a += (c ^ (b | ~d)) + x4 + 0xf7537e82u; a = (a << 6 | a >> 26) + b;
            d += (b ^ (a | ~c)) + x11 + 0xbd3af235u; d = (d << 10 | d >> 22) + a;
            c += (a ^ (d | ~b)) + x2 + 0x2ad7d2bbu; c = (c << 15 | c >> 17) + d;
            b += (d ^ (c | ~a)) + x9 + 0xeb86d391u; b = (b << 21 | b >> 11) + c;

            _a += a;
            _b += b;
            _c += c;
            _d += d;
        }

        /// <inheritdoc/>
        protected override void WriteDigest(byte[] output, int o)
        {
            uint v = _a;
            output[o] = (byte)v; output[o + 1] = (byte)(v >> 8); output[o + 2] = (byte)(v >> 16); output[o + 3] = (byte)(v >> 24);
            v = _b;
            output[o + 4] = (byte)v; output[o + 5] = (byte)(v >> 8); output[o + 6] = (byte)(v >> 16); output[o + 7] = (byte)(v >> 24);
            v = _c;
            output[o + 8] = (byte)v; output[o + 9] = (byte)(v >> 8); output[o + 10] = (byte)(v >> 16); output[o + 11] = (byte)(v >> 24);
            v = _d;
            output[o + 12] = (byte)v; output[o + 13] = (byte)(v >> 8); output[o + 14] = (byte)(v >> 16); output[o + 15] = (byte)(v >> 24);
        }
    }
}
