// The outcome of an SDP offer/answer exchange as the media layer needs it: codec and payload
// types for each direction, telephone-event payload types, where to send RTP/RTCP, packet time,
// directions, hold state, and which of these changed since the previous exchange (so a
// re-INVITE retargets media). Plain data, reused (no allocation per exchange beyond strings
// that came from the parsed SDP). Depends on SdpDirection.
namespace Endpoint.Sdp
{
    /// <summary>Bit flags of <see cref="SdpMediaResult.Changes"/>.</summary>
    public static class SdpChange
    {
        /// <summary>Remote RTP address or port (or RTCP port) changed.</summary>
        public const int Address = 1;
        /// <summary>Codec or its payload type changed.</summary>
        public const int Codec = 2;
        /// <summary>telephone-event payload type appeared, disappeared or changed.</summary>
        public const int TelephoneEvent = 4;
        /// <summary>Local or remote direction (hence hold state) changed.</summary>
        public const int Direction = 8;
        /// <summary>Negotiated packet time changed.</summary>
        public const int Ptime = 16;
        /// <summary>Media became active or inactive (first negotiation, or stream removed).</summary>
        public const int Active = 32;
    }

    /// <summary>Negotiated media parameters.</summary>
    public sealed class SdpMediaResult
    {
        /// <summary>True when an audio stream is negotiated (false after all m-lines were disabled).</summary>
        public bool Active;

        /// <summary>Index of the audio m= line in the descriptions.</summary>
        public int MediaIndex = -1;

        /// <summary>Codec id (SdpCodecs.Pcmu or Pcma), or -1.</summary>
        public int Codec = -1;

        /// <summary>"PCMU" or "PCMA", or null.</summary>
        public string CodecName;

        /// <summary>RTP clock rate of the codec (8000).</summary>
        public int ClockRate;

        /// <summary>Payload type to put in RTP packets we send.</summary>
        public int PayloadType = -1;

        /// <summary>Payload type the peer uses in RTP packets it sends us (normally equal to <see cref="PayloadType"/>).</summary>
        public int ReceivePayloadType = -1;

        /// <summary>telephone-event payload type for sending, or -1 when the peer did not accept RFC 4733.</summary>
        public int TelephoneEventPt = -1;

        /// <summary>telephone-event payload type the peer sends us, or -1.</summary>
        public int ReceiveTelephoneEventPt = -1;

        /// <summary>Remote RTP address (IPv4 dotted or IPv6 text); "0.0.0.0" for RFC 2543 hold.</summary>
        public string RemoteAddress;

        /// <summary>True when <see cref="RemoteAddress"/> is IPv6.</summary>
        public bool RemoteIpv6;

        /// <summary>Remote RTP port.</summary>
        public int RemotePort;

        /// <summary>Remote RTCP port (a=rtcp, else RTP port + 1).</summary>
        public int RemoteRtcpPort;

        /// <summary>Remote RTCP address from a=rtcp, else the RTP address.</summary>
        public string RemoteRtcpAddress;

        /// <summary>Packet time to send with, ms (the peer's a=ptime within 10..40, else ours).</summary>
        public int PtimeMs;

        /// <summary>The direction we declared in our SDP.</summary>
        public SdpDirection LocalDirection;

        /// <summary>The direction the peer declared in its SDP.</summary>
        public SdpDirection RemoteDirection;

        /// <summary>True when we declared hold (sendonly or inactive because of our own hold).</summary>
        public bool LocalHold;

        /// <summary>True when the peer holds us: a=sendonly / a=inactive, or c=0.0.0.0 (RFC 2543).</summary>
        public bool RemoteHold;

        /// <summary>True when we should send RTP (we send, peer receives, address usable).</summary>
        public bool CanSend;

        /// <summary>True when we should expect and play RTP.</summary>
        public bool CanReceive;

        /// <summary>SdpChange bits: what differs from the previous negotiated result.</summary>
        public int Changes;

        /// <summary>Clears to "nothing negotiated".</summary>
        public void Reset()
        {
            Active = false;
            MediaIndex = -1;
            Codec = -1;
            CodecName = null;
            ClockRate = 0;
            PayloadType = -1;
            ReceivePayloadType = -1;
            TelephoneEventPt = -1;
            ReceiveTelephoneEventPt = -1;
            RemoteAddress = null;
            RemoteIpv6 = false;
            RemotePort = 0;
            RemoteRtcpPort = 0;
            RemoteRtcpAddress = null;
            PtimeMs = 0;
            LocalDirection = SdpDirection.SendRecv;
            RemoteDirection = SdpDirection.SendRecv;
            LocalHold = false;
            RemoteHold = false;
            CanSend = false;
            CanReceive = false;
            Changes = 0;
        }

        /// <summary>Copies every field of <paramref name="o"/>.</summary>
        public void CopyFrom(SdpMediaResult o)
        {
            Active = o.Active;
            MediaIndex = o.MediaIndex;
            Codec = o.Codec;
            CodecName = o.CodecName;
            ClockRate = o.ClockRate;
            PayloadType = o.PayloadType;
            ReceivePayloadType = o.ReceivePayloadType;
            TelephoneEventPt = o.TelephoneEventPt;
            ReceiveTelephoneEventPt = o.ReceiveTelephoneEventPt;
            RemoteAddress = o.RemoteAddress;
            RemoteIpv6 = o.RemoteIpv6;
            RemotePort = o.RemotePort;
            RemoteRtcpPort = o.RemoteRtcpPort;
            RemoteRtcpAddress = o.RemoteRtcpAddress;
            PtimeMs = o.PtimeMs;
            LocalDirection = o.LocalDirection;
            RemoteDirection = o.RemoteDirection;
            LocalHold = o.LocalHold;
            RemoteHold = o.RemoteHold;
            CanSend = o.CanSend;
            CanReceive = o.CanReceive;
            Changes = o.Changes;
        }

        /// <summary>SdpChange bits between this result and an earlier one.</summary>
        public int DiffFrom(SdpMediaResult old)
        {
            if (!old.Active || !Active) return old.Active != Active ? SdpChange.Active | SdpChange.Address | SdpChange.Codec | SdpChange.TelephoneEvent | SdpChange.Direction | SdpChange.Ptime : 0;
            int c = 0;
            if (RemoteAddress != old.RemoteAddress || RemotePort != old.RemotePort || RemoteRtcpPort != old.RemoteRtcpPort
                || RemoteRtcpAddress != old.RemoteRtcpAddress) c |= SdpChange.Address;
            if (Codec != old.Codec || PayloadType != old.PayloadType || ReceivePayloadType != old.ReceivePayloadType) c |= SdpChange.Codec;
            if (TelephoneEventPt != old.TelephoneEventPt || ReceiveTelephoneEventPt != old.ReceiveTelephoneEventPt) c |= SdpChange.TelephoneEvent;
            if (LocalDirection != old.LocalDirection || RemoteDirection != old.RemoteDirection || RemoteHold != old.RemoteHold
                || LocalHold != old.LocalHold || CanSend != old.CanSend || CanReceive != old.CanReceive) c |= SdpChange.Direction;
            if (PtimeMs != old.PtimeMs) c |= SdpChange.Ptime;
            return c;
        }
    }
}
