// The c= field of SDP (RFC 8866 section 5.7): network type IN, address type IP4 or IP6 and the
// connection address (TTL and multicast count suffixes are dropped). Also recognises the null
// address 0.0.0.0 that RFC 2543 used to put a call on hold. Depends on nothing.
namespace Endpoint.Sdp
{
    /// <summary>A connection address at session or media level.</summary>
    public sealed class SdpConnection
    {
        /// <summary>True when a c= line was present (or, for our own SDP, is to be written).</summary>
        public bool Present;

        /// <summary>True for "IP6", false for "IP4".</summary>
        public bool Ipv6;

        /// <summary>The address text without "/ttl" suffix, e.g. "192.0.2.10" or "2001:db8::1".</summary>
        public string Address;

        /// <summary>Clears to "absent".</summary>
        public void Reset()
        {
            Present = false;
            Ipv6 = false;
            Address = null;
        }

        /// <summary>Sets a present connection.</summary>
        public void Set(bool ipv6, string address)
        {
            Present = true;
            Ipv6 = ipv6;
            Address = address;
        }

        /// <summary>Copies another connection.</summary>
        public void CopyFrom(SdpConnection other)
        {
            Present = other.Present;
            Ipv6 = other.Ipv6;
            Address = other.Address;
        }

        /// <summary>
        /// True for the "don't send to me" null address: 0.0.0.0 (RFC 2543 hold) or the IPv6
        /// unspecified address "::".
        /// </summary>
        public bool IsNullAddress
        {
            get { return Present && (Address == "0.0.0.0" || Address == "::"); }
        }
    }
}
