// Scratch of the audio pump that lives only inside one call into it: the capture frame (the
// microphone is copied there for echo suppression and encoding) and the RTP session's parse and
// write scratch. Every pump driven by one thread (all calls of the app) can share one.
// Depends on RtpWorkspace. Not thread-safe: one thread per workspace.
using Endpoint.Media.Rtp;

namespace Endpoint.Media.Audio
{
    /// <summary>Scratch shared by the AudioPumps of one thread.</summary>
    public sealed class AudioPumpWorkspace
    {
        /// <summary>One capture frame (AudioPump.FrameSamples samples).</summary>
        public readonly short[] CaptureFrame = new short[AudioPump.FrameSamples];

        /// <summary>RTP/RTCP parse and write scratch.</summary>
        public readonly RtpWorkspace Rtp = new RtpWorkspace();
    }
}
