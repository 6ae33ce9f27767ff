// Scratch of the RTP/RTCP session that lives only inside one call into it: the parsed RTP
// header, the parsed compound RTCP packet and the RTCP writer. Every session driven by one
// thread (all calls of the app) can share one workspace; a session's LastHeader/LastRtcp are
// then valid until the next packet any of those sessions reads.
// Depends on RtpHeader, RtcpCompound, RtcpWriter. Not thread-safe: one thread per workspace.
namespace Endpoint.Media.Rtp
{
    /// <summary>Scratch shared by the RtpSessions of one thread.</summary>
    public sealed class RtpWorkspace
    {
        internal readonly RtpHeader Header = new RtpHeader();
        internal readonly RtcpCompound Rtcp = new RtcpCompound();
        internal readonly RtcpWriter Writer = new RtcpWriter();
    }
}
