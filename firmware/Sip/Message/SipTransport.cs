// Transport protocols named in Via headers and URI transport parameters (RFC 3261 §18, §20.42;
// RFC 7118 WS/WSS). Depends on Slice, SipAscii. Reliable transports change the transaction
// timers (RFC 3261 §17) — see Reliable().
namespace Endpoint.Sip.Message
{
    /// <summary>SIP transport protocol.</summary>
    public enum SipTransport
    {
        /// <summary>Not recognised.</summary>
        Unknown = 0,
        Udp, Tcp, Tls, Sctp, Ws, Wss,
    }

    /// <summary>Transport names and properties.</summary>
    public static class SipTransports
    {
        /// <summary>Via names indexed by (int)SipTransport.</summary>
        public static readonly string[] Names = { "", "UDP", "TCP", "TLS", "SCTP", "WS", "WSS" };

        private static readonly byte[][] _lower = BuildLower();

        private static byte[][] BuildLower()
        {
            byte[][] t = new byte[Names.Length][];
            for (int i = 0; i < t.Length; i++) t[i] = SipAscii.LowerBytes(Names[i]);
            return t;
        }

        /// <summary>Name of a transport as written in Via.</summary>
        public static string Name(SipTransport t)
        {
            int i = (int)t;
            return i >= 0 && i < Names.Length ? Names[i] : "";
        }

        /// <summary>Parses a transport token, case-insensitively.</summary>
        public static SipTransport Parse(byte[] buf, Slice s)
        {
            for (int i = 1; i < _lower.Length; i++)
            {
                if (SipAscii.EqualsIgnoreCase(buf, s, _lower[i])) return (SipTransport)i;
            }
            return SipTransport.Unknown;
        }

        /// <summary>True for stream/reliable transports (timers A, E, G unused; D, I, J, K zero).</summary>
        public static bool IsReliable(SipTransport t)
        {
            return t != SipTransport.Udp && t != SipTransport.Unknown;
        }
    }
}
