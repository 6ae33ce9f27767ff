// Runtime half of HTTP provisioning: fetches the configuration document from provisioning.url
// over a blocking TCP socket (connect, GET with Connection: close, Poll/Receive until the response
// ends) and hands it to the Provisioner; optionally repeats every provisioning.intervalSeconds on
// a background thread. The HTTP framing is ConfigDownload's (pure); this file owns the socket,
// the thread and the clock. Each fetch runs on a worker thread that the caller waits for at most
// the timeout; on expiry the socket is closed (which ends a Connect that blocks on a silent host)
// and the fetch reports "unreachable".
// A configuration applied by the periodic fetch is stored and becomes active at the next boot
// (the running SIP stack keeps its sockets); the event says so with effective=next-boot.
// Depends on System.Net.Sockets, System.Threading, Endpoint.Provisioning, Endpoint.Config,
// Endpoint.App (IEventSink). Limits: http only; one request per fetch; bodies up to
// ConfigLoader.MaxConfigBytes.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Http;
using Endpoint.Provisioning;

namespace Endpoint.Runtime
{
    /// <summary>Fetches configuration documents over HTTP and applies them.</summary>
    public sealed class ProvisioningFetcher
    {
        private const int PollMs = 100;

        private readonly Provisioner _provisioner;
        private readonly IEventSink _sink;
        private readonly object _lock = new object();
        private Thread _periodic;
        private bool _stopped;

        /// <summary>Creates a fetcher that applies what it fetches through <paramref name="provisioner"/> and reports to <paramref name="sink"/>.</summary>
        public ProvisioningFetcher(Provisioner provisioner, IEventSink sink)
        {
            _provisioner = provisioner;
            _sink = sink;
        }

        /// <summary>
        /// Fetches <paramref name="p"/>.Url once and applies the document. Reports the outcome as
        /// an event and a log line and returns it (Applied, Unchanged, Rejected, Unreachable or Failed).
        /// </summary>
        public ProvisioningOutcome FetchAndApply(ProvisioningConfig p)
        {
            return FetchAndApply(p, null);
        }

        private ProvisioningOutcome FetchAndApply(ProvisioningConfig p, string note)
        {
            string source = p.Url.Redacted;
            string failure;
            ConfigDownload d = Fetch(p.Url, p.TimeoutSeconds * 1000, out failure);
            ProvisioningOutcome o = d == null ? _provisioner.Unreachable(source, failure)
                                              : _provisioner.Apply(d.Body, 0, d.BodyLength, source);
            string ev = o.ToEvent();
            if (note != null && o.Changed) ev += " effective=" + note;
            _sink.Event(ev);
            _sink.Log(o.ToLog());
            return o;
        }

        /// <summary>
        /// Creates the thread that re-fetches every <paramref name="p"/>.IntervalSeconds and returns
        /// it NOT started (null when the interval is 0, there is no URL, or it exists already): the
        /// caller calls Start (the desktop host marks it as a background thread first). Applied
        /// documents take effect at the next boot.
        /// </summary>
        public Thread CreatePeriodic(ProvisioningConfig p)
        {
            if (p == null || p.Url == null || p.IntervalSeconds <= 0) return null;
            lock (_lock)
            {
                if (_periodic != null || _stopped) return null;
                _periodic = new Thread(() => PeriodicLoop(p));
                return _periodic;
            }
        }

        /// <summary>Stops the periodic fetch (it ends within a second, or after a running fetch's timeout).</summary>
        public void Stop()
        {
            lock (_lock) _stopped = true;
        }

        private void PeriodicLoop(ProvisioningConfig p)
        {
            long next = Environment.TickCount64 + p.IntervalSeconds * 1000L;
            while (true)
            {
                lock (_lock) if (_stopped) return;
                long left = next - Environment.TickCount64;
                if (left > 0)
                {
                    Thread.Sleep(left > 1000 ? 1000 : (int)left);
                    continue;
                }
                next = Environment.TickCount64 + p.IntervalSeconds * 1000L;
                try { FetchAndApply(p, "next-boot"); }
                catch (Exception) { _sink.Log("provisioning: periodic fetch failed unexpectedly"); }
            }
        }

        /// <summary>
        /// Fetches a document; returns the download (Body, BodyLength) or null with
        /// <paramref name="failure"/> ("connection refused", "timed out after 10 s", "the server answered HTTP 404", ...).
        /// </summary>
        public static ConfigDownload Fetch(HttpUrl url, int timeoutMs, out string failure)
        {
            var job = new FetchJob(url, timeoutMs);
            Thread t = new Thread(job.Run);
            t.Start();
            if (!t.Join(timeoutMs + 500))
            {
                job.Abort();
                failure = "timed out after " + (timeoutMs / 1000) + " s";
                return null;
            }
            failure = job.Failure;
            return job.Failure == null ? job.Download : null;
        }

        private sealed class FetchJob
        {
            private readonly HttpUrl _url;
            private readonly int _timeoutMs;
            private readonly object _lock = new object();
            private Socket _socket;
            private bool _aborted;

            public FetchJob(HttpUrl url, int timeoutMs)
            {
                _url = url;
                _timeoutMs = timeoutMs;
                Failure = "not started";
            }

            public ConfigDownload Download;
            public string Failure;

            public void Abort()
            {
                lock (_lock)
                {
                    _aborted = true;
                    if (_socket != null)
                    {
                        try { _socket.Close(); } catch (Exception) { }
                    }
                }
            }

            public void Run()
            {
                long deadline = Environment.TickCount64 + _timeoutMs;
                Socket s = null;
                bool connected = false;
                try
                {
                    IPAddress addr = SocketAddresses.Resolve(_url.Host);
                    if (addr == null) { Failure = "cannot resolve " + _url.Host; return; }
                    s = new Socket(addr.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    lock (_lock)
                    {
                        if (_aborted) { Failure = "aborted"; return; }
                        _socket = s;
                    }
                    s.Connect(new IPEndPoint(addr, _url.Port));
                    connected = true;
                    byte[] req = new byte[256 + _url.Host.Length + _url.Target.Length];
                    int n = ConfigDownload.WriteRequest(req, 0, _url);
                    if (n < 0) { Failure = "cannot build the request (" + HttpRequestWriter.ErrorName(n) + ")"; return; }
                    s.SendTimeout = _timeoutMs;
                    int sent = 0;
                    for (int guard = 0; guard < 64 && sent < n; guard++) sent += s.Send(req, sent, n - sent, SocketFlags.None);
                    Download = new ConfigDownload(ConfigLoader.MaxConfigBytes);
                    Failure = Receive(s, Download, deadline);
                }
                catch (SocketException e)
                {
                    Failure = connected ? "connection lost (" + ErrorName(e) + ")" : "cannot connect to " + _url.Host + ":" + _url.Port + " (" + ErrorName(e) + ")";
                }
                catch (Exception)
                {
                    Failure = connected ? "connection lost" : "cannot connect to " + _url.Host + ":" + _url.Port;
                }
                finally
                {
                    if (s != null)
                    {
                        try { s.Close(); } catch (Exception) { }
                    }
                }
            }

            private static string ErrorName(SocketException e)
            {
                if (e.ErrorCode == 10061 || e.ErrorCode == 111) return "connection refused";
                if (e.ErrorCode == 10060 || e.ErrorCode == 110) return "timed out";
                return "socket error " + e.ErrorCode;
            }

            private string Receive(Socket s, ConfigDownload d, long deadline)
            {
                byte[] rx = new byte[1024];
                while (true)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0) return "timed out after " + (_timeoutMs / 1000) + " s";
                    lock (_lock) if (_aborted) return "aborted";
                    if (!s.Poll((int)(left < PollMs ? left : PollMs) * 1000, SelectMode.SelectRead)) continue;
                    int got = s.Receive(rx, 0, rx.Length, SocketFlags.None);
                    int state = got <= 0 ? d.FeedEnd() : d.Feed(rx, 0, got);
                    if (state == ConfigDownload.Done) return null;
                    if (state != ConfigDownload.NeedMore) return d.Reason;
                }
            }
        }
    }
}
