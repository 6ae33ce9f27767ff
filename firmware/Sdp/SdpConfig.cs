// Local media capabilities and identity for the offer/answer engine: origin fields, our RTP
// address and port, codec preference (only PCMU and PCMA exist here), the telephone-event
// payload type we offer, and packet times. Plain data; the app fills it from its settings and
// may change address/port between offers (network change). Depends on SdpCodecs.
namespace Endpoint.Sdp
{
    /// <summary>What we offer and accept.</summary>
    public sealed class SdpConfig
    {
        /// <summary>o= username (no spaces); "-" by default.</summary>
        public string Username = "-";

        /// <summary>o= sess-id: a numeric string, unique per call (the app derives it from its random source).</summary>
        public string SessionId = "0";

        /// <summary>o= sess-version of the first SDP we send; each further SDP we send adds one.</summary>
        public ulong InitialVersion = 1;

        /// <summary>s= text; "-" by default.</summary>
        public string SessionName = "-";

        /// <summary>Our RTP address as the peer should use it (c= and o=).</summary>
        public string LocalAddress = "0.0.0.0";

        /// <summary>True when <see cref="LocalAddress"/> is IPv6.</summary>
        public bool LocalIpv6;

        /// <summary>Our RTP port (even, per RFC 3550).</summary>
        public int LocalPort = 4000;

        /// <summary>Supported codecs (SdpCodecs.Pcmu / Pcma) in our preference order, used in offers.</summary>
        public int[] Codecs = { SdpCodecs.Pcmu, SdpCodecs.Pcma };

        /// <summary>Payload type we offer for telephone-event/8000 (96..127), or -1 to not use RFC 4733.</summary>
        public int TelephoneEventPt = 101;

        /// <summary>The events list we announce in a=fmtp for telephone-event.</summary>
        public string TelephoneEvents = "0-15";

        /// <summary>a=ptime we announce (the packet time we want to receive), ms.</summary>
        public int PtimeMs = 20;

        /// <summary>a=maxptime we announce, or 0 to leave it out.</summary>
        public int MaxPtimeMs;

        /// <summary>Smallest peer ptime we accept and report, ms.</summary>
        public int MinAcceptedPtimeMs = 10;

        /// <summary>Largest peer ptime we accept and report, ms.</summary>
        public int MaxAcceptedPtimeMs = 40;

        /// <summary>True when <paramref name="codec"/> is in <see cref="Codecs"/>.</summary>
        public bool Supports(int codec)
        {
            if (Codecs == null) return false;
            for (int i = 0; i < Codecs.Length; i++)
            {
                if (Codecs[i] == codec) return true;
            }
            return false;
        }
    }
}
