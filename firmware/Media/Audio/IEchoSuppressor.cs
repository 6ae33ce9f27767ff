// Hook for echo suppression/cancellation: sees every frame sent to the speaker (the far-end
// reference, after volume) and then processes the microphone frame in place before encoding.
// Both calls run on the audio loop: no allocation, no blocking. Depends on nothing.
namespace Endpoint.Media.Audio
{
    /// <summary>An echo suppressor plugged into the audio pump.</summary>
    public interface IEchoSuppressor
    {
        /// <summary>The frame just sent to the speaker (read-only for the suppressor).</summary>
        void OnPlayback(short[] speaker, int off, int count, long nowMs);

        /// <summary>Attenuates echo in the microphone frame mic[off, off+count), in place.</summary>
        void ProcessCapture(short[] mic, int off, int count, long nowMs);
    }
}
