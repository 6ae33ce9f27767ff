// Credentials and challenges of WWW-Authenticate, Proxy-Authenticate, Authorization,
// Proxy-Authorization and Authentication-Info (RFC 3261 §20.7, §20.27, §20.28, §20.44, §25.1;
// RFC 2617 / 7616 auth-param syntax): a scheme token ("Digest") followed by comma-separated
// name=value pairs whose values are tokens or quoted-strings (returned without quotes, escapes
// kept; see SipEscape.Unquote). Depends on Slice, SipAscii, SipEscape. Allocation-free struct.
// Limits: token68 forms (e.g. Basic credentials) are exposed only as the raw remainder.
namespace Endpoint.Sip.Message
{
    /// <summary>Walks "Digest realm=\"x\", nonce=\"y\", algorithm=MD5, qop=\"auth\"".</summary>
    public struct SipAuthIterator
    {
        private readonly byte[] _buf;
        private readonly int _end;
        private int _pos;

        /// <summary>The scheme token (e.g. "Digest").</summary>
        public Slice Scheme;

        /// <summary>Everything after the scheme, trimmed.</summary>
        public Slice Rest;

        /// <summary>True if the value returned by the last Next was quoted.</summary>
        public bool ValueQuoted;

        /// <summary>True once a malformed parameter stopped the walk.</summary>
        public bool Error;

        private static readonly byte[] _digest = SipAscii.Bytes("digest");

        /// <summary>Starts a walk over an auth header value; Error is set if there is no scheme.</summary>
        public SipAuthIterator(byte[] buf, Slice value)
        {
            _buf = buf;
            _end = value.End;
            ValueQuoted = false;
            Error = false;
            int i = SipAscii.SkipWs(buf, value.Start, _end);
            int s = i;
            while (i < _end && SipAscii.IsToken(buf[i])) i++;
            Scheme = Slice.FromTo(s, i);
            if (i == s || (i < _end && !SipAscii.IsWs(buf[i]))) Error = true;
            Rest = SipAscii.Trim(buf, Slice.FromTo(i, _end));
            _pos = Rest.Start;
        }

        /// <summary>True if the scheme is Digest (case-insensitive).</summary>
        public bool IsDigest { get { return !Error && SipAscii.EqualsIgnoreCase(_buf, Scheme, _digest); } }

        /// <summary>Returns the next auth-param. False at the end or on error (Error set).</summary>
        public bool Next(out Slice name, out Slice value)
        {
            name = new Slice(0, 0);
            value = new Slice(0, 0);
            ValueQuoted = false;
            if (Error) return false;
            byte[] b = _buf;
            int i = _pos;
            while (i < _end && (b[i] == (byte)',' || SipAscii.IsWs(b[i]))) i++;
            if (i >= _end) { _pos = _end; return false; }
            int ns = i;
            while (i < _end && SipAscii.IsToken(b[i])) i++;
            name = Slice.FromTo(ns, i);
            i = SipAscii.SkipWs(b, i, _end);
            if (name.Length == 0 || i >= _end || b[i] != (byte)'=') { Error = true; return false; }
            i = SipAscii.SkipWs(b, i + 1, _end);
            if (i < _end && b[i] == (byte)'"')
            {
                int q = SipEscape.SkipQuoted(b, i, _end);
                if (q < 0) { Error = true; return false; }
                value = new Slice(i + 1, q - i - 2);
                ValueQuoted = true;
                i = q;
            }
            else
            {
                int vs = i;
                while (i < _end && b[i] != (byte)',' && !SipAscii.IsWs(b[i])) i++;
                value = Slice.FromTo(vs, i);
            }
            i = SipAscii.SkipWs(b, i, _end);
            if (i < _end && b[i] != (byte)',') { Error = true; return false; }
            _pos = i;
            return true;
        }

        /// <summary>Finds an auth-param by lowercase name. True if present.</summary>
        public static bool TryGet(byte[] buf, Slice headerValue, byte[] lowerName, out Slice value)
        {
            SipAuthIterator it = new SipAuthIterator(buf, headerValue);
            Slice n, v;
            while (it.Next(out n, out v))
            {
                if (SipAscii.EqualsIgnoreCase(buf, n, lowerName))
                {
                    value = v;
                    return true;
                }
            }
            value = new Slice(0, 0);
            return false;
        }
    }
}
