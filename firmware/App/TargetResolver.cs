// Turns what the user dials into a SIP request URI or an overlay AOR (README "How a call target
// is resolved"), in this order:
//   1. direct: a sip:/sips: URI is used as written; user@IP, user@[IPv6] and user@host:port
//      become sip:user@host[:port] (a LAN call, no lookup);
//   2. overlay (issue 6, when the overlay is configured): user@domain with the overlay AOR's
//      domain, or any user@domain when no registrar/outbound proxy is configured, and a bare
//      user when no registrar is configured (user@<overlay domain>), are looked up in the
//      overlay (OverlayAor returns the canonical AOR);
//   3. registrar: any other user@domain becomes sip:user@domain; a bare user or number becomes
//      sip:user@<sip.domain> when a registrar (or outbound proxy) is configured, else it cannot
//      be routed.
// Depends on Endpoint.Overlay.Records.Aor (AOR syntax). Pure string rules, no I/O.
namespace Endpoint.App
{
    /// <summary>Dial-string to SIP URI / overlay AOR rules.</summary>
    public static class TargetResolver
    {
        /// <summary>The URI to call, or null with <paramref name="error"/> (steps 1 and 3; call <see cref="OverlayAor"/> first).</summary>
        public static string Resolve(string target, string domain, bool haveServer, out string error)
        {
            error = CheckSyntax(target);
            if (error != null) return null;
            if (target.StartsWith("sip:") || target.StartsWith("sips:")) return target;
            if (target.IndexOf('@') > 0) return "sip:" + target;
            if (!haveServer) { error = "\"" + target + "\" needs a registrar or proxy; dial user@host for a direct call"; return null; }
            return "sip:" + target + "@" + domain;
        }

        /// <summary>
        /// Step 2: the canonical AOR to look up in the overlay, or null when the target is a direct
        /// target, belongs to the registrar, is malformed, or the overlay is off
        /// (<paramref name="overlayDomain"/> null).
        /// </summary>
        public static string OverlayAor(string target, string overlayDomain, bool haveServer)
        {
            if (overlayDomain == null || CheckSyntax(target) != null) return null;
            if (target.StartsWith("sip:") || target.StartsWith("sips:")) return null;
            int at = target.IndexOf('@');
            if (at < 0)
            {
                if (haveServer) return null;
                return Endpoint.Overlay.Records.Aor.Normalize(target + "@" + overlayDomain);
            }
            if (at == 0) return null;
            string host = target.Substring(at + 1);
            if (host.Length == 0 || IsAddressOrHasPort(host)) return null;
            if (haveServer && host.ToLower() != overlayDomain.ToLower()) return null;
            return Endpoint.Overlay.Records.Aor.Normalize(target);
        }

        /// <summary>The domain part of an AOR ("home.example" of "alice@home.example"), or null.</summary>
        public static string DomainOf(string aor)
        {
            if (aor == null) return null;
            int at = aor.IndexOf('@');
            return at < 0 || at == aor.Length - 1 ? null : aor.Substring(at + 1);
        }

        private static string CheckSyntax(string target)
        {
            if (target == null || target.Length == 0) return "empty target";
            for (int i = 0; i < target.Length; i++)
            {
                char c = target[i];
                if (c <= ' ' || c == '<' || c == '>' || c == '"') return "target contains '" + (c <= ' ' ? "space" : c.ToString()) + "'";
            }
            return null;
        }

        // An IPv4 literal, an [IPv6] literal, or anything with ":port".
        private static bool IsAddressOrHasPort(string host)
        {
            if (host[0] == '[' || host.IndexOf(':') >= 0) return true;
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (!((c >= '0' && c <= '9') || c == '.')) return false;
            }
            return true;
        }
    }
}
