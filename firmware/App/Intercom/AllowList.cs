// Who the intercom auto-answers (and so who may open the door from an incoming call): the
// `intercom.allow` entries matched against the caller's From URI (RFC 3261 section 19.1).
// Entry forms and what they match:
//   "sip:1002@example.com" or "1002@example.com"  user and host (any port, any parameters)
//   "1002@127.0.0.1:5070"                           user, host and port (5060 when the caller gives none)
//   "1002"                                          user at our own sip.domain (like dialing "1002")
// The user part is compared exactly (RFC 3261: case-sensitive), the host without regard to
// ASCII case; sip: and sips: are the same identity here; URI parameters and headers (";...",
// "?...") are ignored. The caller's identity is the From URI as delivered: it is trustworthy only
// when a registrar/proxy that authenticates callers routes the call (on a bare LAN anyone can
// write any From). Cold path (one call per incoming INVITE); allocates substrings.
// Depends on nothing.
namespace Endpoint.App.Intercom
{
    /// <summary>The allow-list match.</summary>
    public static class AllowList
    {
        /// <summary>True when <paramref name="callerUri"/> matches one of <paramref name="entries"/>.</summary>
        public static bool Allows(string[] entries, string callerUri, string ownDomain)
        {
            if (entries == null || callerUri == null) return false;
            string user, host;
            int port;
            if (!Split(callerUri, out user, out host, out port)) return false;
            for (int i = 0; i < entries.Length; i++)
            {
                if (Matches(entries[i], user, host, port, ownDomain)) return true;
            }
            return false;
        }

        /// <summary>True when one entry matches the caller's user, host and port (-1 when absent).</summary>
        public static bool Matches(string entry, string user, string host, int port, string ownDomain)
        {
            if (entry == null || entry.Length == 0) return false;
            string eUser, eHost;
            int ePort;
            if (entry.IndexOf('@') < 0 && !entry.StartsWith("sip:") && !entry.StartsWith("sips:"))
            {
                if (ownDomain == null) return false;
                eUser = entry;
                eHost = ownDomain;
                ePort = -1;
            }
            else if (!Split(entry, out eUser, out eHost, out ePort)) return false;
            if (eUser != user) return false;
            if (!SameHost(eHost, host)) return false;
            if (ePort >= 0 && ePort != (port >= 0 ? port : 5060)) return false;
            return true;
        }

        /// <summary>Splits "[sip:|sips:]user@host[:port][;params][?headers]"; false when there is no user@host.</summary>
        public static bool Split(string uri, out string user, out string host, out int port)
        {
            user = null;
            host = null;
            port = -1;
            int start = uri.StartsWith("sip:") ? 4 : uri.StartsWith("sips:") ? 5 : 0;
            int end = uri.Length;
            for (int i = start; i < uri.Length; i++)
            {
                char c = uri[i];
                if (c == ';' || c == '?' || c == '>') { end = i; break; }
            }
            int at = uri.IndexOf('@', start);
            if (at <= start || at >= end - 1) return false;
            user = uri.Substring(start, at - start);
            string hp = uri.Substring(at + 1, end - at - 1);
            int colon = hp.LastIndexOf(':');
            int bracket = hp.LastIndexOf(']');
            if (colon > 0 && colon > bracket)
            {
                port = ParsePort(hp, colon + 1);
                if (port < 0) return false;
                hp = hp.Substring(0, colon);
            }
            host = hp;
            return host.Length > 0;
        }

        private static int ParsePort(string s, int from)
        {
            if (from >= s.Length || s.Length - from > 5) return -1;
            int v = 0;
            for (int i = from; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v > 0 && v <= 65535 ? v : -1;
        }

        private static bool SameHost(string a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i], y = b[i];
                if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
                if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
                if (x != y) return false;
            }
            return true;
        }
    }
}
