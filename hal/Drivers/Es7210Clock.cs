// ES7210 clock arithmetic. Rule: with OSR 0x20 the ADC clock must be 512 x fs, where
// ADC clock = MCLK x (clock doubler ? 2 : 1) / ADC_DIV (register 0x02: bit7 DLL, bit6 doubler,
// bits4..0 divider), and the LRCK divider (0x04/0x05, used in master mode) is MCLK / fs. The rule
// is inferred from, and reproduces, every OSR-0x20 row of the coefficient table in Espressif's
// ESP-ADF es7210.c (e.g. 12.288 MHz/8 kHz -> 0x83, LRCK 0x600; 4.096 MHz/16 kHz -> 0xC1, LRCK
// 0x100); the tests check those rows. MCLK = 256 x fs (ESP32 default) gives 0xC1 at 8 and 16 kHz,
// which is also the value ESP-ADF writes unconditionally at init. UNCONFIRMED: 2.048 MHz / 8 kHz
// (the 8 kHz case at 256 fs) is not a row of that table; it follows from the rule only.
// The divider is used when it is exact without the doubler; the doubler is used otherwise.
// Depends on nothing. Pure integer code.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Register values of the ES7210 clock manager for one MCLK and sample rate.</summary>
    public struct Es7210ClockPlan
    {
        /// <summary>ADC oversampling register value this plan assumes.</summary>
        public const byte OsrValue = 0x20;
        /// <summary>ADC clock in units of fs for OsrValue.</summary>
        public const int AdcClockPerFs = 512;

        /// <summary>ADC clock divider 1..31.</summary>
        public int AdcDiv;
        /// <summary>True when the clock doubler is on.</summary>
        public bool Doubler;
        /// <summary>MCLK / fs (LRCK divider, 12 bits).</summary>
        public int LrckDiv;

        /// <summary>Register 0x02: DLL on, doubler bit, divider.</summary>
        public byte Reg02 { get { return (byte)(0x80 | (Doubler ? 0x40 : 0) | AdcDiv); } }
        /// <summary>Register 0x04: LRCK divider bits 11..8.</summary>
        public byte Reg04 { get { return (byte)((LrckDiv >> 8) & 0x0F); } }
        /// <summary>Register 0x05: LRCK divider bits 7..0.</summary>
        public byte Reg05 { get { return (byte)(LrckDiv & 0xFF); } }

        /// <summary>Finds divider and doubler with MCLK x (1 or 2) / div = 512 fs. False if none exists.</summary>
        public static bool TryCompute(int mclkHz, int sampleRate, out Es7210ClockPlan plan)
        {
            plan = new Es7210ClockPlan();
            if (mclkHz <= 0 || sampleRate <= 0 || mclkHz % sampleRate != 0) return false;
            int ratio = mclkHz / sampleRate;
            if (ratio > 0x0FFF) return false;
            for (int doubled = 0; doubled < 2; doubled++)
            {
                int scaled = ratio * (doubled + 1);
                if (scaled % AdcClockPerFs != 0) continue;
                int div = scaled / AdcClockPerFs;
                if (div >= 1 && div <= 31)
                {
                    plan.AdcDiv = div;
                    plan.Doubler = doubled == 1;
                    plan.LrckDiv = ratio;
                    return true;
                }
            }
            return false;
        }
    }
}
