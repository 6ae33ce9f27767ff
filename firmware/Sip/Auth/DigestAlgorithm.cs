// Digest algorithms of RFC 7616 §3.2 / RFC 8760 that this endpoint implements, ordered by
// preference (stronger first). SHA-512-256 is recognised but not implemented (no managed
// SHA-512 on the device yet): a server offering only that gets a clear failure.
// Depends on Endpoint.Crypto for the hash implementations.
using Endpoint.Crypto;

namespace Endpoint.Sip.Auth
{
    /// <summary>A digest algorithm token.</summary>
    public enum DigestAlgorithm
    {
        /// <summary>Absent or unknown algorithm.</summary>
        Unsupported = 0,
        /// <summary>MD5 (the default when a challenge names none).</summary>
        Md5 = 1,
        /// <summary>MD5-sess.</summary>
        Md5Sess = 2,
        /// <summary>SHA-256 (RFC 8760).</summary>
        Sha256 = 3,
        /// <summary>SHA-256-sess.</summary>
        Sha256Sess = 4,
    }

    /// <summary>Names, strength and hash construction for <see cref="DigestAlgorithm"/>.</summary>
    public static class DigestAlgorithms
    {
        private static readonly string[] Names = { "unsupported", "MD5", "MD5-sess", "SHA-256", "SHA-256-sess" };

        /// <summary>The token as it appears in headers.</summary>
        public static string Name(DigestAlgorithm a) { return Names[(int)a]; }

        /// <summary>Higher is preferred: SHA-256 over MD5, plain over -sess.</summary>
        public static int Strength(DigestAlgorithm a)
        {
            switch (a)
            {
                case DigestAlgorithm.Sha256: return 4;
                case DigestAlgorithm.Sha256Sess: return 3;
                case DigestAlgorithm.Md5: return 2;
                case DigestAlgorithm.Md5Sess: return 1;
                default: return 0;
            }
        }

        /// <summary>True for the -sess variants (HA1 includes nonce and cnonce).</summary>
        public static bool IsSession(DigestAlgorithm a) { return a == DigestAlgorithm.Md5Sess || a == DigestAlgorithm.Sha256Sess; }

        /// <summary>True when the algorithm uses SHA-256.</summary>
        public static bool IsSha256(DigestAlgorithm a) { return a == DigestAlgorithm.Sha256 || a == DigestAlgorithm.Sha256Sess; }

        /// <summary>Parses a token case-insensitively (quoted or not, quotes already removed).</summary>
        public static DigestAlgorithm Parse(string token)
        {
            if (token == null) return DigestAlgorithm.Md5;
            string t = token.ToUpper();
            if (t == "MD5") return DigestAlgorithm.Md5;
            if (t == "MD5-SESS") return DigestAlgorithm.Md5Sess;
            if (t == "SHA-256") return DigestAlgorithm.Sha256;
            if (t == "SHA-256-SESS") return DigestAlgorithm.Sha256Sess;
            return DigestAlgorithm.Unsupported;
        }
    }
}
