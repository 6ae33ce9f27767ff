// Overlay figures over real OpenDHT supernodes on loopback: publish latency (POST of a new signed
// location record until the proxy confirms it is stored), lookup latency (GET of an AOR's key,
// every value verified, cache off) and call setup by AOR (`dial bob@home.example` until
// `event connected`, two full endpoints, i.e. EndpointRuntime + EndpointApp + overlay, in this
// process; bob's bench sink answers at once; lookup cache off), with direct-URI call setup as
// the baseline;
// p50/p95 over 100 tries each. Bytes allocated per lookup: by the sans-IO client alone (canned
// proxy answer, what the device heap pays) and for the whole process per real lookup (includes
// the desktop transport's thread, socket and buffers).
// dhtnode's UDP socket always binds 0.0.0.0 (INTEROP.md), so the bench runs on a thread in its
// own network namespace (unshare(CLONE_NEWNET), needs root) with only loopback up; without that
// it prints a note and skips (it does not expose DHT nodes on the host's network).
// Filter: `dotnet run -c Release --project bench -- overlay`.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Crypto;
using Endpoint.Host;
using Endpoint.Overlay;
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;
using Endpoint.Runtime;

namespace Endpoint.Bench
{
    public static class OverlayBench
    {
        private const int Tries = 100;
        private const int CloneNewNet = 0x40000000;

        [DllImport("libc", SetLastError = true)]
        private static extern int unshare(int flags);

        private sealed class Rng : IRandomSource
        {
            private uint _s = 2463534242;
            public void NextBytes(byte[] buf, int offset, int count)
            {
                for (int i = 0; i < count; i++) { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; buf[offset + i] = (byte)_s; }
            }
        }

        private static byte[] SiteKey()
        {
            var k = new byte[32];
            for (int i = 0; i < 32; i++) k[i] = (byte)(7 * i + 1);
            return k;
        }

        public static void Run(BenchReport r)
        {
            if (!r.Wants("overlay")) return;
            ClientOnlyLookupBytes(r);
            Exception failure = null;
            var t = new Thread(() =>
            {
                try
                {
                    if (unshare(CloneNewNet) != 0) { Console.Error.WriteLine("overlay bench: unshare(CLONE_NEWNET) failed (needs root); real-supernode figures skipped"); return; }
                    using (var ip = Process.Start(new ProcessStartInfo("ip", "link set lo up") { UseShellExecute = false })) ip.WaitForExit(5000);
                    InNamespace(r);
                }
                catch (Exception e) { failure = e; }
            });
            t.Start();
            t.Join();
            if (failure != null) Console.Error.WriteLine("overlay bench failed: " + failure);
        }

        // ---- sans-IO client, canned answers ----

        private static void ClientOnlyLookupBytes(BenchReport r)
        {
            long unix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var mac = new ManagedHmacSha256(SiteKey());
            var s = new OverlaySettings { Aor = "bob@home.example", Supernodes = new[] { new HostPort("127.0.0.1", 1) }, Contacts = new[] { "sip:bob@127.0.0.1:5062" }, LookupCacheMs = 0 };
            var c = new OverlayClient(s, mac, new Rng());
            c.SetWallClock(unix, 0);
            c.Start(0);
            OverlayRequest probe = c.NextRequest();
            byte[] info = Encoding.ASCII.GetBytes("{\"ipv4\":{\"dubious\":0,\"good\":2,\"incoming\":0},\"ipv6\":{\"dubious\":0,\"good\":0,\"incoming\":0},\"node_id\":\"f9c0372c7acae710263f318e503f702207d65e3f\",\"ops\":1,\"public_ip\":\"::ffff:127.0.0.1\"}");
            c.OnResponseStart(probe.Id, 200, 1);
            c.OnResponseLine(probe.Id, info, 0, info.Length, 1);
            c.OnResponseEnd(probe.Id, 1);
            while (c.NextRequest() != null) { }
            while (c.NextEvent() != null) { }

            var writer = new RecordWriter(new RecordSigner(mac));
            var rec = new byte[RecordFormat.MaxRecordBytes];
            int n = writer.WriteLocation(rec, 0, new LocationRecord { Aor = "alice@home.example", Seq = unix * 16, Expires = unix + 900, Online = true, Contacts = new[] { "sip:alice@127.0.0.1:5061" } });
            byte[] line = Encoding.ASCII.GetBytes("{\"data\":\"" + Convert.ToBase64String(rec, 0, n) + "\",\"id\":\"1234567890123\",\"type\":0}");
            long now = 2;
            bool ok = true;
            BenchBody body = () =>
            {
                c.Lookup("alice@home.example", now);
                OverlayRequest q = c.NextRequest();
                c.OnResponseStart(q.Id, 200, now);
                c.OnResponseLine(q.Id, line, 0, line.Length, now);
                c.OnResponseEnd(q.Id, now);
                OverlayEvent e = c.NextEvent();
                if (e == null || e.Outcome != LookupOutcome.Found) ok = false;
                now++;
            };
            for (int i = 0; i < 200; i++) body();
            double bytes = BenchReport.BytesPerCall(body, 1000);
            if (!ok) throw new InvalidOperationException("canned lookup did not find the record");
            r.Figure("overlay.lookup.client.bytes", bytes, "bytes/lookup");
            r.Figure("overlay.lookup.client.time", BenchReport.NanosPerCall(body, 200) / 1000.0, "us");
        }

        // ---- real supernodes ----

        private static void InNamespace(BenchReport r)
        {
            var procs = new List<Process>();
            try
            {
                procs.Add(StartDht("-p", "4322", "--proxyserver", "8201"));
                WaitPeers(8201, 0);
                procs.Add(StartDht("-p", "4323", "-b", "127.0.0.1:4322", "--proxyserver", "8202"));
                WaitPeers(8202, 0);
                procs.Add(StartDht("-p", "4324", "-b", "127.0.0.1:4322"));
                WaitPeers(8201, 2);
                WaitPeers(8202, 2);
                PublishAndLookup(r);
                CallSetup(r);
            }
            finally
            {
                foreach (var p in procs)
                {
                    try { if (!p.HasExited) { p.Kill(); p.WaitForExit(5000); } } catch (InvalidOperationException) { }
                    p.Dispose();
                }
            }
        }

        private static Process StartDht(params string[] args)
        {
            var psi = new ProcessStartInfo("dhtnode") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-s");
            psi.ArgumentList.Add("-n");
            psi.ArgumentList.Add("91");
            foreach (string a in args) psi.ArgumentList.Add(a);
            Process p = Process.Start(psi);
            p.OutputDataReceived += (s, e) => { };
            p.ErrorDataReceived += (s, e) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return p;
        }

        // Waits until the proxy answers /node/info knowing at least minPeers peers (max 30 s).
        private static void WaitPeers(int port, int minPeers)
        {
            long end = Environment.TickCount64 + 30000;
            while (Environment.TickCount64 < end)
            {
                int peers = Peers(port);
                if (peers >= minPeers) return;
                Thread.Sleep(100);
            }
        }

        private static int Peers(int port)
        {
            try
            {
                using var sock = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                sock.ReceiveTimeout = 2000;
                sock.Connect(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
                sock.Send(Encoding.ASCII.GetBytes("GET /node/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
                var sb = new StringBuilder();
                var buf = new byte[2048];
                int n;
                while ((n = sock.Receive(buf)) > 0) sb.Append(Encoding.ASCII.GetString(buf, 0, n));
                string text = sb.ToString();
                int body = text.IndexOf('{');
                if (body < 0) return -1;
                byte[] line = Encoding.ASCII.GetBytes(text.Substring(body, text.LastIndexOf('}') - body + 1));
                DhtNodeInfo info = DhtNodeInfo.Parse(line, 0, line.Length);
                return info == null ? -1 : info.KnownPeers;
            }
            catch (System.Net.Sockets.SocketException) { return -1; }
        }

        private sealed class Side
        {
            public OverlayClient C;
            public OverlayTransport T;
            public readonly List<OverlayEvent> Events = new List<OverlayEvent>();
        }

        private static Side NewSide(string user, int cacheMs)
        {
            var s = new OverlaySettings
            {
                Aor = user + "@home.example",
                Supernodes = new[] { new HostPort("127.0.0.1", 8201), new HostPort("127.0.0.1", 8202) },
                Contacts = new[] { "sip:" + user + "@127.0.0.1:5060" },
                LookupCacheMs = cacheMs,
                DeadRetryMs = 2000,
            };
            var side = new Side { T = new OverlayTransport(), C = new OverlayClient(s, new ManagedHmacSha256(SiteKey()), new Rng()) };
            side.C.SetWallClock(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Environment.TickCount64);
            return side;
        }

        private static OverlayEvent Drive(Side[] sides, Func<OverlayEvent, bool> match, int timeoutMs)
        {
            long end = Environment.TickCount64 + timeoutMs;
            var wakes = new WaitHandle[sides.Length];
            for (int i = 0; i < sides.Length; i++) wakes[i] = sides[i].T.Wake;
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
                        if (match != null && match(e)) return e;
                    }
                }
                WaitHandle.WaitAny(wakes, Math.Max(1, wait));
            }
            return null;
        }

        private static void PublishAndLookup(BenchReport r)
        {
            Side alice = NewSide("alice", 15000), bob = NewSide("bob", 0);
            var both = new[] { alice, bob };
            try
            {
                alice.C.Start(Environment.TickCount64);
                bob.C.Start(Environment.TickCount64);
                if (Drive(both, e => e.Kind == OverlayEventKind.Published && e.Aor == "alice@home.example", 30000) == null) throw new TimeoutException("alice never published");

                var look = new double[Tries];
                long bytes0 = GC.GetTotalAllocatedBytes(true);
                for (int i = 0; i < Tries; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    int id = bob.C.Lookup("alice@home.example", Environment.TickCount64);
                    OverlayEvent e = Drive(both, x => x.Kind == OverlayEventKind.LookupResult && x.LookupId == id, 10000);
                    if (e == null || e.Outcome != LookupOutcome.Found) throw new InvalidOperationException("lookup " + i + ": " + (e == null ? "timeout" : OverlayNames.Of(e.Outcome)));
                    look[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
                long bytes = GC.GetTotalAllocatedBytes(true) - bytes0;
                Percentiles(r, "overlay.lookup", look);
                r.Figure("overlay.lookup.process.bytes", bytes / (double)Tries, "bytes/lookup");
                var pub = new double[Tries];
                for (int i = 0; i < Tries; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    alice.C.SetContacts(new[] { "sip:alice@127.0.0.1:" + (6000 + i) }, Environment.TickCount64);
                    if (Drive(both, e => e.Kind == OverlayEventKind.Published && e.Aor == "alice@home.example", 15000) == null) throw new TimeoutException("publish " + i);
                    pub[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
                Percentiles(r, "overlay.publish", pub);
            }
            finally
            {
                alice.T.Close();
                bob.T.Close();
            }
        }

        // ---- call setup by AOR: two endpoints in this process ----

        private sealed class Sink : IEventSink
        {
            private readonly object _lock = new object();
            private readonly List<string> _events = new List<string>();
            public CommandQueue AutoAnswer;
            public void Event(string line)
            {
                lock (_lock) { _events.Add(line); Monitor.PulseAll(_lock); }
                if (AutoAnswer != null && line.StartsWith("event incoming ", StringComparison.Ordinal)) AutoAnswer.Enqueue("answer");
            }
            public void Log(string line) { }
            public int Count { get { lock (_lock) return _events.Count; } }
            public string WaitFrom(int from, string prefix, int timeoutMs) { return WaitFrom(from, timeoutMs, prefix); }

            public string WaitFrom(int from, int timeoutMs, params string[] prefixes)
            {
                string prefix = string.Join(" or ", prefixes);
                long end = Environment.TickCount64 + timeoutMs;
                lock (_lock)
                {
                    while (true)
                    {
                        for (int i = from; i < _events.Count; i++) foreach (string p in prefixes) if (_events[i].StartsWith(p, StringComparison.Ordinal)) return _events[i];
                        long left = end - Environment.TickCount64;
                        if (left <= 0) throw new TimeoutException("no " + prefix + "; last events: " + string.Join(" | ", _events.GetRange(Math.Max(0, _events.Count - 5), Math.Min(5, _events.Count))));
                        Monitor.Wait(_lock, (int)Math.Min(left, 100));
                    }
                }
            }
        }

        private sealed class Peer
        {
            public Sink Sink = new Sink();
            public CommandQueue Commands = new CommandQueue();
            public EndpointRuntime Runtime;
            public Thread Loop;
            public string Local;
        }

        private static Peer StartEndpoint(string user, int rtpBase, string supernodes)
        {
            string json = "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\",\"t1\":100}," +
                          "\"media\":{\"rtpPorts\":\"" + rtpBase + "-" + (rtpBase + 19) + "\"}," +
                          "\"overlay\":{\"aor\":\"" + user + "@home.example\",\"siteKey\":\"" + Convert.ToBase64String(SiteKey()) + "\",\"supernodes\":[" + supernodes + "]}}";
            byte[] data = Encoding.UTF8.GetBytes(json);
            string error;
            EndpointConfig config = ConfigLoader.Load(data, 0, data.Length, "bench", out error);
            if (config == null) throw new InvalidOperationException(error);
            var ep = new Peer();
            ep.Runtime = new EndpointRuntime(config, ep.Sink, ep.Commands);
            var random = new RuntimeRandom(user.GetHashCode());
            error = ep.Runtime.Bind(random, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (error != null) throw new InvalidOperationException(error);
            ep.Local = ep.Runtime.LocalSip.Address + ":" + ep.Runtime.LocalSip.Port;
            var app = new EndpointApp(config, ep.Sink, ep.Runtime.UserAgent, ep.Runtime.RtpPorts, null, null, random,
                                      ep.Runtime.LocalSip.Address.ToString(), ep.Runtime.LocalSip.Port);
            error = OverlayHost.Attach(app, config, null, null, random, ep.Sink);
            if (error != null) throw new InvalidOperationException(error);
            ep.Loop = new Thread(() => ep.Runtime.Run(app)) { IsBackground = true, Name = user };
            ep.Loop.Start();
            return ep;
        }

        // Pairs of endpoints (alice_k calls bob_k), used round robin: each user agent keeps a pool of
        // 8 transactions, and finished ones stay for the RFC 3261/6026 timers (64*T1, T1 = 100 ms
        // here), so one pair can set up about one call every 1.6 s; calls on a pair are paced.
        private const int Pairs = 8;
        private const int PairPaceMs = 1700;

        private static void CallSetup(BenchReport r)
        {
            // Lookup cache off (host knob read by OverlayHost.Attach), so every dial by AOR really
            // GETs the callee's key; the default 15 s cache would answer most of them from memory.
            Environment.SetEnvironmentVariable("ENDPOINT_OVERLAY_CACHE_MS", "1");
            var alices = new Peer[Pairs];
            var bobs = new Peer[Pairs];
            try
            {
                for (int k = 0; k < Pairs; k++)
                {
                    alices[k] = StartEndpoint("alice" + k, 41000 + 40 * k, "\"127.0.0.1:8201\",\"127.0.0.1:8202\"");
                    bobs[k] = StartEndpoint("bob" + k, 41020 + 40 * k, "\"127.0.0.1:8202\",\"127.0.0.1:8201\"");
                    bobs[k].Sink.AutoAnswer = bobs[k].Commands;
                }
                for (int k = 0; k < Pairs; k++)
                {
                    alices[k].Sink.WaitFrom(0, "event overlay-published", 30000);
                    bobs[k].Sink.WaitFrom(0, "event overlay-published", 30000);
                }
                var byAor = new double[Tries];
                var direct = new double[Tries];
                var lastAt = new long[Pairs];
                int waits = 0, nAor = 0, nDirect = 0;
                long started = Environment.TickCount64;
                for (int i = 0; i < 2 * Tries; i++)
                {
                    bool aor = i % 2 == 0; // alternate; every pair gets both kinds, one call in Pairs
                    int k = (i / 2 + (aor ? 0 : Pairs / 2)) % Pairs;
                    Peer alice = alices[k], bob = bobs[k];
                    long due = lastAt[k] + PairPaceMs - Environment.TickCount64;
                    if (due > 0) Thread.Sleep((int)due);
                    int from, bobFrom;
                    long t0;
                    while (true)
                    {
                        from = alice.Sink.Count;
                        bobFrom = bob.Sink.Count;
                        t0 = Stopwatch.GetTimestamp();
                        alice.Commands.Enqueue(aor ? "dial bob" + k + "@home.example" : "dial sip:bob" + k + "@" + bob.Local);
                        string got = alice.Sink.WaitFrom(from, 10000, "event connected", "event error", "event ended");
                        if (got.StartsWith("event connected", StringComparison.Ordinal)) break;
                        if (++waits > 200) throw new InvalidOperationException("calls keep failing: " + got);
                        Thread.Sleep(200);
                    }
                    double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    lastAt[k] = Environment.TickCount64;
                    if (aor) byAor[nAor++] = ms; else direct[nDirect++] = ms;
                    alice.Commands.Enqueue("hangup");
                    alice.Sink.WaitFrom(from, "event ended", 10000);
                    bob.Sink.WaitFrom(bobFrom, "event ended", 10000);
                }
                Console.Error.WriteLine("overlay bench: " + 2 * Tries + " calls in " + (Environment.TickCount64 - started) / 1000 + " s over " + Pairs + " pairs, " + waits + " retried dials");
                Percentiles(r, "overlay.call_setup.by_aor", byAor);
                Percentiles(r, "overlay.call_setup.direct_uri", direct);
            }
            finally
            {
                foreach (Peer p in alices) if (p != null) p.Commands.Enqueue("quit");
                foreach (Peer p in bobs) if (p != null) p.Commands.Enqueue("quit");
                foreach (Peer p in alices) if (p != null) p.Loop.Join(10000);
                foreach (Peer p in bobs) if (p != null) p.Loop.Join(10000);
            }
        }

        private static void Percentiles(BenchReport r, string name, double[] ms)
        {
            var sorted = (double[])ms.Clone();
            Array.Sort(sorted);
            r.Figure(name + ".p50", sorted[(sorted.Length - 1) / 2], "ms");
            r.Figure(name + ".p95", sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1], "ms");
        }
    }
}
