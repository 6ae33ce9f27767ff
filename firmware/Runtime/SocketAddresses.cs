// Conversions between the SIP layer's plain-data addresses (SipAddress) and socket endpoints,
// with a small cache for resolved host names (DNS A lookups are blocking and slow on a board).
// Runtime folder: may touch System.Net. Depends on Endpoint.Sip.Transaction.SipAddress.
using System.Collections;
using System.Net;
using System.Net.Sockets;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Runtime
{
    /// <summary>SipAddress ↔ IPEndPoint.</summary>
    public static class SocketAddresses
    {
        private static readonly Hashtable Resolved = new Hashtable();

        /// <summary>An IPEndPoint for a SipAddress, resolving host names (cached). Null when unresolvable.</summary>
        public static IPEndPoint ToEndPoint(SipAddress a)
        {
            switch (a.Family)
            {
                case SipAddressFamily.IPv4:
                    return new IPEndPoint(new IPAddress(new byte[] { (byte)(a.V4 >> 24), (byte)(a.V4 >> 16), (byte)(a.V4 >> 8), (byte)a.V4 }), a.Port);
                case SipAddressFamily.IPv6:
                    {
                        byte[] b = new byte[16];
                        for (int i = 0; i < 8; i++)
                        {
                            b[i] = (byte)(a.V6High >> (56 - 8 * i));
                            b[8 + i] = (byte)(a.V6Low >> (56 - 8 * i));
                        }
                        return new IPEndPoint(new IPAddress(b), a.Port);
                    }
                case SipAddressFamily.Host:
                    {
                        IPAddress ip = Resolve(a.Host);
                        return ip == null ? null : new IPEndPoint(ip, a.Port);
                    }
                default:
                    return null;
            }
        }

        /// <summary>Resolves a host name or literal, cached; null on failure.</summary>
        public static IPAddress Resolve(string host)
        {
            IPAddress cached = (IPAddress)Resolved[host];
            if (cached != null) return cached;
            IPAddress ip = null;
            try { ip = IPAddress.Parse(host); }
            catch (System.Exception) { ip = null; }
            if (ip == null)
            {
                try
                {
                    IPHostEntry e = Dns.GetHostEntry(host);
                    IPAddress[] list = e.AddressList;
                    for (int i = 0; i < list.Length && ip == null; i++)
                    {
                        if (list[i].AddressFamily == AddressFamily.InterNetwork) ip = list[i];
                    }
                    if (ip == null && list.Length > 0) ip = list[0];
                }
                catch (SocketException) { ip = null; }
            }
            if (ip != null && Resolved.Count < 32) Resolved[host] = ip;
            return ip;
        }

        /// <summary>A SipAddress for a socket endpoint.</summary>
        public static SipAddress FromEndPoint(IPEndPoint ep, SipTransport transport)
        {
            byte[] b = ep.Address.GetAddressBytes();
            if (b.Length == 4) return SipAddress.FromIPv4(b[0], b[1], b[2], b[3], ep.Port, transport);
            var a = new SipAddress();
            a.Family = SipAddressFamily.IPv6;
            for (int i = 0; i < 8; i++)
            {
                a.V6High = (a.V6High << 8) | b[i];
                a.V6Low = (a.V6Low << 8) | b[8 + i];
            }
            a.Port = ep.Port;
            a.Transport = transport;
            return a;
        }
    }
}
