// Splits a comma-separated header value (RFC 3261 §7.3.1) into its elements, ignoring commas
// inside quoted strings (with backslash escapes) and inside <...>, trimming LWS around each.
// Depends on Slice, SipAscii. Allocation-free struct. Limits: an unterminated quote or angle
// bracket ends the walk with Error set.
namespace Endpoint.Sip.Message
{
    /// <summary>Walks the elements of a comma-separated value.</summary>
    public struct SipListIterator
    {
        private readonly byte[] _buf;
        private readonly int _end;
        private int _pos;

        /// <summary>Set when the walk stopped on an unterminated quoted string.</summary>
        public bool UnterminatedQuote;

        /// <summary>Set when the walk stopped on an unterminated angle bracket.</summary>
        public bool UnterminatedAngle;

        /// <summary>True if either error flag is set.</summary>
        public bool Error { get { return UnterminatedQuote || UnterminatedAngle; } }

        /// <summary>Starts a walk over <paramref name="value"/>.</summary>
        public SipListIterator(byte[] buf, Slice value)
        {
            _buf = buf;
            _pos = value.Start;
            _end = value.End;
            UnterminatedQuote = false;
            UnterminatedAngle = false;
        }

        /// <summary>Returns the next non-empty element, trimmed. False at the end or on error.</summary>
        public bool Next(out Slice item)
        {
            byte[] b = _buf;
            int end = _end;
            while (true)
            {
                int i = _pos;
                if (i >= end) { item = new Slice(0, 0); return false; }
                int s = i;
                bool angle = false;
                while (i < end)
                {
                    byte c = b[i];
                    if (c == (byte)'"')
                    {
                        int q = SipEscape.SkipQuoted(b, i, end);
                        if (q < 0) { UnterminatedQuote = true; _pos = end; item = new Slice(0, 0); return false; }
                        i = q;
                        continue;
                    }
                    if (c == (byte)'<') angle = true;
                    else if (c == (byte)'>') angle = false;
                    else if (c == (byte)',' && !angle) break;
                    i++;
                }
                if (angle) { UnterminatedAngle = true; _pos = end; item = new Slice(0, 0); return false; }
                _pos = i + 1;
                item = SipAscii.Trim(b, new Slice(s, i - s));
                if (item.Length > 0) return true;
            }
        }
    }
}
