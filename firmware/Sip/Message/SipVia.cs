// The Via header field value (RFC 3261 §20.42, §18.2.1, RFC 3581 rport): sent-protocol
// "SIP/2.0/UDP" (LWS allowed around the slashes, §25.1), sent-by host[:port] including IPv6
// references, and via-params branch, received, rport (with or without value), maddr, ttl.
// Depends on Slice, SipAscii, SipUri (host parsing), SipParamIterator, SipTransport. Allocation-free.
namespace Endpoint.Sip.Message
{
    /// <summary>One parsed Via value.</summary>
    public struct SipVia
    {
        /// <summary>Transport token (e.g. "UDP").</summary>
        public Slice TransportText;
        /// <summary>Transport as enum (Unknown for extensions).</summary>
        public SipTransport Transport;
        /// <summary>sent-by host (IPv6 with brackets).</summary>
        public Slice Host;
        /// <summary>True if the host is an IPv6 reference.</summary>
        public bool HostIsIPv6;
        /// <summary>sent-by port, or 0 when absent.</summary>
        public int Port;
        /// <summary>sent-by as written (host[:port]).</summary>
        public Slice SentBy;
        /// <summary>Parameters from the first ';' (empty if none).</summary>
        public Slice Params;
        /// <summary>Branch parameter value.</summary>
        public Slice Branch;
        /// <summary>True if a branch parameter is present.</summary>
        public bool HasBranch;
        /// <summary>received parameter value.</summary>
        public Slice Received;
        /// <summary>True if received is present.</summary>
        public bool HasReceived;
        /// <summary>True if rport is present (with or without value).</summary>
        public bool HasRport;
        /// <summary>rport value, or 0 when given without value.</summary>
        public int Rport;
        /// <summary>maddr parameter value (empty if absent).</summary>
        public Slice Maddr;

        /// <summary>RFC 3261 branch magic cookie.</summary>
        public static readonly byte[] MagicCookie = SipAscii.Bytes("z9hG4bK");

        private static readonly byte[] _sip = SipAscii.Bytes("sip");
        private static readonly byte[] _v20 = SipAscii.Bytes("2.0");
        private static readonly byte[] _branch = SipAscii.Bytes("branch");
        private static readonly byte[] _received = SipAscii.Bytes("received");
        private static readonly byte[] _rport = SipAscii.Bytes("rport");
        private static readonly byte[] _maddr = SipAscii.Bytes("maddr");

        /// <summary>True if the branch starts with the RFC 3261 magic cookie "z9hG4bK".</summary>
        public bool BranchIsRfc3261(byte[] buf)
        {
            if (!HasBranch || Branch.Length < MagicCookie.Length) return false;
            for (int k = 0; k < MagicCookie.Length; k++)
            {
                if (buf[Branch.Start + k] != MagicCookie[k]) return false;
            }
            return true;
        }

        /// <summary>Parses one Via value. Returns false if malformed.</summary>
        public static bool TryParse(byte[] buf, Slice value, out SipVia via)
        {
            via = new SipVia();
            int i = value.Start, end = value.End;
            Slice t;
            i = Token(buf, i, end, out t);
            if (i < 0 || !SipAscii.EqualsIgnoreCase(buf, t, _sip)) return false;
            i = Slash(buf, i, end);
            if (i < 0) return false;
            i = Token(buf, i, end, out t);
            if (i < 0 || !SipAscii.EqualsExact(buf, t, _v20)) return false;
            i = Slash(buf, i, end);
            if (i < 0) return false;
            i = Token(buf, i, end, out t);
            if (i < 0) return false;
            via.TransportText = t;
            via.Transport = SipTransports.Parse(buf, t);
            i = SipAscii.SkipWs(buf, i, end);
            if (i == t.End) return false;
            int sb = i;
            Slice host;
            bool v6;
            int port;
            i = SipUri.ParseHostPort(buf, i, end, out host, out v6, out port);
            if (i < 0) return false;
            via.Host = host;
            via.HostIsIPv6 = v6;
            via.Port = port;
            via.SentBy = Slice.FromTo(sb, i);
            i = SipAscii.SkipWs(buf, i, end);
            if (i < end)
            {
                if (buf[i] != (byte)';') return false;
                via.Params = Slice.FromTo(i, end);
                SipParamIterator it = new SipParamIterator(buf, via.Params);
                Slice n, v;
                bool hv;
                while (it.Next(out n, out v, out hv))
                {
                    if (SipAscii.EqualsIgnoreCase(buf, n, _branch))
                    {
                        if (v.Length == 0) return false;
                        via.HasBranch = true;
                        via.Branch = v;
                    }
                    else if (SipAscii.EqualsIgnoreCase(buf, n, _received))
                    {
                        via.HasReceived = true;
                        via.Received = v;
                    }
                    else if (SipAscii.EqualsIgnoreCase(buf, n, _rport))
                    {
                        via.HasRport = true;
                        if (v.Length > 0)
                        {
                            long p = SipAscii.ParseNumber(buf, v, 65535);
                            if (p <= 0) return false;
                            via.Rport = (int)p;
                        }
                    }
                    else if (SipAscii.EqualsIgnoreCase(buf, n, _maddr)) via.Maddr = v;
                }
                if (it.Error) return false;
            }
            return true;
        }

        private static int Token(byte[] buf, int i, int end, out Slice t)
        {
            i = SipAscii.SkipWs(buf, i, end);
            int s = i;
            while (i < end && SipAscii.IsToken(buf[i])) i++;
            t = Slice.FromTo(s, i);
            return i > s ? i : -1;
        }

        private static int Slash(byte[] buf, int i, int end)
        {
            i = SipAscii.SkipWs(buf, i, end);
            return i < end && buf[i] == (byte)'/' ? i + 1 : -1;
        }
    }
}
