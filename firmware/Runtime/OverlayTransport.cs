// Runtime adapter of the overlay client: executes OverlayRequests over blocking TCP sockets and
// hands the outcomes back to the (single-threaded) OverlayClient on the runtime loop's thread.
// One worker thread per request: connect, write the request (HttpRequestWriter, Connection:
// close), read with Poll/Receive and frame with HttpResponseParser. Short requests end on the
// response's end, an error or their TimeoutMs; listen streams run until the server ends them,
// the connection breaks or the client cancels them. Workers never call the client: they queue
// completions (start, line copy, end, failure) under a lock and set Wake; the loop calls Pump.
// Cancelling sets a flag the worker checks every PollMs, then it closes its socket silently.
// Limits: MaxWorkers concurrent requests (more fail at once as connect-failed); a blocking
// Connect to a silent address can outlive the request's timeout (the client has given up by
// then; the worker ends when Connect returns). Connections are not reused (the client sends a
// request every few seconds at most).
// Depends on System.Net.Sockets, System.Threading, Endpoint.Http and Endpoint.Overlay.
// This is the only overlay code that owns sockets, threads and the clock.
using System;
using System.Collections;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Endpoint.Http;
using Endpoint.Overlay;

namespace Endpoint.Runtime
{
    /// <summary>Executes overlay requests on worker threads; feeds results to the client from the loop thread.</summary>
    public sealed class OverlayTransport
    {
        /// <summary>Most requests in progress at once.</summary>
        public const int MaxWorkers = 12;
        /// <summary>How often a worker looks at its cancel flag and deadline.</summary>
        public const int PollMs = 200;

        private const int KindStart = 1, KindLine = 2, KindEnd = 3, KindFailed = 4;

        private readonly object _lock = new object();
        private readonly ArrayList _done = new ArrayList();
        private readonly ArrayList _jobs = new ArrayList();
        private readonly int _maxLine;
        private bool _closed;

        /// <summary>Set whenever a completion is queued; the loop may wait on it until the client's next deadline.</summary>
        public readonly AutoResetEvent Wake = new AutoResetEvent(false);

        /// <summary>Creates a transport; body lines may be up to <paramref name="maxLineBytes"/>.</summary>
        public OverlayTransport(int maxLineBytes = 1024)
        {
            _maxLine = maxLineBytes;
        }

        /// <summary>Requests currently running.</summary>
        public int Running { get { lock (_lock) return _jobs.Count; } }

        /// <summary>
        /// True while a short request (not a listen stream) runs or a completion waits for Pump:
        /// a loop that sleeps in other I/O should then poll again within a millisecond or so.
        /// </summary>
        public bool AwaitingShortRequest
        {
            get
            {
                lock (_lock)
                {
                    if (_done.Count > 0) return true;
                    for (int i = 0; i < _jobs.Count; i++) if (!((Job)_jobs[i]).Request.Listen) return true;
                    return false;
                }
            }
        }

        private sealed class Job
        {
            public OverlayRequest Request;
            public bool Cancelled;
        }

        private sealed class Completion
        {
            public int Kind;
            public int Id;
            public int Value;
            public byte[] Line;
        }

        /// <summary>
        /// One step of the runtime loop for the overlay: starts every request the client has
        /// queued, delivers every completion, runs the client's timer when due. Returns how long
        /// the loop may sleep (ms, at most maxWaitMs) before calling again; wake early on <see cref="Wake"/>.
        /// </summary>
        public int Pump(OverlayClient client, long nowMs, int maxWaitMs)
        {
            OverlayRequest r;
            while ((r = client.NextRequest()) != null) Execute(r);
            Deliver(client, nowMs);
            if (client.NextDeadline <= nowMs) client.OnTimer(nowMs);
            while ((r = client.NextRequest()) != null) Execute(r);
            long wait = client.NextDeadline - nowMs;
            if (wait < 0) wait = 0;
            return wait > maxWaitMs ? maxWaitMs : (int)wait;
        }

        /// <summary>Starts a request on a worker thread, or cancels one.</summary>
        public void Execute(OverlayRequest r)
        {
            if (r.IsCancel)
            {
                lock (_lock)
                {
                    for (int i = 0; i < _jobs.Count; i++)
                    {
                        Job j = (Job)_jobs[i];
                        if (j.Request.Id == r.CancelId) j.Cancelled = true;
                    }
                }
                return;
            }
            Job job = new Job();
            job.Request = r;
            lock (_lock)
            {
                if (_closed || _jobs.Count >= MaxWorkers)
                {
                    Queue(KindFailed, r.Id, OverlayFailure.ConnectFailed, null);
                    return;
                }
                _jobs.Add(job);
            }
            Thread t = new Thread(() => Run(job));
            t.Start();
        }

        /// <summary>Hands queued completions to the client (call on the client's thread).</summary>
        public void Deliver(OverlayClient client, long nowMs)
        {
            while (true)
            {
                Completion c;
                lock (_lock)
                {
                    if (_done.Count == 0) return;
                    c = (Completion)_done[0];
                    _done.RemoveAt(0);
                }
                switch (c.Kind)
                {
                    case KindStart: client.OnResponseStart(c.Id, c.Value, nowMs); break;
                    case KindLine: client.OnResponseLine(c.Id, c.Line, 0, c.Line.Length, nowMs); break;
                    case KindEnd: client.OnResponseEnd(c.Id, nowMs); break;
                    default: client.OnRequestFailed(c.Id, c.Value, nowMs); break;
                }
            }
        }

        /// <summary>Cancels every request and refuses new ones (workers end within PollMs).</summary>
        public void Close()
        {
            lock (_lock)
            {
                _closed = true;
                for (int i = 0; i < _jobs.Count; i++) ((Job)_jobs[i]).Cancelled = true;
            }
        }

        private void Queue(int kind, int id, int value, byte[] line)
        {
            Completion c = new Completion();
            c.Kind = kind;
            c.Id = id;
            c.Value = value;
            c.Line = line;
            lock (_lock) _done.Add(c);
            Wake.Set();
        }

        private void Run(Job job)
        {
            OverlayRequest r = job.Request;
            Socket s = null;
            bool connected = false;
            int failure = 0;
            try
            {
                IPAddress addr = Resolve(r.Host);
                if (addr == null) { failure = OverlayFailure.ConnectFailed; return; }
                s = new Socket(addr.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                s.Connect(new IPEndPoint(addr, r.Port));
                connected = true;
                if (job.Cancelled) return;
                byte[] req = new byte[512 + r.BodyLength];
                int n = HttpRequestWriter.Write(req, 0, r.Method, r.Host, r.Port, r.Path, false, HttpRequestWriter.Json, r.Body, 0, r.BodyLength);
                if (n < 0) { failure = OverlayFailure.BadResponse; return; }
                s.SendTimeout = 5000;
                int sent = 0;
                while (sent < n) sent += s.Send(req, sent, n - sent, SocketFlags.None);
                failure = Read(job, s);
            }
            catch (SocketException)
            {
                failure = connected ? OverlayFailure.ConnectionLost : OverlayFailure.ConnectFailed;
            }
            catch (Exception)
            {
                failure = connected ? OverlayFailure.ConnectionLost : OverlayFailure.ConnectFailed;
            }
            finally
            {
                if (s != null)
                {
                    try { s.Close(); } catch (Exception) { }
                }
                lock (_lock) _jobs.Remove(job);
                if (failure != 0 && !job.Cancelled) Queue(KindFailed, r.Id, failure, null);
            }
        }

        // Reads and frames the response; returns 0 when it ended properly (End queued), else a failure code.
        private int Read(Job job, Socket s)
        {
            OverlayRequest r = job.Request;
            HttpResponseParser p = new HttpResponseParser(1024, _maxLine);
            byte[] rx = new byte[1024];
            long deadline = r.Listen ? long.MaxValue : Environment.TickCount64 + r.TimeoutMs;
            bool headers = false;
            while (true)
            {
                if (job.Cancelled) return 0;
                long left = deadline - Environment.TickCount64;
                if (left <= 0) return OverlayFailure.Timeout;
                int waitMs = left < PollMs ? (int)left : PollMs;
                if (!s.Poll(waitMs * 1000, SelectMode.SelectRead)) continue;
                int got = s.Receive(rx, 0, rx.Length, SocketFlags.None);
                if (job.Cancelled) return 0;
                if (got <= 0)
                {
                    for (int guard = 0; guard < 4; guard++)
                    {
                        HttpParseResult e = p.FeedEnd();
                        int f = Handle(job, p, e, ref headers);
                        if (f > 0) return f;
                        if (f < 0) return 0;
                        if (e == HttpParseResult.Closed) break;
                    }
                    return headers ? OverlayFailure.ConnectionLost : OverlayFailure.BadResponse;
                }
                int off = 0;
                while (true)
                {
                    int used;
                    HttpParseResult e = p.Feed(rx, off, got - off, out used);
                    off += used;
                    if (e == HttpParseResult.NeedMore) break;
                    int f = Handle(job, p, e, ref headers);
                    if (f > 0) return f;
                    if (f < 0) return 0;
                }
            }
        }

        // 0: keep going; -1: the response ended (End queued); >0: a failure code.
        private int Handle(Job job, HttpResponseParser p, HttpParseResult e, ref bool headers)
        {
            int id = job.Request.Id;
            switch (e)
            {
                case HttpParseResult.Headers:
                    headers = true;
                    Queue(KindStart, id, p.StatusCode, null);
                    return 0;
                case HttpParseResult.Line:
                    {
                        byte[] line = new byte[p.LineLength];
                        Array.Copy(p.LineBuffer, 0, line, 0, line.Length);
                        Queue(KindLine, id, 0, line);
                        return 0;
                    }
                case HttpParseResult.Complete:
                    Queue(KindEnd, id, 0, null);
                    return -1;
                case HttpParseResult.NeedMore:
                case HttpParseResult.Closed:
                    return 0;
                default:
                    return e == HttpParseResult.Truncated ? OverlayFailure.ConnectionLost : OverlayFailure.BadResponse;
            }
        }

        private static IPAddress Resolve(string host)
        {
            bool literal = host.IndexOf(':') >= 0;
            if (!literal)
            {
                literal = true;
                for (int i = 0; i < host.Length; i++)
                {
                    char c = host[i];
                    if (!((c >= '0' && c <= '9') || c == '.')) { literal = false; break; }
                }
            }
            if (literal) return IPAddress.Parse(host);
            IPHostEntry e = Dns.GetHostEntry(host);
            return e.AddressList.Length > 0 ? e.AddressList[0] : null;
        }
    }
}
