// Playback side of the audio data path: PCM16 mono, 8 or 16 kHz, one 20 ms frame per call.
// Depends on AudioResult. Implementations allocate nothing per call.
namespace Endpoint.Hal
{
    /// <summary>Sink of 20 ms PCM16 mono frames.</summary>
    public interface IAudioOutput
    {
        /// <summary>Samples per second: 8000 or 16000.</summary>
        int SampleRate { get; }

        /// <summary>Samples per frame (SampleRate / 50).</summary>
        int FrameSamples { get; }

        /// <summary>Plays frame (length FrameSamples). Returns FrameSamples or a negative AudioResult code.</summary>
        int WriteFrame(short[] frame);
    }
}
