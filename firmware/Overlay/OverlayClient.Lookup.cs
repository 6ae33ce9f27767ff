// Overlay client, part 4: lookups (GET /key/{location hash}), their cache, and buddy presence
// (listen streams on buddies' location keys).
// Every value line is parsed (DhtValueParser) and verified (RecordVerifier: signature, AOR,
// expiry, replay); the freshest valid record wins (highest sequence, then latest expiry). A
// lookup answers Found (online record), Offline (the AOR signed off), Unknown (no valid record;
// Detail names the last rejection), NoSupernode or Failed. Found/Offline answers are cached for
// LookupCacheMs; presence updates refresh the cache too.
// Presence: Online/Offline from the freshest valid record, Expired when that record's value
// expires in the DHT ({"expired":true} for its id) or its own expiry passes. Depends on the other parts.
using System.Collections;
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    public sealed partial class OverlayClient
    {
        private const int MaxCacheEntries = 16;
        private readonly ArrayList _cache = new ArrayList();

        /// <summary>
        /// Looks up where an AOR is reachable. Returns a lookup id; the answer comes as a
        /// LookupResult event with that id (at once when cached or impossible).
        /// </summary>
        public int Lookup(string aor, long nowMs)
        {
            int id = _nextLookupId++;
            string a = Aor.Normalize(aor);
            if (a == null) { LookupEvent(id, aor, LookupOutcome.InvalidAor, null, "invalid-aor"); return id; }
            CacheEntry c = CacheFind(a);
            if (c != null && c.UntilMs > nowMs) { LookupEvent(id, a, c.Outcome, c.Record, "cached"); return id; }
            if (_phase != PhaseSelecting && _phase != PhaseRunning) { LookupEvent(id, a, LookupOutcome.NoSupernode, null, "not-running"); return id; }
            if (!_clockKnown) { LookupEvent(id, a, LookupOutcome.Failed, null, "no-wall-clock"); return id; }
            if (_phase == PhaseRunning && _active < 0) { LookupEvent(id, a, LookupOutcome.NoSupernode, null, "no-supernode"); return id; }
            OverlayOp op = NewOp(OverlayOp.Lookup, "GET", DhtRequests.KeyPath(DhtKey.HashHex(OverlayKeys.LocationPrefix + a)), null, 0, false);
            op.LookupId = id;
            op.Aor = a;
            op.AorBytes = Utf8Field.Bytes(a);
            Issue(op, nowMs);
            return id;
        }

        /// <summary>Presence of a buddy (Unknown for an AOR that is not a buddy).</summary>
        public PresenceState PresenceOf(string aor)
        {
            string a = Aor.Normalize(aor);
            for (int i = 0; i < _buddies.Length; i++) if (_buddies[i].Aor == a) return _buddies[i].State;
            return PresenceState.Unknown;
        }

        private void LookupLine(OverlayOp op, byte[] buf, int offset, int count, long nowMs)
        {
            if (_value.Parse(buf, offset, count) != DhtValueStatus.Ok || _value.Expired || !_value.HasData) return;
            RecordStatus rs = _verifier.Verify(_value.Data, 0, _value.DataLength, RecordFormat.KindLocation,
                op.AorBytes, 0, op.AorBytes.Length, NowUnix(nowMs));
            if (rs != RecordStatus.Ok)
            {
                op.Rejected++;
                op.LastReject = rs;
                return;
            }
            RecordReader r = _verifier.Reader;
            if (op.Best == null || RecordVerifier.IsFresher(r.Seq, r.Expires, op.Best.Seq, op.Best.Expires)) op.Best = LocationRecord.Read(r);
        }

        private void FinishLookup(OverlayOp op, long nowMs)
        {
            if (op.Best == null)
            {
                LookupEvent(op.LookupId, op.Aor, LookupOutcome.Unknown, null, op.Rejected > 0 ? RecordStatusNames.Of(op.LastReject) : "no-record");
                return;
            }
            LookupOutcome o = op.Best.Online ? LookupOutcome.Found : LookupOutcome.Offline;
            CachePut(op.Aor, o, op.Best, nowMs);
            LookupEvent(op.LookupId, op.Aor, o, op.Best, null);
        }

        private void LookupFailed(OverlayOp op, LookupOutcome outcome, string reason)
        {
            LookupEvent(op.LookupId, op.Aor, outcome, null, reason);
        }

        private void LookupEvent(int id, string aor, LookupOutcome outcome, LocationRecord rec, string detail)
        {
            OverlayEvent e = new OverlayEvent(OverlayEventKind.LookupResult);
            e.LookupId = id;
            e.Aor = aor;
            e.Outcome = outcome;
            e.Record = rec;
            e.Detail = detail;
            Emit(e);
        }

        private CacheEntry CacheFind(string aor)
        {
            for (int i = 0; i < _cache.Count; i++)
            {
                CacheEntry c = (CacheEntry)_cache[i];
                if (c.Aor == aor) return c;
            }
            return null;
        }

        private void CachePut(string aor, LookupOutcome outcome, LocationRecord rec, long nowMs)
        {
            CacheEntry c = CacheFind(aor);
            if (c == null)
            {
                if (_cache.Count >= MaxCacheEntries) _cache.RemoveAt(0);
                c = new CacheEntry();
                c.Aor = aor;
                _cache.Add(c);
            }
            c.Outcome = outcome;
            c.Record = rec;
            c.UntilMs = nowMs + _s.LookupCacheMs;
        }

        private void CacheDrop(string aor)
        {
            CacheEntry c = CacheFind(aor);
            if (c != null) _cache.Remove(c);
        }

        private void BuddyLine(BuddyState b, byte[] buf, int offset, int count, long nowMs)
        {
            if (_value.Parse(buf, offset, count) != DhtValueStatus.Ok) return;
            if (_value.Expired)
            {
                if (b.Best != null && _value.Id == b.BestValueId)
                {
                    b.Best = null;
                    SetPresence(b, PresenceState.Expired, null, nowMs);
                }
                return;
            }
            if (!_value.HasData) return;
            ulong valueId = _value.Id;
            RecordStatus rs = _verifier.Verify(_value.Data, 0, _value.DataLength, RecordFormat.KindLocation,
                b.AorBytes, 0, b.AorBytes.Length, NowUnix(nowMs));
            if (rs != RecordStatus.Ok) return;
            RecordReader r = _verifier.Reader;
            if (b.Best != null && !RecordVerifier.IsFresher(r.Seq, r.Expires, b.Best.Seq, b.Best.Expires)) return;
            b.Best = LocationRecord.Read(r);
            b.BestValueId = valueId;
            SetPresence(b, b.Best.Online ? PresenceState.Online : PresenceState.Offline, b.Best, nowMs);
        }

        private void SetPresence(BuddyState b, PresenceState state, LocationRecord rec, long nowMs)
        {
            if (rec != null) CachePut(b.Aor, rec.Online ? LookupOutcome.Found : LookupOutcome.Offline, rec, nowMs);
            else CacheDrop(b.Aor);
            bool changed = state != b.State;
            if (!changed && state == PresenceState.Online && rec != null && b.LastAnnounced != null)
            {
                changed = !SameContacts(rec.Contacts, b.LastAnnounced.Contacts);
            }
            b.State = state;
            if (!changed) return;
            b.LastAnnounced = rec;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.PresenceChanged);
            e.Aor = b.Aor;
            e.Presence = state;
            e.Record = rec;
            Emit(e);
        }

        private void PresenceTimer(long nowMs)
        {
            long unix = NowUnix(nowMs);
            for (int i = 0; i < _buddies.Length; i++)
            {
                BuddyState b = _buddies[i];
                if (b.Best == null || b.Best.Expires > unix) continue;
                b.Best = null;
                SetPresence(b, PresenceState.Expired, null, nowMs);
            }
        }

        private long PresenceDeadline()
        {
            if (!_clockKnown) return long.MaxValue;
            long d = long.MaxValue;
            for (int i = 0; i < _buddies.Length; i++)
            {
                BuddyState b = _buddies[i];
                if (b.Best == null) continue;
                long at = _unixAtMs + (b.Best.Expires - _unixBase) * 1000;
                if (at < d) d = at;
            }
            return d;
        }
    }
}
