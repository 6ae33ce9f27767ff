// Byte-level helpers for SIP text (RFC 3261 §25.1 core rules): character classes, case-insensitive
// comparison of slices against static lowercase tokens, LWS trimming, bounded decimal parsing.
// Depends on Slice only. Does not depend on strings on the hot path (Bytes/ToText are for setup,
// tests and logs). Limits: ASCII only; case folding is ASCII A-Z.
namespace Endpoint.Sip.Message
{
    /// <summary>ASCII helpers over byte buffers, allocation-free except the setup/log helpers.</summary>
    public static class SipAscii
    {
        internal const byte FlagToken = 1;
        internal const byte FlagDigit = 2;
        internal const byte FlagHex = 4;
        internal const byte FlagAlpha = 8;
        internal const byte FlagHostChar = 16;
        internal const byte FlagWs = 32;

        /// <summary>Character class flags per byte value.</summary>
        internal static readonly byte[] Class = BuildClass();

        /// <summary>ASCII lowercase mapping per byte value.</summary>
        internal static readonly byte[] LowerTable = BuildLower();

        private static byte[] BuildClass()
        {
            byte[] t = new byte[256];
            for (int c = 'a'; c <= 'z'; c++) t[c] = FlagToken | FlagAlpha | FlagHostChar;
            for (int c = 'A'; c <= 'Z'; c++) t[c] = FlagToken | FlagAlpha | FlagHostChar;
            for (int c = '0'; c <= '9'; c++) t[c] = FlagToken | FlagDigit | FlagHex | FlagHostChar;
            for (int c = 'a'; c <= 'f'; c++) t[c] |= FlagHex;
            for (int c = 'A'; c <= 'F'; c++) t[c] |= FlagHex;
            string extra = "-.!%*_+`'~";
            for (int i = 0; i < extra.Length; i++) t[extra[i]] |= FlagToken;
            t['-'] |= FlagHostChar;
            t['.'] |= FlagHostChar;
            t[' '] = FlagWs;
            t['\t'] = FlagWs;
            return t;
        }

        private static byte[] BuildLower()
        {
            byte[] t = new byte[256];
            for (int c = 0; c < 256; c++) t[c] = (byte)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            return t;
        }

        /// <summary>True for RFC 3261 token characters.</summary>
        public static bool IsToken(byte c) { return (Class[c] & FlagToken) != 0; }

        /// <summary>True for '0'..'9'.</summary>
        public static bool IsDigit(byte c) { return c >= (byte)'0' && c <= (byte)'9'; }

        /// <summary>True for SP or HT.</summary>
        public static bool IsWs(byte c) { return c == (byte)' ' || c == (byte)'\t'; }

        /// <summary>Value of a hex digit, or -1.</summary>
        public static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9') return c - '0';
            if (c >= (byte)'a' && c <= (byte)'f') return c - 'a' + 10;
            if (c >= (byte)'A' && c <= (byte)'F') return c - 'A' + 10;
            return -1;
        }

        /// <summary>ASCII lowercase of one byte.</summary>
        public static byte Lower(byte c) { return LowerTable[c]; }

        /// <summary>True if the slice equals <paramref name="lowerToken"/> ignoring ASCII case (token must be lowercase).</summary>
        public static bool EqualsIgnoreCase(byte[] buf, Slice s, byte[] lowerToken)
        {
            int n = lowerToken.Length;
            if (s.Length != n) return false;
            byte[] lower = LowerTable;
            int p = s.Start;
            for (int i = 0; i < n; i++)
            {
                if (lower[buf[p + i]] != lowerToken[i]) return false;
            }
            return true;
        }

        /// <summary>True if two slices (possibly in different buffers) are equal ignoring ASCII case.</summary>
        public static bool EqualsIgnoreCase(byte[] a, Slice sa, byte[] b, Slice sb)
        {
            int n = sa.Length;
            if (n != sb.Length) return false;
            byte[] lower = LowerTable;
            for (int i = 0; i < n; i++)
            {
                if (lower[a[sa.Start + i]] != lower[b[sb.Start + i]]) return false;
            }
            return true;
        }

        /// <summary>True if the slice equals <paramref name="token"/> byte for byte.</summary>
        public static bool EqualsExact(byte[] buf, Slice s, byte[] token)
        {
            int n = token.Length;
            if (s.Length != n) return false;
            for (int i = 0; i < n; i++)
            {
                if (buf[s.Start + i] != token[i]) return false;
            }
            return true;
        }

        /// <summary>True if two slices are equal byte for byte.</summary>
        public static bool EqualsExact(byte[] a, Slice sa, byte[] b, Slice sb)
        {
            int n = sa.Length;
            if (n != sb.Length) return false;
            for (int i = 0; i < n; i++)
            {
                if (a[sa.Start + i] != b[sb.Start + i]) return false;
            }
            return true;
        }

        /// <summary>True if the slice begins with the lowercase token, ignoring case.</summary>
        public static bool StartsWithIgnoreCase(byte[] buf, Slice s, byte[] lowerToken)
        {
            int n = lowerToken.Length;
            if (s.Length < n) return false;
            for (int i = 0; i < n; i++)
            {
                if (LowerTable[buf[s.Start + i]] != lowerToken[i]) return false;
            }
            return true;
        }

        /// <summary>
        /// Parses 1..10 decimal digits filling the whole slice. Returns -1 when the slice is empty,
        /// holds anything but digits, or the value exceeds <paramref name="max"/>.
        /// </summary>
        public static long ParseNumber(byte[] buf, Slice s, long max)
        {
            if (s.Length <= 0 || s.Length > 10) return -1;
            long v = 0;
            int end = s.Start + s.Length;
            for (int i = s.Start; i < end; i++)
            {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }
            return v > max ? -1 : v;
        }

        /// <summary>The slice without leading and trailing SP/HT/CR/LF.</summary>
        public static Slice Trim(byte[] buf, Slice s)
        {
            int a = s.Start;
            int e = s.Start + s.Length;
            while (a < e && buf[a] <= (byte)' ' && IsLwsByte(buf[a])) a++;
            while (e > a && buf[e - 1] <= (byte)' ' && IsLwsByte(buf[e - 1])) e--;
            return new Slice(a, e - a);
        }

        private static bool IsLwsByte(byte c)
        {
            return c == (byte)' ' || c == (byte)'\t' || c == (byte)'\r' || c == (byte)'\n';
        }

        /// <summary>Index of the first byte at or after <paramref name="i"/> that is not SP/HT, or <paramref name="end"/>.</summary>
        public static int SkipWs(byte[] buf, int i, int end)
        {
            while (i < end && (buf[i] == (byte)' ' || buf[i] == (byte)'\t')) i++;
            return i;
        }

        /// <summary>Index of <paramref name="c"/> in [i, end), or -1.</summary>
        public static int IndexOf(byte[] buf, byte c, int i, int end)
        {
            for (; i < end; i++)
            {
                if (buf[i] == c) return i;
            }
            return -1;
        }

        /// <summary>ASCII string to bytes (setup time only; allocates).</summary>
        public static byte[] Bytes(string ascii)
        {
            byte[] b = new byte[ascii.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)ascii[i];
            return b;
        }

        /// <summary>Lowercase ASCII bytes of a string (setup time only; allocates).</summary>
        public static byte[] LowerBytes(string ascii)
        {
            byte[] b = new byte[ascii.Length];
            for (int i = 0; i < b.Length; i++) b[i] = LowerTable[(byte)ascii[i]];
            return b;
        }

        /// <summary>The slice as a string (for UI, logs and tests; allocates). Bytes are taken as Latin-1.</summary>
        public static string ToText(byte[] buf, Slice s)
        {
            if (s.Length <= 0) return string.Empty;
            char[] c = new char[s.Length];
            for (int i = 0; i < c.Length; i++) c[i] = (char)buf[s.Start + i];
            return new string(c);
        }
    }
}
