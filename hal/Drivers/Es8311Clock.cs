// ES8311 clock-tree arithmetic (ES8311 user guide, clock manager registers 0x02..0x08; the
// values agree with the coefficient table in ESP-ADF's es8311.c for every MCLK/rate pair it lists
// that runs the internal clock at 256 x fs). The internal DIG_MCLK must be 256 x fs:
// DIG_MCLK = MCLK x PRE_MULTI / PRE_DIV with PRE_DIV in 1..8 and PRE_MULTI in {1,2,4,8}; ADC and DAC
// dividers 1, OSR 0x10, LRCK divider 256 (0x00FF), BCLK divider 4 (used in master mode only).
// Depends on nothing. Pure integer code.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Register values of the ES8311 clock manager for one MCLK and sample rate.</summary>
    public struct Es8311ClockPlan
    {
        /// <summary>Pre-divider 1..8.</summary>
        public int PreDiv;
        /// <summary>Pre-multiplier 1, 2, 4 or 8.</summary>
        public int PreMulti;

        /// <summary>Register 0x02: (PRE_DIV-1) in bits 7..5, multiplier code in bits 4..3.</summary>
        public byte Reg02
        {
            get
            {
                int code = PreMulti == 8 ? 3 : PreMulti == 4 ? 2 : PreMulti == 2 ? 1 : 0;
                return (byte)(((PreDiv - 1) << 5) | (code << 3));
            }
        }

        /// <summary>Register 0x03: single speed, ADC OSR 0x10.</summary>
        public byte Reg03 { get { return 0x10; } }
        /// <summary>Register 0x04: DAC OSR 0x10.</summary>
        public byte Reg04 { get { return 0x10; } }
        /// <summary>Register 0x05: ADC and DAC dividers 1.</summary>
        public byte Reg05 { get { return 0x00; } }
        /// <summary>Register 0x06: BCLK divider 4 (code 3), not inverted.</summary>
        public byte Reg06 { get { return 0x03; } }
        /// <summary>Register 0x07: LRCK divider high bits (256-1 = 0x00FF).</summary>
        public byte Reg07 { get { return 0x00; } }
        /// <summary>Register 0x08: LRCK divider low bits.</summary>
        public byte Reg08 { get { return 0xFF; } }

        /// <summary>Finds PRE_DIV/PRE_MULTI with MCLK x PRE_MULTI / PRE_DIV = 256 x fs. False if none exists.</summary>
        public static bool TryCompute(int mclkHz, int sampleRate, out Es8311ClockPlan plan)
        {
            plan = new Es8311ClockPlan();
            if (mclkHz <= 0 || sampleRate <= 0 || mclkHz % sampleRate != 0) return false;
            int ratio = mclkHz / sampleRate;
            for (int multi = 1; multi <= 8; multi *= 2)
            {
                int scaled = ratio * multi;
                if (scaled % 256 != 0) continue;
                int div = scaled / 256;
                if (div >= 1 && div <= 8)
                {
                    plan.PreDiv = div;
                    plan.PreMulti = multi;
                    return true;
                }
            }
            return false;
        }
    }
}
