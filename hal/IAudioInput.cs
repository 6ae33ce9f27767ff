// Capture side of the audio data path (ESP-ADF esp_codec_dev "data" interface): PCM16 mono,
// 8 or 16 kHz, exactly one 20 ms frame per call. On ESP32 a call blocks for one frame time while
// the I2S DMA fills. Depends on AudioResult. Implementations allocate nothing per call.
namespace Endpoint.Hal
{
    /// <summary>Source of 20 ms PCM16 mono frames.</summary>
    public interface IAudioInput
    {
        /// <summary>Samples per second: 8000 or 16000.</summary>
        int SampleRate { get; }

        /// <summary>Samples per frame (SampleRate / 50).</summary>
        int FrameSamples { get; }

        /// <summary>Fills frame (length FrameSamples). Returns FrameSamples or a negative AudioResult code.</summary>
        int ReadFrame(short[] frame);
    }
}
