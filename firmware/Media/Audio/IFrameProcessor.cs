// Hook for in-place processing of one PCM frame on the capture or playback path (tone mixing,
// gain, simple filters). Runs on the audio loop: must not allocate or block. Depends on nothing.
namespace Endpoint.Media.Audio
{
    /// <summary>Processes a 16-bit PCM frame in place.</summary>
    public interface IFrameProcessor
    {
        /// <summary>Processes samples[off, off+count) in place; <paramref name="nowMs"/> is the frame time.</summary>
        void Process(short[] samples, int off, int count, long nowMs);
    }
}
