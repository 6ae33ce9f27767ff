// Client side of SIP Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): picks the
// strongest usable challenge when a server sends several, computes the response for qop=auth
// (or RFC 2069 style when no qop is offered), counts nonce use (nc) per nonce, draws cnonces
// from an injected random source, and decides when retrying is pointless: a second challenge
// for the same realm that is not stale means the credentials were rejected.
// auth-int, userhash and SHA-512-256 are not implemented. Cold path (once per challenge and
// per authenticated request); builds the header value as a string.
// Depends on Endpoint.Crypto (MD5, SHA-256, hex, random source) and DigestChallenge.
using System.Text;
using Endpoint.Crypto;
using Hex = Endpoint.TextEncoding.Hex;

namespace Endpoint.Sip.Auth
{
    /// <summary>What to do after a 401/407.</summary>
    public enum DigestVerdict
    {
        /// <summary>Send the request again (new transaction) with the credentials.</summary>
        Retry = 0,
        /// <summary>The server rejected our credentials; stop and report.</summary>
        Rejected = 1,
        /// <summary>No challenge we can answer (unknown algorithm, auth-int only, malformed).</summary>
        Unsupported = 2,
        /// <summary>We have no password configured.</summary>
        NoCredentials = 3,
    }

    /// <summary>Answers Digest challenges for one account.</summary>
    public sealed class DigestClient
    {
        private readonly string _user;
        private readonly string _password;
        private readonly IRandomSource _random;
        private readonly Md5 _md5;
        private readonly Sha256 _sha256;
        private readonly byte[] _digest;
        private readonly byte[] _hex;
        private readonly byte[] _cnonceBytes = new byte[12];
        private DigestChallenge _current;
        private string _answeredNonce;
        private string _cnonce;
        private int _nc;

        /// <summary>Creates a client; a null password means no credentials.</summary>
        public DigestClient(string user, string password, IRandomSource random) : this(user, password, random, null) { }

        /// <summary>
        /// Creates a client that shares the hash engines and scratch buffers of
        /// <paramref name="shareWith"/> (null: its own). Clients driven by the same thread
        /// may share: every computation finishes within one call.
        /// </summary>
        public DigestClient(string user, string password, IRandomSource random, DigestClient shareWith)
        {
            _user = user;
            _password = password;
            _random = random;
            _md5 = shareWith != null ? shareWith._md5 : new Md5();
            _sha256 = shareWith != null ? shareWith._sha256 : new Sha256();
            _digest = shareWith != null ? shareWith._digest : new byte[32];
            _hex = shareWith != null ? shareWith._hex : new byte[64];
        }

        /// <summary>The challenge currently answered, or null.</summary>
        public DigestChallenge Current { get { return _current; } }

        /// <summary>Human explanation of the last non-Retry verdict.</summary>
        public string LastReason { get; private set; }

        /// <summary>Picks the strongest usable challenge out of those in one 401/407.</summary>
        public static DigestChallenge SelectStrongest(DigestChallenge[] challenges, int count)
        {
            DigestChallenge best = null;
            for (int i = 0; i < count; i++)
            {
                DigestChallenge c = challenges[i];
                if (c == null || !c.Usable) continue;
                if (best == null || DigestAlgorithms.Strength(c.Algorithm) > DigestAlgorithms.Strength(best.Algorithm)) best = c;
            }
            return best;
        }

        /// <summary>
        /// Takes the challenges of one 401/407 response and decides whether to retry.
        /// <paramref name="hadCredentials"/> is true when the challenged request carried our Authorization.
        /// </summary>
        public DigestVerdict OnChallenge(DigestChallenge[] challenges, int count, bool hadCredentials)
        {
            if (_password == null) { LastReason = "the server asks for a password and none is configured"; return DigestVerdict.NoCredentials; }
            DigestChallenge best = SelectStrongest(challenges, count);
            if (best == null)
            {
                LastReason = count == 0 ? "challenge without a Digest header" : DescribeUnsupported(challenges, count);
                return DigestVerdict.Unsupported;
            }
            if (hadCredentials && !best.Stale && _current != null && best.Realm == _current.Realm)
            {
                LastReason = "credentials rejected for realm \"" + best.Realm + "\"";
                return DigestVerdict.Rejected;
            }
            if (_current == null || best.Nonce != _current.Nonce) { _nc = 0; _cnonce = null; }
            _current = best;
            return DigestVerdict.Retry;
        }

        /// <summary>Forgets the current challenge (e.g. after a successful registration expired long ago).</summary>
        public void Reset() { _current = null; _nc = 0; _cnonce = null; }

        /// <summary>
        /// The Authorization/Proxy-Authorization header value for a request, or null when there is
        /// no current challenge. Each call counts one use of the nonce.
        /// </summary>
        public string Authorization(string method, string digestUri)
        {
            DigestChallenge c = _current;
            if (c == null) return null;
            bool sha = DigestAlgorithms.IsSha256(c.Algorithm);
            IHashAlgorithm h = sha ? (IHashAlgorithm)_sha256 : _md5;
            if (_cnonce == null || _answeredNonce != c.Nonce)
            {
                _random.NextBytes(_cnonceBytes, 0, _cnonceBytes.Length);
                _cnonce = Hex.ToHexString(_cnonceBytes, 0, _cnonceBytes.Length);
                _answeredNonce = c.Nonce;
            }
            _nc++;
            string nc = Hex8(_nc);
            string response = Response(h, c, method, digestUri, nc, _cnonce, c.QopAuth);

            var sb = new StringBuilder(256);
            sb.Append("Digest username=\""); AppendQuoted(sb, _user);
            sb.Append("\", realm=\""); AppendQuoted(sb, c.Realm);
            sb.Append("\", nonce=\""); AppendQuoted(sb, c.Nonce);
            sb.Append("\", uri=\""); AppendQuoted(sb, digestUri);
            sb.Append("\", response=\""); sb.Append(response);
            sb.Append('"');
            if (c.AlgorithmToken != null) { sb.Append(", algorithm="); sb.Append(DigestAlgorithms.Name(c.Algorithm)); }
            if (c.QopAuth)
            {
                sb.Append(", cnonce=\""); sb.Append(_cnonce);
                sb.Append("\", qop=auth, nc="); sb.Append(nc);
            }
            if (c.Opaque != null) { sb.Append(", opaque=\""); AppendQuoted(sb, c.Opaque); sb.Append('"'); }
            return sb.ToString();
        }

        /// <summary>
        /// The request-digest (RFC 7616 §3.4.1) in lowercase hex. Public for the RFC test vectors.
        /// </summary>
        public string Response(IHashAlgorithm h, DigestChallenge c, string method, string uri, string nc, string cnonce, bool qopAuth)
        {
            // HA1 = H(user:realm:password), -sess: H(H(user:realm:password):nonce:cnonce)
            h.Reset();
            h.UpdateUtf8(_user); h.UpdateByte((byte)':'); h.UpdateUtf8(c.Realm); h.UpdateByte((byte)':'); h.UpdateUtf8(_password);
            string ha1 = FinalHex(h);
            if (DigestAlgorithms.IsSession(c.Algorithm))
            {
                h.Reset();
                h.UpdateAscii(ha1); h.UpdateByte((byte)':'); h.UpdateUtf8(c.Nonce); h.UpdateByte((byte)':'); h.UpdateUtf8(cnonce);
                ha1 = FinalHex(h);
            }
            // HA2 = H(method:uri)
            h.Reset();
            h.UpdateUtf8(method); h.UpdateByte((byte)':'); h.UpdateUtf8(uri);
            string ha2 = FinalHex(h);
            h.Reset();
            h.UpdateAscii(ha1); h.UpdateByte((byte)':'); h.UpdateUtf8(c.Nonce); h.UpdateByte((byte)':');
            if (qopAuth)
            {
                h.UpdateAscii(nc); h.UpdateByte((byte)':'); h.UpdateUtf8(cnonce); h.UpdateByte((byte)':');
                h.UpdateAscii("auth"); h.UpdateByte((byte)':');
            }
            h.UpdateAscii(ha2);
            return FinalHex(h);
        }

        private string FinalHex(IHashAlgorithm h)
        {
            int n = h.HashSize;
            h.Final(_digest, 0);
            Hex.WriteHex(_digest, 0, n, _hex, 0);
            return System.Text.Encoding.UTF8.GetString(_hex, 0, 2 * n);
        }

        private static string Hex8(int v)
        {
            char[] c = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                int d = v & 15;
                c[i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
                v >>= 4;
            }
            return new string(c);
        }

        private static void AppendQuoted(StringBuilder sb, string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                if (ch == '"' || ch == '\\') sb.Append('\\');
                sb.Append(ch);
            }
        }

        private static string DescribeUnsupported(DigestChallenge[] challenges, int count)
        {
            for (int i = 0; i < count; i++)
            {
                DigestChallenge c = challenges[i];
                if (c == null) continue;
                if (c.Error != null) return "unusable challenge: " + c.Error;
                if (c.Algorithm == DigestAlgorithm.Unsupported) return "unsupported digest algorithm " + c.AlgorithmToken;
                if (c.QopPresent && !c.QopAuth) return "the server offers only qop=auth-int, which is not supported";
            }
            return "no usable challenge";
        }
    }
}
