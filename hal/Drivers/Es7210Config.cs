// Constant configuration of the ES7210 microphone ADC driver (Zephyr style: immutable config,
// separate from the driver's mutable state). Boards fill it; Es7210Adc reads it. Depends on
// nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES7210 driver configuration (I2S slave, PCM16, normal I2S, no TDM).</summary>
    public sealed class Es7210Config
    {
        /// <summary>MIC1 input bit for Mics.</summary>
        public const int Mic1 = 0x01;
        /// <summary>MIC2 input bit for Mics.</summary>
        public const int Mic2 = 0x02;
        /// <summary>MIC3 input bit for Mics.</summary>
        public const int Mic3 = 0x04;
        /// <summary>MIC4 input bit for Mics.</summary>
        public const int Mic4 = 0x08;

        /// <summary>MCLK = MclkMultiple x sample rate (ESP-IDF default 256). Ignored when FixedMclkHz is set.</summary>
        public int MclkMultiple { get; init; } = 256;

        /// <summary>A fixed MCLK in Hz, or 0 to use MclkMultiple.</summary>
        public int FixedMclkHz { get; init; }

        /// <summary>
        /// Inputs to power (bit mask of Mic1..Mic4). Default MIC1 + MIC2: in normal (non-TDM) I2S the
        /// ES7210 puts ADC1 (left) and ADC2 (right) on SDOUT1 and ADC3/ADC4 on SDOUT2.
        /// </summary>
        public int Mics { get; init; } = Mic1 | Mic2;

        /// <summary>PGA gain in dB for every enabled input (0..37.5 dB; 3 dB steps to 33, then 34.5, 36, 37.5).</summary>
        public int GainDb { get; init; } = 24;

        /// <summary>
        /// When true Init first reads registers 0x3D/0x3E and compares them with
        /// Es7210Adc.ExpectedId1/ExpectedId0. Off by default: those values are not confirmed from
        /// an Everest or Espressif document.
        /// </summary>
        public bool CheckChipId { get; init; }

        /// <summary>MCLK in Hz for a sample rate.</summary>
        public int MclkFor(int sampleRate) { return FixedMclkHz > 0 ? FixedMclkHz : MclkMultiple * sampleRate; }
    }
}
