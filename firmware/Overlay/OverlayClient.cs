// The minimal overlay client (P2PSIP-style, over OpenDHT supernodes running
// `dhtnode --proxyserver PORT`): a sans-IO state machine. It never touches a socket, thread or
// clock: the runtime takes OverlayRequests from NextRequest(), executes them over TCP and reports
// back through OnResponseStart/OnResponseLine/OnResponseEnd/OnRequestFailed; it calls
// OnTimer(nowMs) at NextDeadline and gives the wall clock with SetWallClock (SNTP on the device,
// the host clock on the desktop). The application calls Start/Stop/Lookup/SendMessage and reads
// OverlayEvents from NextEvent().
// What it does: probes every supernode (GET /node/info), picks the lowest RTT, publishes our
// signed location record there, refreshes it every RefreshMs (inside the 10-minute value
// lifetime), listens on our inbox and on buddies' location keys, fails over to the next supernode
// when one refuses connections, ends a listen stream or misses a probe, returns to a recovered
// better one, answers lookups (cached LookupCacheMs), stores and re-posts offline messages until a
// receipt arrives, and publishes a signed offline record on Stop.
// This file: construction, public surface, request/completion plumbing and the timer. The other
// parts: OverlayClient.Supernodes.cs, .Publish.cs, .Lookup.cs, .Messages.cs.
// Depends on Overlay.Dht, Overlay.Records, Endpoint.Crypto (IHmacSha256, IRandomSource).
// Not thread-safe: call it from one thread (the runtime's loop).
using System.Collections;
using Endpoint.Crypto;
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    /// <summary>Sans-IO overlay client (see the file header).</summary>
    public sealed partial class OverlayClient
    {
        private const int PhaseIdle = 0, PhaseSelecting = 1, PhaseRunning = 2, PhaseStopping = 3, PhaseStopped = 4;
        private const int MaxAttempts = 3;

        private readonly OverlaySettings _s;
        private readonly IRandomSource _rng;
        private readonly RecordSigner _signer;
        private readonly RecordWriter _writer;
        private readonly RecordVerifier _verifier;
        private readonly DhtValueParser _value = new DhtValueParser(600);
        private readonly SupernodeTable _nodes;
        private readonly OverlayOp[] _probeOps;
        private readonly string[] _nodeIp;
        private readonly ArrayList _ops = new ArrayList();
        private readonly ArrayList _waiting = new ArrayList();
        private readonly ArrayList _requests = new ArrayList();
        private readonly ArrayList _events = new ArrayList();
        private readonly byte[] _recBuf = new byte[RecordFormat.MaxRecordBytes];
        private readonly byte[] _rnd = new byte[16];
        private readonly string _aor;
        private readonly byte[] _aorBytes;
        private readonly string _locHash;
        private readonly string _inboxHash;
        private readonly BuddyState[] _buddies;
        private readonly SeenIdSet _seen;

        private int _phase = PhaseIdle;
        private int _active = -1;
        private bool _announcedNone;
        private int _nextRequestId = 1;
        private int _nextLookupId = 1;
        private long _selectDeadline = long.MaxValue;
        private long _stopDeadline = long.MaxValue;
        private bool _clockKnown;
        private long _unixBase;
        private long _unixAtMs;
        private long _seq;

        /// <summary>Creates a client. <paramref name="siteMac"/> is HMAC-SHA256 keyed with the 32-byte site key.</summary>
        public OverlayClient(OverlaySettings settings, IHmacSha256 siteMac, IRandomSource random)
        {
            if (settings == null) throw new System.ArgumentNullException("settings");
            if (random == null) throw new System.ArgumentNullException("random");
            _aor = Aor.Normalize(settings.Aor);
            if (_aor == null) throw new System.ArgumentException("settings.Aor is not an AOR");
            _s = settings;
            _rng = random;
            _aorBytes = Utf8Field.Bytes(_aor);
            _locHash = DhtKey.HashHex(OverlayKeys.LocationPrefix + _aor);
            _inboxHash = DhtKey.HashHex(OverlayKeys.InboxPrefix + _aor);
            _signer = new RecordSigner(siteMac);
            _writer = new RecordWriter(_signer);
            _nodes = new SupernodeTable(settings.Supernodes == null ? new Endpoint.Config.HostPort[0] : settings.Supernodes);
            _nodes.TieMs = settings.MinRttGainMs; // within this, the provisioned order decides
            _probeOps = new OverlayOp[_nodes.Count];
            _nodeIp = new string[_nodes.Count];
            ArrayList buddies = new ArrayList();
            string[] list = settings.Buddies == null ? new string[0] : settings.Buddies;
            for (int i = 0; i < list.Length; i++)
            {
                string a = Aor.Normalize(list[i]);
                if (a == null || a == _aor) continue;
                bool dup = false;
                for (int k = 0; k < buddies.Count; k++) if (((BuddyState)buddies[k]).Aor == a) dup = true;
                if (dup) continue;
                BuddyState b = new BuddyState();
                b.Aor = a;
                b.AorBytes = Utf8Field.Bytes(a);
                b.Hash = DhtKey.HashHex(OverlayKeys.LocationPrefix + a);
                buddies.Add(b);
            }
            _buddies = new BuddyState[buddies.Count];
            for (int i = 0; i < _buddies.Length; i++) _buddies[i] = (BuddyState)buddies[i];
            _verifier = new RecordVerifier(_signer, 16 + _buddies.Length);
            _seen = new SeenIdSet(settings.SeenIdsCapacity);
            _seq = settings.InitialSeq < 0 ? 0 : settings.InitialSeq;
        }

        /// <summary>Our AOR in canonical form.</summary>
        public string OwnAor { get { return _aor; } }

        /// <summary>The supernodes with their health and RTT.</summary>
        public SupernodeTable Supernodes { get { return _nodes; } }

        /// <summary>Index of the supernode in use, or -1.</summary>
        public int ActiveSupernode { get { return _active; } }

        /// <summary>Our address as the active supernode saw it, or null.</summary>
        public string PublicIp { get { return _active >= 0 ? _nodeIp[_active] : null; } }

        /// <summary>The last sequence number used.</summary>
        public long Sequence { get { return _seq; } }

        /// <summary>Seen message ids (Load persisted bytes into it after construction; persist on SeenIdsChanged).</summary>
        public SeenIdSet SeenIds { get { return _seen; } }

        /// <summary>The record verifier (its replay table holds the highest sequence per AOR).</summary>
        public RecordVerifier Verifier { get { return _verifier; } }

        /// <summary>True between Start and the end of Stop.</summary>
        public bool IsRunning { get { return _phase == PhaseSelecting || _phase == PhaseRunning || _phase == PhaseStopping; } }

        /// <summary>True once Stop has finished.</summary>
        public bool IsStopped { get { return _phase == PhaseStopped; } }

        /// <summary>The 40-hex DHT key of our location record.</summary>
        public string LocationHash { get { return _locHash; } }

        /// <summary>The 40-hex DHT key of our inbox.</summary>
        public string InboxHash { get { return _inboxHash; } }

        /// <summary>Sets the wall clock: <paramref name="unixSeconds"/> is the time at monotonic <paramref name="nowMs"/>.</summary>
        public void SetWallClock(long unixSeconds, long nowMs)
        {
            bool first = !_clockKnown;
            _clockKnown = true;
            _unixBase = unixSeconds;
            _unixAtMs = nowMs;
            if (first && _phase == PhaseRunning && _active >= 0) PublishLocation(nowMs, true);
        }

        /// <summary>Wall-clock seconds at monotonic nowMs (0 when unknown).</summary>
        public long NowUnix(long nowMs)
        {
            if (!_clockKnown) return 0;
            long d = nowMs - _unixAtMs;
            return _unixBase + (d >= 0 ? d / 1000 : -((-d + 999) / 1000));
        }

        /// <summary>Starts: probes every supernode; the best one is used once all answered or ProbeTimeoutMs passed.</summary>
        public void Start(long nowMs)
        {
            if (_phase != PhaseIdle) return;
            _phase = PhaseSelecting;
            _selectDeadline = nowMs + _s.ProbeTimeoutMs;
            for (int i = 0; i < _nodes.Count; i++) Probe(i, nowMs);
            if (_nodes.Count == 0) SelectActive(nowMs);
        }

        /// <summary>The next request for the runtime, or null.</summary>
        public OverlayRequest NextRequest()
        {
            if (_requests.Count == 0) return null;
            OverlayRequest r = (OverlayRequest)_requests[0];
            _requests.RemoveAt(0);
            return r;
        }

        /// <summary>The next event for the application, or null.</summary>
        public OverlayEvent NextEvent()
        {
            if (_events.Count == 0) return null;
            OverlayEvent e = (OverlayEvent)_events[0];
            _events.RemoveAt(0);
            return e;
        }

        /// <summary>The status line and headers of request <paramref name="requestId"/> arrived.</summary>
        public void OnResponseStart(int requestId, int status, long nowMs)
        {
            OverlayOp op = Find(requestId);
            if (op != null) op.Status = status;
        }

        /// <summary>One body line of request <paramref name="requestId"/>.</summary>
        public void OnResponseLine(int requestId, byte[] buf, int offset, int count, long nowMs)
        {
            OverlayOp op = Find(requestId);
            if (op == null) return;
            switch (op.Purpose)
            {
                case OverlayOp.Probe:
                    if (op.Status == 200 && op.Info == null) op.Info = DhtNodeInfo.Parse(buf, offset, count);
                    break;
                case OverlayOp.Lookup:
                    if (op.Status == 200) LookupLine(op, buf, offset, count, nowMs);
                    break;
                case OverlayOp.ListenInbox:
                    if (op.Status == 200) InboxLine(buf, offset, count, nowMs);
                    break;
                case OverlayOp.ListenBuddy:
                    if (op.Status == 200) BuddyLine(op.Buddy, buf, offset, count, nowMs);
                    break;
                default:
                    if (op.Status != 200 && op.ErrorText == null) op.ErrorText = DhtNodeInfo.ParseError(buf, offset, count);
                    break;
            }
        }

        /// <summary>Request <paramref name="requestId"/> completed (for a listen stream: the server ended it).</summary>
        public void OnResponseEnd(int requestId, long nowMs)
        {
            OverlayOp op = Find(requestId);
            if (op == null) return;
            RemoveOp(op);
            switch (op.Purpose)
            {
                case OverlayOp.Probe: ProbeDone(op, nowMs); break;
                case OverlayOp.ListenInbox:
                case OverlayOp.ListenBuddy:
                    if (op.Supernode == _active) NodeDown(op.Supernode, nowMs);
                    break;
                case OverlayOp.Lookup:
                    if (op.Status == 200) FinishLookup(op, nowMs);
                    else Retry(op, nowMs, "http-" + op.Status);
                    break;
                default:
                    if (op.Status == 200) PostDone(op, nowMs);
                    else Retry(op, nowMs, "http-" + op.Status + (op.ErrorText != null ? " " + op.ErrorText : ""));
                    break;
            }
        }

        /// <summary>Request <paramref name="requestId"/> failed (OverlayFailure code).</summary>
        public void OnRequestFailed(int requestId, int failure, long nowMs)
        {
            OverlayOp op = Find(requestId);
            if (op == null) return;
            RemoveOp(op);
            Failed(op, failure, nowMs);
        }

        /// <summary>Runs timers: request timeouts, probes, selection, refresh, re-posts, presence expiry.</summary>
        public void OnTimer(long nowMs)
        {
            if (!IsRunning) return;
            for (int guard = 0; guard < 256; guard++)
            {
                OverlayOp due = null;
                for (int i = 0; i < _ops.Count; i++)
                {
                    OverlayOp op = (OverlayOp)_ops[i];
                    if (!op.Listen && op.Deadline <= nowMs) { due = op; break; }
                }
                if (due == null) break;
                Cancel(due);
                Failed(due, OverlayFailure.Timeout, nowMs);
                if (!IsRunning) return;
            }
            if (_phase == PhaseStopping)
            {
                if (nowMs >= _stopDeadline) FinishStop("offline-timeout");
                return;
            }
            if (_phase == PhaseSelecting && nowMs >= _selectDeadline) SelectActive(nowMs);
            for (int i = 0; i < _nodes.Count; i++)
            {
                if (_probeOps[i] == null && nowMs >= _nodes.NextProbeAt(i)) Probe(i, nowMs);
            }
            if (_phase != PhaseRunning) return;
            PublishTimer(nowMs);
            MessageTimer(nowMs);
            PresenceTimer(nowMs);
        }

        /// <summary>The monotonic time OnTimer must run next (long.MaxValue: nothing scheduled).</summary>
        public long NextDeadline
        {
            get
            {
                if (!IsRunning) return long.MaxValue;
                long d = long.MaxValue;
                for (int i = 0; i < _ops.Count; i++)
                {
                    OverlayOp op = (OverlayOp)_ops[i];
                    if (!op.Listen && op.Deadline < d) d = op.Deadline;
                }
                if (_phase == PhaseStopping) return _stopDeadline < d ? _stopDeadline : d;
                if (_phase == PhaseSelecting && _selectDeadline < d) d = _selectDeadline;
                for (int i = 0; i < _nodes.Count; i++)
                {
                    if (_probeOps[i] == null && _nodes.NextProbeAt(i) < d) d = _nodes.NextProbeAt(i);
                }
                if (_phase == PhaseRunning)
                {
                    long p = PublishDeadline();
                    if (p < d) d = p;
                    p = MessageDeadline();
                    if (p < d) d = p;
                    p = PresenceDeadline();
                    if (p < d) d = p;
                }
                return d;
            }
        }

        // ---- plumbing ----

        private void Emit(OverlayEvent e) { _events.Add(e); }

        private OverlayOp Find(int requestId)
        {
            if (requestId <= 0) return null;
            for (int i = 0; i < _ops.Count; i++)
            {
                OverlayOp op = (OverlayOp)_ops[i];
                if (op.RequestId == requestId) return op;
            }
            return null;
        }

        private OverlayOp NewOp(int purpose, string method, string path, byte[] body, int bodyLength, bool listen)
        {
            OverlayOp op = new OverlayOp();
            op.Purpose = purpose;
            op.Method = method;
            op.Path = path;
            op.Body = body;
            op.BodyLength = bodyLength;
            op.Listen = listen;
            return op;
        }

        // Sends op to the active supernode, or parks it until one is chosen.
        private void Issue(OverlayOp op, long nowMs)
        {
            if (_active < 0)
            {
                if (!_waiting.Contains(op)) _waiting.Add(op);
                return;
            }
            IssueTo(op, _active, nowMs);
        }

        private void IssueTo(OverlayOp op, int node, long nowMs)
        {
            _waiting.Remove(op);
            op.RequestId = _nextRequestId++;
            if (_nextRequestId > 0x3FFFFFFF) _nextRequestId = 1;
            op.Supernode = node;
            op.SentAt = nowMs;
            op.Status = 0;
            op.ErrorText = null;
            op.Info = null;
            op.Best = null;
            op.Rejected = 0;
            op.Attempts++;
            int timeout = op.Purpose == OverlayOp.Probe ? _s.ProbeTimeoutMs : _s.RequestTimeoutMs;
            op.Deadline = op.Listen ? long.MaxValue : nowMs + timeout;
            _ops.Add(op);
            Endpoint.Config.HostPort hp = _nodes.Address(node);
            _requests.Add(new OverlayRequest(op.RequestId, false, node, hp.Host, hp.Port, op.Method, op.Path,
                op.Body, op.BodyLength, op.Listen, op.Listen ? 0 : timeout, 0));
        }

        // Drops op without telling the runtime (it has reported the end itself).
        private void RemoveOp(OverlayOp op)
        {
            _ops.Remove(op);
            op.RequestId = 0;
        }

        // Aborts an issued op (the runtime closes its connection) or forgets a waiting one.
        private void Cancel(OverlayOp op)
        {
            if (op == null) return;
            _waiting.Remove(op);
            if (op.RequestId == 0) return;
            _requests.Add(new OverlayRequest(_nextRequestId++, true, op.Supernode, null, 0, null, null, null, 0, false, 0, op.RequestId));
            RemoveOp(op);
        }

        private void Failed(OverlayOp op, int failure, long nowMs)
        {
            if (op.Purpose == OverlayOp.Probe)
            {
                ProbeDone(op, nowMs);
                return;
            }
            if (op.Listen)
            {
                if (op.Supernode == _active) NodeDown(op.Supernode, nowMs);
                return;
            }
            if (failure == OverlayFailure.ConnectFailed || failure == OverlayFailure.ConnectionLost)
            {
                NodeDown(op.Supernode, nowMs);
            }
            else if (failure == OverlayFailure.Timeout && op.Supernode >= 0 && op.Supernode < _nodes.Count && _probeOps[op.Supernode] == null)
            {
                _nodes.SetNextProbe(op.Supernode, nowMs); // check the node now; a failed probe fails it over
            }
            Retry(op, nowMs, OverlayFailure.Name(failure));
        }

        // Tries an op again (on the active node, or when one is chosen), or gives up.
        private void Retry(OverlayOp op, long nowMs, string reason)
        {
            if (_phase == PhaseStopping && op.Purpose != OverlayOp.PublishOffline) return;
            if (op.Purpose == OverlayOp.Publish && op != _publishOp) return; // superseded by a newer publish
            if (op.Attempts < MaxAttempts && _phase != PhaseStopped)
            {
                Issue(op, nowMs);
                return;
            }
            GiveUp(op, nowMs, reason);
        }

        private void GiveUp(OverlayOp op, long nowMs, string reason)
        {
            _waiting.Remove(op);
            switch (op.Purpose)
            {
                case OverlayOp.Lookup: LookupFailed(op, LookupOutcome.Failed, reason); break;
                case OverlayOp.Publish: PublishFailed(nowMs, reason); break;
                case OverlayOp.PublishOffline: FinishStop("offline-failed " + reason); break;
                case OverlayOp.PostMessage: MessagePostFailed(op, nowMs); break;
                default: break; // a receipt is best effort; it is re-sent when the message is seen again
            }
        }

        private void PostDone(OverlayOp op, long nowMs)
        {
            switch (op.Purpose)
            {
                case OverlayOp.Publish: PublishDone(op, nowMs); break;
                case OverlayOp.PublishOffline: FinishStop("offline-published"); break;
                case OverlayOp.PostMessage: MessagePosted(op, nowMs); break;
                default: break;
            }
        }

        private ulong RandomValueId()
        {
            ulong v = 0;
            while (v == 0)
            {
                _rng.NextBytes(_rnd, 0, 8);
                for (int i = 0; i < 8; i++) v = (v << 8) | _rnd[i];
            }
            return v;
        }

        // Wraps a record into a DHT value POST body under a fresh random value id.
        private byte[] ValueBody(byte[] rec, int len, out int bodyLength)
        {
            byte[] body = new byte[DhtRequests.ValueBodyLength(len)];
            bodyLength = DhtRequests.WriteValueBody(body, 0, RandomValueId(), rec, 0, len, DhtRequests.TypeDefault);
            return body;
        }
    }
}
