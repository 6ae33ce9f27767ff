// DTMF carried in SIP INFO bodies: "application/dtmf-relay" (the de-facto Cisco format:
// "Signal=5\r\nDuration=160\r\n", keys case-insensitive, blanks around '=' tolerated, LF or CRLF,
// Signal as a digit or as an event number 10-15) and "application/dtmf" (the body is the digit
// or its event number). Also writes a dtmf-relay body for sending. Depends on DtmfEvents; no
// allocation on parse; never throws on bad input. The SIP layer supplies the Content-Type.
namespace Endpoint.Media.Dtmf
{
    /// <summary>Outcome of parsing a DTMF INFO body.</summary>
    public enum DtmfInfoStatus
    {
        /// <summary>A digit was parsed.</summary>
        Ok = 0,
        /// <summary>Empty body.</summary>
        Empty,
        /// <summary>No Signal= line.</summary>
        NoSignal,
        /// <summary>The signal is not a DTMF digit (e.g. flash "!" or event 16).</summary>
        BadSignal,
        /// <summary>The content type is not a DTMF one.</summary>
        UnsupportedType,
    }

    /// <summary>SIP INFO DTMF bodies.</summary>
    public static class DtmfInfo
    {
        /// <summary>Content type of the key/value body.</summary>
        public const string RelayContentType = "application/dtmf-relay";

        /// <summary>Content type of the single-digit body.</summary>
        public const string DtmfContentType = "application/dtmf";

        /// <summary>Duration reported when the body has none, ms.</summary>
        public const int DefaultDurationMs = 250;

        private static readonly string[] StatusNames = { "Ok", "Empty", "NoSignal", "BadSignal", "UnsupportedType" };

        /// <summary>Text of a status.</summary>
        public static string Name(DtmfInfoStatus s)
        {
            int i = (int)s;
            return i >= 0 && i < StatusNames.Length ? StatusNames[i] : "Unknown";
        }

        /// <summary>
        /// Parses a body according to its Content-Type (parameters after ';' and letter case ignored).
        /// </summary>
        public static DtmfInfoStatus Parse(string contentType, byte[] body, int offset, int count, out char digit, out int durationMs)
        {
            digit = '\0';
            durationMs = DefaultDurationMs;
            if (contentType == null) return DtmfInfoStatus.UnsupportedType;
            int semi = contentType.IndexOf(';');
            string type = (semi >= 0 ? contentType.Substring(0, semi) : contentType).Trim();
            if (EqualsIgnoreCase(type, RelayContentType)) return ParseRelay(body, offset, count, out digit, out durationMs);
            if (EqualsIgnoreCase(type, DtmfContentType)) return ParseDtmf(body, offset, count, out digit);
            return DtmfInfoStatus.UnsupportedType;
        }

        /// <summary>Parses an application/dtmf-relay body.</summary>
        public static DtmfInfoStatus ParseRelay(byte[] body, int offset, int count, out char digit, out int durationMs)
        {
            digit = '\0';
            durationMs = DefaultDurationMs;
            if (body == null || count <= 0 || offset < 0 || count > body.Length - offset) return DtmfInfoStatus.Empty;
            int pos = offset, end = offset + count;
            bool sawSignal = false;
            DtmfInfoStatus result = DtmfInfoStatus.NoSignal;
            while (pos < end)
            {
                int lineEnd = pos;
                while (lineEnd < end && body[lineEnd] != (byte)'\n' && body[lineEnd] != (byte)'\r') lineEnd++;
                int eq = pos;
                while (eq < lineEnd && body[eq] != (byte)'=') eq++;
                if (eq < lineEnd)
                {
                    int ks = pos, ke = eq, vs = eq + 1, ve = lineEnd;
                    Trim(body, ref ks, ref ke);
                    Trim(body, ref vs, ref ve);
                    if (!sawSignal && KeyIs(body, ks, ke, "signal"))
                    {
                        sawSignal = true;
                        int ev = ParseSignal(body, vs, ve);
                        if (ev < 0) result = DtmfInfoStatus.BadSignal;
                        else
                        {
                            digit = DtmfEvents.ToChar(ev);
                            result = DtmfInfoStatus.Ok;
                        }
                    }
                    else if (KeyIs(body, ks, ke, "duration"))
                    {
                        int ms = ParseUInt(body, vs, ve);
                        if (ms > 0) durationMs = ms;
                    }
                }
                pos = lineEnd + 1;
            }
            return result;
        }

        /// <summary>Parses an application/dtmf body (a digit or event number, blanks and line ends ignored).</summary>
        public static DtmfInfoStatus ParseDtmf(byte[] body, int offset, int count, out char digit)
        {
            digit = '\0';
            if (body == null || count <= 0 || offset < 0 || count > body.Length - offset) return DtmfInfoStatus.Empty;
            int s = offset, e = offset + count;
            Trim(body, ref s, ref e);
            if (s == e) return DtmfInfoStatus.Empty;
            int ev = ParseSignal(body, s, e);
            if (ev < 0) return DtmfInfoStatus.BadSignal;
            digit = DtmfEvents.ToChar(ev);
            return DtmfInfoStatus.Ok;
        }

        /// <summary>
        /// Writes "Signal=d\r\nDuration=n\r\n" at dst[offset]; returns the byte count, or -1 when the
        /// digit is invalid or the buffer too small.
        /// </summary>
        public static int WriteRelay(char digit, int durationMs, byte[] dst, int offset, int capacity)
        {
            int ev = DtmfEvents.FromChar(digit);
            if (ev < 0 || dst == null || offset < 0 || capacity < 0 || capacity > dst.Length - offset) return -1;
            if (durationMs < 0) durationMs = 0;
            if (durationMs > 99999) durationMs = 99999;
            int digits = durationMs >= 10000 ? 5 : durationMs >= 1000 ? 4 : durationMs >= 100 ? 3 : durationMs >= 10 ? 2 : 1;
            int n = 7 + 1 + 2 + 9 + digits + 2;
            if (n > capacity) return -1;
            int p = offset;
            p = Put(dst, p, "Signal=");
            dst[p++] = (byte)DtmfEvents.ToChar(ev);
            p = Put(dst, p, "\r\nDuration=");
            int div = 1;
            for (int i = 1; i < digits; i++) div *= 10;
            for (; div > 0; div /= 10) dst[p++] = (byte)('0' + (durationMs / div) % 10);
            dst[p++] = (byte)'\r';
            dst[p++] = (byte)'\n';
            return p - offset;
        }

        private static int Put(byte[] dst, int p, string s)
        {
            for (int i = 0; i < s.Length; i++) dst[p++] = (byte)s[i];
            return p;
        }

        // A single digit character, or an event number 0..15. -1 otherwise.
        private static int ParseSignal(byte[] b, int s, int e)
        {
            if (e - s == 1) return DtmfEvents.FromChar((char)b[s]);
            int v = ParseUInt(b, s, e);
            return v >= 0 && v <= 15 ? v : -1;
        }

        private static int ParseUInt(byte[] b, int s, int e)
        {
            if (s >= e || e - s > 6) return -1;
            int v = 0;
            for (int i = s; i < e; i++)
            {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }
            return v;
        }

        private static void Trim(byte[] b, ref int s, ref int e)
        {
            while (s < e && IsBlank(b[s])) s++;
            while (e > s && IsBlank(b[e - 1])) e--;
        }

        private static bool IsBlank(byte c)
        {
            return c == (byte)' ' || c == (byte)'\t' || c == (byte)'\r' || c == (byte)'\n';
        }

        private static bool KeyIs(byte[] b, int s, int e, string lowerKey)
        {
            if (e - s != lowerKey.Length) return false;
            for (int i = 0; i < lowerKey.Length; i++)
            {
                int c = b[s + i];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != lowerKey[i]) return false;
            }
            return true;
        }

        private static bool EqualsIgnoreCase(string a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                int x = a[i], y = b[i];
                if (x >= 'A' && x <= 'Z') x += 32;
                if (y >= 'A' && y <= 'Z') y += 32;
                if (x != y) return false;
            }
            return true;
        }
    }
}
