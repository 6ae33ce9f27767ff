// In-memory "network" for user agent tests: nodes (UserAgents, a fake registrar, a fake proxy,
// raw scripted peers) exchange datagrams instantly through a loop with a manual clock; every
// packet is logged (and may be dropped by a test filter); time advances deadline by deadline.
// No sockets, no threads.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Endpoint.Crypto;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;

namespace Endpoint.Tests.SipUa
{
    internal sealed class SeededRandom : IRandomSource
    {
        private readonly Random _r;
        public SeededRandom(int seed) { _r = new Random(seed); }
        public void NextBytes(byte[] buf, int offset, int count)
        {
            byte[] t = new byte[count];
            _r.NextBytes(t);
            Array.Copy(t, 0, buf, offset, count);
        }
    }

    internal sealed class Packet
    {
        public string Text;
        public SipAddress From;
        public SipAddress To;
        public long At;
        public bool Dropped;
        public string FromName;
        public string ToName;
        public string StartLine => Text.IndexOf('\r') > 0 ? Text.Substring(0, Text.IndexOf('\r')) : Text;
        public bool IsRequest(string method) => Text.StartsWith(method + " ");
        public bool IsResponse(int code) => Text.StartsWith("SIP/2.0 " + code + " ");
        public bool IsResponse(int code, string cseqMethod) => IsResponse(code) && Sip.CSeqMethod(Text) == cseqMethod;
        public override string ToString() => At + " " + FromName + "->" + ToName + (Dropped ? " DROPPED " : " ") + StartLine;
    }

    internal abstract class Node
    {
        public string Name;
        public SipAddress Address;
        public abstract void Deliver(byte[] data, SipAddress from, long now);
        public virtual long NextDeadline => long.MaxValue;
        public virtual void OnTimer(long now) { }
        public abstract void TakeOutput(List<(byte[] data, SipAddress to)> into);
    }

    /// <summary>An event copied out of the UA's reusable record.</summary>
    internal sealed class Ev
    {
        public UaEventKind Kind;
        public int Call, Handle, Code;
        public string Reason, Body, ContentType, PeerUri, PeerName;
        public long At;
        public override string ToString() => At + " " + Kind + " call=" + Call + " code=" + Code + " " + Reason;
    }

    internal sealed class UaNode : Node
    {
        public readonly UserAgent Ua;
        public readonly List<Ev> Events = new List<Ev>();
        public Func<Ev, bool> AutoReact; // return true when handled
        public long Now;

        public UaNode(string name, UaConfig cfg, int seed)
        {
            Name = name;
            Ua = new UserAgent(cfg, new SeededRandom(seed));
            byte[] h = Encoding.ASCII.GetBytes(cfg.LocalHost);
            SipAddress.TryParseIp(h, new Slice(0, h.Length), out Address);
            Address.Port = cfg.LocalPort;
            Address.Transport = SipTransport.Udp;
        }

        public override void Deliver(byte[] data, SipAddress from, long now)
        {
            Now = now;
            Ua.OnDatagram(data, 0, data.Length, from, now);
            CollectEvents(now);
        }

        public override long NextDeadline => Ua.NextDeadline;

        public override void OnTimer(long now)
        {
            Now = now;
            Ua.OnTimer(now);
            CollectEvents(now);
        }

        public void CollectEvents(long now)
        {
            UaEvent e;
            while ((e = Ua.PollEvent()) != null)
            {
                var ev = new Ev
                {
                    Kind = e.Kind, Call = e.Call, Handle = e.Handle, Code = e.Code, Reason = e.Reason, Body = e.BodyText(),
                    ContentType = e.ContentTypeText(), PeerUri = e.PeerUriText(), PeerName = e.PeerNameText(), At = now,
                };
                Events.Add(ev);
                AutoReact?.Invoke(ev);
            }
        }

        public override void TakeOutput(List<(byte[] data, SipAddress to)> into)
        {
            SipOutbox o = Ua.Outbox;
            while (o.Count > 0)
            {
                byte[] b = new byte[o.PeekLength()];
                Array.Copy(o.PeekBuffer(), b, b.Length);
                into.Add((b, o.PeekDestination()));
                o.Pop();
            }
        }

        public Ev Last(UaEventKind k) => Events.LastOrDefault(e => e.Kind == k);
        public int Count(UaEventKind k) => Events.Count(e => e.Kind == k);
        public IEnumerable<Ev> Of(UaEventKind k) => Events.Where(e => e.Kind == k);
    }

    /// <summary>A peer driven by test code: it records what it receives and sends raw text.</summary>
    internal sealed class RawNode : Node
    {
        public readonly List<string> Received = new List<string>();
        private readonly List<(byte[], SipAddress)> _out = new List<(byte[], SipAddress)>();
        public Func<string, SipAddress, IEnumerable<string>> Handler;

        public RawNode(string name, SipAddress addr) { Name = name; Address = addr; }

        public void Send(string text, SipAddress to) => _out.Add((Encoding.Latin1.GetBytes(Sip.Crlf(text)), to));

        public override void Deliver(byte[] data, SipAddress from, long now)
        {
            string t = Encoding.Latin1.GetString(data);
            Received.Add(t);
            if (Handler != null) foreach (string reply in Handler(t, from)) Send(reply, from);
        }

        public override void TakeOutput(List<(byte[] data, SipAddress to)> into)
        {
            into.AddRange(_out);
            _out.Clear();
        }
    }

    internal sealed class LoopNet
    {
        public long Now;
        public readonly List<Node> Nodes = new List<Node>();
        public readonly List<Packet> Log = new List<Packet>();
        public Func<Packet, bool> Drop;

        public T Add<T>(T n) where T : Node { Nodes.Add(n); return n; }

        public static UaConfig Config(string host, string user, int port = 5060)
        {
            return new UaConfig { LocalHost = host, LocalPort = port, User = user, Domain = "example.com", T1 = 500 };
        }

        private Node Find(SipAddress a) => Nodes.FirstOrDefault(n => n.Address.SameIp(a) && n.Address.Port == a.Port);

        /// <summary>Delivers everything queued, repeatedly, until the network is quiet.</summary>
        public void Pump()
        {
            var batch = new List<(byte[] data, SipAddress to)>();
            foreach (Node n in Nodes.ToArray()) (n as UaNode)?.CollectEvents(Now);
            for (int round = 0; round < 1000; round++)
            {
                bool any = false;
                foreach (Node n in Nodes.ToArray())
                {
                    batch.Clear();
                    n.TakeOutput(batch);
                    foreach (var (data, to) in batch)
                    {
                        any = true;
                        Node dst = Find(to);
                        SipAddress from = n.Address;
                        from.Transport = to.Transport;
                        var p = new Packet { Text = Encoding.Latin1.GetString(data), From = from, To = to, At = Now, FromName = n.Name, ToName = dst?.Name ?? "?" };
                        Log.Add(p);
                        if (dst == null || (Drop != null && Drop(p))) { p.Dropped = true; continue; }
                        dst.Deliver(data, from, Now);
                    }
                }
                if (!any) return;
            }
            throw new InvalidOperationException("network did not settle");
        }

        /// <summary>Advances the clock deadline by deadline up to <paramref name="until"/>.</summary>
        public void RunUntil(long until)
        {
            Pump();
            for (int guard = 0; guard < 100000; guard++)
            {
                long d = long.MaxValue;
                foreach (Node n in Nodes) d = Math.Min(d, n.NextDeadline);
                if (d > until) break;
                if (d > Now) Now = d;
                foreach (Node n in Nodes.ToArray()) if (n.NextDeadline <= Now) n.OnTimer(Now);
                Pump();
            }
            Now = until;
            foreach (Node n in Nodes.ToArray()) n.OnTimer(Now);
            Pump();
        }

        public void Run(long ms) => RunUntil(Now + ms);

        public IEnumerable<Packet> Sent(string fromName, string startsWith) =>
            Log.Where(p => p.FromName == fromName && p.Text.StartsWith(startsWith));

        public string Dump() => string.Join("\n", Log.Select(p => p.ToString()));
    }

    /// <summary>Text helpers over SIP messages in tests.</summary>
    internal static class Sip
    {
        public static string Crlf(string s) => s.Replace("\r\n", "\n").Replace("\n", "\r\n");

        public static SipMessage Parse(string text)
        {
            var m = new SipMessage();
            byte[] b = Encoding.Latin1.GetBytes(text);
            m.Parse(b, 0, b.Length);
            return m;
        }

        public static string[] Headers(string text, string name)
        {
            var res = new List<string>();
            foreach (string line in HeaderLines(text))
            {
                int c = line.IndexOf(':');
                if (c > 0 && string.Equals(line.Substring(0, c).Trim(), name, StringComparison.OrdinalIgnoreCase)) res.Add(line.Substring(c + 1).Trim());
            }
            return res.ToArray();
        }

        public static string Header(string text, string name) => Headers(text, name).FirstOrDefault();

        public static IEnumerable<string> HeaderLines(string text)
        {
            string head = text.Split("\r\n\r\n")[0];
            return head.Split("\r\n").Skip(1);
        }

        public static string Body(string text)
        {
            int i = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return i < 0 ? "" : text.Substring(i + 4);
        }

        public static long CSeq(string text) => long.Parse(Header(text, "CSeq").Split(' ')[0]);
        public static string CSeqMethod(string text) => Header(text, "CSeq")?.Split(' ')[1];
        public static string CallId(string text) => Header(text, "Call-ID");

        public static string Branch(string text)
        {
            string via = Header(text, "Via");
            int b = via.IndexOf("branch=", StringComparison.Ordinal);
            string rest = via.Substring(b + 7);
            int e = rest.IndexOfAny(new[] { ';', ',', ' ' });
            return e < 0 ? rest : rest.Substring(0, e);
        }

        public static string Tag(string headerValue)
        {
            int t = headerValue.IndexOf(";tag=", StringComparison.Ordinal);
            if (t < 0) return null;
            string rest = headerValue.Substring(t + 5);
            int e = rest.IndexOfAny(new[] { ';', ',', ' ', '>' });
            return e < 0 ? rest : rest.Substring(0, e);
        }

        public static string Param(string headerValue, string name)
        {
            foreach (string part in headerValue.Split(';').Skip(1))
            {
                string p = part.Trim();
                int eq = p.IndexOf('=');
                string n = eq < 0 ? p : p.Substring(0, eq);
                if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return eq < 0 ? "" : p.Substring(eq + 1).Trim('"', '>', ' ');
            }
            return null;
        }

        /// <summary>A response to a request text: Via (all), From, To (+tag), Call-ID, CSeq copied, extra headers, body.</summary>
        public static string Response(string req, int code, string reason, string toTag = "rtag1", string extra = "", string body = "")
        {
            var sb = new StringBuilder("SIP/2.0 " + code + " " + reason + "\r\n");
            foreach (string line in HeaderLines(req))
            {
                string n = line.Substring(0, Math.Max(0, line.IndexOf(':'))).Trim();
                if (n == "Via" || n == "From" || n == "Call-ID" || n == "CSeq") sb.Append(line).Append("\r\n");
                else if (n == "To") sb.Append(line).Append(line.Contains(";tag=") || toTag == null ? "" : ";tag=" + toTag).Append("\r\n");
            }
            if (extra.Length > 0) sb.Append(Crlf(extra.TrimEnd('\n', '\r'))).Append("\r\n");
            sb.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n").Append(body);
            return sb.ToString();
        }

        public static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);
    }
}
