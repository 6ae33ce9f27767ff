// A small stateless proxy for the user agent tests: challenges INVITE and MESSAGE without
// Proxy-Authorization with 407 (MD5, qop=auth, verified with .NET's MD5), absorbs the ACK of its
// 407, record-routes dialog-creating INVITEs (loose, ;lr — or strict when told), forwards
// requests by Route / Request-URI (users map to node addresses), and responses by popping its
// own Via. Its branch is derived from the incoming one so CANCEL matches at the callee.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Tests.SipUa
{
    internal sealed class FakeProxy : Node
    {
        public string Password = "secret";
        public bool Challenge = true;
        public bool Strict;
        public readonly Dictionary<string, SipAddress> Users = new Dictionary<string, SipAddress>();
        public readonly List<string> Received = new List<string>();
        public readonly List<string> Challenged = new List<string>();
        public readonly List<string> AbsorbedAcks = new List<string>();
        private readonly HashSet<string> _challengedBranches = new HashSet<string>();
        private readonly List<(byte[], SipAddress)> _out = new List<(byte[], SipAddress)>();
        private int _nonce;

        public FakeProxy(SipAddress addr) { Name = "P"; Address = addr; }

        public string Host => "10.0.0." + (Address.V4 & 0xFF);
        public string SelfUri => "sip:" + Host + ":" + Address.Port;

        public override void TakeOutput(List<(byte[] data, SipAddress to)> into) { into.AddRange(_out); _out.Clear(); }

        private void Send(string text, SipAddress to) => _out.Add((Encoding.Latin1.GetBytes(text), to));

        public override void Deliver(byte[] data, SipAddress from, long now)
        {
            string t = Encoding.Latin1.GetString(data);
            if (t.Trim().Length == 0) return;
            Received.Add(t);
            if (t.StartsWith("SIP/2.0 ")) { ForwardResponse(t); return; }
            string method = t.Substring(0, t.IndexOf(' '));
            string toHeader = Sip.Header(t, "To");
            bool initial = Sip.Tag(toHeader) == null;
            if (method == "ACK" && _challengedBranches.Contains(Sip.Branch(t))) { AbsorbedAcks.Add(t); return; }
            if (Challenge && initial && (method == "INVITE" || method == "MESSAGE"))
            {
                string pa = Sip.Header(t, "Proxy-Authorization");
                bool ok = false;
                if (pa != null)
                {
                    var p = FakeRegistrar.AuthParams(pa);
                    var v = new FakeRegistrar(Address) { Password = Password };
                    ok = v.Verify(p, method, "MD5");
                }
                if (!ok)
                {
                    Challenged.Add(t);
                    _challengedBranches.Add(Sip.Branch(t));
                    Send(Sip.Response(t, 407, "Proxy Authentication Required", "ptag" + (++_nonce),
                        "Proxy-Authenticate: Digest realm=\"proxy.example.com\", nonce=\"pn" + _nonce + "\", qop=\"auth\", algorithm=MD5"), from);
                    return;
                }
            }
            ForwardRequest(t, method, initial, from);
        }

        private void ForwardRequest(string t, string method, bool initial, SipAddress from)
        {
            var lines = t.Substring(0, t.IndexOf("\r\n\r\n", StringComparison.Ordinal)).Split("\r\n").ToList();
            string body = Sip.Body(t);
            string[] rl = lines[0].Split(' ');
            string ruri = rl[1];
            // our own Route entry (loose routing): remove it
            int route = lines.FindIndex(l => l.StartsWith("Route:"));
            if (route > 0 && lines[route].Contains(Host + ":" + Address.Port)) lines.RemoveAt(route);
            else if (Strict && ruri.Contains(Host + ":" + Address.Port) && route > 0)
            {
                // strict routing (RFC 2543): the Request-URI is us; the last Route is the real target
                int last = lines.FindLastIndex(l => l.StartsWith("Route:"));
                string target = lines[last].Substring(lines[last].IndexOf('<') + 1);
                target = target.Substring(0, target.IndexOf('>'));
                lines.RemoveAt(last);
                ruri = target;
                lines[0] = rl[0] + " " + ruri + " " + rl[2];
            }
            string branch = Sip.Branch(t);
            lines.Insert(1, "Via: SIP/2.0/UDP " + Host + ":" + Address.Port + ";branch=z9hG4bKp" + (method == "ACK" ? branch + "a" : branch));
            if (initial && method == "INVITE")
                lines.Insert(2, "Record-Route: <" + SelfUri + (Strict ? "" : ";lr") + ";ftag=x>");
            int next = lines.FindIndex(l => l.StartsWith("Route:"));
            string hop = next > 0 ? lines[next] : ruri;
            SipAddress dst = Resolve(hop);
            Send(string.Join("\r\n", lines) + "\r\n\r\n" + body, dst);
        }

        private SipAddress Resolve(string uriText)
        {
            int s = uriText.IndexOf("sip:", StringComparison.Ordinal);
            string u = uriText.Substring(s + 4);
            int end = u.IndexOfAny(new[] { '>', ';', ' ' });
            if (end >= 0) u = u.Substring(0, end);
            string user = u.Contains('@') ? u.Substring(0, u.IndexOf('@')) : null;
            string hostPort = u.Contains('@') ? u.Substring(u.IndexOf('@') + 1) : u;
            if (hostPort.StartsWith("example.com") && user != null && Users.TryGetValue(user, out SipAddress a)) return a;
            string[] hp = hostPort.Split(':');
            byte[] hb = Encoding.ASCII.GetBytes(hp[0]);
            SipAddress.TryParseIp(hb, new Slice(0, hb.Length), out SipAddress r);
            r.Port = hp.Length > 1 ? int.Parse(hp[1]) : 5060;
            r.Transport = SipTransport.Udp;
            return r;
        }

        private void ForwardResponse(string t)
        {
            var lines = t.Substring(0, t.IndexOf("\r\n\r\n", StringComparison.Ordinal)).Split("\r\n").ToList();
            int via = lines.FindIndex(l => l.StartsWith("Via:"));
            lines.RemoveAt(via);
            int next = lines.FindIndex(l => l.StartsWith("Via:"));
            if (next < 0) return;
            string v = lines[next];
            string sentBy = v.Split(' ')[2].Split(';')[0];
            string[] hp = sentBy.Split(':');
            byte[] hb = Encoding.ASCII.GetBytes(hp[0]);
            SipAddress.TryParseIp(hb, new Slice(0, hb.Length), out SipAddress dst);
            dst.Port = hp.Length > 1 ? int.Parse(hp[1]) : 5060;
            dst.Transport = SipTransport.Udp;
            Send(string.Join("\r\n", lines) + "\r\n\r\n" + Sip.Body(t), dst);
        }
    }
}
