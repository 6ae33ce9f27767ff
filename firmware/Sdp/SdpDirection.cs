// Media direction attributes of SDP (RFC 8866 section 6.7) and the answer rules of RFC 3264
// section 6.1 (sendonly offer -> recvonly answer, inactive -> inactive, ...). Depends on nothing.
namespace Endpoint.Sdp
{
    /// <summary>Direction of a media stream, from the point of view of the SDP's author.</summary>
    public enum SdpDirection
    {
        /// <summary>a=sendrecv (the default).</summary>
        SendRecv = 0,
        /// <summary>a=sendonly.</summary>
        SendOnly = 1,
        /// <summary>a=recvonly.</summary>
        RecvOnly = 2,
        /// <summary>a=inactive.</summary>
        Inactive = 3,
    }

    /// <summary>Helpers for <see cref="SdpDirection"/>.</summary>
    public static class SdpDirections
    {
        private static readonly string[] Names = { "sendrecv", "sendonly", "recvonly", "inactive" };

        /// <summary>The attribute name ("sendrecv", ...).</summary>
        public static string Name(SdpDirection d)
        {
            int i = (int)d;
            return i >= 0 && i < 4 ? Names[i] : "sendrecv";
        }

        /// <summary>True when the author of the SDP sends media in this direction.</summary>
        public static bool Sends(SdpDirection d) { return d == SdpDirection.SendRecv || d == SdpDirection.SendOnly; }

        /// <summary>True when the author of the SDP receives media in this direction.</summary>
        public static bool Receives(SdpDirection d) { return d == SdpDirection.SendRecv || d == SdpDirection.RecvOnly; }

        /// <summary>The direction with the given send and receive flags.</summary>
        public static SdpDirection From(bool send, bool receive)
        {
            if (send) return receive ? SdpDirection.SendRecv : SdpDirection.SendOnly;
            return receive ? SdpDirection.RecvOnly : SdpDirection.Inactive;
        }

        /// <summary>
        /// RFC 3264 section 6.1: the answer direction for an offered direction, given what we want
        /// locally. We may only send if the offerer receives and only receive if the offerer sends.
        /// </summary>
        public static SdpDirection Answer(SdpDirection offered, SdpDirection localWish)
        {
            return From(Sends(localWish) && Receives(offered), Receives(localWish) && Sends(offered));
        }
    }
}
