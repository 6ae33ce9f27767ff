// Turns what the user dials into a SIP request URI (README "How a call target is resolved"):
//   sip:/sips: URIs are used as they are;  user@host[:port] becomes sip:user@host[:port];
//   a bare user or number becomes sip:user@<domain> when a registrar (or outbound proxy) is
//   configured, else it cannot be routed.
// Overlay AORs are resolved by the overlay client before this (issue 6). Depends on nothing.
namespace Endpoint.App
{
    /// <summary>Dial-string to SIP URI rules.</summary>
    public static class TargetResolver
    {
        /// <summary>The URI to call, or null with <paramref name="error"/>.</summary>
        public static string Resolve(string target, string domain, bool haveServer, out string error)
        {
            error = null;
            if (target == null || target.Length == 0) { error = "empty target"; return null; }
            for (int i = 0; i < target.Length; i++)
            {
                char c = target[i];
                if (c <= ' ' || c == '<' || c == '>' || c == '"') { error = "target contains '" + (c <= ' ' ? "space" : c.ToString()) + "'"; return null; }
            }
            if (target.StartsWith("sip:") || target.StartsWith("sips:")) return target;
            if (target.IndexOf('@') > 0) return "sip:" + target;
            if (!haveServer) { error = "\"" + target + "\" needs a registrar or proxy; dial user@host for a direct call"; return null; }
            return "sip:" + target + "@" + domain;
        }
    }
}
