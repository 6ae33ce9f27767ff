// The payload formats this phone really implements, and how an SDP format maps to them
// (RFC 3551 static payload types 0 = PCMU and 8 = PCMA; RFC 4733 telephone-event/8000 on a
// dynamic payload type). An rtpmap, when present, decides; without rtpmap only the static
// numbers are known. Depends on SdpMedia and SdpText. Knows nothing of the codec code itself.
namespace Endpoint.Sdp
{
    /// <summary>Codec identities used by the offer/answer engine.</summary>
    public static class SdpCodecs
    {
        /// <summary>G.711 mu-law (static payload type 0).</summary>
        public const int Pcmu = 0;
        /// <summary>G.711 A-law (static payload type 8).</summary>
        public const int Pcma = 8;
        /// <summary>RFC 4733 telephone-event at 8000 Hz (dynamic payload type).</summary>
        public const int TelephoneEvent = 1000;
        /// <summary>Anything else.</summary>
        public const int Unknown = -1;

        /// <summary>Encoding name for a codec id ("PCMU", "PCMA", "telephone-event"), or null.</summary>
        public static string Name(int codec)
        {
            switch (codec)
            {
                case Pcmu: return "PCMU";
                case Pcma: return "PCMA";
                case TelephoneEvent: return "telephone-event";
                default: return null;
            }
        }

        /// <summary>The codec id of format index <paramref name="idx"/> of <paramref name="m"/>.</summary>
        public static int Resolve(SdpMedia m, int idx)
        {
            string name = m.EncodingName[idx];
            if (name != null)
            {
                if (m.ClockRate[idx] != 8000 || m.Channels[idx] > 1) return Unknown;
                if (SdpText.EqualsIgnoreCase(name, "PCMU")) return Pcmu;
                if (SdpText.EqualsIgnoreCase(name, "PCMA")) return Pcma;
                if (SdpText.EqualsIgnoreCase(name, "telephone-event")) return TelephoneEvent;
                return Unknown;
            }
            int pt = m.Formats[idx];
            if (pt == 0) return Pcmu;
            if (pt == 8) return Pcma;
            return Unknown;
        }

        /// <summary>Index of the first format of <paramref name="m"/> that is <paramref name="codec"/>, or -1.</summary>
        public static int Find(SdpMedia m, int codec)
        {
            for (int i = 0; i < m.FormatCount; i++)
            {
                if (Resolve(m, i) == codec) return i;
            }
            return -1;
        }
    }
}
