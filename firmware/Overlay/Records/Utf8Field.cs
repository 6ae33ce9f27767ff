// UTF-8 helpers for record fields, without allocation except GetString: write a string's UTF-8
// into a buffer, compare bytes with a string, and check that field bytes are well-formed UTF-8
// without control characters. Depends on System.Text.Encoding only in GetString.
namespace Endpoint.Overlay.Records
{
    /// <summary>UTF-8 encode/compare/validate over byte ranges.</summary>
    public static class Utf8Field
    {
        /// <summary>Writes the UTF-8 of s into dst at offset, at most max bytes. Returns the length, or -1 if it does not fit.</summary>
        public static int Write(string s, byte[] dst, int offset, int max)
        {
            int p = offset;
            int limit = offset + max;
            if (limit > dst.Length) limit = dst.Length;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                if (c < 0x80) { if (p + 1 > limit) return -1; dst[p++] = (byte)c; }
                else if (c < 0x800) { if (p + 2 > limit) return -1; dst[p++] = (byte)(0xC0 | (c >> 6)); dst[p++] = (byte)(0x80 | (c & 0x3F)); }
                else if (c < 0x10000) { if (p + 3 > limit) return -1; dst[p++] = (byte)(0xE0 | (c >> 12)); dst[p++] = (byte)(0x80 | ((c >> 6) & 0x3F)); dst[p++] = (byte)(0x80 | (c & 0x3F)); }
                else { if (p + 4 > limit) return -1; dst[p++] = (byte)(0xF0 | (c >> 18)); dst[p++] = (byte)(0x80 | ((c >> 12) & 0x3F)); dst[p++] = (byte)(0x80 | ((c >> 6) & 0x3F)); dst[p++] = (byte)(0x80 | (c & 0x3F)); }
            }
            return p - offset;
        }

        /// <summary>The UTF-8 bytes of s (allocates; cold paths).</summary>
        public static byte[] Bytes(string s)
        {
            byte[] tmp = new byte[s.Length * 3 + 1];
            int n = Write(s, tmp, 0, tmp.Length);
            byte[] r = new byte[n];
            for (int i = 0; i < n; i++) r[i] = tmp[i];
            return r;
        }

        /// <summary>True when a[aOff, aOff+aLen) equals b[bOff, bOff+bLen).</summary>
        public static bool Equal(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen)
        {
            if (aLen != bLen) return false;
            for (int i = 0; i < aLen; i++) if (a[aOff + i] != b[bOff + i]) return false;
            return true;
        }

        /// <summary>True when the bytes are well-formed UTF-8 (shortest form, no surrogates) with no control characters.</summary>
        public static bool IsCleanText(byte[] b, int off, int len)
        {
            int i = off, end = off + len;
            while (i < end)
            {
                int c = b[i];
                if (c < 0x80)
                {
                    if (c < 0x20 || c == 0x7F) return false;
                    i++;
                    continue;
                }
                int need, min, cp;
                if (c >= 0xC2 && c <= 0xDF) { need = 1; min = 0x80; cp = c & 0x1F; }
                else if (c >= 0xE0 && c <= 0xEF) { need = 2; min = 0x800; cp = c & 0x0F; }
                else if (c >= 0xF0 && c <= 0xF4) { need = 3; min = 0x10000; cp = c & 0x07; }
                else return false;
                if (i + need >= end) return false;
                for (int k = 1; k <= need; k++)
                {
                    int cc = b[i + k];
                    if ((cc & 0xC0) != 0x80) return false;
                    cp = (cp << 6) | (cc & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
                i += need + 1;
            }
            return true;
        }

        /// <summary>Decodes UTF-8 bytes to a string (allocates).</summary>
        public static string GetString(byte[] b, int off, int len)
        {
            if (len == 0) return "";
            return System.Text.Encoding.UTF8.GetString(b, off, len);
        }
    }
}
