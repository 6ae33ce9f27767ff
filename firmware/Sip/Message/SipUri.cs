// SIP and SIPS URIs (RFC 3261 §19.1, grammar §25.1): scheme, user, password, host (hostname,
// IPv4, or IPv6 reference "[2001:db8::1]", RFC 5954), port, ";" uri-parameters, "?" headers;
// other absolute URIs (tel:, mailto: ...) are accepted as opaque. Comparison follows §19.1.4
// (escapes compared unescaped, host and parameter names case-insensitive). Depends on Slice,
// SipAscii, SipEscape, SipParamIterator. Allocation-free; the URI is slices into the caller's buffer.
namespace Endpoint.Sip.Message
{
    /// <summary>URI scheme class.</summary>
    public enum SipUriScheme
    {
        /// <summary>No URI parsed.</summary>
        None = 0,
        Sip, Sips, Tel,
        /// <summary>Another absolute URI; only Raw and Opaque are meaningful.</summary>
        Other,
    }

    /// <summary>A parsed URI as slices into a buffer.</summary>
    public struct SipUri
    {
        /// <summary>The whole URI text.</summary>
        public Slice Raw;
        /// <summary>Scheme class.</summary>
        public SipUriScheme Scheme;
        /// <summary>Userinfo user part (still %-escaped); empty if none.</summary>
        public Slice User;
        /// <summary>True if the URI has a userinfo part ("user@").</summary>
        public bool HasUser;
        /// <summary>Password (after "user:"), still escaped.</summary>
        public Slice Password;
        /// <summary>True if a password is present.</summary>
        public bool HasPassword;
        /// <summary>Host; for IPv6 it includes the brackets.</summary>
        public Slice Host;
        /// <summary>True if the host is an IPv6 reference.</summary>
        public bool HostIsIPv6;
        /// <summary>Port, or 0 when absent.</summary>
        public int Port;
        /// <summary>URI parameters, starting at the first ';' (empty if none).</summary>
        public Slice Params;
        /// <summary>URI headers after '?', without the '?' (empty if none).</summary>
        public Slice Headers;
        /// <summary>Everything after "scheme:" for non-SIP schemes.</summary>
        public Slice Opaque;

        private static readonly byte[] _sip = SipAscii.Bytes("sip");
        private static readonly byte[] _sips = SipAscii.Bytes("sips");
        private static readonly byte[] _tel = SipAscii.Bytes("tel");

        /// <summary>True if the URI is SIP or SIPS.</summary>
        public bool IsSip { get { return Scheme == SipUriScheme.Sip || Scheme == SipUriScheme.Sips; } }

        /// <summary>Finds a URI parameter (e.g. "transport", "lr", "maddr") by lowercase name.</summary>
        public bool TryGetParam(byte[] buf, byte[] lowerName, out Slice value)
        {
            return SipParamIterator.TryGet(buf, Params, lowerName, out value);
        }

        /// <summary>Parses <paramref name="s"/> (already trimmed). Returns false if it is not a valid URI.</summary>
        public static bool TryParse(byte[] buf, Slice s, out SipUri uri)
        {
            uri = new SipUri();
            uri.Raw = s;
            int i = s.Start, end = s.End;
            if (s.Length < 3) return false;
            // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
            if ((SipAscii.Class[buf[i]] & SipAscii.FlagAlpha) == 0) return false;
            while (i < end && buf[i] != (byte)':')
            {
                byte c = buf[i];
                if ((SipAscii.Class[c] & (SipAscii.FlagAlpha | SipAscii.FlagDigit)) == 0 && c != (byte)'+' && c != (byte)'-' && c != (byte)'.') return false;
                i++;
            }
            if (i >= end) return false;
            Slice scheme = new Slice(s.Start, i - s.Start);
            for (int k = i; k < end; k++)
            {
                byte c = buf[k];
                if (c <= (byte)' ' || c == (byte)'<' || c == (byte)'>' || c == (byte)'"' || c >= 127) return false;
            }
            i++;
            if (SipAscii.EqualsIgnoreCase(buf, scheme, _sip)) uri.Scheme = SipUriScheme.Sip;
            else if (SipAscii.EqualsIgnoreCase(buf, scheme, _sips)) uri.Scheme = SipUriScheme.Sips;
            else
            {
                uri.Scheme = SipAscii.EqualsIgnoreCase(buf, scheme, _tel) ? SipUriScheme.Tel : SipUriScheme.Other;
                uri.Opaque = new Slice(i, end - i);
                return i < end;
            }
            // userinfo: up to the first '@' (user may hold ';' '?' '/' per user-unreserved)
            int at = SipAscii.IndexOf(buf, (byte)'@', i, end);
            if (at >= 0)
            {
                int colon = SipAscii.IndexOf(buf, (byte)':', i, at);
                uri.HasUser = true;
                if (colon >= 0)
                {
                    uri.User = new Slice(i, colon - i);
                    uri.Password = new Slice(colon + 1, at - colon - 1);
                    uri.HasPassword = true;
                }
                else uri.User = new Slice(i, at - i);
                if (uri.User.Length == 0) return false;
                i = at + 1;
            }
            int port;
            bool v6;
            Slice host;
            i = ParseHostPort(buf, i, end, out host, out v6, out port);
            if (i < 0) return false;
            uri.Host = host;
            uri.HostIsIPv6 = v6;
            uri.Port = port;
            if (i < end && buf[i] == (byte)';')
            {
                int q = SipAscii.IndexOf(buf, (byte)'?', i, end);
                int pe = q < 0 ? end : q;
                uri.Params = new Slice(i, pe - i);
                if (!SipParamIterator.Validate(buf, uri.Params)) return false;
                i = pe;
            }
            if (i < end && buf[i] == (byte)'?')
            {
                uri.Headers = new Slice(i + 1, end - i - 1);
                i = end;
            }
            return i == end;
        }

        /// <summary>
        /// Parses host [":" port] at <paramref name="i"/>. Returns the index after it, or -1 if
        /// malformed. Port is 0 when absent. Stops at any byte that cannot continue a host.
        /// </summary>
        internal static int ParseHostPort(byte[] buf, int i, int end, out Slice host, out bool ipv6, out int port)
        {
            host = new Slice(0, 0);
            ipv6 = false;
            port = 0;
            int hs = i;
            if (i < end && buf[i] == (byte)'[')
            {
                i++;
                int colons = 0;
                while (i < end && buf[i] != (byte)']')
                {
                    byte c = buf[i];
                    if (c == (byte)':') colons++;
                    else if (c != (byte)'.' && SipAscii.HexValue(c) < 0) return -1;
                    i++;
                }
                if (i >= end || colons < 2) return -1;
                i++;
                ipv6 = true;
            }
            else
            {
                while (i < end && (SipAscii.Class[buf[i]] & SipAscii.FlagHostChar) != 0) i++;
                if (i == hs || buf[hs] == (byte)'-' || buf[hs] == (byte)'.') return -1;
            }
            host = new Slice(hs, i - hs);
            if (i < end && buf[i] == (byte)':')
            {
                i++;
                int ps = i;
                while (i < end && SipAscii.IsDigit(buf[i])) i++;
                long p = SipAscii.ParseNumber(buf, new Slice(ps, i - ps), 65535);
                if (p <= 0) return -1;
                port = (int)p;
            }
            return i;
        }

        private static readonly byte[][] _mustMatch =
        {
            SipAscii.Bytes("user"), SipAscii.Bytes("ttl"), SipAscii.Bytes("method"), SipAscii.Bytes("maddr"), SipAscii.Bytes("transport"),
        };

        /// <summary>
        /// URI equality per RFC 3261 §19.1.4: same scheme; user and password equal unescaped and
        /// case-sensitive; host case-insensitive; same port (absent differs from 5060); the
        /// parameters user, ttl, method, maddr, transport equal if present in either; other
        /// parameters equal when present in both; the same header set. Non-SIP URIs compare Raw.
        /// </summary>
        public static bool AreEqual(byte[] a, SipUri ua, byte[] b, SipUri ub)
        {
            if (ua.Scheme != ub.Scheme) return false;
            if (!ua.IsSip) return SipEscape.EqualsUnescaped(a, ua.Raw, b, ub.Raw, false);
            if (ua.HasUser != ub.HasUser || ua.HasPassword != ub.HasPassword) return false;
            if (!SipEscape.EqualsUnescaped(a, ua.User, b, ub.User, false)) return false;
            if (!SipEscape.EqualsUnescaped(a, ua.Password, b, ub.Password, false)) return false;
            if (!SipEscape.EqualsUnescaped(a, ua.Host, b, ub.Host, true)) return false;
            if (ua.Port != ub.Port) return false;
            for (int k = 0; k < _mustMatch.Length; k++)
            {
                Slice va, vb;
                bool ha = SipParamIterator.TryGet(a, ua.Params, _mustMatch[k], out va);
                bool hb = SipParamIterator.TryGet(b, ub.Params, _mustMatch[k], out vb);
                if (ha != hb) return false;
                if (ha && !SipEscape.EqualsUnescaped(a, va, b, vb, true)) return false;
            }
            if (!ParamsInBothMatch(a, ua.Params, b, ub.Params)) return false;
            return HeadersSubset(a, ua.Headers, b, ub.Headers) && HeadersSubset(b, ub.Headers, a, ua.Headers);
        }

        private static bool ParamsInBothMatch(byte[] a, Slice pa, byte[] b, Slice pb)
        {
            SipParamIterator it = new SipParamIterator(a, pa);
            Slice n, v;
            bool hv;
            while (it.Next(out n, out v, out hv))
            {
                SipParamIterator jt = new SipParamIterator(b, pb);
                Slice n2, v2;
                bool hv2;
                while (jt.Next(out n2, out v2, out hv2))
                {
                    if (!SipEscape.EqualsUnescaped(a, n, b, n2, true)) continue;
                    if (!SipEscape.EqualsUnescaped(a, v, b, v2, true)) return false;
                }
            }
            return true;
        }

        private static bool HeadersSubset(byte[] a, Slice ha, byte[] b, Slice hb)
        {
            int i = ha.Start, end = ha.End;
            while (i < end)
            {
                int amp = SipAscii.IndexOf(a, (byte)'&', i, end);
                int e = amp < 0 ? end : amp;
                if (!ContainsHeader(b, hb, a, new Slice(i, e - i))) return false;
                i = e + 1;
            }
            return true;
        }

        private static bool ContainsHeader(byte[] b, Slice hb, byte[] a, Slice one)
        {
            int eqA = SipAscii.IndexOf(a, (byte)'=', one.Start, one.End);
            if (eqA < 0) eqA = one.End;
            Slice nameA = Slice.FromTo(one.Start, eqA);
            Slice valA = Slice.FromTo(eqA + 1, one.End);
            int i = hb.Start, end = hb.End;
            while (i < end)
            {
                int amp = SipAscii.IndexOf(b, (byte)'&', i, end);
                int e = amp < 0 ? end : amp;
                int eq = SipAscii.IndexOf(b, (byte)'=', i, e);
                if (eq < 0) eq = e;
                if (SipEscape.EqualsUnescaped(a, nameA, b, Slice.FromTo(i, eq), true)
                    && SipEscape.EqualsUnescaped(a, valA, b, Slice.FromTo(eq + 1, e), false)) return true;
                i = e + 1;
            }
            return false;
        }
    }
}
