// Status values of the RTP/RTCP code (RFC 3550): parse failures, receive-side verdicts and
// build failures, with a name table (enum ToString prints numbers on nanoFramework).
// Depends on nothing.
namespace Endpoint.Media.Rtp
{
    /// <summary>Outcome of parsing, receiving or building RTP/RTCP. Values below 0x40 mean "accepted".</summary>
    public enum RtpStatus
    {
        /// <summary>Accepted.</summary>
        Ok = 0,
        /// <summary>Accepted; first packet of a new remote source (SSRC): flush playout state.</summary>
        NewSource = 1,
        /// <summary>Accepted; the source restarted its sequence numbers (RFC 3550 A.1 resync): flush playout state.</summary>
        Resynced = 2,

        /// <summary>Shorter than a fixed header.</summary>
        TooShort = 0x40,
        /// <summary>Version field is not 2.</summary>
        BadVersion = 0x41,
        /// <summary>CSRC list or header extension runs past the packet.</summary>
        Truncated = 0x42,
        /// <summary>Padding count is zero or larger than the payload.</summary>
        BadPadding = 0x43,
        /// <summary>The packet type is in the RTCP range (RFC 5761 demultiplexing): hand it to RTCP.</summary>
        IsRtcp = 0x44,
        /// <summary>Payload type is not one of the negotiated ones.</summary>
        UnexpectedPayloadType = 0x45,
        /// <summary>Packet of a new source still in probation (RFC 3550 A.1).</summary>
        Probation = 0x46,
        /// <summary>Sequence number jumped too far; dropped until confirmed (RFC 3550 A.1).</summary>
        BadSequence = 0x47,
        /// <summary>Packet from another SSRC while the current source is active.</summary>
        ForeignSource = 0x48,
        /// <summary>The caller's buffer is too small for the packet to build.</summary>
        BufferTooSmall = 0x49,
        /// <summary>RTCP compound packet fails the RFC 3550 A.2 validity checks.</summary>
        BadRtcp = 0x4A,
        /// <summary>The session is not started.</summary>
        NotStarted = 0x4B,
        /// <summary>Empty payload (nothing to play).</summary>
        EmptyPayload = 0x4C,
    }

    /// <summary>Names for <see cref="RtpStatus"/> values.</summary>
    public static class RtpStatusNames
    {
        /// <summary>True for the accepted statuses (Ok, NewSource, Resynced).</summary>
        public static bool IsAccepted(RtpStatus s) { return (int)s < 0x40; }

        /// <summary>The name of a status, e.g. "BadVersion".</summary>
        public static string Get(RtpStatus s)
        {
            switch (s)
            {
                case RtpStatus.Ok: return "Ok";
                case RtpStatus.NewSource: return "NewSource";
                case RtpStatus.Resynced: return "Resynced";
                case RtpStatus.TooShort: return "TooShort";
                case RtpStatus.BadVersion: return "BadVersion";
                case RtpStatus.Truncated: return "Truncated";
                case RtpStatus.BadPadding: return "BadPadding";
                case RtpStatus.IsRtcp: return "IsRtcp";
                case RtpStatus.UnexpectedPayloadType: return "UnexpectedPayloadType";
                case RtpStatus.Probation: return "Probation";
                case RtpStatus.BadSequence: return "BadSequence";
                case RtpStatus.ForeignSource: return "ForeignSource";
                case RtpStatus.BufferTooSmall: return "BufferTooSmall";
                case RtpStatus.BadRtcp: return "BadRtcp";
                case RtpStatus.NotStarted: return "NotStarted";
                case RtpStatus.EmptyPayload: return "EmptyPayload";
                default: return "Unknown";
            }
        }
    }
}
