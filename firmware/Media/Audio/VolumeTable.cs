// Volume as gain in 1 dB steps from -40 dB to +20 dB: a 61-entry table of Q12 factors
// (round(4096 x 10^(dB/20))), applied per sample with saturation to 16 bits. No floating point,
// no Math (the device's System.Math package is not referenced). Depends on nothing.
namespace Endpoint.Media.Audio
{
    /// <summary>dB-step gain applied with saturation.</summary>
    public static class VolumeTable
    {
        /// <summary>Lowest gain in the table, dB.</summary>
        public const int MinDb = -40;
        /// <summary>Highest gain in the table, dB.</summary>
        public const int MaxDb = 20;

        private static readonly int[] _q12 =
        {
            41, 46, 52, 58, 65, 73, 82, 92, 103, 115, 130, 145, 163, 183, 205, 230, 258, 290, 325, 365,
            410, 460, 516, 579, 649, 728, 817, 917, 1029, 1154, 1295, 1453, 1631, 1830, 2053, 2303, 2584, 2900, 3254, 3651,
            4096, 4596, 5157, 5786, 6492, 7284, 8173, 9170, 10289, 11544, 12953, 14533, 16306, 18296, 20529, 23034, 25844, 28997, 32536, 36506,
            40960,
        };

        /// <summary>Clamps a gain to MinDb..MaxDb.</summary>
        public static int Clamp(int db) { return db < MinDb ? MinDb : (db > MaxDb ? MaxDb : db); }

        /// <summary>The Q12 factor of a gain in dB (clamped), 4096 = 0 dB.</summary>
        public static int FactorQ12(int db) { return _q12[Clamp(db) - MinDb]; }

        /// <summary>Multiplies samples[off, off+count) by the gain of <paramref name="db"/>, saturating. 0 dB leaves them untouched.</summary>
        public static void Apply(short[] samples, int off, int count, int db)
        {
            int g = FactorQ12(db);
            if (g == 4096) return;
            int end = off + count;
            for (int i = off; i < end; i++)
            {
                int v = (samples[i] * g + 2048) >> 12;
                if (v > 32767) v = 32767;
                else if (v < -32768) v = -32768;
                samples[i] = (short)v;
            }
        }
    }
}
