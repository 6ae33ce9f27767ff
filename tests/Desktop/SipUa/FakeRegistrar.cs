// A small registrar for the user agent tests: Digest challenges with MD5 and/or SHA-256 (RFC
// 7616 / 8760, qop=auth), checked with the .NET hash classes (independent of the firmware's),
// nonce counting, stale nonces, lifetimes capped at MaxExpires and reported per Contact, optional
// RFC 3581 received/rport (a NAT in front of the phone), scripted failures.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Endpoint.Sip.Transaction;

namespace Endpoint.Tests.SipUa
{
    internal sealed class FakeRegistrar : Node
    {
        public string[] Algorithms = { "MD5" };
        public string Realm = "example.com";
        public string Password = "secret";
        public int MaxExpires = 3600;
        public int? ExpiresHeader;             // also send an Expires header with this value
        public string NatReceived;             // add ;received= to the top Via of responses
        public int NatRport;                   // and ;rport=
        public bool StaleNext;                 // next correct credentials get 401 stale=true
        public int? FailWith;                  // answer everything with this code
        public bool Silent;                    // answer nothing
        public int MinExpires;                 // 423 below this
        public readonly List<string> Requests = new List<string>();
        public readonly List<long> RequestTimes = new List<long>();
        public readonly List<string> AcceptedAlgorithms = new List<string>();
        public readonly Dictionary<string, long> Bindings = new Dictionary<string, long>();
        public int KeepAlives;
        private readonly List<(byte[], SipAddress)> _out = new List<(byte[], SipAddress)>();
        private readonly Dictionary<string, int> _nonces = new Dictionary<string, int>();
        private int _nonceSeq;
        private long _now;

        public FakeRegistrar(SipAddress addr) { Name = "R"; Address = addr; }

        public override void TakeOutput(List<(byte[] data, SipAddress to)> into) { into.AddRange(_out); _out.Clear(); }

        private string NewNonce()
        {
            string n = "nonce" + (++_nonceSeq) + "x" + _now;
            _nonces[n] = 0;
            return n;
        }

        private void Send(string text, SipAddress to)
        {
            if (NatReceived != null)
            {
                int i = text.IndexOf("\r\nVia: ", StringComparison.Ordinal);
                int e = text.IndexOf("\r\n", i + 2, StringComparison.Ordinal);
                string via = text.Substring(i + 2, e - i - 2);
                string nv = via.Replace(";rport", ";rport=" + NatRport) + ";received=" + NatReceived;
                text = text.Substring(0, i + 2) + nv + text.Substring(e);
            }
            _out.Add((Encoding.Latin1.GetBytes(text), to));
        }

        private string Challenge(string req, bool stale)
        {
            var extra = new StringBuilder();
            foreach (string alg in Algorithms)
            {
                extra.Append("WWW-Authenticate: Digest realm=\"" + Realm + "\", nonce=\"" + NewNonce() + "\", qop=\"auth\", algorithm=" + alg
                    + (stale ? ", stale=true" : "") + ", opaque=\"op1\"\r\n");
            }
            return Sip.Response(req, 401, "Unauthorized", "reg1", extra.ToString());
        }

        public override void Deliver(byte[] data, SipAddress from, long now)
        {
            _now = now;
            string req = Encoding.Latin1.GetString(data);
            if (req.Trim().Length == 0) { KeepAlives++; return; }
            if (!req.StartsWith("REGISTER ")) return;
            Requests.Add(req);
            RequestTimes.Add(now);
            if (Silent) return;
            if (FailWith.HasValue) { Send(Sip.Response(req, FailWith.Value, "Failure", "reg1", FailWith == 503 ? "Retry-After: 120" : ""), from); return; }
            string auth = Sip.Header(req, "Authorization");
            if (auth == null) { Send(Challenge(req, false), from); return; }
            var p = AuthParams(auth);
            string nonce = p["nonce"];
            string alg = p.ContainsKey("algorithm") ? p["algorithm"] : "MD5";
            bool correct = Verify(p, "REGISTER", alg);
            if (!correct) { Send(Challenge(req, false), from); return; }
            if (!_nonces.ContainsKey(nonce) || StaleNext)
            {
                StaleNext = false;
                Send(Challenge(req, true), from);
                return;
            }
            int nc = Convert.ToInt32(p["nc"], 16);
            if (nc <= _nonces[nonce]) { Send(Challenge(req, true), from); return; }
            _nonces[nonce] = nc;
            AcceptedAlgorithms.Add(alg);
            int headerAsked = int.Parse(Sip.Header(req, "Expires") ?? "3600");
            // one or more comma-separated Contacts, each with its own ;expires (RFC 3261 §10.3 step 6)
            var contacts = new List<(string Uri, int Asked)>();
            foreach (string one in Sip.Header(req, "Contact").Split(", <"))
            {
                string c = one.StartsWith("<") ? one : "<" + one;
                string cp = Sip.Param(c.Substring(c.IndexOf('>')), "expires");
                contacts.Add((c.Substring(1, c.IndexOf('>') - 1), cp != null ? int.Parse(cp) : headerAsked));
            }
            foreach (var c in contacts)
            {
                if (c.Asked > 0 && MinExpires > 0 && c.Asked < MinExpires)
                {
                    Send(Sip.Response(req, 423, "Interval Too Brief", "reg1", "Min-Expires: " + MinExpires), from);
                    return;
                }
            }
            foreach (var c in contacts)
            {
                if (c.Asked == 0) Bindings.Remove(c.Uri);
                else Bindings[c.Uri] = now + Math.Min(c.Asked, MaxExpires) * 1000L;
            }
            var extra = new StringBuilder();
            foreach (var b in Bindings) extra.Append("Contact: <" + b.Key + ">;expires=" + ((b.Value - now) / 1000) + "\r\n");
            if (ExpiresHeader.HasValue) extra.Append("Expires: " + ExpiresHeader.Value + "\r\n");
            Send(Sip.Response(req, 200, "OK", "reg1", extra.ToString()), from);
        }

        public static Dictionary<string, string> AuthParams(string header)
        {
            var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match m in Regex.Matches(header.Substring(header.IndexOf(' ') + 1), "([A-Za-z0-9-]+)\\s*=\\s*(\"([^\"]*)\"|([^,\\s]+))"))
                d[m.Groups[1].Value] = m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
            return d;
        }

        public static string H(string alg, string s)
        {
            byte[] b = Encoding.UTF8.GetBytes(s);
            byte[] h = alg == "SHA-256" ? SHA256.HashData(b) : MD5.HashData(b);
            return Convert.ToHexString(h).ToLowerInvariant();
        }

        /// <summary>RFC 7616 §3.4.1 with qop=auth, computed independently of the firmware.</summary>
        public bool Verify(Dictionary<string, string> p, string method, string alg)
        {
            string user = p["username"];
            string ha1 = H(alg, user + ":" + p["realm"] + ":" + Password);
            string ha2 = H(alg, method + ":" + p["uri"]);
            string expected = H(alg, ha1 + ":" + p["nonce"] + ":" + p["nc"] + ":" + p["cnonce"] + ":" + p["qop"] + ":" + ha2);
            return p["qop"] == "auth" && expected == p["response"];
        }
    }
}
