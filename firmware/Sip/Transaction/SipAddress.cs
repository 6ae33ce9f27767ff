// Network addresses as plain data for the transaction and transport layers (RFC 3261 §18):
// IPv4 or IPv6 literal, or an unresolved host name, plus port and transport. No sockets.
// Parses and prints IP literals from/to bytes without allocating (used for Via sent-by vs
// packet source comparison and the RFC 3581 received parameter). Depends on Endpoint.Sip.Message
// (Slice, SipAscii, SipTransport). Limits: IPv6 text output is the full uncompressed form;
// zone ids ("%eth0") are not supported.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    /// <summary>Address family of a <see cref="SipAddress"/>.</summary>
    public enum SipAddressFamily
    {
        /// <summary>No address.</summary>
        None = 0,
        IPv4,
        IPv6,
        /// <summary>An unresolved host name (Host holds it).</summary>
        Host,
    }

    /// <summary>IP address (or host name), port and transport.</summary>
    public struct SipAddress
    {
        /// <summary>Family.</summary>
        public SipAddressFamily Family;
        /// <summary>IPv4 address, most significant byte first (192.0.2.1 = 0xC0000201).</summary>
        public uint V4;
        /// <summary>IPv6 address, high 64 bits.</summary>
        public ulong V6High;
        /// <summary>IPv6 address, low 64 bits.</summary>
        public ulong V6Low;
        /// <summary>Host name for Family.Host (cold data; allocated by whoever builds it).</summary>
        public string Host;
        /// <summary>Port (0 = unspecified).</summary>
        public int Port;
        /// <summary>Transport to use.</summary>
        public SipTransport Transport;

        /// <summary>An IPv4 address.</summary>
        public static SipAddress FromIPv4(byte a, byte b, byte c, byte d, int port, SipTransport transport)
        {
            SipAddress r = new SipAddress();
            r.Family = SipAddressFamily.IPv4;
            r.V4 = ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;
            r.Port = port;
            r.Transport = transport;
            return r;
        }

        /// <summary>An unresolved host name.</summary>
        public static SipAddress FromHost(string host, int port, SipTransport transport)
        {
            SipAddress r = new SipAddress();
            r.Family = SipAddressFamily.Host;
            r.Host = host;
            r.Port = port;
            r.Transport = transport;
            return r;
        }

        /// <summary>True if both hold the same IP literal (ports and transports ignored).</summary>
        public bool SameIp(SipAddress o)
        {
            if (Family != o.Family) return false;
            if (Family == SipAddressFamily.IPv4) return V4 == o.V4;
            if (Family == SipAddressFamily.IPv6) return V6High == o.V6High && V6Low == o.V6Low;
            if (Family == SipAddressFamily.Host) return Host == o.Host;
            return true;
        }

        /// <summary>True if IP, port and transport are all equal.</summary>
        public bool SameEndpoint(SipAddress o)
        {
            return SameIp(o) && Port == o.Port && Transport == o.Transport;
        }

        /// <summary>
        /// Parses an IP literal: dotted IPv4, or IPv6 with or without brackets ("::" allowed,
        /// embedded IPv4 tail not). Port and transport are left 0/Unknown. False if not a literal.
        /// </summary>
        public static bool TryParseIp(byte[] buf, Slice s, out SipAddress addr)
        {
            addr = new SipAddress();
            int i = s.Start, end = s.End;
            if (s.Length <= 0) return false;
            if (buf[i] == (byte)'[')
            {
                if (buf[end - 1] != (byte)']') return false;
                i++;
                end--;
            }
            int colon = SipAscii.IndexOf(buf, (byte)':', i, end);
            if (colon < 0) return ParseV4(buf, i, end, ref addr);
            return ParseV6(buf, i, end, ref addr);
        }

        private static bool ParseV4(byte[] buf, int i, int end, ref SipAddress addr)
        {
            uint v = 0;
            int parts = 0;
            while (parts < 4)
            {
                int s = i, n = 0;
                while (i < end && SipAscii.IsDigit(buf[i]) && i - s < 3) { n = n * 10 + (buf[i] - '0'); i++; }
                if (i == s || n > 255) return false;
                v = (v << 8) | (uint)n;
                parts++;
                if (parts < 4)
                {
                    if (i >= end || buf[i] != (byte)'.') return false;
                    i++;
                }
            }
            if (i != end) return false;
            addr.Family = SipAddressFamily.IPv4;
            addr.V4 = v;
            return true;
        }

        private static bool ParseV6(byte[] buf, int i, int end, ref SipAddress addr)
        {
            // up to 8 groups; "::" once
            int groups = 0, gap = -1;
            if (end - i >= 2 && buf[i] == (byte)':' && buf[i + 1] == (byte)':') { gap = 0; i += 2; }
            else if (i < end && buf[i] == (byte)':') return false;
            ulong g0 = 0, g1 = 0; // packed 16-bit groups as read (max 8 groups = 128 bits)
            while (i < end)
            {
                int s = i, v = 0;
                while (i < end && i - s < 4)
                {
                    int h = SipAscii.HexValue(buf[i]);
                    if (h < 0) break;
                    v = (v << 4) | h;
                    i++;
                }
                if (i == s || groups >= 8) return false;
                g0 = (g0 << 16) | (g1 >> 48);
                g1 = (g1 << 16) | (uint)v;
                groups++;
                if (i == end) break;
                if (buf[i] != (byte)':') return false;
                i++;
                if (i < end && buf[i] == (byte)':')
                {
                    if (gap >= 0) return false;
                    gap = groups;
                    i++;
                }
                else if (i == end) return false;
            }
            if (gap < 0 && groups != 8) return false;
            if (gap >= 0 && groups > 7) return false;
            // expand: groups before the gap move up by (8 - groups) positions
            int missing = 8 - groups;
            ulong w0 = 0, w1 = 0;
            for (int k = 0; k < groups; k++)
            {
                // group k (0-based from first read) sits at bit offset (groups-1-k)*16 of the g0:g1 pair
                int shift = (groups - 1 - k) * 16;
                ulong val = shift >= 64 ? (g0 >> (shift - 64)) & 0xFFFF : (g1 >> shift) & 0xFFFF;
                int pos = (gap >= 0 && k >= gap) ? k + missing : k;
                if (pos < 4) w0 |= val << ((3 - pos) * 16);
                else w1 |= val << ((7 - pos) * 16);
            }
            addr.Family = SipAddressFamily.IPv6;
            addr.V6High = w0;
            addr.V6Low = w1;
            return true;
        }

        /// <summary>
        /// Writes the IP as text ("192.0.2.1" or "[2001:db8:0:0:0:0:0:1]"; a host name as is) to
        /// dst[offset..]. Returns bytes written, or -1 if it does not fit.
        /// </summary>
        public int FormatIp(byte[] dst, int offset)
        {
            int o = offset;
            if (Family == SipAddressFamily.IPv4)
            {
                if (dst.Length - o < 15) return -1;
                for (int k = 3; k >= 0; k--)
                {
                    int v = (int)((V4 >> (k * 8)) & 0xFF);
                    if (v >= 100) dst[o++] = (byte)('0' + v / 100);
                    if (v >= 10) dst[o++] = (byte)('0' + v / 10 % 10);
                    dst[o++] = (byte)('0' + v % 10);
                    if (k > 0) dst[o++] = (byte)'.';
                }
                return o - offset;
            }
            if (Family == SipAddressFamily.IPv6)
            {
                if (dst.Length - o < 41) return -1;
                dst[o++] = (byte)'[';
                for (int k = 0; k < 8; k++)
                {
                    ulong half = k < 4 ? V6High : V6Low;
                    int v = (int)((half >> ((3 - (k & 3)) * 16)) & 0xFFFF);
                    bool started = false;
                    for (int n = 3; n >= 0; n--)
                    {
                        int d = (v >> (n * 4)) & 0xF;
                        if (d == 0 && !started && n > 0) continue;
                        started = true;
                        dst[o++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
                    }
                    if (k < 7) dst[o++] = (byte)':';
                }
                dst[o++] = (byte)']';
                return o - offset;
            }
            if (Family == SipAddressFamily.Host && Host != null)
            {
                if (dst.Length - o < Host.Length) return -1;
                for (int k = 0; k < Host.Length; k++) dst[o++] = (byte)Host[k];
                return o - offset;
            }
            return 0;
        }
    }
}
