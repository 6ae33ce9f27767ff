// Control side of a separate microphone ADC chip (ES7210 on the ESP32-S3-Korvo-2): init for a
// sample rate, analog gain, mute, power-down. Audio data flows over I2S elsewhere (IAudioInput).
// Depends on CodecStatus. Every method returns a status; none throws for bus faults. Init stops at
// the first failure and may be called again once the fault clears.
namespace Endpoint.Hal
{
    /// <summary>Microphone ADC control.</summary>
    public interface IMicrophoneAdc
    {
        /// <summary>Chip name, e.g. "ES7210".</summary>
        string Chip { get; }

        /// <summary>True after a successful Init.</summary>
        bool IsReady { get; }

        /// <summary>Status of the last call that touched the bus.</summary>
        CodecStatus LastStatus { get; }

        /// <summary>Powers the ADC up for PCM16 I2S slave operation at 8000 or 16000 Hz.</summary>
        CodecStatus Init(int sampleRate);

        /// <summary>Sets the analog microphone gain in dB (rounded down to the chip's steps, clamped to its range).</summary>
        CodecStatus SetGainDb(int db);

        /// <summary>Gain in dB actually programmed (after rounding and clamping).</summary>
        int GainDb { get; }

        /// <summary>Mutes or unmutes the ADC output (keeps the gain).</summary>
        CodecStatus SetMute(bool mute);

        /// <summary>True while muted.</summary>
        bool Muted { get; }

        /// <summary>Powers the chip down. IsReady becomes false.</summary>
        CodecStatus PowerDown();
    }
}
