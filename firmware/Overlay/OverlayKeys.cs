// The DHT key strings of the overlay, and their OpenDHT hashes:
//   location key  "sip-loc:"   + AOR   signed location records ("AOR is reachable at CONTACT")
//   inbox key     "sip-inbox:" + AOR   offline messages to AOR, and delivery receipts for AOR's
//                                      own messages
// with the AOR in canonical form (Records.Aor.Normalize: "user@host", no scheme, host lower-case).
// The DHT key is SHA-1 of the key string's UTF-8 bytes as 40 lowercase hex digits (DhtKey).
// Presence needs no key of its own: it is the state field of the location record, followed by
// listening on a buddy's location key.
// Depends on Dht.DhtKey and Records.Aor.
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    /// <summary>Overlay key strings and their DHT hashes.</summary>
    public static class OverlayKeys
    {
        /// <summary>Prefix of location keys.</summary>
        public const string LocationPrefix = "sip-loc:";

        /// <summary>Prefix of inbox keys.</summary>
        public const string InboxPrefix = "sip-inbox:";

        /// <summary>"sip-loc:" + canonical AOR, or null for an invalid AOR.</summary>
        public static string LocationKey(string aor)
        {
            string a = Aor.Normalize(aor);
            return a == null ? null : LocationPrefix + a;
        }

        /// <summary>"sip-inbox:" + canonical AOR, or null for an invalid AOR.</summary>
        public static string InboxKey(string aor)
        {
            string a = Aor.Normalize(aor);
            return a == null ? null : InboxPrefix + a;
        }

        /// <summary>40-hex DHT key of an AOR's location key, or null for an invalid AOR.</summary>
        public static string LocationHash(string aor)
        {
            string k = LocationKey(aor);
            return k == null ? null : DhtKey.HashHex(k);
        }

        /// <summary>40-hex DHT key of an AOR's inbox key, or null for an invalid AOR.</summary>
        public static string InboxHash(string aor)
        {
            string k = InboxKey(aor);
            return k == null ? null : DhtKey.HashHex(k);
        }
    }
}
