// Header-name table (RFC 3261 §7.3.3 compact forms, §20 names, case-insensitive per §7.3.1) and
// which headers hold comma-separated lists (§7.3.1: only those whose grammar is a list may be
// combined). Depends on SipHeaderId, SipAscii, Slice. Lookup is allocation-free: compact letters
// by table, long names bucketed by first letter and compared by length then bytes.
namespace Endpoint.Sip.Message
{
    /// <summary>Names, compact forms and list-ness of the known headers.</summary>
    public static class SipHeaders
    {
        /// <summary>Canonical names indexed by (int)SipHeaderId.</summary>
        public static readonly string[] Names =
        {
            "", "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Max-Forwards", "Content-Length", "Content-Type", "Expires",
            "Route", "Record-Route", "Allow", "Supported", "Require", "Proxy-Require", "Unsupported",
            "Authorization", "Proxy-Authorization", "WWW-Authenticate", "Proxy-Authenticate", "Authentication-Info",
            "User-Agent", "Server", "Subject", "Content-Encoding", "Content-Disposition", "Content-Language",
            "Accept", "Accept-Encoding", "Accept-Language", "Min-Expires", "Retry-After", "Timestamp", "Date",
            "Warning", "Organization", "Priority", "Reply-To", "In-Reply-To", "Alert-Info", "Call-Info", "Error-Info", "MIME-Version",
            "Event", "Allow-Events", "Subscription-State", "Refer-To", "Referred-By", "Replaces", "Session-Expires", "Min-SE",
            "RSeq", "RAck", "Reason", "Path", "Service-Route", "P-Asserted-Identity", "P-Preferred-Identity", "Privacy",
            "Accept-Contact", "Reject-Contact", "Request-Disposition", "Identity", "Identity-Info",
        };

        /// <summary>Canonical name bytes (for writing) indexed by (int)SipHeaderId.</summary>
        public static readonly byte[][] NameTokens;

        /// <summary>Lowercase name bytes (for matching) indexed by (int)SipHeaderId.</summary>
        public static readonly byte[][] LowerTokens;

        private static readonly bool[] _isList;
        private static readonly byte[] _compact = new byte[128];
        private static readonly int[][] _buckets = new int[26][];

        static SipHeaders()
        {
            int n = Names.Length;
            NameTokens = new byte[n][];
            LowerTokens = new byte[n][];
            _isList = new bool[n];
            for (int i = 0; i < n; i++)
            {
                NameTokens[i] = SipAscii.Bytes(Names[i]);
                LowerTokens[i] = SipAscii.LowerBytes(Names[i]);
            }
            SipHeaderId[] lists =
            {
                SipHeaderId.Via, SipHeaderId.Contact, SipHeaderId.Route, SipHeaderId.RecordRoute, SipHeaderId.Allow,
                SipHeaderId.Supported, SipHeaderId.Require, SipHeaderId.ProxyRequire, SipHeaderId.Unsupported,
                SipHeaderId.ContentEncoding, SipHeaderId.ContentLanguage, SipHeaderId.Accept, SipHeaderId.AcceptEncoding,
                SipHeaderId.AcceptLanguage, SipHeaderId.Warning, SipHeaderId.InReplyTo, SipHeaderId.AlertInfo,
                SipHeaderId.CallInfo, SipHeaderId.ErrorInfo, SipHeaderId.AllowEvents, SipHeaderId.Reason, SipHeaderId.Path,
                SipHeaderId.ServiceRoute, SipHeaderId.PAssertedIdentity, SipHeaderId.PPreferredIdentity,
                SipHeaderId.AcceptContact, SipHeaderId.RejectContact, SipHeaderId.RequestDisposition, SipHeaderId.Privacy,
            };
            for (int i = 0; i < lists.Length; i++) _isList[(int)lists[i]] = true;

            SetCompact('i', SipHeaderId.CallId); SetCompact('m', SipHeaderId.Contact);
            SetCompact('e', SipHeaderId.ContentEncoding); SetCompact('l', SipHeaderId.ContentLength);
            SetCompact('c', SipHeaderId.ContentType); SetCompact('f', SipHeaderId.From);
            SetCompact('s', SipHeaderId.Subject); SetCompact('k', SipHeaderId.Supported);
            SetCompact('t', SipHeaderId.To); SetCompact('v', SipHeaderId.Via);
            SetCompact('o', SipHeaderId.Event); SetCompact('u', SipHeaderId.AllowEvents);
            SetCompact('r', SipHeaderId.ReferTo); SetCompact('x', SipHeaderId.SessionExpires);
            SetCompact('b', SipHeaderId.ReferredBy); SetCompact('y', SipHeaderId.Identity);
            SetCompact('a', SipHeaderId.AcceptContact); SetCompact('j', SipHeaderId.RejectContact);
            SetCompact('d', SipHeaderId.RequestDisposition); SetCompact('n', SipHeaderId.IdentityInfo);

            int[] counts = new int[26];
            for (int i = 1; i < n; i++) counts[LowerTokens[i][0] - 'a']++;
            for (int b = 0; b < 26; b++) { _buckets[b] = new int[counts[b]]; counts[b] = 0; }
            for (int i = 1; i < n; i++)
            {
                int b = LowerTokens[i][0] - 'a';
                _buckets[b][counts[b]++] = i;
            }
        }

        private static void SetCompact(char c, SipHeaderId id)
        {
            _compact[c] = (byte)id;
            _compact[c - 32] = (byte)id;
        }

        /// <summary>Canonical name of a header id.</summary>
        public static string Name(SipHeaderId id)
        {
            int i = (int)id;
            return i >= 0 && i < Names.Length ? Names[i] : "";
        }

        /// <summary>True if the header's grammar is a comma-separated list (values are split on parse).</summary>
        public static bool IsList(SipHeaderId id) { return _isList[(int)id]; }

        /// <summary>Looks a header name up, case-insensitively, including compact forms.</summary>
        public static SipHeaderId Lookup(byte[] buf, Slice name)
        {
            int len = name.Length;
            if (len <= 0) return SipHeaderId.Unknown;
            byte first = buf[name.Start];
            if (len == 1) return first < 128 ? (SipHeaderId)_compact[first] : SipHeaderId.Unknown;
            int b = SipAscii.LowerTable[first] - 'a';
            if (b < 0 || b >= 26) return SipHeaderId.Unknown;
            int[] bucket = _buckets[b];
            byte[] lower = SipAscii.LowerTable;
            for (int k = 0; k < bucket.Length; k++)
            {
                byte[] t = LowerTokens[bucket[k]];
                if (t.Length != len) continue;
                int p = name.Start;
                int i = 1;
                while (i < len && lower[buf[p + i]] == t[i]) i++;
                if (i == len) return (SipHeaderId)bucket[k];
            }
            return SipHeaderId.Unknown;
        }
    }
}
