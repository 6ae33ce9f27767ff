// Two virtual devices (the real host program) find and call each other through real OpenDHT
// supernodes, with no SIP server: four dhtnode instances bootstrapped together inside a private
// network namespace with only loopback (two with --proxyserver; see DhtnodeInteropTests), alice
// on proxy 1, bob on proxy 2 (provisioned order; loopback RTTs tie within 5 ms; under heavy CPU
// load a slow probe may still place them otherwise, and the test then kills whichever proxy bob
// really uses). One scenario, in order:
//   1. both publish; alice sees bob online (presence);
//   2. records for bob planted with curl: forged (wrong site key), expired, replayed (older
//      sequence), all pointing at a trap socket that must never receive anything; and a forged
//      record for dave;
//   3. alice `dial bob@home.example` → bob rings, answers, tones cross both ways (measured);
//      `message bob@home.example ...` goes over SIP MESSAGE to bob's contact;
//      `dial dave@home.example` → ended reason=unknown-user (the forged record is not used);
//   4. bob's supernode is killed: bob moves to proxy 1 and re-publishes within seconds; alice
//      calls him again well within 30 s;
//   5. bob quits: his signed offline record reaches alice as presence offline; a dial ends
//      reason=offline (the planted replay, older than the offline record, is not used);
//   6. offline message: alice sends while bob is down → stored; bob starts → shown once, alice
//      gets result=delivered (receipt); bob restarts → not shown again (seen ids persisted);
//   7. the trap never received a packet or connection.
// Alice runs with a 1 ms lookup cache (ENDPOINT_OVERLAY_CACHE_MS), so each of her dials really
// GETs bob's key from the DHT and has to reject the planted values itself.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Endpoint.Crypto;
using Endpoint.Overlay;
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;
using Endpoint.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Overlay
{
    public class OverlayEndToEndTests
    {
        private readonly ITestOutputHelper _out;
        private readonly long _t0 = Environment.TickCount64;

        public OverlayEndToEndTests(ITestOutputHelper output) { _out = output; }

        private void Log(string s) { _out.WriteLine($"{(Environment.TickCount64 - _t0) / 1000.0,7:F1}s {s}"); }

        private static long Unix() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // A UDP socket and a TCP listener on one loopback port that count whatever reaches them.
        private sealed class Trap : IDisposable
        {
            private readonly UdpClient _udp;
            private readonly TcpListener _tcp;
            private readonly Thread _t;
            private volatile bool _stop;
            public int Port { get; }
            public int Hits;

            public Trap()
            {
                _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                Port = ((IPEndPoint)_udp.Client.LocalEndPoint).Port;
                _tcp = new TcpListener(IPAddress.Loopback, Port);
                _tcp.Start();
                _t = new Thread(() =>
                {
                    while (!_stop)
                    {
                        try
                        {
                            if (_udp.Client.Poll(100000, SelectMode.SelectRead)) { var ep = new IPEndPoint(IPAddress.Any, 0); _udp.Receive(ref ep); Interlocked.Increment(ref Hits); }
                            if (_tcp.Pending()) { _tcp.AcceptSocket().Close(); Interlocked.Increment(ref Hits); }
                        }
                        catch (SocketException) { }
                        catch (ObjectDisposedException) { return; }
                    }
                }) { IsBackground = true };
                _t.Start();
            }

            public void Dispose() { _stop = true; _t.Join(2000); _udp.Dispose(); _tcp.Stop(); }
        }

        // POSTs a record as a DHT value with curl (the way anyone on the network could).
        private void Plant(int proxyPort, string aor, byte[] record)
        {
            var body = new byte[DhtRequests.ValueBodyLength(record.Length)];
            ulong id = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
            int n = DhtRequests.WriteValueBody(body, 0, id, record, 0, record.Length, DhtRequests.TypeDefault);
            string json = System.Text.Encoding.ASCII.GetString(body, 0, n);
            string url = "http://127.0.0.1:" + proxyPort + DhtRequests.KeyPath(OverlayKeys.LocationHash(aor));
            for (int attempt = 1; attempt <= 3; attempt++)
            {
                // Synchronous read of curl's output (the async readers can lag under load).
                var psi = new System.Diagnostics.ProcessStartInfo(PeerProcess.Which("curl")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in new[] { "-s", "-S", "-m", "10", "-w", " http=%{http_code}", "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json, url }) psi.ArgumentList.Add(a);
                using var curl = System.Diagnostics.Process.Start(psi);
                var err = curl.StandardError.ReadToEndAsync();
                string o = curl.StandardOutput.ReadToEnd();
                Assert.True(curl.WaitForExit(15000), "curl finished");
                Log("planted for " + aor + " (curl exit " + curl.ExitCode + "): " + o.Trim() + " " + err.Result.Trim());
                if (curl.ExitCode == 0 && o.Contains("\"id\"")) return;
                Thread.Sleep(1000);
            }
            throw new InvalidOperationException("curl could not plant a record on 127.0.0.1:" + proxyPort);
        }

        private static byte[] Record(RecordWriter w, string aor, long seq, long expires, string contact)
        {
            return OverlayTestUtil.Write(w, new LocationRecord { Aor = aor, Seq = seq, Expires = expires, Online = true, Contacts = new[] { contact } });
        }

        // The first event line from index `from` on that starts with prefix and has every key=value
        // given (events may come in any order relative to the ones WaitFor consumed).
        private static string Seek(HostProcess h, int from, int timeoutMs, string prefix, params string[] keyValues)
        {
            long end = Environment.TickCount64 + timeoutMs;
            while (true)
            {
                var ev = h.Events;
                for (int i = from; i < ev.Count; i++)
                {
                    if (!ev[i].StartsWith(prefix + " ", StringComparison.Ordinal)) continue;
                    bool all = true;
                    for (int k = 0; k + 1 < keyValues.Length; k += 2) if (HostProcess.Field(ev[i], keyValues[k]) != keyValues[k + 1]) all = false;
                    if (all) return ev[i];
                }
                if (Environment.TickCount64 > end) throw new TimeoutException("no '" + prefix + " " + string.Join(" ", keyValues) + "' within " + timeoutMs + " ms; events:\n" + string.Join("\n", ev) + "\nstderr:\n" + h.Stderr);
                Thread.Sleep(20);
            }
        }

        private static void AssertTone(string wav, double hz, string who)
        {
            short[] s = Audio.Read(wav);
            Assert.True(Audio.LoudSamples(s) > 8000, who + " heard too little: " + Audio.LoudSamples(s));
            Assert.InRange(Audio.PeakHz(s), hz * 0.98, hz * 1.02);
        }

        [Fact]
        public void AliceCallsBobByAor_ForgedRecordsIgnored_Failover_Presence_OfflineMessageOnce()
        {
            if (PeerProcess.Which("dhtnode") == null) throw new InvalidOperationException("dhtnode is not installed; run tests/install-deps.sh (as root)");
            if (PeerProcess.Which("curl") == null) throw new InvalidOperationException("curl is not installed");
            DhtnodeInteropTests.InNetworkNamespace(() =>
            {
                var procs = new List<PeerProcess>();
                OverlayDevice alice = null, bob = null;
                Trap trap = null;
                try
                {
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "78", "-p", "4222", "--proxyserver", "8101"));
                    DhtnodeInteropTests.WaitAnswers(8101);
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "78", "-p", "4223", "-b", "127.0.0.1:4222", "--proxyserver", "8102"));
                    DhtnodeInteropTests.WaitAnswers(8102);
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "78", "-p", "4224", "-b", "127.0.0.1:4222"));
                    procs.Add(PeerProcess.Start("dhtnode", null, "-s", "-n", "78", "-p", "4225", "-b", "127.0.0.1:4223"));
                    string key = Convert.ToBase64String(OverlayTestUtil.Key(1));
                    alice = new OverlayDevice("alice", 1000, key, new[] { "127.0.0.1:8101", "127.0.0.1:8102" }, new[] { "bob@home.example" },
                        new Dictionary<string, string> { ["ENDPOINT_OVERLAY_CACHE_MS"] = "1" });
                    bob = new OverlayDevice("bob", 600, key, new[] { "127.0.0.1:8102", "127.0.0.1:8101" }, new string[0]);
                    trap = new Trap();
                    using (var probe = new UdpClient()) probe.Send(new byte[] { 1 }, 1, new IPEndPoint(IPAddress.Loopback, trap.Port));
                    for (int i = 0; i < 100 && trap.Hits == 0; i++) Thread.Sleep(20);
                    Assert.Equal(1, trap.Hits); // the trap does notice a packet
                    Interlocked.Exchange(ref trap.Hits, 0);
                    long settle = Environment.TickCount64 + 30000;
                    while ((DhtnodeInteropTests.KnownPeers(8101) < 2 || DhtnodeInteropTests.KnownPeers(8102) < 2) && Environment.TickCount64 < settle) Thread.Sleep(200);
                    Log("dht settled: peers " + DhtnodeInteropTests.KnownPeers(8101) + ", " + DhtnodeInteropTests.KnownPeers(8102));

                    // 1. Both publish; alice sees bob online.
                    bob.Start();
                    alice.Start();
                    string bobPub = bob.Host.WaitFor("event overlay-published", 30000);
                    string alicePub = alice.Host.WaitFor("event overlay-published", 30000);
                    Log(bobPub);
                    Log(alicePub);
                    // Provisioned order puts bob on 8102 and alice on 8101 when the probe RTTs tie (within
                    // 5 ms); on a loaded machine a slow probe can still move one of them, so the test
                    // kills whichever supernode bob really uses.
                    string bobNode = HostProcess.Field(bobPub, "supernode");
                    string otherNode = bobNode == "127.0.0.1:8102" ? "127.0.0.1:8101" : "127.0.0.1:8102";
                    Assert.Contains(bobNode, new[] { "127.0.0.1:8101", "127.0.0.1:8102" });
                    if (bobNode == HostProcess.Field(alicePub, "supernode")) Log("note: alice and bob share supernode " + bobNode);
                    Assert.Equal("sip:bob@" + bob.Local, HostProcess.Field(bobPub, "contact"));
                    long bobSeq = long.Parse(HostProcess.Field(bobPub, "seq"));
                    string online = Seek(alice.Host, 0, 15000, "event presence", "aor", "bob@home.example");
                    Assert.Equal("online", HostProcess.Field(online, "state"));

                    // 2. Plant bad records for bob (and a forged one for dave), all aimed at the trap.
                    string trapUri = "sip:bob@127.0.0.1:" + trap.Port;
                    var good = new RecordWriter(OverlayTestUtil.Signer(1));
                    var forger = new RecordWriter(OverlayTestUtil.Signer(9));
                    long now = Unix();
                    Plant(8101, "bob@home.example", Record(forger, "bob@home.example", bobSeq + 1000, now + 600, trapUri));
                    Plant(8101, "bob@home.example", Record(good, "bob@home.example", bobSeq + 2000, now - 30, trapUri));
                    Plant(8102, "bob@home.example", Record(good, "bob@home.example", bobSeq - 16, now + 600, trapUri));
                    Plant(8101, "dave@home.example", Record(forger, "dave@home.example", now * 16, now + 600, "sip:dave@127.0.0.1:" + trap.Port));

                    // 3. Call by AOR, tones both ways.
                    long dialAt = Environment.TickCount64;
                    alice.Host.Send("dial bob@home.example");
                    string calling = alice.Host.WaitFor("event calling", 10000);
                    Assert.Equal("sip:bob@" + bob.Local, HostProcess.Field(calling, "to"));
                    Assert.StartsWith("sip:alice@", HostProcess.Field(bob.Host.WaitFor("event incoming", 10000), "from"));
                    bob.Host.Send("answer");
                    alice.Host.WaitFor("event connected", 10000);
                    Log("call by AOR connected in " + (Environment.TickCount64 - dialAt) + " ms");
                    Thread.Sleep(2000);
                    alice.Host.Send("hangup");
                    bob.Host.WaitFor("event ended", 10000);
                    alice.Host.WaitFor("event ended", 10000);
                    string bobWav1 = bob.LastOutputWav;

                    // An online user gets a message over plain SIP MESSAGE to the looked-up contact.
                    alice.Host.Send("message bob@home.example hi bob");
                    string sipMsg = bob.Host.WaitFor("event message ", 10000);
                    Assert.Equal("hi bob", HostProcess.Field(sipMsg, "text"));
                    Assert.Null(HostProcess.Field(sipMsg, "via"));
                    Assert.StartsWith("sip:alice@", HostProcess.Field(sipMsg, "from"));
                    string sipSent = alice.Host.WaitFor("event message-sent", 10000);
                    Assert.Equal("200", HostProcess.Field(sipSent, "code"));
                    Assert.Equal("delivered", HostProcess.Field(sipSent, "result"));

                    alice.Host.Send("dial dave@home.example");
                    string daveEnded = alice.Host.WaitFor("event ended", 10000);
                    Assert.Equal("unknown-user", HostProcess.Field(daveEnded, "reason"));
                    Assert.Equal("unknown-key", HostProcess.Field(daveEnded, "detail"));

                    // 4. Kill bob's supernode: bob moves, re-publishes; alice calls him again within 30 s.
                    long killedAt = Environment.TickCount64;
                    procs[bobNode == "127.0.0.1:8102" ? 1 : 0].Dispose();
                    string switched = bob.Host.WaitFor("event overlay-supernode", 10000);
                    long switchMs = Environment.TickCount64 - killedAt;
                    Log("bob switched after " + switchMs + " ms: " + switched);
                    Assert.Equal(otherNode, HostProcess.Field(switched, "supernode"));
                    Assert.InRange(switchMs, 0, 3000);
                    string moved = bob.Host.WaitFor("event overlay-published", 20000);
                    long movedMs = Environment.TickCount64 - killedAt;
                    Log("bob re-published after " + movedMs + " ms: " + moved);
                    Assert.Equal(otherNode, HostProcess.Field(moved, "supernode"));
                    alice.Host.Send("dial bob@home.example");
                    bob.Host.WaitFor("event incoming", 15000);
                    bob.Host.Send("answer");
                    alice.Host.WaitFor("event connected", 10000);
                    long again = Environment.TickCount64 - killedAt;
                    Log("alice reached bob again " + again + " ms after the kill");
                    Assert.InRange(again, 0, 30000);
                    alice.Host.Send("hangup");
                    bob.Host.WaitFor("event ended", 10000);
                    alice.Host.WaitFor("event ended", 10000);

                    // 5. Bob quits: offline record before `stopped`; alice sees him offline; a dial ends reason=offline.
                    long quitAt = Environment.TickCount64;
                    int aliceMark = alice.Host.Events.Count;
                    bob.Host.Send("quit");
                    Assert.Equal("offline-published", HostProcess.Field(bob.Host.WaitFor("event overlay-stopped", 10000), "detail"));
                    bob.Host.WaitFor("event stopped", 10000);
                    Assert.Equal(0, bob.Host.WaitExit(10000));
                    string offline = Seek(alice.Host, aliceMark, 15000, "event presence", "aor", "bob@home.example");
                    Log("alice saw bob " + HostProcess.Field(offline, "state") + " " + (Environment.TickCount64 - quitAt) + " ms after his quit");
                    Assert.Equal("offline", HostProcess.Field(offline, "state"));
                    Assert.Null(HostProcess.Field(offline, "reason")); // signed off, not merely expired
                    alice.Host.Send("dial bob@home.example");
                    string offEnded = alice.Host.WaitFor("event ended", 10000);
                    Assert.Equal("offline", HostProcess.Field(offEnded, "reason"));

                    // 6. Offline message: stored, shown once when bob starts, delivered receipt, not shown after a restart.
                    alice.Host.Send("message bob@home.example hello while you were away");
                    string stored = alice.Host.WaitFor("event message-sent", 15000);
                    Assert.Equal("stored", HostProcess.Field(stored, "result"));
                    string msgId = HostProcess.Field(stored, "id");
                    bob.Start();
                    string got = bob.Host.WaitFor("event message ", 30000);
                    Assert.Equal("hello while you were away", HostProcess.Field(got, "text"));
                    Assert.Equal("alice@home.example", HostProcess.Field(got, "from"));
                    Assert.Equal("overlay", HostProcess.Field(got, "via"));
                    Assert.Equal(msgId, HostProcess.Field(got, "id"));
                    string delivered = alice.Host.WaitFor("event message-sent", 20000);
                    Assert.Equal("delivered", HostProcess.Field(delivered, "result"));
                    Assert.Equal(msgId, HostProcess.Field(delivered, "id"));
                    Seek(alice.Host, aliceMark, 15000, "event presence", "aor", "bob@home.example", "state", "online");
                    Thread.Sleep(1500);
                    Assert.Single(bob.Host.Events.Where(l => l.StartsWith("event message ", StringComparison.Ordinal)));
                    Assert.Equal(0, bob.Quit());
                    bob.Start();
                    bob.Host.WaitFor("event overlay-published", 30000);
                    Thread.Sleep(3000); // the inbox listen stream has replayed the stored values by now
                    Assert.Empty(bob.Host.Events.Where(l => l.StartsWith("event message ", StringComparison.Ordinal)));
                    Assert.Equal(0, bob.Quit());
                    Assert.Equal(0, alice.Quit());

                    // 7. Nothing ever went to the planted contact; audio crossed in the first call.
                    Assert.Equal(0, trap.Hits);
                    AssertTone(bobWav1, 1000, "bob");
                    AssertTone(alice.LastOutputWav, 600, "alice");
                }
                finally
                {
                    alice?.Dispose();
                    bob?.Dispose();
                    trap?.Dispose();
                    foreach (var p in procs) p.Dispose();
                }
            }, 180000);
        }
    }
}
