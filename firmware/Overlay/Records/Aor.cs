// Canonical form of an address-of-record for overlay keys and records: "user@host" without the
// "sip:" scheme, the host part lower-cased (hosts are case-insensitive, RFC 3261 §19.1.4; the user
// part is case-sensitive and kept), no parameters, headers, display name or port-less rewriting.
// Both the DHT key string and the AOR field inside records use this form, so "sip:Alice@Home.Example"
// and "Alice@home.example" meet at the same key. Depends on nothing.
namespace Endpoint.Overlay.Records
{
    /// <summary>AOR normalization.</summary>
    public static class Aor
    {
        /// <summary>Longest AOR accepted (bytes of UTF-8 are also bounded by the record field size).</summary>
        public const int MaxLength = 128;

        /// <summary>The canonical "user@host" form, or null when <paramref name="aor"/> is not an AOR.</summary>
        public static string Normalize(string aor)
        {
            if (aor == null) return null;
            string s = aor.Trim();
            if (s.Length > 4 && s.Substring(0, 4).ToLower() == "sip:") s = s.Substring(4);
            if (s.Length == 0 || s.Length > MaxLength) return null;
            int at = s.IndexOf('@');
            if (at <= 0 || at == s.Length - 1 || s.IndexOf('@', at + 1) >= 0) return null;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '\\') return null;
                if (i > at && (c == ';' || c == '?' || c == '/')) return null;
            }
            return s.Substring(0, at + 1) + s.Substring(at + 1).ToLower();
        }
    }
}
