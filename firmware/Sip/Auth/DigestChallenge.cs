// One Digest challenge from a WWW-Authenticate (401) or Proxy-Authenticate (407) header value
// (RFC 3261 §22.4, §25.1; RFC 7616 §3.3; RFC 8760). Parses `Digest` followed by comma-separated
// auth-params (token=token or token="quoted string" with backslash escapes), keeping realm,
// nonce, opaque, algorithm, qop options and stale. Unknown parameters are ignored as the RFC
// requires; a missing realm or nonce, or a non-Digest scheme, is a parse failure with a reason.
// Runs once per challenge (cold path): it materialises strings. Depends on DigestAlgorithm.
using System.Text;

namespace Endpoint.Sip.Auth
{
    /// <summary>A parsed Digest challenge.</summary>
    public sealed class DigestChallenge
    {
        /// <summary>Longest parameter value kept, in bytes.</summary>
        public const int MaxValueBytes = 256;

        /// <summary>Protection space.</summary>
        public string Realm;

        /// <summary>Server nonce.</summary>
        public string Nonce;

        /// <summary>Opaque value to echo, or null.</summary>
        public string Opaque;

        /// <summary>Algorithm (MD5 when the challenge names none).</summary>
        public DigestAlgorithm Algorithm = DigestAlgorithm.Md5;

        /// <summary>The algorithm token as sent (for error messages).</summary>
        public string AlgorithmToken;

        /// <summary>True when qop offered "auth".</summary>
        public bool QopAuth;

        /// <summary>True when a qop parameter was present at all.</summary>
        public bool QopPresent;

        /// <summary>True for stale=true: the nonce expired but the credentials were right.</summary>
        public bool Stale;

        /// <summary>True when the challenge came in Proxy-Authenticate (answer with Proxy-Authorization).</summary>
        public bool IsProxy;

        /// <summary>Why the last parse failed, or null.</summary>
        public string Error;

        /// <summary>Parses buf[offset, offset+count). Returns false (see <see cref="Error"/>) when unusable.</summary>
        public static DigestChallenge Parse(byte[] buf, int offset, int count, bool isProxy)
        {
            var c = new DigestChallenge();
            c.IsProxy = isProxy;
            int end = offset + count;
            int p = SkipSpace(buf, offset, end);
            int schemeStart = p;
            while (p < end && IsTokenChar(buf[p])) p++;
            if (!EqualsIgnoreCase(buf, schemeStart, p - schemeStart, "Digest"))
            {
                c.Error = "not a Digest challenge";
                return c;
            }
            var value = new StringBuilder();
            while (true)
            {
                p = SkipSpaceAndCommas(buf, p, end);
                if (p >= end) break;
                int nameStart = p;
                while (p < end && IsTokenChar(buf[p])) p++;
                int nameLen = p - nameStart;
                if (nameLen == 0) { c.Error = "bad character in challenge parameters"; return c; }
                p = SkipSpace(buf, p, end);
                if (p >= end || buf[p] != (byte)'=') { c.Error = "parameter without '='"; return c; }
                p = SkipSpace(buf, p + 1, end);
                value.Clear();
                bool quoted = false;
                if (p < end && buf[p] == (byte)'"')
                {
                    quoted = true;
                    p++;
                    bool closed = false;
                    while (p < end)
                    {
                        byte b = buf[p++];
                        if (b == (byte)'"') { closed = true; break; }
                        if (b == (byte)'\\' && p < end) b = buf[p++];
                        if (value.Length >= MaxValueBytes) { c.Error = "parameter value too long"; return c; }
                        value.Append((char)b);
                    }
                    if (!closed) { c.Error = "unterminated quoted string"; return c; }
                }
                else
                {
                    int vs = p;
                    while (p < end && IsTokenChar(buf[p])) p++;
                    if (p - vs > MaxValueBytes) { c.Error = "parameter value too long"; return c; }
                    for (int i = vs; i < p; i++) value.Append((char)buf[i]);
                }
                c.Set(buf, nameStart, nameLen, value.ToString(), quoted);
            }
            if (c.Realm == null) { c.Error = "challenge without realm"; return c; }
            if (c.Nonce == null) { c.Error = "challenge without nonce"; return c; }
            return c;
        }

        /// <summary>Parses a header value given as a string (tests, cold paths).</summary>
        public static DigestChallenge Parse(string headerValue, bool isProxy)
        {
            byte[] b = System.Text.Encoding.UTF8.GetBytes(headerValue);
            return Parse(b, 0, b.Length, isProxy);
        }

        /// <summary>True when the challenge parsed and names an algorithm we implement with a usable qop.</summary>
        public bool Usable
        {
            get { return Error == null && Algorithm != DigestAlgorithm.Unsupported && (!QopPresent || QopAuth); }
        }

        private void Set(byte[] buf, int name, int len, string value, bool quoted)
        {
            if (EqualsIgnoreCase(buf, name, len, "realm")) Realm = value;
            else if (EqualsIgnoreCase(buf, name, len, "nonce")) Nonce = value;
            else if (EqualsIgnoreCase(buf, name, len, "opaque")) Opaque = value;
            else if (EqualsIgnoreCase(buf, name, len, "algorithm")) { AlgorithmToken = value; Algorithm = DigestAlgorithms.Parse(value); }
            else if (EqualsIgnoreCase(buf, name, len, "stale")) Stale = value.ToLower() == "true";
            else if (EqualsIgnoreCase(buf, name, len, "qop"))
            {
                QopPresent = true;
                string[] options = value.Split(',');
                for (int i = 0; i < options.Length; i++)
                {
                    if (options[i].Trim().ToLower() == "auth") QopAuth = true;
                }
            }
        }

        private static bool IsTokenChar(byte b)
        {
            if (b >= (byte)'a' && b <= (byte)'z') return true;
            if (b >= (byte)'A' && b <= (byte)'Z') return true;
            if (b >= (byte)'0' && b <= (byte)'9') return true;
            switch (b)
            {
                case (byte)'-': case (byte)'.': case (byte)'!': case (byte)'%': case (byte)'*':
                case (byte)'_': case (byte)'+': case (byte)'`': case (byte)'\'': case (byte)'~':
                case (byte)'/': case (byte)':': case (byte)'@': case (byte)'[': case (byte)']':
                case (byte)'?': case (byte)'&': case (byte)'$': case (byte)'#': case (byte)'^':
                case (byte)'|':
                    return true;
            }
            return false;
        }

        private static int SkipSpace(byte[] buf, int p, int end)
        {
            while (p < end && (buf[p] == (byte)' ' || buf[p] == (byte)'\t' || buf[p] == (byte)'\r' || buf[p] == (byte)'\n')) p++;
            return p;
        }

        private static int SkipSpaceAndCommas(byte[] buf, int p, int end)
        {
            while (p < end && (buf[p] == (byte)' ' || buf[p] == (byte)'\t' || buf[p] == (byte)',' || buf[p] == (byte)'\r' || buf[p] == (byte)'\n')) p++;
            return p;
        }

        private static bool EqualsIgnoreCase(byte[] buf, int start, int len, string word)
        {
            if (len != word.Length) return false;
            for (int i = 0; i < len; i++)
            {
                int a = buf[start + i];
                int b = word[i];
                if (a >= 'A' && a <= 'Z') a += 32;
                if (b >= 'A' && b <= 'Z') b += 32;
                if (a != b) return false;
            }
            return true;
        }
    }
}
