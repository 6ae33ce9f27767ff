// A scripted stand-in for a few OpenDHT proxies over one shared DHT, driving one or more
// OverlayClients on a virtual clock. It answers the client's OverlayRequests the way dhtnode
// 2.4.12 does (node info, GET values, POST with 200/502, listen streams with pushes and
// {"expired":true} lines when a value's 10-minute lifetime ends) after each node's RTT, and
// can kill a node (refuses connections, ends its listen streams), blackhole it (accepts but never
// answers), make its puts fail, and revive it. Values are stored once per id; a different
// content under an existing id is kept as the first (like remote nodes do for unsigned values).
using System;
using System.Collections.Generic;
using System.Text;
using Endpoint.Config;
using Endpoint.Json;
using Endpoint.Overlay;
using Xunit;

namespace Endpoint.Tests.Overlay
{
    internal sealed class FakeNode
    {
        public bool Up = true;
        public bool Silent;
        public bool PutFails;
        public long Rtt = 10;
        public int Peers = 3;
        public string SeenIp = "203.0.113.7";
        public int Infos, Gets, Posts, Listens;
        public HostPort Address;
    }

    internal sealed class ClientDriver
    {
        public string Name;
        public OverlayClient C;
        public readonly List<OverlayEvent> Events = new List<OverlayEvent>();
        public readonly HashSet<int> Live = new HashSet<int>();
        public readonly List<OverlayRequest> Sent = new List<OverlayRequest>();
        public readonly List<(long T, OverlayEvent E)> Timeline = new List<(long, OverlayEvent)>();

        public IEnumerable<OverlayEvent> Of(OverlayEventKind k) { foreach (var e in Events) if (e.Kind == k) yield return e; }
    }

    internal sealed class FakeSupernodes
    {
        public const long ValueLifetimeMs = 600000;
        public const long UnixBase = 1795252152;

        private sealed class Stored { public ulong Id; public byte[] Data; public long ExpiresAt; }
        private sealed class Listener { public ClientDriver D; public int Req; public int Node; public string Hash; }
        private sealed class Sched { public long T; public long Seq; public Action A; }

        public long Now;
        public readonly List<FakeNode> Nodes = new List<FakeNode>();
        public readonly List<ClientDriver> Drivers = new List<ClientDriver>();
        private readonly Dictionary<string, List<Stored>> _store = new Dictionary<string, List<Stored>>();
        private readonly List<Listener> _listeners = new List<Listener>();
        private readonly List<Sched> _sched = new List<Sched>();
        private long _seq;

        public FakeSupernodes(params long[] rtts)
        {
            for (int i = 0; i < rtts.Length; i++)
                Nodes.Add(new FakeNode { Rtt = rtts[i], Address = new HostPort("10.0.0." + (i + 1), 8100 + i) });
        }

        public HostPort[] Addresses()
        {
            var a = new HostPort[Nodes.Count];
            for (int i = 0; i < a.Length; i++) a[i] = Nodes[i].Address;
            return a;
        }

        public OverlaySettings Settings(string aor, params string[] buddies)
        {
            return new OverlaySettings
            {
                Aor = aor,
                Supernodes = Addresses(),
                Buddies = buddies,
                Contacts = new[] { "sip:" + aor.Split('@')[0] + "@192.168.1." + (10 + Drivers.Count) + ":5060" },
                PublicContactUser = aor.Split('@')[0],
                PublicContactPort = 5060,
            };
        }

        public ClientDriver Add(string name, OverlaySettings s, byte keySeed = 1, int rngSeed = 0)
        {
            var d = new ClientDriver { Name = name };
            d.C = new OverlayClient(s, new Endpoint.Crypto.ManagedHmacSha256(OverlayTestUtil.Key(keySeed)), new SeededRandom(rngSeed == 0 ? name.GetHashCode() : rngSeed));
            d.C.SetWallClock(UnixBase + Now / 1000, Now);
            Drivers.Add(d);
            return d;
        }

        public void Start(ClientDriver d) { d.C.Start(Now); PumpAll(); }

        public void At(long t, Action a) { _sched.Add(new Sched { T = t, Seq = _seq++, A = a }); }

        /// <summary>Values currently stored under a 40-hex key.</summary>
        public List<(ulong Id, byte[] Data)> Values(string hash)
        {
            var r = new List<(ulong, byte[])>();
            if (_store.TryGetValue(hash, out var list)) foreach (var v in list) r.Add((v.Id, v.Data));
            return r;
        }

        /// <summary>Stores a value directly (an attacker or another device writing to the DHT).</summary>
        public void Inject(string hash, ulong id, byte[] data) { Put(hash, id, data); }

        public void Kill(int node)
        {
            Nodes[node].Up = false;
            foreach (var l in _listeners.ToArray())
            {
                if (l.Node != node) continue;
                _listeners.Remove(l);
                var lc = l;
                At(Now, () => { if (lc.D.Live.Remove(lc.Req)) lc.D.C.OnRequestFailed(lc.Req, OverlayFailure.ConnectionLost, Now); });
            }
        }

        public void Revive(int node) { Nodes[node].Up = true; Nodes[node].Silent = false; }

        public int ListenersOn(int node, ClientDriver d = null)
        {
            int n = 0;
            foreach (var l in _listeners) if (l.Node == node && (d == null || l.D == d)) n++;
            return n;
        }

        /// <summary>Runs the virtual clock up to <paramref name="until"/> ms.</summary>
        public void RunUntil(long until)
        {
            PumpAll();
            for (int guard = 0; guard < 2000000; guard++)
            {
                long next = until;
                foreach (var s in _sched) if (s.T < next) next = s.T;
                foreach (var d in Drivers) { long dl = d.C.NextDeadline; if (dl < next) next = dl; }
                foreach (var list in _store.Values) foreach (var v in list) if (v.ExpiresAt < next) next = v.ExpiresAt;
                if (next < Now) next = Now;
                Now = next;
                bool did = false;
                while (true)
                {
                    Sched due = null;
                    foreach (var s in _sched) if (s.T <= Now && (due == null || s.T < due.T || (s.T == due.T && s.Seq < due.Seq))) due = s;
                    if (due == null) break;
                    _sched.Remove(due);
                    due.A();
                    PumpAll();
                    did = true;
                }
                ExpireValues();
                foreach (var d in Drivers)
                {
                    if (d.C.NextDeadline <= Now) { d.C.OnTimer(Now); did = true; }
                }
                PumpAll();
                if (Now >= until && !did) return;
            }
            throw new InvalidOperationException("fake overlay did not settle (client busy-looping?)");
        }

        public void Advance(long ms) { RunUntil(Now + ms); }

        public void PumpAll()
        {
            foreach (var d in Drivers)
            {
                OverlayRequest r;
                while ((r = d.C.NextRequest()) != null) Handle(d, r);
                OverlayEvent e;
                while ((e = d.C.NextEvent()) != null) { d.Events.Add(e); d.Timeline.Add((Now, e)); }
            }
        }

        private void ExpireValues()
        {
            foreach (var kv in _store)
            {
                foreach (var v in kv.Value.ToArray())
                {
                    if (v.ExpiresAt > Now) continue;
                    kv.Value.Remove(v);
                    Push(kv.Key, ValueLine(v, true));
                }
            }
        }

        private void Handle(ClientDriver d, OverlayRequest r)
        {
            if (r.IsCancel)
            {
                d.Live.Remove(r.CancelId);
                _listeners.RemoveAll(l => l.D == d && l.Req == r.CancelId);
                return;
            }
            Assert.InRange(r.Supernode, 0, Nodes.Count - 1);
            Assert.Equal(Nodes[r.Supernode].Address.Host, r.Host);
            Assert.Equal(Nodes[r.Supernode].Address.Port, r.Port);
            d.Live.Add(r.Id);
            d.Sent.Add(r);
            FakeNode n = Nodes[r.Supernode];
            if (!n.Up)
            {
                At(Now + 1, () => { if (d.Live.Remove(r.Id)) d.C.OnRequestFailed(r.Id, OverlayFailure.ConnectFailed, Now); });
                return;
            }
            At(Now + n.Rtt / 2, () => Serve(d, r, n));
        }

        private void Serve(ClientDriver d, OverlayRequest r, FakeNode n)
        {
            if (!d.Live.Contains(r.Id)) return;
            if (!n.Up) { d.Live.Remove(r.Id); d.C.OnRequestFailed(r.Id, OverlayFailure.ConnectionLost, Now); return; }
            if (n.Silent) return;
            int status = 200;
            var lines = new List<string>();
            string path = r.Path;
            if (r.Method == "GET" && path == "/node/info")
            {
                n.Infos++;
                lines.Add("{\"ipv4\":{\"dubious\":0,\"good\":" + n.Peers + ",\"incoming\":0},\"ipv6\":{\"dubious\":0,\"good\":0,\"incoming\":0},\"node_id\":\"f9c0372c7acae710263f318e503f702207d65e3f\",\"ops\":1,\"public_ip\":\"::ffff:" + n.SeenIp + "\"}");
            }
            else if (r.Method == "GET" && path.StartsWith("/key/") && path.EndsWith("/listen"))
            {
                n.Listens++;
                string hash = path.Substring(5, 40);
                if (_store.TryGetValue(hash, out var list)) foreach (var v in list) lines.Add(ValueLine(v, false));
                _listeners.Add(new Listener { D = d, Req = r.Id, Node = r.Supernode, Hash = hash });
                long half = n.Rtt / 2;
                At(Now + half, () =>
                {
                    if (!d.Live.Contains(r.Id)) return;
                    d.C.OnResponseStart(r.Id, 200, Now);
                    foreach (var l in lines) Line(d, r.Id, l);
                });
                return;
            }
            else if (r.Method == "GET" && path.StartsWith("/key/"))
            {
                n.Gets++;
                string hash = path.Substring(5);
                if (_store.TryGetValue(hash, out var list)) foreach (var v in list) lines.Add(ValueLine(v, false));
            }
            else if (r.Method == "POST" && path.StartsWith("/key/"))
            {
                n.Posts++;
                string hash = path.Substring(5);
                JsonNode body = new JsonParser().Parse(r.Body, 0, r.BodyLength);
                Assert.NotNull(body);
                Assert.Null(body.Get("permanent"));
                Assert.Equal(0, body.Get("type").AsLong());
                ulong id = ulong.Parse(body.Get("id").Text);
                byte[] data = Convert.FromBase64String(body.Get("data").Text);
                Assert.True(data.Length < 600, "value over 600 bytes");
                if (n.PutFails) { status = 502; lines.Add("{\"err\":\"Put failed\"}"); }
                else
                {
                    Put(hash, id, data);
                    lines.Add("{\"data\":\"" + body.Get("data").Text + "\",\"id\":\"" + id + "\",\"type\":0}");
                }
            }
            else { status = 404; }
            At(Now + n.Rtt / 2, () =>
            {
                if (!d.Live.Contains(r.Id)) return;
                if (!n.Up) { d.Live.Remove(r.Id); d.C.OnRequestFailed(r.Id, OverlayFailure.ConnectionLost, Now); return; }
                d.C.OnResponseStart(r.Id, status, Now);
                foreach (var l in lines) Line(d, r.Id, l);
                if (d.Live.Remove(r.Id)) d.C.OnResponseEnd(r.Id, Now);
            });
        }

        private void Line(ClientDriver d, int id, string line)
        {
            if (!d.Live.Contains(id)) return;
            // The line sits in a larger buffer, as in the runtime's parser.
            byte[] b = Encoding.UTF8.GetBytes("##" + line + "##");
            d.C.OnResponseLine(id, b, 2, b.Length - 4, Now);
        }

        private void Put(string hash, ulong id, byte[] data)
        {
            if (!_store.TryGetValue(hash, out var list)) _store[hash] = list = new List<Stored>();
            foreach (var v in list)
            {
                if (v.Id != id) continue;
                v.ExpiresAt = Now + ValueLifetimeMs; // refresh; content under an existing id does not change
                return;
            }
            var s = new Stored { Id = id, Data = data, ExpiresAt = Now + ValueLifetimeMs };
            list.Add(s);
            Push(hash, ValueLine(s, false));
        }

        private void Push(string hash, string line)
        {
            foreach (var l in _listeners.ToArray())
            {
                if (l.Hash != hash) continue;
                var lc = l;
                At(Now + Nodes[l.Node].Rtt / 2, () => Line(lc.D, lc.Req, line));
            }
        }

        private static string ValueLine(Stored v, bool expired)
        {
            return "{\"data\":\"" + Convert.ToBase64String(v.Data) + "\"," + (expired ? "\"expired\":true," : "") + "\"id\":\"" + v.Id + "\",\"type\":0}";
        }
    }
}
