// Control side of an audio codec (ESP-ADF esp_codec_dev split: control over I2C registers, data
// over I2S, a GPIO for the power amplifier, chip logic in the driver). Depends on CodecStatus.
// Every method returns a status; none throws for bus faults. Init stops at the first failure and
// may be called again (retry) once the fault clears.
namespace Endpoint.Hal
{
    /// <summary>Codec control: init for a rate, volume, mute, output enable.</summary>
    public interface ICodecControl
    {
        /// <summary>Chip name, e.g. "ES8311".</summary>
        string Chip { get; }

        /// <summary>True after a successful Init.</summary>
        bool IsReady { get; }

        /// <summary>Last non-Ok status, or Ok.</summary>
        CodecStatus LastStatus { get; }

        /// <summary>Powers the chip up for PCM16 I2S slave operation at 8000 or 16000 Hz.</summary>
        CodecStatus Init(int sampleRate);

        /// <summary>Sets the playback volume, 0 (silent) to 100 (0 dB digital gain).</summary>
        CodecStatus SetVolume(int percent);

        /// <summary>Current volume 0..100.</summary>
        int Volume { get; }

        /// <summary>Mutes or unmutes the DAC (keeps the volume setting).</summary>
        CodecStatus SetMute(bool mute);

        /// <summary>True while muted.</summary>
        bool Muted { get; }

        /// <summary>Enables or disables the analog output stage and the power amplifier.</summary>
        CodecStatus EnableOutput(bool enable);

        /// <summary>Powers the chip down (DAC, ADC, amplifier). IsReady becomes false.</summary>
        CodecStatus PowerDown();
    }
}
