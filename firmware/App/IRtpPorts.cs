// What the application needs from the runtime for media: RTP port pairs bound per call, and
// sending the packets a call's media produced. The runtime (firmware/Runtime) implements it
// with sockets; tests implement it in memory. Depends on CallMedia and MediaEndpoint.
using Endpoint.Media.Rtp;

namespace Endpoint.App
{
    /// <summary>Per-call RTP sockets, owned by the runtime.</summary>
    public interface IRtpPorts
    {
        /// <summary>Binds a free RTP/RTCP pair; returns the RTP port, or -1 with <paramref name="error"/>.</summary>
        int Reserve(out string error);

        /// <summary>Routes datagrams arriving on <paramref name="port"/> to <paramref name="media"/>.</summary>
        void Attach(int port, CallMedia media);

        /// <summary>Sends an RTP packet from <paramref name="port"/>.</summary>
        void Send(int port, byte[] packet, int length, MediaEndpoint to);

        /// <summary>Closes the pair.</summary>
        void Release(int port);
    }
}
