// Overlay client, part 3: our location record, listen streams, sequence numbers, Stop.
// Publishing: a new record (new sequence number, new random value id, expiry now +
// RecordLifetimeS) at start, every RefreshMs, and whenever the contacts change; on failover the
// still-valid record is re-posted unchanged (same id and bytes, which OpenDHT accepts). Listen
// streams are renewed with every refresh so a silently dead TCP connection cannot hide updates
// for longer than one period. Stop publishes a signed offline record (state 0, no contacts).
// Sequence numbers: max(last + 1, wall-clock seconds x 16), so they keep rising across reboots
// even if the application failed to persist the last SequenceUsed value (as long as the clock
// is right and fewer than 16 records a second are signed). Depends on the other parts.
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    public sealed partial class OverlayClient
    {
        private LocationRecord _current;
        private byte[] _currentBody;
        private int _currentBodyLength;
        private OverlayOp _publishOp;
        private OverlayOp _inboxListen;
        private long _nextRefreshAt = long.MaxValue;
        private long _publishRetryAt = long.MaxValue;
        private bool _noContactReported;

        /// <summary>Our current (last signed) location record, or null.</summary>
        public LocationRecord CurrentRecord { get { return _current; } }

        /// <summary>Changes our SIP contacts (e.g. a new LAN address); a new record is published at once.</summary>
        public void SetContacts(string[] contacts, long nowMs)
        {
            _s.Contacts = contacts == null ? new string[0] : contacts;
            _noContactReported = false;
            PublishLocation(nowMs, true);
        }

        /// <summary>
        /// Stops: closes the listen streams and publishes a signed offline record on the active
        /// supernode; a Stopped event follows when it is stored, failed or timed out.
        /// </summary>
        public void Stop(long nowMs)
        {
            if (!IsRunning || _phase == PhaseStopping) return;
            CloseListens();
            Cancel(_publishOp);
            _publishOp = null;
            for (int i = _ops.Count - 1; i >= 0; i--)
            {
                if (i >= _ops.Count) continue;
                OverlayOp op = (OverlayOp)_ops[i];
                if (op.Purpose == OverlayOp.Lookup) { Cancel(op); LookupFailed(op, LookupOutcome.Failed, "stopping"); }
            }
            for (int i = _waiting.Count - 1; i >= 0; i--)
            {
                if (i >= _waiting.Count) continue;
                OverlayOp op = (OverlayOp)_waiting[i];
                if (op.Purpose == OverlayOp.Lookup) { _waiting.RemoveAt(i); LookupFailed(op, LookupOutcome.Failed, "stopping"); }
            }
            _phase = PhaseStopping;
            _stopDeadline = nowMs + _s.RequestTimeoutMs;
            if (!_clockKnown) { FinishStop("no-wall-clock"); return; }
            if (_active < 0) { FinishStop("no-supernode"); return; }
            long unix = NowUnix(nowMs);
            LocationRecord r = new LocationRecord();
            r.Aor = _aor;
            r.Transport = _s.Transport;
            r.Online = false;
            r.Seq = NextSeq(nowMs);
            r.Expires = unix + _s.OfflineLifetimeS;
            int len = _writer.WriteLocation(_recBuf, 0, r);
            if (len < 0) { FinishStop("record-too-large"); return; }
            int bodyLength;
            byte[] body = ValueBody(_recBuf, len, out bodyLength);
            _current = r;
            OverlayOp off = NewOp(OverlayOp.PublishOffline, "POST", DhtRequests.KeyPath(_locHash), body, bodyLength, false);
            off.Seq = r.Seq;
            IssueTo(off, _active, nowMs);
        }

        private void FinishStop(string detail)
        {
            if (_phase == PhaseStopped) return;
            while (_ops.Count > 0) Cancel((OverlayOp)_ops[0]);
            _waiting.Clear();
            for (int i = 0; i < _probeOps.Length; i++) _probeOps[i] = null;
            _phase = PhaseStopped;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.Stopped);
            e.Detail = detail;
            Emit(e);
        }

        private long NextSeq(long nowMs)
        {
            long floor = _clockKnown ? NowUnix(nowMs) * 16 : 0;
            long next = _seq + 1;
            _seq = next > floor ? next : floor;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.SequenceUsed);
            e.Seq = _seq;
            Emit(e);
            return _seq;
        }

        private bool NeedsPublicContact()
        {
            return _s.PublicContactUser != null && _s.PublicContactPort > 0;
        }

        private string[] BuildContacts()
        {
            string[] basic = _s.Contacts == null ? new string[0] : _s.Contacts;
            string pub = null;
            string ip = PublicIp;
            if (NeedsPublicContact() && ip != null)
            {
                pub = "sip:" + _s.PublicContactUser + "@" + (ip.IndexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + _s.PublicContactPort;
                for (int i = 0; i < basic.Length; i++) if (basic[i] == pub) pub = null;
            }
            int n = basic.Length + (pub != null ? 1 : 0);
            if (n > RecordFormat.MaxContacts) n = RecordFormat.MaxContacts;
            string[] all = new string[n];
            int k = 0;
            for (int i = 0; i < basic.Length && k < n; i++) all[k++] = basic[i];
            if (pub != null && k < n) all[k++] = pub;
            return all;
        }

        private static bool SameContacts(string[] a, string[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        // Posts our location record to the active node: a new one when asked, or when the current
        // one is missing, near expiry or has other contacts; otherwise the current one again.
        private void PublishLocation(long nowMs, bool forceNew)
        {
            if (_phase != PhaseRunning || _active < 0 || !_clockKnown) return;
            long unix = NowUnix(nowMs);
            string[] contacts = BuildContacts();
            if (contacts.Length == 0)
            {
                if (!_noContactReported)
                {
                    _noContactReported = true;
                    OverlayEvent f = new OverlayEvent(OverlayEventKind.PublishFailed);
                    f.Detail = "no-contact";
                    Emit(f);
                }
                _nextRefreshAt = nowMs + _s.RefreshMs;
                return;
            }
            bool stale = _current == null || !_current.Online || _current.Expires - unix <= _s.RefreshMs / 1000 + 30
                || !SameContacts(contacts, _current.Contacts);
            if (forceNew || stale)
            {
                LocationRecord r = new LocationRecord();
                r.Aor = _aor;
                r.Contacts = contacts;
                r.Transport = _s.Transport;
                r.Online = true;
                r.Expires = unix + _s.RecordLifetimeS;
                r.Seq = NextSeq(nowMs);
                int len = _writer.WriteLocation(_recBuf, 0, r);
                if (len < 0)
                {
                    PublishFailed(nowMs, "record-too-large");
                    return;
                }
                _current = r;
                _currentBody = ValueBody(_recBuf, len, out _currentBodyLength);
            }
            Cancel(_publishOp);
            _publishOp = NewOp(OverlayOp.Publish, "POST", DhtRequests.KeyPath(_locHash), _currentBody, _currentBodyLength, false);
            _publishOp.Seq = _current.Seq;
            Issue(_publishOp, nowMs);
            _nextRefreshAt = nowMs + _s.RefreshMs;
            _publishRetryAt = long.MaxValue;
        }

        private void PublishDone(OverlayOp op, long nowMs)
        {
            if (op != _publishOp) return;
            _publishOp = null;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.Published);
            e.Seq = op.Seq;
            e.Record = _current;
            e.Aor = _aor;
            Emit(e);
        }

        private void PublishFailed(long nowMs, string reason)
        {
            _publishOp = null;
            _publishRetryAt = nowMs + _s.RetryMs;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.PublishFailed);
            e.Detail = reason;
            Emit(e);
        }

        private void PublishTimer(long nowMs)
        {
            if (_active < 0 || !_clockKnown) return;
            if (nowMs >= _nextRefreshAt)
            {
                PublishLocation(nowMs, true);
                CloseListens();
                OpenListens(nowMs);
            }
            else if (nowMs >= _publishRetryAt)
            {
                PublishLocation(nowMs, false);
            }
        }

        private long PublishDeadline()
        {
            if (_active < 0 || !_clockKnown) return long.MaxValue;
            return _nextRefreshAt < _publishRetryAt ? _nextRefreshAt : _publishRetryAt;
        }

        private void OpenListens(long nowMs)
        {
            _inboxListen = NewOp(OverlayOp.ListenInbox, "GET", DhtRequests.ListenPath(_inboxHash), null, 0, true);
            Issue(_inboxListen, nowMs);
            for (int i = 0; i < _buddies.Length; i++)
            {
                BuddyState b = _buddies[i];
                b.Listen = NewOp(OverlayOp.ListenBuddy, "GET", DhtRequests.ListenPath(b.Hash), null, 0, true);
                b.Listen.Buddy = b;
                Issue(b.Listen, nowMs);
            }
        }

        private void CloseListens()
        {
            Cancel(_inboxListen);
            _inboxListen = null;
            for (int i = 0; i < _buddies.Length; i++)
            {
                Cancel(_buddies[i].Listen);
                _buddies[i].Listen = null;
            }
        }
    }
}
