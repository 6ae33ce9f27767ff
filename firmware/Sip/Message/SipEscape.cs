// Escaped text in SIP (RFC 3261 §25.1): %HH escapes inside URIs (compared unescaped, §19.1.4) and
// backslash quoted-pairs inside quoted-strings. Depends on Slice, SipAscii. Allocation-free.
// Limits: a malformed %-escape (not two hex digits) is taken literally, byte by byte.
namespace Endpoint.Sip.Message
{
    /// <summary>Comparison and copying of %-escaped and backslash-escaped text.</summary>
    public static class SipEscape
    {
        /// <summary>
        /// Compares two %-escaped slices after unescaping (RFC 3261 §19.1.4: "sip:%61lice@x" equals
        /// "sip:alice@x"). <paramref name="ignoreCase"/> applies ASCII case folding after unescaping.
        /// </summary>
        public static bool EqualsUnescaped(byte[] a, Slice sa, byte[] b, Slice sb, bool ignoreCase)
        {
            int i = sa.Start, ie = sa.End;
            int j = sb.Start, je = sb.End;
            while (i < ie && j < je)
            {
                int ca = Decode(a, ref i, ie);
                int cb = Decode(b, ref j, je);
                if (ignoreCase)
                {
                    ca = SipAscii.LowerTable[ca];
                    cb = SipAscii.LowerTable[cb];
                }
                if (ca != cb) return false;
            }
            return i == ie && j == je;
        }

        /// <summary>Compares an escaped slice, unescaped, with a plain lowercase token ignoring case.</summary>
        public static bool EqualsUnescapedIgnoreCase(byte[] a, Slice sa, byte[] lowerToken)
        {
            int i = sa.Start, ie = sa.End, j = 0;
            while (i < ie && j < lowerToken.Length)
            {
                int ca = SipAscii.LowerTable[Decode(a, ref i, ie)];
                if (ca != lowerToken[j++]) return false;
            }
            return i == ie && j == lowerToken.Length;
        }

        private static int Decode(byte[] buf, ref int i, int end)
        {
            byte c = buf[i];
            if (c == (byte)'%' && i + 2 < end)
            {
                int h = SipAscii.HexValue(buf[i + 1]);
                int l = SipAscii.HexValue(buf[i + 2]);
                if (h >= 0 && l >= 0)
                {
                    i += 3;
                    return (h << 4) | l;
                }
            }
            i++;
            return c;
        }

        /// <summary>
        /// Copies the %-unescaped bytes of <paramref name="s"/> to <paramref name="dst"/> at
        /// <paramref name="dstOffset"/>. Returns the number written, or -1 if it does not fit.
        /// </summary>
        public static int Unescape(byte[] src, Slice s, byte[] dst, int dstOffset)
        {
            int i = s.Start, end = s.End, o = dstOffset;
            while (i < end)
            {
                int c = Decode(src, ref i, end);
                if (o >= dst.Length) return -1;
                dst[o++] = (byte)c;
            }
            return o - dstOffset;
        }

        /// <summary>
        /// Copies the content of a quoted-string (without its quotes) resolving backslash
        /// quoted-pairs. Returns the number written, or -1 if it does not fit.
        /// </summary>
        public static int Unquote(byte[] src, Slice content, byte[] dst, int dstOffset)
        {
            int i = content.Start, end = content.End, o = dstOffset;
            while (i < end)
            {
                byte c = src[i++];
                if (c == (byte)'\\' && i < end) c = src[i++];
                if (o >= dst.Length) return -1;
                dst[o++] = c;
            }
            return o - dstOffset;
        }

        /// <summary>
        /// Scans a quoted-string starting at the opening quote at <paramref name="i"/>. Returns the
        /// index just past the closing quote, or -1 if it is not terminated before <paramref name="end"/>.
        /// </summary>
        public static int SkipQuoted(byte[] buf, int i, int end)
        {
            i++;
            while (i < end)
            {
                byte c = buf[i];
                if (c == (byte)'"') return i + 1;
                if (c == (byte)'\\') i++;
                i++;
            }
            return -1;
        }
    }
}
