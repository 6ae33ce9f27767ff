// SHA-1, FIPS 180-4 §6.1 (OpenDHT keys are the 40-hex SHA-1 of the key string).
// Depends on BlockHash (buffering and padding). Does not depend on System.Security.Cryptography.
// Limits: SHA-1 is broken for collision resistance; use it only for identifiers a protocol fixes.
// The 80 rounds are unrolled with the five working variables renamed each round (no shuffling);
// the message schedule is an 80-word array allocated once. Not thread-safe; no allocation after
// construction.
namespace Endpoint.Crypto
{
    /// <summary>SHA-1 (FIPS 180-4): 20-byte digest.</summary>
    public sealed class Sha1 : BlockHash
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 20;

        private readonly uint[] _w = new uint[80];
        private uint _h0, _h1, _h2, _h3, _h4;

        /// <summary>Creates a hash ready for a new message.</summary>
        public Sha1() : base(HashSize, true)
        {
            Reset();
        }

        /// <inheritdoc/>
        protected override void ResetState()
        {
            _h0 = 0x67452301u;
            _h1 = 0xefcdab89u;
            _h2 = 0x98badcfeu;
            _h3 = 0x10325476u;
            _h4 = 0xc3d2e1f0u;
        }

        /// <inheritdoc/>
        protected override void ProcessBlock(byte[] p, int o)
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++, o += 4)
            {
                w[t] = (uint)(p[o] << 24 | p[o + 1] << 16 | p[o + 2] << 8 | p[o + 3]);
            }
            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = x << 1 | x >> 31;
            }
            uint a = _h0, b = _h1, c = _h2, d = _h3, e = _h4;

            e += (a << 5 | a >> 27) + (d ^ (b & (c ^ d))) + 0x5a827999u + w[0]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (c ^ (a & (b ^ c))) + 0x5a827999u + w[1]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (b ^ (e & (a ^ b))) + 0x5a827999u + w[2]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (a ^ (d & (e ^ a))) + 0x5a827999u + w[3]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (e ^ (c & (d ^ e))) + 0x5a827999u + w[4]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (d ^ (b & (c ^ d))) + 0x5a827999u + w[5]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (c ^ (a & (b ^ c))) + 0x5a827999u + w[6]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (b ^ (e & (a ^ b))) + 0x5a827999u + w[7]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (a ^ (d & (e ^ a))) + 0x5a827999u + w[8]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (e ^ (c & (d ^ e))) + 0x5a827999u + w[9]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (d ^ (b & (c ^ d))) + 0x5a827999u + w[10]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (c ^ (a & (b ^ c))) + 0x5a827999u + w[11]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (b ^ (e & (a ^ b))) + 0x5a827999u + w[12]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (a ^ (d & (e ^ a))) + 0x5a827999u + w[13]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (e ^ (c & (d ^ e))) + 0x5a827999u + w[14]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (d ^ (b & (c ^ d))) + 0x5a827999u + w[15]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (c ^ (a & (b ^ c))) + 0x5a827999u + w[16]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (b ^ (e & (a ^ b))) + 0x5a827999u + w[17]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (a ^ (d & (e ^ a))) + 0x5a827999u + w[18]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (e ^ (c & (d ^ e))) + 0x5a827999u + w[19]; c = c << 30 | c >> 2;

            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0x6ed9eba1u + w[20]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0x6ed9eba1u + w[21]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0x6ed9eba1u + w[22]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0x6ed9eba1u + w[23]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0x6ed9eba1u + w[24]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0x6ed9eba1u + w[25]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0x6ed9eba1u + w[26]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0x6ed9eba1u + w[27]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0x6ed9eba1u + w[28]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0x6ed9eba1u + w[29]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0x6ed9eba1u + w[30]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0x6ed9eba1u + w[31]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0x6ed9eba1u + w[32]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0x6ed9eba1u + w[33]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0x6ed9eba1u + w[34]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0x6ed9eba1u + w[35]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0x6ed9eba1u + w[36]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0x6ed9eba1u + w[37]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0x6ed9eba1u + w[38]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0x6ed9eba1u + w[39]; c = c << 30 | c >> 2;

            e += (a << 5 | a >> 27) + ((b & c) | (d & (b | c))) + 0x8f1bbcdcu + w[40]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + ((a & b) | (c & (a | b))) + 0x8f1bbcdcu + w[41]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + ((e & a) | (b & (e | a))) + 0x8f1bbcdcu + w[42]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + ((d & e) | (a & (d | e))) + 0x8f1bbcdcu + w[43]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + ((c & d) | (e & (c | d))) + 0x8f1bbcdcu + w[44]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + ((b & c) | (d & (b | c))) + 0x8f1bbcdcu + w[45]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + ((a & b) | (c & (a | b))) + 0x8f1bbcdcu + w[46]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + ((e & a) | (b & (e | a))) + 0x8f1bbcdcu + w[47]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + ((d & e) | (a & (d | e))) + 0x8f1bbcdcu + w[48]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + ((c & d) | (e & (c | d))) + 0x8f1bbcdcu + w[49]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + ((b & c) | (d & (b | c))) + 0x8f1bbcdcu + w[50]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + ((a & b) | (c & (a | b))) + 0x8f1bbcdcu + w[51]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + ((e & a) | (b & (e | a))) + 0x8f1bbcdcu + w[52]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + ((d & e) | (a & (d | e))) + 0x8f1bbcdcu + w[53]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + ((c & d) | (e & (c | d))) + 0x8f1bbcdcu + w[54]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + ((b & c) | (d & (b | c))) + 0x8f1bbcdcu + w[55]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + ((a & b) | (c & (a | b))) + 0x8f1bbcdcu + w[56]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + ((e & a) | (b & (e | a))) + 0x8f1bbcdcu + w[57]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + ((d & e) | (a & (d | e))) + 0x8f1bbcdcu + w[58]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + ((c & d) | (e & (c | d))) + 0x8f1bbcdcu + w[59]; c = c << 30 | c >> 2;

            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0xca62c1d6u + w[60]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0xca62c1d6u + w[61]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0xca62c1d6u + w[62]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0xca62c1d6u + w[63]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0xca62c1d6u + w[64]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0xca62c1d6u + w[65]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0xca62c1d6u + w[66]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0xca62c1d6u + w[67]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0xca62c1d6u + w[68]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0xca62c1d6u + w[69]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0xca62c1d6u + w[70]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0xca62c1d6u + w[71]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0xca62c1d6u + w[72]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0xca62c1d6u + w[73]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0xca62c1d6u + w[74]; c = c << 30 | c >> 2;
            e += (a << 5 | a >> 27) + (b ^ c ^ d) + 0xca62c1d6u + w[75]; b = b << 30 | b >> 2;
            d += (e << 5 | e >> 27) + (a ^ b ^ c) + 0xca62c1d6u + w[76]; a = a << 30 | a >> 2;
            c += (d << 5 | d >> 27) + (e ^ a ^ b) + 0xca62c1d6u + w[77]; e = e << 30 | e >> 2;
            b += (c << 5 | c >> 27) + (d ^ e ^ a) + 0xca62c1d6u + w[78]; d = d << 30 | d >> 2;
            a += (b << 5 | b >> 27) + (c ^ d ^ e) + 0xca62c1d6u + w[79]; c = c << 30 | c >> 2;

            _h0 += a;
            _h1 += b;
            _h2 += c;
            _h3 += d;
            _h4 += e;
        }

        /// <inheritdoc/>
        protected override void WriteDigest(byte[] output, int o)
        {
            Sha256.PutBigEndian(_h0, output, o);
            Sha256.PutBigEndian(_h1, output, o + 4);
            Sha256.PutBigEndian(_h2, output, o + 8);
            Sha256.PutBigEndian(_h3, output, o + 12);
            Sha256.PutBigEndian(_h4, output, o + 16);
        }
    }
}
