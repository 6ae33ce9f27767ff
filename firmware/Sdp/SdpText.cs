// Byte-level helpers for the SDP parser and writer: ASCII comparisons, bounded number parsing
// and token-to-string with a small table of well-known tokens, so common values ("audio",
// "RTP/AVP", "IN", "IP4", "PCMU", ...) do not allocate. Depends on System.Text.Encoding only
// (fully qualified: Endpoint.Encoding is a sibling namespace). No culture, no exceptions.
namespace Endpoint.Sdp
{
    /// <summary>ASCII helpers over byte ranges.</summary>
    public static class SdpText
    {
        private static readonly string[] Known =
        {
            "audio", "video", "text", "application", "image", "message", "RTP/AVP", "RTP/AVPF", "RTP/SAVP",
            "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", "udptl", "IN", "IP4", "IP6", "PCMU", "PCMA", "telephone-event",
            "-", "0.0.0.0", "0-15", "0-16", "G722", "opus",
        };

        /// <summary>True when the bytes equal the ASCII string exactly.</summary>
        public static bool EqualsAscii(byte[] b, int off, int len, string s)
        {
            if (len != s.Length) return false;
            for (int i = 0; i < len; i++)
            {
                if (b[off + i] != s[i]) return false;
            }
            return true;
        }

        /// <summary>True when the bytes equal the ASCII string ignoring ASCII letter case.</summary>
        public static bool EqualsIgnoreCase(byte[] b, int off, int len, string s)
        {
            if (len != s.Length) return false;
            for (int i = 0; i < len; i++)
            {
                if (Lower(b[off + i]) != Lower((byte)s[i])) return false;
            }
            return true;
        }

        /// <summary>True when two strings are equal ignoring ASCII letter case (null-safe).</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null) return a == b;
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (Lower((byte)a[i]) != Lower((byte)b[i])) return false;
            }
            return true;
        }

        /// <summary>ASCII lower case of one byte.</summary>
        public static byte Lower(byte c) { return c >= (byte)'A' && c <= (byte)'Z' ? (byte)(c + 32) : c; }

        /// <summary>True for '0'..'9'.</summary>
        public static bool IsDigit(byte c) { return c >= (byte)'0' && c <= (byte)'9'; }

        /// <summary>
        /// Parses a non-negative decimal number of 1..19 digits (nothing else). False when the range
        /// is empty, holds a non-digit, or the value would exceed <paramref name="max"/>.
        /// </summary>
        public static bool TryParseNumber(byte[] b, int off, int len, ulong max, out ulong value)
        {
            value = 0;
            if (len <= 0 || len > 20) return false;
            for (int i = 0; i < len; i++)
            {
                byte c = b[off + i];
                if (!IsDigit(c)) return false;
                ulong d = (ulong)(c - (byte)'0');
                if (value > (max - d) / 10) return false;
                value = value * 10 + d;
            }
            return true;
        }

        /// <summary>Parses a decimal int in [0, max]; false otherwise.</summary>
        public static bool TryParseInt(byte[] b, int off, int len, int max, out int value)
        {
            ulong v;
            bool ok = TryParseNumber(b, off, len, (ulong)max, out v);
            value = ok ? (int)v : 0;
            return ok;
        }

        /// <summary>
        /// Leading integer part of a number like "20" or "20.5" (fraction ignored); -1 when there
        /// is no leading digit or the value exceeds 100000.
        /// </summary>
        public static int LeadingInt(byte[] b, int off, int len)
        {
            int n = 0;
            while (n < len && IsDigit(b[off + n])) n++;
            int v;
            return n > 0 && TryParseInt(b, off, n, 100000, out v) ? v : -1;
        }

        /// <summary>A string for the bytes; well-known SDP tokens return a shared instance.</summary>
        public static string Str(byte[] b, int off, int len)
        {
            if (len <= 0) return string.Empty;
            for (int i = 0; i < Known.Length; i++)
            {
                if (EqualsAscii(b, off, len, Known[i])) return Known[i];
            }
            return System.Text.Encoding.UTF8.GetString(b, off, len);
        }

        /// <summary>
        /// Finds the next space-separated token in [pos, end): skips spaces and tabs, returns false
        /// when none is left. On success tokOff/tokLen describe it and pos is just past it.
        /// </summary>
        public static bool NextToken(byte[] b, ref int pos, int end, out int tokOff, out int tokLen)
        {
            while (pos < end && (b[pos] == (byte)' ' || b[pos] == (byte)'\t')) pos++;
            tokOff = pos;
            while (pos < end && b[pos] != (byte)' ' && b[pos] != (byte)'\t') pos++;
            tokLen = pos - tokOff;
            return tokLen > 0;
        }

        /// <summary>Index of a byte in [off, end), or -1.</summary>
        public static int IndexOf(byte[] b, int off, int end, byte c)
        {
            for (int i = off; i < end; i++)
            {
                if (b[i] == c) return i;
            }
            return -1;
        }
    }
}
