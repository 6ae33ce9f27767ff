// Iterates ";name[=value]" parameter lists: header parameters (RFC 3261 §20.10 generic-param,
// §20.42 via-params) and SIP-URI parameters (§19.1.1 uri-parameters). Values are tokens, hosts
// (IPv6 references "[...]" included) or quoted strings (returned without their quotes; backslash
// escapes stay in place, see SipEscape.Unquote). Depends on Slice, SipAscii, SipEscape.
// Allocation-free (a struct used as a local). Names compare case-insensitively (TryGet).
namespace Endpoint.Sip.Message
{
    /// <summary>Walks a parameter list such as ";tag=a;lr;branch=z9hG4bK1".</summary>
    public struct SipParamIterator
    {
        private readonly byte[] _buf;
        private readonly int _end;
        private int _pos;

        /// <summary>True once a malformed parameter (e.g. an unterminated quote) stopped the walk.</summary>
        public bool Error;

        /// <summary>True if the value returned by the last Next was a quoted string.</summary>
        public bool ValueQuoted;

        /// <summary>Starts a walk over <paramref name="list"/> (which normally starts at a ';').</summary>
        public SipParamIterator(byte[] buf, Slice list)
        {
            _buf = buf;
            _pos = list.Start;
            _end = list.End;
            Error = false;
            ValueQuoted = false;
        }

        /// <summary>
        /// Returns the next parameter. <paramref name="hasValue"/> is false for flags like ";lr".
        /// Returns false at the end of the list or on a malformed parameter (then Error is set).
        /// </summary>
        public bool Next(out Slice name, out Slice value, out bool hasValue)
        {
            name = new Slice(0, 0);
            value = new Slice(0, 0);
            hasValue = false;
            ValueQuoted = false;
            byte[] b = _buf;
            int i = SipAscii.SkipWs(b, _pos, _end);
            while (i < _end && b[i] == (byte)';') i = SipAscii.SkipWs(b, i + 1, _end);
            if (i >= _end) { _pos = _end; return false; }
            int ns = i;
            while (i < _end && SipAscii.IsToken(b[i])) i++;
            if (i == ns) { Error = true; _pos = _end; return false; }
            name = new Slice(ns, i - ns);
            i = SipAscii.SkipWs(b, i, _end);
            if (i < _end && b[i] == (byte)'=')
            {
                hasValue = true;
                i = SipAscii.SkipWs(b, i + 1, _end);
                if (i < _end && b[i] == (byte)'"')
                {
                    int q = SipEscape.SkipQuoted(b, i, _end);
                    if (q < 0) { Error = true; _pos = _end; return false; }
                    value = new Slice(i + 1, q - i - 2);
                    ValueQuoted = true;
                    i = q;
                }
                else if (i < _end && b[i] == (byte)'[')
                {
                    int vs = i;
                    while (i < _end && b[i] != (byte)']') i++;
                    if (i >= _end) { Error = true; _pos = _end; return false; }
                    i++;
                    value = new Slice(vs, i - vs);
                }
                else
                {
                    int vs = i;
                    while (i < _end)
                    {
                        byte c = b[i];
                        if (c == (byte)';' || c == (byte)',' || c == (byte)'?' || c == (byte)'>' || c <= (byte)' ') break;
                        i++;
                    }
                    value = new Slice(vs, i - vs);
                }
                i = SipAscii.SkipWs(b, i, _end);
            }
            if (i < _end && b[i] != (byte)';') { Error = true; _pos = _end; return false; }
            _pos = i;
            return true;
        }

        /// <summary>
        /// Finds a parameter by lowercase name (case-insensitive). Returns true if present;
        /// <paramref name="value"/> is empty for a flag parameter.
        /// </summary>
        public static bool TryGet(byte[] buf, Slice list, byte[] lowerName, out Slice value)
        {
            SipParamIterator it = new SipParamIterator(buf, list);
            Slice n, v;
            bool hv;
            while (it.Next(out n, out v, out hv))
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

        /// <summary>True if the whole list is well formed.</summary>
        public static bool Validate(byte[] buf, Slice list)
        {
            SipParamIterator it = new SipParamIterator(buf, list);
            Slice n, v;
            bool hv;
            while (it.Next(out n, out v, out hv)) { }
            return !it.Error;
        }
    }
}
