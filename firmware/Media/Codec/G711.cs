// ITU-T G.711 (11/88) mu-law and A-law, bit-exact with the standard's quantization as realized in
// the ITU-T G.191 reference software: mu-law works on the 14 most significant bits of a 16-bit
// sample (bias 33, i.e. 0x84 in 16-bit units), A-law on the 13 most significant bits (its
// lowest bit never matters because A-law's smallest step is 2), negative inputs are taken as one's
// complement magnitudes (the interval [-1,0) mirrors [0,1)), A-law codes have their even bits
// inverted (XOR 0x55) and mu-law codes are bit-inverted.
// Depends on nothing. Does not know RTP, payload types or frames.
// Memory (measured by array sizes, see TableBytes): decode tables 2 x 256 shorts = 1,024 bytes;
// compact encode segment tables 2 x 128 bytes = 256 bytes (always); the optional direct encode
// tables add 16,384 bytes (mu-law) and 4,096 bytes (A-law), each built only when a codec asks
// for G711EncoderMode.Table.
namespace Endpoint.Media.Codec
{
    /// <summary>G.711 encode and decode, per sample and per frame, without allocation.</summary>
    public static class G711
    {
        // Decoded 16-bit value of every code.
        private static readonly short[] _ulawDecode = BuildULawDecode();
        private static readonly short[] _alawDecode = BuildALawDecode();

        // Compact encoders: indexed by (magnitude >> 6) for mu-law (biased 13-bit magnitude) and by
        // (magnitude >> 4) for A-law (12-bit magnitude, 16-bit sample >> 4). Each entry packs the
        // segment number in bits 4..6 and the mantissa shift in bits 0..3.
        private static readonly byte[] _ulawSegment = BuildULawSegment();
        private static readonly byte[] _alawSegment = BuildALawSegment();

        private static byte[] _ulawTable;
        private static byte[] _alawTable;

        /// <summary>Bytes held by the G.711 tables currently built (decode, segment and any direct encode tables).</summary>
        public static int TableBytes
        {
            get
            {
                int n = (_ulawDecode.Length + _alawDecode.Length) * 2 + _ulawSegment.Length + _alawSegment.Length;
                if (_ulawTable != null) n += _ulawTable.Length;
                if (_alawTable != null) n += _alawTable.Length;
                return n;
            }
        }

        /// <summary>True when the 16 KB direct mu-law encode table has been built.</summary>
        public static bool ULawTableBuilt { get { return _ulawTable != null; } }

        /// <summary>True when the 4 KB direct A-law encode table has been built.</summary>
        public static bool ALawTableBuilt { get { return _alawTable != null; } }

        /// <summary>Encodes one 16-bit sample to a mu-law code (compact method).</summary>
        public static byte LinearToULaw(int sample)
        {
            int mag = (sample ^ (sample >> 31)) >> 2;
            int sign = (~sample >> 31) & 0x80;
            mag += 33;
            if (mag > 0x1FFF) mag = 0x1FFF;
            int p = _ulawSegment[mag >> 6];
            return (byte)(sign | (0x7F ^ ((p & 0x70) | ((mag >> (p & 0x0F)) & 0x0F))));
        }

        /// <summary>Encodes one 16-bit sample to an A-law code (compact method).</summary>
        public static byte LinearToALaw(int sample)
        {
            int mag = (sample ^ (sample >> 31)) >> 4;
            int sign = (~sample >> 31) & 0x80;
            int p = _alawSegment[mag >> 4];
            return (byte)((sign | (p & 0x70) | ((mag >> (p & 0x0F)) & 0x0F)) ^ 0x55);
        }

        /// <summary>Decodes one mu-law code to a 16-bit sample.</summary>
        public static short ULawToLinear(int code) { return _ulawDecode[code & 0xFF]; }

        /// <summary>Decodes one A-law code to a 16-bit sample.</summary>
        public static short ALawToLinear(int code) { return _alawDecode[code & 0xFF]; }

        /// <summary>
        /// Builds the 16 KB direct mu-law encode table once (idempotent). Not synchronized: two threads
        /// racing here would build identical tables and keep one of them, which is harmless.
        /// </summary>
        public static void BuildULawTable()
        {
            if (_ulawTable != null) return;
            byte[] t = new byte[16384];
            for (int i = 0; i < 16384; i++)
            {
                int s = (i << 18) >> 16; // the 14-bit index sign-extended, back in 16-bit units
                t[i] = LinearToULaw(s);
            }
            _ulawTable = t;
        }

        /// <summary>Builds the 4 KB direct A-law encode table once (idempotent; see BuildULawTable on races).</summary>
        public static void BuildALawTable()
        {
            if (_alawTable != null) return;
            byte[] t = new byte[4096];
            for (int i = 0; i < 4096; i++)
            {
                int s = (i << 20) >> 16; // the 12-bit index sign-extended, back in 16-bit units
                t[i] = LinearToALaw(s);
            }
            _alawTable = t;
        }

        /// <summary>Encodes pcm[off, off+count) to mu-law codes at dst[dstOff..]. Uses the direct table when built.</summary>
        public static void EncodeULaw(short[] pcm, int off, int count, byte[] dst, int dstOff, bool useTable)
        {
            int end = off + count;
            byte[] t = useTable ? _ulawTable : null;
            if (t != null)
            {
                for (int i = off; i < end; i++) dst[dstOff++] = t[(pcm[i] >> 2) & 0x3FFF];
                return;
            }
            byte[] seg = _ulawSegment;
            for (int i = off; i < end; i++)
            {
                int s = pcm[i];
                int mag = ((s ^ (s >> 31)) >> 2) + 33;
                if (mag > 0x1FFF) mag = 0x1FFF;
                int p = seg[mag >> 6];
                dst[dstOff++] = (byte)(((~s >> 31) & 0x80) | (0x7F ^ ((p & 0x70) | ((mag >> (p & 0x0F)) & 0x0F))));
            }
        }

        /// <summary>Encodes pcm[off, off+count) to A-law codes at dst[dstOff..]. Uses the direct table when built.</summary>
        public static void EncodeALaw(short[] pcm, int off, int count, byte[] dst, int dstOff, bool useTable)
        {
            int end = off + count;
            byte[] t = useTable ? _alawTable : null;
            if (t != null)
            {
                for (int i = off; i < end; i++) dst[dstOff++] = t[(pcm[i] >> 4) & 0x0FFF];
                return;
            }
            byte[] seg = _alawSegment;
            for (int i = off; i < end; i++)
            {
                int s = pcm[i];
                int mag = (s ^ (s >> 31)) >> 4;
                int p = seg[mag >> 4];
                dst[dstOff++] = (byte)((((~s >> 31) & 0x80) | (p & 0x70) | ((mag >> (p & 0x0F)) & 0x0F)) ^ 0x55);
            }
        }

        /// <summary>Decodes mu-law codes src[off, off+count) to pcm[pcmOff..].</summary>
        public static void DecodeULaw(byte[] src, int off, int count, short[] pcm, int pcmOff)
        {
            short[] t = _ulawDecode;
            int end = off + count;
            for (int i = off; i < end; i++) pcm[pcmOff++] = t[src[i]];
        }

        /// <summary>Decodes A-law codes src[off, off+count) to pcm[pcmOff..].</summary>
        public static void DecodeALaw(byte[] src, int off, int count, short[] pcm, int pcmOff)
        {
            short[] t = _alawDecode;
            int end = off + count;
            for (int i = off; i < end; i++) pcm[pcmOff++] = t[src[i]];
        }

        // mu-law: biased magnitude m (33..8191); segment s (1..8) is the bit length of (m >> 6) plus
        // one, the mantissa is (m >> s) & 15; the code is the inverse of (segment-1, mantissa).
        private static byte[] BuildULawSegment()
        {
            byte[] t = new byte[128];
            for (int i = 0; i < 128; i++)
            {
                int seg = 1;
                for (int v = i; v != 0; v >>= 1) seg++;
                t[i] = (byte)(((seg - 1) << 4) | seg);
            }
            return t;
        }

        // A-law: magnitude m (0..2047, 16-bit >> 4); exponent e = 0 for m < 16, else the bit length
        // of m minus 4; the mantissa is m & 15 for e = 0, else (m >> (e - 1)) & 15.
        private static byte[] BuildALawSegment()
        {
            byte[] t = new byte[128];
            for (int i = 0; i < 128; i++)
            {
                int e = 0;
                for (int v = i; v != 0; v >>= 1) e++;
                int shift = e == 0 ? 0 : e - 1;
                t[i] = (byte)((e << 4) | shift);
            }
            return t;
        }

        // mu-law decode: the code is inverted; exponent e, mantissa m; the value is
        // ((2m + 33) << (e + 2)) - 132 in 16-bit units, negative when the sign bit is 0.
        private static short[] BuildULawDecode()
        {
            short[] t = new short[256];
            for (int c = 0; c < 256; c++)
            {
                int inv = ~c & 0xFF;
                int e = (inv >> 4) & 7;
                int m = inv & 0x0F;
                int v = (((m << 1) + 33) << (e + 2)) - 132;
                t[c] = (short)((c & 0x80) != 0 ? v : -v);
            }
            return t;
        }

        // A-law decode: undo the even-bit inversion; exponent e, mantissa m; the value is the middle
        // of the quantization interval in 16-bit units, negative when the sign bit is 0.
        private static short[] BuildALawDecode()
        {
            short[] t = new short[256];
            for (int c = 0; c < 256; c++)
            {
                int x = c ^ 0x55;
                int e = (x >> 4) & 7;
                int m = x & 0x0F;
                if (e > 0) m += 16;
                int v = (m << 4) + 8;
                if (e > 1) v <<= e - 1;
                t[c] = (short)((x & 0x80) != 0 ? v : -v);
            }
            return t;
        }
    }
}
