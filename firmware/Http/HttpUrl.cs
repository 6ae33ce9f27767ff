// An "http://host[:port][/path][?query]" URL (RFC 9110 §4.2.1 http URI scheme, RFC 3986 §3
// generic syntax) split into what a request needs: host, port and request target. Parsing
// only; resolving the host is the runtime's job. Depends on nothing.
// Limits: ASCII only; no user-info ("user:pass@" is refused: credentials in a URL end up in
// logs); no fragment; "https" is recognised only to refuse it with a clear message (this
// firmware has no TLS client path that is tested on both targets yet).
namespace Endpoint.Http
{
    /// <summary>A parsed http URL.</summary>
    public sealed class HttpUrl
    {
        private HttpUrl(string host, int port, string target)
        {
            Host = host;
            Port = port;
            Target = target;
        }

        /// <summary>Host name or address literal (IPv6 without brackets).</summary>
        public string Host { get; }

        /// <summary>TCP port (80 unless given).</summary>
        public int Port { get; }

        /// <summary>Request target: path plus query, at least "/".</summary>
        public string Target { get; }

        /// <summary>"http://host:port/path" without the query (which may carry a token); safe for logs and events.</summary>
        public string Redacted
        {
            get
            {
                int q = Target.IndexOf('?');
                string path = q < 0 ? Target : Target.Substring(0, q) + "?...";
                string host = Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host;
                return "http://" + host + ":" + Port + path;
            }
        }

        /// <summary>
        /// Parses an http URL. Returns null and sets <paramref name="error"/> to a phrase such as
        /// "a URL that does not start with http://" when the text is not acceptable.
        /// </summary>
        public static HttpUrl Parse(string text, out string error)
        {
            error = null;
            if (text == null || text.Length == 0) { error = "an empty URL"; return null; }
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] <= ' ' || text[i] >= 0x7F) { error = "a URL with spaces, control or non-ASCII characters"; return null; }
            }
            if (StartsWithIgnoreCase(text, "https://")) { error = "https, which this firmware does not support yet (use http:// on a trusted network)"; return null; }
            if (!StartsWithIgnoreCase(text, "http://")) { error = "a URL that does not start with http://"; return null; }
            if (text.IndexOf('#') >= 0) { error = "a URL with a #fragment"; return null; }
            int start = 7;
            int slash = text.IndexOf('/', start);
            int question = text.IndexOf('?', start);
            int authEnd = slash < 0 ? text.Length : slash;
            if (question >= 0 && question < authEnd) authEnd = question;
            string authority = text.Substring(start, authEnd - start);
            if (authority.IndexOf('@') >= 0) { error = "a URL with user:password@ (credentials in a URL leak into logs)"; return null; }
            if (authority.Length == 0) { error = "a URL without a host"; return null; }
            string host;
            int port = 80;
            if (authority[0] == '[')
            {
                int close = authority.IndexOf(']');
                if (close < 0) { error = "a '[' without ']' in the host"; return null; }
                host = authority.Substring(1, close - 1);
                if (close + 1 < authority.Length)
                {
                    if (authority[close + 1] != ':') { error = "text after ']' that is not ':port'"; return null; }
                    port = Endpoint.Config.HostPort.ParsePort(authority.Substring(close + 2));
                }
            }
            else
            {
                int colon = authority.IndexOf(':');
                host = colon < 0 ? authority : authority.Substring(0, colon);
                if (colon >= 0) port = Endpoint.Config.HostPort.ParsePort(authority.Substring(colon + 1));
            }
            if (host.Length == 0) { error = "a URL without a host"; return null; }
            if (port < 0) { error = "a URL with a port that is not 1..65535"; return null; }
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '_';
                if (!ok) { error = "a URL whose host has the character '" + c + "'"; return null; }
            }
            string target = authEnd < text.Length ? text.Substring(authEnd) : "/";
            if (target[0] == '?') target = "/" + target;
            return new HttpUrl(host, port, target);
        }

        private static bool StartsWithIgnoreCase(string s, string prefix)
        {
            if (s.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
            {
                char c = s[i];
                if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
                if (c != prefix[i]) return false;
            }
            return true;
        }
    }
}
