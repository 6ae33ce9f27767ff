// Constant configuration of an audio codec driver (Zephyr style: immutable config, separate from
// the driver's mutable state). Boards fill it; drivers read it. Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Codec driver configuration (I2S slave, PCM16).</summary>
    public sealed class CodecConfig
    {
        /// <summary>MCLK = MclkMultiple x sample rate (ESP-IDF default 256). Ignored when FixedMclkHz is set.</summary>
        public int MclkMultiple { get; init; } = 256;

        /// <summary>A fixed MCLK in Hz (crystal on the board), or 0 to use MclkMultiple.</summary>
        public int FixedMclkHz { get; init; }

        /// <summary>Analog input used for the microphone: 1 (IN1/MIC1) or 2 (IN2).</summary>
        public int MicInput { get; init; } = 1;

        /// <summary>Microphone PGA gain in dB (rounded down to the chip's 3 dB steps, clamped to its range).</summary>
        public int MicGainDb { get; init; } = 24;

        /// <summary>Playback volume applied by Init (0..100).</summary>
        public int InitialVolume { get; init; } = 70;

        /// <summary>When true Init enables the analog output and the amplifier; otherwise they stay off.</summary>
        public bool EnableOutputOnInit { get; init; } = true;

        /// <summary>When true Init reads and checks the chip-ID registers (chips that have them).</summary>
        public bool CheckChipId { get; init; } = true;

        /// <summary>MCLK in Hz for a sample rate.</summary>
        public int MclkFor(int sampleRate) { return FixedMclkHz > 0 ? FixedMclkHz : MclkMultiple * sampleRate; }
    }
}
