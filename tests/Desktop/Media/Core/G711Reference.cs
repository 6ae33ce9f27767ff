// Reference G.711 written for the tests straight from the algorithm of ITU-T G.711 as coded in
// the ITU-T G.191 reference software: segment search by shifting, no tables. Deliberately a
// different implementation from firmware/Media/Codec/G711.cs.
namespace Endpoint.Tests.Media.Core
{
    public static class G711Reference
    {
        public static int ULawCompress(short x)
        {
            int absno = x < 0 ? ((~x) >> 2) : (x >> 2);   // 14 MSBs, one's complement magnitude for negatives
            absno += 33;                                     // bias
            if (absno > 0x1FFF) absno = 0x1FFF;
            int i = absno >> 6;
            int segno = 1;
            while (i != 0) { segno++; i >>= 1; }
            int high = 0x0008 - segno;
            int low = 0x000F - ((absno >> segno) & 0x000F);
            int code = (high << 4) | low;
            if (x >= 0) code |= 0x0080;
            return code;
        }

        public static short ULawExpand(int code)
        {
            int sign = code < 0x80 ? -1 : 1;
            int mantissa = ~code;
            int exponent = (mantissa >> 4) & 0x07;
            int segment = exponent + 1;
            mantissa &= 0x0F;
            int step = 4 << segment;
            return (short)(sign * ((0x0080 << exponent) + step * mantissa + step / 2 - 4 * 33));
        }

        public static int ALawCompress(short x)
        {
            int ix = x < 0 ? ((~x) >> 4) : (x >> 4);        // 12 MSBs (13th never matters), one's complement magnitude
            if (ix > 15)
            {
                int iexp = 1;
                while (ix > 16 + 15) { ix >>= 1; iexp++; }
                ix -= 16;                                    // the leading 1 is implicit
                ix += iexp << 4;
            }
            if (x >= 0) ix |= 0x0080;
            return ix ^ 0x0055;                              // even-bit inversion
        }

        public static short ALawExpand(int code)
        {
            int ix = code ^ 0x0055;
            int iexp = (ix & 0x7F) >> 4;
            int mant = ix & 0x0F;
            if (iexp > 0) mant += 16;
            mant = (mant << 4) + 0x0008;
            if (iexp > 1) mant <<= iexp - 1;
            return (short)(ix > 127 ? mant : -mant);
        }
    }
}
