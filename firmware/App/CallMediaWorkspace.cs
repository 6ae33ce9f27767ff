// Scratch shared by the media of every call the app runs: the SDP parse/build workspace and the
// audio pump's (capture frame, RTP/RTCP parse and write scratch). All of it is used only inside
// one call into CallMedia (an SDP exchange, one frame, one packet), and
// the app drives all its calls from one thread, so one instance serves them all and each call
// keeps only its own state. Depends on Endpoint.Sdp and Endpoint.Media.Audio. Not thread-safe:
// one workspace per thread that drives calls.
using Endpoint.Media.Audio;
using Endpoint.Sdp;

namespace Endpoint.App
{
    /// <summary>Scratch shared by the CallMedia instances of one thread.</summary>
    public sealed class CallMediaWorkspace
    {
        /// <summary>SDP parse/build scratch.</summary>
        public readonly SdpWorkspace Sdp = new SdpWorkspace();

        /// <summary>Audio pump scratch (capture frame, RTP/RTCP).</summary>
        public readonly AudioPumpWorkspace Audio = new AudioPumpWorkspace();
    }
}
