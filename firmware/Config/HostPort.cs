// A "host:port" value from configuration: IPv4 literal, [IPv6] literal or DNS name, with a
// port. Parsing only; resolving names is the runtime's job. Depends on nothing.
namespace Endpoint.Config
{
    /// <summary>A host and port as written in configuration.</summary>
    public sealed class HostPort
    {
        /// <summary>Creates a value; <paramref name="host"/> has no brackets.</summary>
        public HostPort(string host, int port)
        {
            Host = host;
            Port = port;
        }

        /// <summary>Host name or address literal, without IPv6 brackets.</summary>
        public string Host { get; }

        /// <summary>Port, 1..65535 (0 only for a listen address: any free port).</summary>
        public int Port { get; }

        /// <summary>True when the host is an IPv6 literal.</summary>
        public bool IsIPv6 { get { return Host.IndexOf(':') >= 0; } }

        /// <summary>"host:port", with brackets around IPv6 literals.</summary>
        public override string ToString()
        {
            return (IsIPv6 ? "[" + Host + "]" : Host) + ":" + Port;
        }

        /// <summary>
        /// Parses "host:port", "[v6]:port", or a bare host when <paramref name="defaultPort"/> is
        /// positive. Returns null and sets <paramref name="error"/> when the text is not valid.
        /// </summary>
        public static HostPort Parse(string text, int defaultPort, out string error)
        {
            return Parse(text, defaultPort, false, out error);
        }

        /// <summary>As <see cref="Parse(string, int, out string)"/>; port 0 ("any free port") is accepted when <paramref name="allowPortZero"/>.</summary>
        public static HostPort Parse(string text, int defaultPort, bool allowPortZero, out string error)
        {
            error = null;
            if (text == null || text.Length == 0) { error = "an empty address"; return null; }
            string host;
            string portText = null;
            if (text[0] == '[')
            {
                int close = text.IndexOf(']');
                if (close < 0) { error = "a '[' without ']'"; return null; }
                host = text.Substring(1, close - 1);
                if (host.IndexOf(':') < 0) { error = "brackets around a host that is not IPv6"; return null; }
                if (close + 1 < text.Length)
                {
                    if (text[close + 1] != ':') { error = "text after ']' that is not ':port'"; return null; }
                    portText = text.Substring(close + 2);
                }
            }
            else
            {
                int colon = text.IndexOf(':');
                if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0) { error = "an IPv6 address without [brackets]"; return null; }
                host = colon >= 0 ? text.Substring(0, colon) : text;
                if (colon >= 0) portText = text.Substring(colon + 1);
            }
            if (host.Length == 0) { error = "no host"; return null; }
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '_';
                if (!ok) { error = "the character '" + c + "' in the host"; return null; }
            }
            int port = defaultPort;
            if (portText != null)
            {
                port = allowPortZero && portText == "0" ? 0 : ParsePort(portText);
                if (port < 0 || (port == 0 && !allowPortZero)) { error = "port \"" + portText + "\" (expected 1..65535)"; return null; }
            }
            else if (defaultPort <= 0) { error = "no port"; return null; }
            return new HostPort(host, port);
        }

        /// <summary>Parses a decimal port 1..65535, or returns -1.</summary>
        public static int ParsePort(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 5) return -1;
            int v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v >= 1 && v <= 65535 ? v : -1;
        }
    }
}
