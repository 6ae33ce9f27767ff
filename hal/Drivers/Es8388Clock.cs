// ES8388 MCLK/LRCK ratio codes (ES8388 datasheet, ADC Control 5 "ADCFsRatio" / DAC Control 2
// "DACFsRatio", single-speed mode). The codec in slave mode needs the ratio MCLK / fs; the ESP32 I2S
// driver gives 256 x fs by default (code 0x02). Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Ratio-code lookup for ES8388 registers 0x0D and 0x18.</summary>
    public static class Es8388Clock
    {
        private static readonly int[] Ratios =
        {
            128, 192, 256, 384, 512, 576, 768, 1024, 1152, 1408, 1536, 2112, 2304,
            125, 136, 250, 272, 375, 500, 544, 750, 1000, 1088, 1496, 1500,
        };

        private static readonly byte[] Codes =
        {
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C,
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B,
        };

        /// <summary>Ratio code for MCLK/fs; false if the ratio is not an integer in the table.</summary>
        public static bool TryRatioCode(int mclkHz, int sampleRate, out byte code)
        {
            code = 0;
            if (mclkHz <= 0 || sampleRate <= 0 || mclkHz % sampleRate != 0) return false;
            int ratio = mclkHz / sampleRate;
            for (int i = 0; i < Ratios.Length; i++)
            {
                if (Ratios[i] == ratio)
                {
                    code = Codes[i];
                    return true;
                }
            }
            return false;
        }
    }
}
