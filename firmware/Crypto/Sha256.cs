// SHA-256, FIPS 180-4 §6.2 (digest authentication with algorithm=SHA-256, RFC 7616 / RFC 8760,
// and the inner hash of ManagedHmacSha256).
// Depends on BlockHash (buffering and padding). Does not depend on System.Security.Cryptography.
// The 64 rounds are unrolled with the eight working variables renamed each round and the round
// constants inline; the message schedule is a 64-word array allocated once. Internal state
// export/import lets HMAC precompute its padded-key blocks. Not thread-safe; no allocation after
// construction.
namespace Endpoint.Crypto
{
    /// <summary>SHA-256 (FIPS 180-4): 32-byte digest.</summary>
    public sealed class Sha256 : BlockHash
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 32;

        private readonly uint[] _w = new uint[64];
        private uint _h0, _h1, _h2, _h3, _h4, _h5, _h6, _h7;

        /// <summary>Creates a hash ready for a new message.</summary>
        public Sha256() : base(HashSize, true)
        {
            Reset();
        }

        /// <inheritdoc/>
        protected override void ResetState()
        {
            _h0 = 0x6a09e667u;
            _h1 = 0xbb67ae85u;
            _h2 = 0x3c6ef372u;
            _h3 = 0xa54ff53au;
            _h4 = 0x510e527fu;
            _h5 = 0x9b05688cu;
            _h6 = 0x1f83d9abu;
            _h7 = 0x5be0cd19u;
        }

        /// <summary>Copies the chaining state (8 words) to dst; valid between whole blocks only.</summary>
        internal void ExportState(uint[] dst)
        {
            dst[0] = _h0; dst[1] = _h1; dst[2] = _h2; dst[3] = _h3;
            dst[4] = _h4; dst[5] = _h5; dst[6] = _h6; dst[7] = _h7;
        }

        /// <summary>Restores a state from ExportState taken after byteCount bytes (a multiple of 64).</summary>
        internal void ImportState(uint[] src, long byteCount)
        {
            _h0 = src[0]; _h1 = src[1]; _h2 = src[2]; _h3 = src[3];
            _h4 = src[4]; _h5 = src[5]; _h6 = src[6]; _h7 = src[7];
            ResumeAt(byteCount);
        }

        /// <inheritdoc/>
        protected override void ProcessBlock(byte[] p, int o)
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++, o += 4)
            {
                w[t] = (uint)(p[o] << 24 | p[o + 1] << 16 | p[o + 2] << 8 | p[o + 3]);
            }
            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                w[t] = ((x >> 17 | x << 15) ^ (x >> 19 | x << 13) ^ (x >> 10)) + w[t - 7]
                     + ((y >> 7 | y << 25) ^ (y >> 18 | y << 14) ^ (y >> 3)) + w[t - 16];
            }
            uint a = _h0, b = _h1, c = _h2, d = _h3, e = _h4, f = _h5, g = _h6, h = _h7;

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0x428a2f98u + w[0]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0x71374491u + w[1]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0xb5c0fbcfu + w[2]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0xe9b5dba5u + w[3]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x3956c25bu + w[4]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0x59f111f1u + w[5]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x923f82a4u + w[6]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0xab1c5ed5u + w[7]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0xd807aa98u + w[8]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0x12835b01u + w[9]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0x243185beu + w[10]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0x550c7dc3u + w[11]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x72be5d74u + w[12]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0x80deb1feu + w[13]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x9bdc06a7u + w[14]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0xc19bf174u + w[15]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0xe49b69c1u + w[16]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0xefbe4786u + w[17]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0x0fc19dc6u + w[18]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0x240ca1ccu + w[19]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x2de92c6fu + w[20]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0x4a7484aau + w[21]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x5cb0a9dcu + w[22]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0x76f988dau + w[23]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0x983e5152u + w[24]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0xa831c66du + w[25]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0xb00327c8u + w[26]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0xbf597fc7u + w[27]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0xc6e00bf3u + w[28]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0xd5a79147u + w[29]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x06ca6351u + w[30]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0x14292967u + w[31]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0x27b70a85u + w[32]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0x2e1b2138u + w[33]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0x4d2c6dfcu + w[34]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0x53380d13u + w[35]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x650a7354u + w[36]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0x766a0abbu + w[37]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x81c2c92eu + w[38]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0x92722c85u + w[39]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0xa2bfe8a1u + w[40]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0xa81a664bu + w[41]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0xc24b8b70u + w[42]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0xc76c51a3u + w[43]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0xd192e819u + w[44]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0xd6990624u + w[45]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0xf40e3585u + w[46]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0x106aa070u + w[47]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0x19a4c116u + w[48]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0x1e376c08u + w[49]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0x2748774cu + w[50]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0x34b0bcb5u + w[51]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x391c0cb3u + w[52]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0x4ed8aa4au + w[53]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0x5b9cca4fu + w[54]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0x682e6ff3u + w[55]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            h += (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7); h += (g ^ (e & (f ^ g))) + 0x748f82eeu + w[56]; d += h;
            h += ((a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)) + ((a & b) | (c & (a | b)));
            g += (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7); g += (f ^ (d & (e ^ f))) + 0x78a5636fu + w[57]; c += g;
            g += ((h >> 2 | h << 30) ^ (h >> 13 | h << 19) ^ (h >> 22 | h << 10)) + ((h & a) | (b & (h | a)));
            f += (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7); f += (e ^ (c & (d ^ e))) + 0x84c87814u + w[58]; b += f;
            f += ((g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)) + ((g & h) | (a & (g | h)));
            e += (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7); e += (d ^ (b & (c ^ d))) + 0x8cc70208u + w[59]; a += e;
            e += ((f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)) + ((f & g) | (h & (f | g)));
            d += (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7); d += (c ^ (a & (b ^ c))) + 0x90befffau + w[60]; h += d;
            d += ((e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)) + ((e & f) | (g & (e | f)));
            c += (h >> 6 | h << 26) ^ (h >> 11 | h << 21) ^ (h >> 25 | h << 7); c += (b ^ (h & (a ^ b))) + 0xa4506cebu + w[61]; g += c;
            c += ((d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)) + ((d & e) | (f & (d | e)));
            b += (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7); b += (a ^ (g & (h ^ a))) + 0xbef9a3f7u + w[62]; f += b;
            b += ((c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)) + ((c & d) | (e & (c | d)));
            a += (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7); a += (h ^ (f & (g ^ h))) + 0xc67178f2u + w[63]; e += a;
            a += ((b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)) + ((b & c) | (d & (b | c)));

            _h0 += a;
            _h1 += b;
            _h2 += c;
            _h3 += d;
            _h4 += e;
            _h5 += f;
            _h6 += g;
            _h7 += h;
        }

        /// <inheritdoc/>
        protected override void WriteDigest(byte[] output, int o)
        {
            PutBigEndian(_h0, output, o);
            PutBigEndian(_h1, output, o + 4);
            PutBigEndian(_h2, output, o + 8);
            PutBigEndian(_h3, output, o + 12);
            PutBigEndian(_h4, output, o + 16);
            PutBigEndian(_h5, output, o + 20);
            PutBigEndian(_h6, output, o + 24);
            PutBigEndian(_h7, output, o + 28);
        }

        /// <summary>Writes v big-endian to output[o, o+4).</summary>
        internal static void PutBigEndian(uint v, byte[] output, int o)
        {
            output[o] = (byte)(v >> 24);
            output[o + 1] = (byte)(v >> 16);
            output[o + 2] = (byte)(v >> 8);
            output[o + 3] = (byte)v;
        }
    }
}
