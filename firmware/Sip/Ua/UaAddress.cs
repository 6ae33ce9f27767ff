// Where requests go (RFC 3261 §8.1.2, §18.1.1; RFC 3263 reduced to what a phone needs): the
// address of a SIP URI's host and port (IP literals parsed, names left for the runtime to
// resolve), its transport parameter, and host:port pairs from configuration. Depends on
// Endpoint.Sip.Message and Endpoint.Sip.Transaction (SipAddress). Names allocate one string
// (cold path, once per request built); literals do not.
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    /// <summary>URI and host:port to <see cref="SipAddress"/>.</summary>
    public static class UaAddress
    {
        /// <summary>
        /// The address of <paramref name="uri"/>: host (literal or name), port (default 5060, 5061
        /// for sips), transport from the transport parameter else <paramref name="defaultTransport"/>.
        /// False for non-SIP URIs.
        /// </summary>
        public static bool FromUri(byte[] buf, SipUri uri, SipTransport defaultTransport, out SipAddress addr)
        {
            addr = new SipAddress();
            if (!uri.IsSip || uri.Host.Length == 0) return false;
            if (!SipAddress.TryParseIp(buf, uri.Host, out addr))
            {
                addr = SipAddress.FromHost(SipAscii.ToText(buf, uri.Host), 0, SipTransport.Unknown);
            }
            SipTransport t = defaultTransport;
            Slice tp;
            if (uri.TryGetParam(buf, UaText.Transport, out tp))
            {
                SipTransport parsed = SipTransports.Parse(buf, tp);
                if (parsed != SipTransport.Unknown) t = parsed;
            }
            if (uri.Scheme == SipUriScheme.Sips && t == SipTransport.Udp) t = SipTransport.Tls;
            addr.Transport = t;
            addr.Port = uri.Port > 0 ? uri.Port : (t == SipTransport.Tls ? 5061 : 5060);
            return true;
        }

        /// <summary>The address of a configured host (literal or name) and port.</summary>
        public static SipAddress FromHostPort(string host, int port, SipTransport transport)
        {
            byte[] b = SipAscii.Bytes(host);
            SipAddress a;
            if (!SipAddress.TryParseIp(b, new Slice(0, b.Length), out a)) a = SipAddress.FromHost(host, 0, SipTransport.Unknown);
            a.Port = port > 0 ? port : 5060;
            a.Transport = transport;
            return a;
        }

        /// <summary>"host" or "[v6]" for use in a URI (host strings in configuration have no brackets).</summary>
        public static string UriHost(string host)
        {
            return host.IndexOf(':') >= 0 ? "[" + host + "]" : host;
        }
    }
}
