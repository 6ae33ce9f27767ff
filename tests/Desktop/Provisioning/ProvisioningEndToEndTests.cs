// Provisioning over HTTP end to end: a local server started by the test delivers configurations
// to the real virtual device (child process) that keeps them in a storage directory across
// restarts. A new config takes effect; a broken one is rejected and the last good one keeps
// running (also after a restart); a dead server is "unreachable"; a corrupted active slot on
// "flash" falls back to the last good slot. Secrets never reach stdout or stderr.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Endpoint.Hal.Simulation;
using Endpoint.Http;
using Endpoint.Provisioning;
using Endpoint.Runtime;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Provisioning
{
    public class ProvisioningEndToEndTests
    {
        private static readonly int RtpBase = 41000 + (Environment.ProcessId % 100) * 40;

        private static string Doc(string user, string url, string sipExtra = "", int rtp = 0)
        {
            int lo = RtpBase + rtp;
            return "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\",\"password\":\"" + user + "-secret-pw-42\"" + sipExtra + "}," +
                   "\"media\":{\"rtpPorts\":\"" + lo + "-" + (lo + 9) + "\"}," +
                   "\"provisioning\":{\"url\":\"" + url + "\",\"timeoutSeconds\":3}}";
        }

        private sealed class Run
        {
            public string Provisioning;
            public string Ready;
            public string Status;
            public string Output;
        }

        // Starts the device, collects the first provisioning event (if expected), ready and status, quits.
        private static Run Boot(bool expectProvisioning, params string[] args)
        {
            using HostProcess h = HostProcess.Start(args);
            var r = new Run();
            if (expectProvisioning) r.Provisioning = h.WaitFor("event provisioning", 20000);
            r.Ready = h.WaitFor("event ready", 20000);
            h.Send("status");
            r.Status = h.WaitFor("event status", 10000);
            h.Send("quit");
            Assert.Equal(0, h.WaitExit(15000));
            r.Output = string.Join("\n", h.Events) + "\n" + h.Stderr;
            return r;
        }

        private static string TempDir()
        {
            string dir = Path.Combine(Path.GetTempPath(), "prov-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            return dir;
        }

        [Fact]
        public void FetchedConfigTakesEffectBrokenOneIsRejectedDeadServerIsUnreachable()
        {
            string dir = TempDir();
            string storage = Path.Combine(dir, "flash");
            var outputs = new List<string>();
            try
            {
                using (var server = new ConfigServer(""))
                {
                    server.Document = Doc("bob", server.Url, "", 10);
                    string initial = Path.Combine(dir, "initial.json");
                    File.WriteAllText(initial, Doc("alice", server.Url));

                    // 1. Provisioned from the file, then from the server: bob's config is active.
                    Run r = Boot(true, "--storage", storage, "--config", initial);
                    outputs.Add(r.Output);
                    Assert.Equal("applied", HostProcess.Field(r.Provisioning, "result"));
                    Assert.Equal(server.Url, HostProcess.Field(r.Provisioning, "source"));
                    Assert.Equal("b", HostProcess.Field(r.Provisioning, "slot"));
                    Assert.Equal("2", HostProcess.Field(r.Provisioning, "generation"));
                    Assert.StartsWith("sip:bob@127.0.0.1:", HostProcess.Field(r.Ready, "sip"));
                    Assert.StartsWith("sip:bob@127.0.0.1:", HostProcess.Field(r.Status, "sip"));
                    Assert.Equal(1, server.Requests);

                    // 2. Restart on the stored config; the server now serves a broken one: rejected, bob stays.
                    server.Document = Doc("eve", server.Url, ",\"expires\":5", 20);
                    r = Boot(true, "--storage", storage);
                    outputs.Add(r.Output);
                    Assert.Equal("rejected", HostProcess.Field(r.Provisioning, "result"));
                    Assert.Equal("sip.expires", HostProcess.Field(r.Provisioning, "field"));
                    Assert.Contains("keeping the active configuration", HostProcess.Field(r.Provisioning, "reason"));
                    Assert.StartsWith("sip:bob@", HostProcess.Field(r.Status, "sip"));
                    Assert.Equal(2, server.Requests);

                    // 3. Broken JSON (a torn document): rejected, bob stays across the restart.
                    string torn = Doc("eve", server.Url);
                    server.Document = torn.Substring(0, torn.Length - 9);
                    r = Boot(true, "--storage", storage);
                    outputs.Add(r.Output);
                    Assert.Equal("rejected", HostProcess.Field(r.Provisioning, "result"));
                    Assert.Contains("not valid JSON", HostProcess.Field(r.Provisioning, "reason"));
                    Assert.StartsWith("sip:bob@", HostProcess.Field(r.Status, "sip"));
                }

                // 4. Server gone: unreachable, bob stays.
                Run down = Boot(true, "--storage", storage);
                outputs.Add(down.Output);
                Assert.Equal("unreachable", HostProcess.Field(down.Provisioning, "result"));
                Assert.Contains("connection refused", HostProcess.Field(down.Provisioning, "reason"));
                Assert.StartsWith("sip:bob@", HostProcess.Field(down.Status, "sip"));

                // 5. The active slot gets corrupted on "flash" (a power cut on a non-atomic file system):
                //    the device recovers to the last good slot (alice's config) and says so.
                string slotB = Path.Combine(storage, ConfigSlots.SlotKeyB);
                byte[] b = File.ReadAllBytes(slotB);
                File.WriteAllBytes(slotB, b.AsSpan(0, b.Length / 2).ToArray());
                using (HostProcess h = HostProcess.Start("--storage", storage))
                {
                    string rec = h.WaitFor("event provisioning", 20000);
                    Assert.Equal("recovered", HostProcess.Field(rec, "result"));
                    Assert.Equal("a", HostProcess.Field(rec, "slot"));
                    Assert.Contains("active slot b length mismatch", HostProcess.Field(rec, "reason"));
                    Assert.Equal("unreachable", HostProcess.Field(h.WaitFor("event provisioning", 20000), "result"));
                    Assert.StartsWith("sip:alice@", HostProcess.Field(h.WaitFor("event ready", 20000), "sip"));
                    h.Send("quit");
                    Assert.Equal(0, h.WaitExit(15000));
                    outputs.Add(string.Join("\n", h.Events) + "\n" + h.Stderr);
                }

                foreach (string o in outputs)
                {
                    Assert.DoesNotContain("secret-pw", o);
                }
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Fact]
        public void InvalidConfigFileWithAStoredConfigIsRejectedAndTheStoredOneRuns()
        {
            string dir = TempDir();
            try
            {
                string storage = Path.Combine(dir, "flash");
                string good = Path.Combine(dir, "good.json");
                File.WriteAllText(good, "{\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"carol\",\"password\":\"carol-secret-pw-42\"},\"media\":{\"rtpPorts\":\"" + (RtpBase + 30) + "-" + (RtpBase + 39) + "\"}}");
                Run r = Boot(false, "--storage", storage, "--config", good);
                Assert.StartsWith("sip:carol@", HostProcess.Field(r.Ready, "sip"));
                Assert.Contains("provisioning: applied (" + good + "), active slot a generation 1", r.Output);

                string bad = Path.Combine(dir, "bad.json");
                File.WriteAllText(bad, "{\"sip\":{\"user\":\"dave\",\"password\":\"dave-secret-pw-42\",\"transport\":\"sctp\"}}");
                r = Boot(true, "--storage", storage, "--config", bad);
                Assert.Equal("rejected", HostProcess.Field(r.Provisioning, "result"));
                Assert.Equal("sip.transport", HostProcess.Field(r.Provisioning, "field"));
                Assert.Equal(bad, HostProcess.Field(r.Provisioning, "source"));
                Assert.StartsWith("sip:carol@", HostProcess.Field(r.Status, "sip"));
                Assert.DoesNotContain("secret-pw", r.Output);

                // Without storage the same file is a start-up error, as before.
                using HostProcess h = HostProcess.Start("--config", bad);
                Assert.Equal(2, h.WaitExit(15000));
                Assert.Contains(bad + ": field 'sip.transport'", h.Stderr);
                Assert.Empty(h.Events);
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Fact]
        public void PasswordAndSiteKeyNeverAppearOnStdoutOrStderr()
        {
            string dir = TempDir();
            try
            {
                string cfg = Path.Combine(dir, "c.json");
                string siteKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789ABCDEF"));
                File.WriteAllText(cfg, "{\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"frank\",\"password\":\"Fr4nk-P4ssw0rd\",\"registrar\":\"127.0.0.1:9\"}," +
                                       "\"media\":{\"rtpPorts\":\"" + (RtpBase + 30) + "-" + (RtpBase + 39) + "\"}," +
                                       "\"overlay\":{\"aor\":\"frank@home.example\",\"supernodes\":[\"127.0.0.1:9\"],\"siteKey\":\"" + siteKey + "\"}}");
                Run r = Boot(false, "--storage", Path.Combine(dir, "flash"), "--config", cfg);
                Assert.StartsWith("sip:frank@", HostProcess.Field(r.Status, "sip"));
                Assert.DoesNotContain("Fr4nk-P4ssw0rd", r.Output);
                Assert.DoesNotContain(siteKey, r.Output);

                // A wrong-typed secret in a rejected file is not echoed either.
                File.WriteAllText(cfg, "{\"sip\":{\"password\":[\"Fr4nk-P4ssw0rd\"]}}");
                using HostProcess h = HostProcess.Start("--config", cfg);
                Assert.Equal(2, h.WaitExit(15000));
                Assert.Contains("field 'sip.password'", h.Stderr);
                Assert.DoesNotContain("Fr4nk-P4ssw0rd", h.Stderr);
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Fact]
        public void FetcherReportsRefusedSilentAndNonOkServers()
        {
            using (var server = new ConfigServer("{\"sip\":{\"user\":\"gina\"}}"))
            {
                ConfigDownload d = ProvisioningFetcher.Fetch(HttpUrl.Parse(server.Url, out _), 3000, out string failure);
                Assert.Null(failure);
                Assert.Equal("{\"sip\":{\"user\":\"gina\"}}", Encoding.UTF8.GetString(d.Body, 0, d.BodyLength));

                server.Status = 404;
                Assert.Null(ProvisioningFetcher.Fetch(HttpUrl.Parse(server.Url, out _), 3000, out failure));
                Assert.Equal("the server answered HTTP 404", failure);

                server.Status = 200;
                server.Silent = true;
                var sw = Stopwatch.StartNew();
                Assert.Null(ProvisioningFetcher.Fetch(HttpUrl.Parse(server.Url, out _), 1000, out failure));
                Assert.Equal("timed out after 1 s", failure);
                Assert.InRange(sw.ElapsedMilliseconds, 900, 4000);
            }

            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            Assert.Null(ProvisioningFetcher.Fetch(HttpUrl.Parse("http://127.0.0.1:" + port + "/c", out _), 3000, out string refused));
            Assert.Equal("cannot connect to 127.0.0.1:" + port + " (connection refused)", refused);
        }

        [Fact]
        public void FetchAndApplyReportsEventsThroughTheSink()
        {
            using var server = new ConfigServer("{\"sip\":{\"user\":\"hugo\",\"password\":\"hugo-secret-pw-42\"}}");
            var prov = new Provisioner(new MemoryStorage());
            prov.Boot();
            var sink = new ListSink();
            var fetcher = new ProvisioningFetcher(prov, sink);
            byte[] cfgJson = Encoding.UTF8.GetBytes("{\"provisioning\":{\"url\":\"" + server.Url + "\",\"timeoutSeconds\":3}}");
            var cfg = Endpoint.Config.ConfigLoader.Load(cfgJson, 0, cfgJson.Length, "t", out _);
            ProvisioningOutcome o = fetcher.FetchAndApply(cfg.Provisioning);
            Assert.Equal(ProvisioningResult.Applied, o.Result);
            Assert.Equal("hugo", prov.Active.Sip.User);
            Assert.Equal("event provisioning result=applied source=" + server.Url + " slot=a generation=1", sink.Events[0]);
            Assert.Equal(ProvisioningResult.Unchanged, fetcher.FetchAndApply(cfg.Provisioning).Result);
            Assert.Equal("event provisioning result=unchanged source=" + server.Url + " slot=a generation=1", sink.Events[1]);
            foreach (string line in sink.All) Assert.DoesNotContain("secret-pw", line);
        }

        [Fact]
        public void PeriodicFetchStoresANewConfigForTheNextBoot()
        {
            using var server = new ConfigServer("{\"sip\":{\"user\":\"ivan\"}}");
            var files = new MemoryFileStore();
            var prov = new Provisioner(new MemoryStorage(files));
            prov.Boot();
            var sink = new ListSink();
            var fetcher = new ProvisioningFetcher(prov, sink);
            byte[] cfgJson = Encoding.UTF8.GetBytes("{\"provisioning\":{\"url\":\"" + server.Url + "\",\"intervalSeconds\":10,\"timeoutSeconds\":3}}");
            var cfg = Endpoint.Config.ConfigLoader.Load(cfgJson, 0, cfgJson.Length, "t", out _);
            Assert.Equal(ProvisioningResult.Applied, fetcher.FetchAndApply(cfg.Provisioning).Result);
            server.Document = "{\"sip\":{\"user\":\"judy\"}}";
            var t = fetcher.CreatePeriodic(cfg.Provisioning);
            Assert.NotNull(t);
            Assert.Null(fetcher.CreatePeriodic(cfg.Provisioning));
            t.IsBackground = true;
            var sw = Stopwatch.StartNew();
            t.Start();
            string applied = null;
            while (applied == null && sw.ElapsedMilliseconds < 20000)
            {
                System.Threading.Thread.Sleep(200);
                lock (sink.All) applied = sink.Events.Count > 1 ? sink.Events[1] : null;
            }
            fetcher.Stop();
            Assert.NotNull(applied);
            Assert.InRange(sw.ElapsedMilliseconds, 9000, 20000);
            Assert.Equal("event provisioning result=applied source=" + server.Url + " slot=b generation=2 effective=next-boot", applied);
            Assert.True(t.Join(3000));
            files.PowerOn();
            var after = new Provisioner(new MemoryStorage(files));
            Assert.Equal(ProvisioningResult.Loaded, after.Boot().Result);
            Assert.Equal("judy", after.Active.Sip.User);
        }

        private sealed class ListSink : Endpoint.App.IEventSink
        {
            public readonly List<string> Events = new List<string>();
            public readonly List<string> All = new List<string>();
            public void Event(string line) { lock (All) { Events.Add(line); All.Add(line); } }
            public void Log(string line) { lock (All) All.Add(line); }
        }
    }
}
