// The overlay client and its runtime transport (OverlayTransport, real TCP sockets, worker
// threads) against real OpenDHT 2.4 nodes (`dhtnode --proxyserver`) on 127.0.0.1 inside a private
// network namespace. dhtnode's UDP socket always binds 0.0.0.0, so the test gives one dedicated
// thread its own namespace (unshare(CLONE_NEWNET), as root): the dhtnode processes it starts and
// the transport threads it creates inherit that namespace; nothing touches the host's network.
// Four nodes on a private network id: two proxies (supernodes) and two plain storage nodes, so
// values survive a killed proxy. Checks: publish, lookup, presence, an offline message with its
// receipt, failover within seconds when the active proxy is killed, Stop's offline record seen
// as presence Offline, and records read back raw from the DHT verify.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Endpoint.Config;
using Endpoint.Crypto;
using Endpoint.Overlay;
using Endpoint.Overlay.Records;
using Endpoint.Runtime;
using Endpoint.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Overlay
{
    public class DhtnodeInteropTests
    {
        private const int CloneNewNet = 0x40000000;
        private readonly ITestOutputHelper _out;

        public DhtnodeInteropTests(ITestOutputHelper output) { _out = output; }

        [DllImport("libc", SetLastError = true)]
        private static extern int unshare(int flags);

        /// <summary>Runs body on a fresh thread inside a new network namespace with loopback up.</summary>
        internal static void InNetworkNamespace(Action body, int timeoutMs)
        {
            Exception failure = null;
            var t = new Thread(() =>
            {
                try
                {
                    if (unshare(CloneNewNet) != 0) throw new InvalidOperationException("unshare(CLONE_NEWNET) failed, errno " + Marshal.GetLastWin32Error() + " (the interop tests run as root)");
                    using (var ip = Process.Start(new ProcessStartInfo("ip", "link set lo up") { UseShellExecute = false }))
                    {
                        if (!ip.WaitForExit(5000) || ip.ExitCode != 0) throw new InvalidOperationException("ip link set lo up failed");
                    }
                    body();
                }
                catch (Exception e) { failure = e; }
            });
            t.Start();
            if (!t.Join(timeoutMs)) throw new TimeoutException("the namespaced test body did not finish in " + timeoutMs + " ms");
            if (failure != null) throw new Exception("in the network namespace: " + failure.Message, failure);
        }

        private sealed class Side
        {
            public string Name;
            public OverlayClient C;
            public OverlayTransport T;
            public readonly List<OverlayEvent> Events = new List<OverlayEvent>();
            public IEnumerable<OverlayEvent> Of(OverlayEventKind k) => Events.Where(e => e.Kind == k);
        }

        // GET /node/info with a plain socket; the peers the node knows, or -1.
        internal static int KnownPeers(int port)
        {
            try
            {
                using var sock = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                sock.ReceiveTimeout = 2000;
                sock.Connect(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
                sock.Send(System.Text.Encoding.ASCII.GetBytes("GET /node/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
                var p = new Endpoint.Http.HttpResponseParser();
                var buf = new byte[2048];
                int n;
                while ((n = sock.Receive(buf)) > 0)
                {
                    int off = 0;
                    while (off < n)
                    {
                        var r = p.Feed(buf, off, n - off, out int used);
                        off += used;
                        if (r == Endpoint.Http.HttpParseResult.Line)
                        {
                            var info = Endpoint.Overlay.Dht.DhtNodeInfo.Parse(p.LineBuffer, 0, p.LineLength);
                            return info == null ? -1 : info.KnownPeers;
                        }
                        if (r == Endpoint.Http.HttpParseResult.NeedMore || Endpoint.Http.HttpParseResultNames.IsError(r)) break;
                    }
                }
            }
            catch (System.Net.Sockets.SocketException) { }
            return -1;
        }

        internal static void WaitAnswers(int port)
        {
            long end = Environment.TickCount64 + 10000;
            while (KnownPeers(port) < 0)
            {
                if (Environment.TickCount64 > end) throw new TimeoutException("dhtnode proxy on port " + port + " does not answer");
                Thread.Sleep(50);
            }
        }

        private static long Unix() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        private Side NewSide(string name, string aor, HostPort[] nodes, string[] buddies, int cacheMs)
        {
            var s = new OverlaySettings
            {
                Aor = aor,
                Supernodes = nodes,
                Buddies = buddies,
                Contacts = new[] { "sip:" + name + "@127.0.0.1:" + (name == "alice" ? 5061 : 5062) },
                DeadRetryMs = 2000, // the proxies may not listen yet when the clients start
                LookupCacheMs = cacheMs,
            };
            var side = new Side { Name = name, T = new OverlayTransport() };
            side.C = new OverlayClient(s, new ManagedHmacSha256(OverlayTestUtil.Key(1)), new SeededRandom(name.GetHashCode()));
            side.C.SetWallClock(Unix(), Environment.TickCount64);
            return side;
        }

        private bool Drive(Side[] sides, Func<bool> done, int timeoutMs)
        {
            long end = Environment.TickCount64 + timeoutMs;
            var wakes = sides.Select(s => (WaitHandle)s.T.Wake).ToArray();
            while (Environment.TickCount64 < end)
            {
                long now = Environment.TickCount64;
                int wait = 50;
                foreach (var s in sides)
                {
                    wait = Math.Min(wait, s.T.Pump(s.C, now, 50));
                    OverlayEvent e;
                    while ((e = s.C.NextEvent()) != null)
                    {
                        s.Events.Add(e);
                        _out.WriteLine($"{now % 100000,6} {s.Name}: {OverlayNames.Of(e.Kind)} {e.Supernode} {e.Aor} {(e.Kind == OverlayEventKind.LookupResult ? OverlayNames.Of(e.Outcome) : "")}{(e.Kind == OverlayEventKind.PresenceChanged ? OverlayNames.Of(e.Presence) : "")} {e.Detail}");
                    }
                }
                if (done()) return true;
                WaitHandle.WaitAny(wakes, Math.Max(1, wait));
            }
            return false;
        }

        [Fact]
        public void RealDhtnodes_PublishLookupPresenceMessageFailoverStop()
        {
            if (PeerProcess.Which("dhtnode") == null) throw new InvalidOperationException("dhtnode is not installed; run tests/install-deps.sh (as root)");
            InNetworkNamespace(() =>
            {
                var procs = new List<PeerProcess>();
                Side alice = null, bob = null;
                try
                {
                    // Start the nodes one after the other: a bootstrap ping sent before the target's
                    // UDP socket is bound is lost, and the small DHT then stays split for a long time.
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "77", "-p", "4222", "--proxyserver", "8101"));
                    WaitAnswers(8101);
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "77", "-p", "4223", "-b", "127.0.0.1:4222", "--proxyserver", "8102"));
                    WaitAnswers(8102);
                    // One plain storage node behind each proxy, so each proxy knows two peers at once
                    // (nodes only learn each other slowly in so small a DHT) and whichever proxy dies,
                    // the other still reaches a storage node.
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "77", "-p", "4224", "-b", "127.0.0.1:4222"));
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "77", "-p", "4225", "-b", "127.0.0.1:4223"));
                    var nodes = new[] { new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 8102) };
                    // Let the small DHT settle (each proxy knows both other nodes) so that it survives
                    // losing one node: in a 2-second-old three-node DHT a put through the remaining
                    // proxy takes ~9 s and fails (measured with curl), which says nothing about us.
                    long settle = Environment.TickCount64 + 30000;
                    while ((KnownPeers(8101) < 2 || KnownPeers(8102) < 2) && Environment.TickCount64 < settle) Thread.Sleep(200);
                    _out.WriteLine("dht settled after " + (30000 - (settle - Environment.TickCount64)) + " ms: peers " + KnownPeers(8101) + ", " + KnownPeers(8102));

                    // Alice follows bob's presence; bob has no buddies and no lookup cache, so his
                    // lookups of alice really go through GET /key/{hash} on the DHT.
                    alice = NewSide("alice", "alice@home.example", nodes, new[] { "bob@home.example" }, 15000);
                    bob = NewSide("bob", "bob@home.example", nodes, new string[0], 0);
                    var both = new[] { alice, bob };

                    // The proxies need a moment to find their DHT peers; until then POSTs answer 502.
                    alice.C.Start(Environment.TickCount64);
                    bob.C.Start(Environment.TickCount64);
                    Assert.True(Drive(both, () => alice.Of(OverlayEventKind.Published).Any() && bob.Of(OverlayEventKind.Published).Any(), 30000),
                        "both published");
                    Assert.True(alice.C.ActiveSupernode >= 0);
                    Assert.Equal("127.0.0.1", alice.C.PublicIp); // /node/info public_ip, unmapped from ::ffff:127.0.0.1

                    // Lookup through the real DHT (GET, chunked value lines, signature check).
                    int id = bob.C.Lookup("alice@home.example", Environment.TickCount64);
                    Assert.True(Drive(both, () => bob.Of(OverlayEventKind.LookupResult).Any(e => e.LookupId == id), 10000), "lookup answered");
                    var res = bob.Of(OverlayEventKind.LookupResult).First(e => e.LookupId == id);
                    Assert.Equal(LookupOutcome.Found, res.Outcome);
                    Assert.Null(res.Detail); // not from a cache
                    Assert.Equal("sip:alice@127.0.0.1:5061", res.Record.Contacts[0]);
                    int unknown = bob.C.Lookup("carol@home.example", Environment.TickCount64);
                    Assert.True(Drive(both, () => bob.Of(OverlayEventKind.LookupResult).Any(e => e.LookupId == unknown), 10000), "lookup of nobody answered");
                    Assert.Equal(LookupOutcome.Unknown, bob.Of(OverlayEventKind.LookupResult).First(e => e.LookupId == unknown).Outcome);

                    // Presence through a listen stream.
                    Assert.True(Drive(both, () => alice.C.PresenceOf("bob@home.example") == PresenceState.Online, 10000), "presence online");

                    // Offline message with a receipt.
                    string msg = alice.C.SendMessage("bob@home.example", "hello from the overlay", Environment.TickCount64);
                    Assert.True(Drive(both, () => alice.Of(OverlayEventKind.MessageDelivered).Any(), 15000), "message delivered");
                    Assert.Equal("hello from the overlay", bob.Of(OverlayEventKind.MessageReceived).Single().Message.Text);
                    Assert.Equal(msg, alice.Of(OverlayEventKind.MessageDelivered).Single().MessageId);

                    // Kill alice's active proxy: she must move to the other one within seconds.
                    int active = alice.C.ActiveSupernode;
                    int published = alice.Of(OverlayEventKind.Published).Count();
                    long killedAt = Environment.TickCount64;
                    procs[active].Dispose();
                    Assert.True(Drive(both, () => alice.C.ActiveSupernode == 1 - active, 5000), "alice failed over");
                    long took = Environment.TickCount64 - killedAt;
                    Assert.True(Drive(both, () => alice.Of(OverlayEventKind.Published).Count() > published, 30000), "alice re-published");
                    _out.WriteLine("failover took " + took + " ms, re-publish " + (Environment.TickCount64 - killedAt) + " ms");
                    Assert.InRange(took, 0, 2000);

                    // Bob (on whichever node is left) still finds alice, at her record re-posted after failover.
                    int id2 = bob.C.Lookup("sip:alice@HOME.example", Environment.TickCount64);
                    Assert.True(Drive(both, () => bob.Of(OverlayEventKind.LookupResult).Any(e => e.LookupId == id2), 10000), "lookup after failover");
                    var res2 = bob.Of(OverlayEventKind.LookupResult).First(e => e.LookupId == id2);
                    Assert.Equal(LookupOutcome.Found, res2.Outcome);
                    Assert.Null(res2.Detail);

                    // Bob stops: his signed offline record reaches alice as presence Offline.
                    bob.C.Stop(Environment.TickCount64);
                    Assert.True(Drive(both, () => bob.C.IsStopped && alice.C.PresenceOf("bob@home.example") == PresenceState.Offline, 15000),
                        "bob's offline record seen");
                    Assert.Equal("offline-published", bob.Of(OverlayEventKind.Stopped).Single().Detail);
                }
                finally
                {
                    alice?.T.Close();
                    bob?.T.Close();
                    foreach (var p in procs) p.Dispose();
                }
            }, 150000);
        }
    }
}
