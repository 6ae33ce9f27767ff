// The SIP transaction layer (RFC 3261 §17 with RFC 6026's Accepted state, §18 transport rules,
// RFC 3581 rport): a fixed pool of transactions, the four state machines driven by OnReceive /
// OnTimer(nowMs) / NextDeadline, timers A..M as deadlines from T1/T2/T4, everything sent written
// to a caller-owned SipOutbox. This file: construction, pool and ids, events, timers. Receiving
// is in SipTransactionLayer.Receive.cs, sending in SipTransactionLayer.Send.cs.
// Depends on Endpoint.Sip.Message, Endpoint.Crypto.IRandomSource, SipOutbox, SipByteStore. No sockets, threads or
// clocks; allocates only in the constructor. Memory: one write buffer of MessageBufferSize shared
// by every message we build, one SipByteStore of StoreBytes holding the requests and responses
// kept for retransmission (exact lengths), small per-transaction key buffers. Limits: PoolSize
// (≤255) transactions, MessageBufferSize per message, StoreBytes for all kept messages.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    /// <summary>Pool of SIP transactions driven by received messages and the clock.</summary>
    public sealed partial class SipTransactionLayer
    {
        private readonly SipTransactionConfig _cfg;
        private readonly Endpoint.Crypto.IRandomSource _random;
        private readonly SipOutbox _outbox;
        private readonly SipTransaction[] _pool;
        private readonly SipByteStore _store;
        private readonly byte[] _wbuf;
        private int _storeFull;
        private int _evicted;
        private readonly SipMessage _scratch;
        private readonly SipWriter _writer = new SipWriter();
        private readonly byte[] _tmp = new byte[64];
        private readonly byte[] _rnd = new byte[32];
        private readonly int[] _evTx;
        private readonly byte[] _evKind;
        private int _evHead;
        private int _evCount;
        private int _evDropped;
        private int _cancelledTx = -1;
        private byte[] _localHost;

        /// <summary>Branch length: "z9hG4bK" plus 24 hex digits (96 random bits).</summary>
        public const int BranchLength = 31;

        /// <summary>Creates the layer and preallocates every transaction and buffer.</summary>
        public SipTransactionLayer(SipTransactionConfig config, Endpoint.Crypto.IRandomSource random, SipOutbox outbox)
        {
            if (config == null || random == null || outbox == null) throw new System.ArgumentNullException();
            if (config.PoolSize < 1 || config.PoolSize > 255 || config.T1 < 1 || config.T2 < config.T1 || config.T4 < 0) throw new System.ArgumentOutOfRangeException();
            _cfg = config;
            _random = random;
            _outbox = outbox;
            _store = new SipByteStore(config.StoreBytes > config.MessageBufferSize ? config.StoreBytes : config.MessageBufferSize, 2 * config.PoolSize);
            _wbuf = new byte[config.MessageBufferSize];
            _pool = new SipTransaction[config.PoolSize];
            for (int i = 0; i < _pool.Length; i++) _pool[i] = new SipTransaction(_store, i, config.KeyBufferSize);
            _scratch = new SipMessage(config.MessageBufferSize > SipMessage.DefaultMaxMessageSize ? config.MessageBufferSize : SipMessage.DefaultMaxMessageSize,
                SipMessage.DefaultMaxHeaders, SipMessage.DefaultMaxLineLength);
            _localHost = SipAscii.LowerBytes(config.LocalHost);
            _evTx = new int[config.EventSlots];
            _evKind = new byte[config.EventSlots];
        }

        /// <summary>The configuration.</summary>
        public SipTransactionConfig Config { get { return _cfg; } }
        /// <summary>The outbox everything is written to.</summary>
        public SipOutbox Outbox { get { return _outbox; } }
        /// <summary>After OnReceive returned CancelReceived: the INVITE server transaction being cancelled.</summary>
        public int CancelledTxId { get { return _cancelledTx; } }
        /// <summary>Messages that could not be kept because the store was full (requests refused, responses sent once without retransmission).</summary>
        public int StoreFull { get { return _storeFull; } }
        /// <summary>Lingering transactions (only absorbing retransmissions) freed early to make room for new ones.</summary>
        public int Evicted { get { return _evicted; } }
        /// <summary>Bytes of kept messages right now.</summary>
        public int StoreUsed { get { return _store.Used; } }
        /// <summary>Events lost because the event ring was full.</summary>
        public int EventsDropped { get { return _evDropped; } }

        /// <summary>Number of live transactions.</summary>
        public int ActiveCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _pool.Length; i++) if (_pool[i].InUse) n++;
                return n;
            }
        }

        // ---- ids: index in the low byte, generation above it, so stale ids never match ----

        private int IdOf(int index) { return (_pool[index].Generation << 8) | index; }

        private SipTransaction Get(int txId)
        {
            if (txId < 0) return null;
            int index = txId & 0xFF;
            if (index >= _pool.Length) return null;
            SipTransaction t = _pool[index];
            if (!t.InUse || t.Generation != (txId >> 8)) return null;
            return t;
        }

        private int Allocate(SipTxKind kind)
        {
            for (int round = 0; round < 2; round++)
            {
                for (int i = 0; i < _pool.Length; i++)
                {
                    SipTransaction t = _pool[i];
                    if (t.InUse) continue;
                    t.Clear();
                    t.Generation = (t.Generation + 1) & 0x7FFFFF;
                    t.Kind = kind;
                    return IdOf(i);
                }
                if (!EvictOne(null)) break;
            }
            return -1;
        }

        /// <summary>
        /// Frees the transaction that matters least: one that only lingers to absorb
        /// retransmissions (non-INVITE server or client Completed = Timer J/K, INVITE server
        /// Confirmed = Timer I, INVITE client Completed = Timer D), the one ending soonest.
        /// Losing it at worst lets a late retransmission be seen as a new request (handled
        /// again) instead of refusing new work with 503. False when none qualifies.
        /// </summary>
        private bool EvictOne(SipTransaction keep)
        {
            SipTransaction victim = null;
            for (int i = 0; i < _pool.Length; i++)
            {
                SipTransaction t = _pool[i];
                if (!t.InUse || t == keep) continue;
                bool lingering = t.State == SipTxState.Confirmed || (t.State == SipTxState.Completed && t.Kind != SipTxKind.InviteServer);
                if (lingering && (victim == null || t.EndAt < victim.EndAt)) victim = t;
            }
            if (victim == null) return false;
            _evicted++;
            Terminate(victim);
            return true;
        }

        /// <summary>Keeps a copy of a message for <paramref name="t"/>, evicting lingering transactions when the store is full.</summary>
        private bool Keep(SipTransaction t, bool response, byte[] src, int offset, int count)
        {
            for (int guard = 0; guard <= _pool.Length; guard++)
            {
                if (response ? t.StoreResponse(src, offset, count) : t.StoreRequest(src, offset, count)) return true;
                if (!EvictOne(t)) break;
            }
            _storeFull++;
            return false;
        }

        private void Terminate(SipTransaction t)
        {
            if (t.CancelTx >= 0)
            {
                SipTransaction c = Get(t.CancelTx);
                if (c != null && c.State == SipTxState.Pending)
                {
                    PostEvent(t.CancelTx, SipTxEvent.CancelDropped);
                    c.Clear();
                }
            }
            t.Clear();
        }

        /// <summary>True while the transaction exists.</summary>
        public bool IsAlive(int txId) { return Get(txId) != null; }

        /// <summary>State of a transaction (Terminated once gone).</summary>
        public SipTxState GetState(int txId)
        {
            SipTransaction t = Get(txId);
            return t == null ? SipTxState.Terminated : t.State;
        }

        /// <summary>Kind of a transaction (None once gone).</summary>
        public SipTxKind GetKind(int txId)
        {
            SipTransaction t = Get(txId);
            return t == null ? SipTxKind.None : t.Kind;
        }

        /// <summary>Where the transaction sends (client: the request target; server: the response target per §18.2.2).</summary>
        public SipAddress GetPeer(int txId)
        {
            SipTransaction t = Get(txId);
            return t == null ? new SipAddress() : t.Peer;
        }

        /// <summary>Parses the transaction's stored request into <paramref name="into"/>. False if gone.</summary>
        public bool GetRequest(int txId, SipMessage into)
        {
            SipTransaction t = Get(txId);
            if (t == null || t.RequestLength == 0) return false;
            return into.Parse(t.Data, t.RequestOffset, t.RequestLength) == SipParseStatus.Ok; // valid until the next message is kept
        }

        /// <summary>
        /// Our address changed: drops every transaction (their Via sent-by and peers' view of us
        /// are gone) and uses <paramref name="host"/>:<paramref name="port"/> as sent-by from now on.
        /// Reuses all buffers (no second pool while switching).
        /// </summary>
        public void Rebind(string host, int port)
        {
            if (host == null) throw new System.ArgumentNullException();
            for (int i = 0; i < _pool.Length; i++) if (_pool[i].InUse) _pool[i].Clear();
            _pendingTx = -1;
            _evHead = 0;
            _evCount = 0;
            _cfg.LocalHost = host;
            _cfg.LocalPort = port;
            _localHost = SipAscii.LowerBytes(host);
        }

        /// <summary>Drops a transaction at once (e.g. the TU gives up on it).</summary>
        public void Release(int txId)
        {
            SipTransaction t = Get(txId);
            if (t != null) Terminate(t);
        }

        // ---- events ----

        private void PostEvent(int txId, SipTxEvent ev)
        {
            if (_evCount == _evTx.Length) { _evDropped++; return; }
            int slot = (_evHead + _evCount) % _evTx.Length;
            _evTx[slot] = txId;
            _evKind[slot] = (byte)ev;
            _evCount++;
        }

        /// <summary>Takes the oldest event for the TU. False if none.</summary>
        public bool TryGetEvent(out int txId, out SipTxEvent ev)
        {
            if (_evCount == 0)
            {
                txId = -1;
                ev = SipTxEvent.None;
                return false;
            }
            txId = _evTx[_evHead];
            ev = (SipTxEvent)_evKind[_evHead];
            _evHead = (_evHead + 1) % _evTx.Length;
            _evCount--;
            return true;
        }

        // ---- timers ----

        /// <summary>Earliest deadline of any transaction, or long.MaxValue if none.</summary>
        public long NextDeadline
        {
            get
            {
                long d = SipTransaction.Never;
                for (int i = 0; i < _pool.Length; i++)
                {
                    SipTransaction t = _pool[i];
                    if (!t.InUse) continue;
                    if (t.RetransmitAt < d) d = t.RetransmitAt;
                    if (t.EndAt < d) d = t.EndAt;
                }
                return d;
            }
        }

        /// <summary>Fires every timer whose deadline is at or before <paramref name="nowMs"/>.</summary>
        public void OnTimer(long nowMs)
        {
            for (int i = 0; i < _pool.Length; i++)
            {
                SipTransaction t = _pool[i];
                for (int guard = 0; guard < 64 && t.InUse; guard++)
                {
                    if (t.EndAt <= nowMs && t.EndAt <= t.RetransmitAt) { EndTimer(t, IdOf(i)); continue; }
                    if (t.RetransmitAt <= nowMs) { RetransmitTimer(t, nowMs); continue; }
                    if (t.EndAt <= nowMs) { EndTimer(t, IdOf(i)); continue; }
                    break;
                }
            }
        }

        private void RetransmitTimer(SipTransaction t, long nowMs)
        {
            int t2 = _cfg.T2;
            switch (t.Kind)
            {
                case SipTxKind.InviteClient:
                    // Timer A: doubles without cap (§17.1.1.2)
                    SendStored(t.Data, t.RequestOffset, t.RequestLength, t.Peer);
                    t.Interval *= 2;
                    break;
                case SipTxKind.NonInviteClient:
                    // Timer E: doubles up to T2; T2 once Proceeding (§17.1.2.2)
                    SendStored(t.Data, t.RequestOffset, t.RequestLength, t.Peer);
                    t.Interval = t.State == SipTxState.Proceeding ? t2 : (t.Interval * 2 < t2 ? t.Interval * 2 : t2);
                    break;
                case SipTxKind.InviteServer:
                    // Timer G (Completed) and 2xx retransmission (Accepted): doubles up to T2
                    SendStored(t.Data, t.ResponseOffset, t.ResponseLength, t.Peer);
                    t.Interval = t.Interval * 2 < t2 ? t.Interval * 2 : t2;
                    break;
                default:
                    t.RetransmitAt = SipTransaction.Never;
                    return;
            }
            t.RetransmitAt += t.Interval;
            if (t.RetransmitAt <= nowMs) t.RetransmitAt = nowMs + t.Interval; // called late: no burst of catch-up sends
        }

        private void EndTimer(SipTransaction t, int id)
        {
            switch (t.State)
            {
                case SipTxState.Calling:
                case SipTxState.Trying:
                case SipTxState.Proceeding:
                    if (t.IsClient) PostEvent(id, SipTxEvent.Timeout); // Timer B / F
                    break;
                case SipTxState.Completed:
                    if (t.Kind == SipTxKind.InviteServer) PostEvent(id, SipTxEvent.AckTimeout); // Timer H
                    break;
                case SipTxState.Accepted:
                    if (t.Kind == SipTxKind.InviteServer && !t.AckReceived) PostEvent(id, SipTxEvent.AckTimeout); // Timer L
                    break;
            }
            Terminate(t);
        }

        private void SendStored(byte[] src, int offset, int length, SipAddress dst)
        {
            if (length > 0) _outbox.Enqueue(src, offset, length, dst);
        }

        private int T64 { get { return 64 * _cfg.T1; } }

        // ---- branches and tags ----

        /// <summary>Writes a new branch ("z9hG4bK" + 24 hex digits from 96 random bits) to dst[offset..].</summary>
        public void MakeBranch(byte[] dst, int offset)
        {
            byte[] cookie = SipVia.MagicCookie;
            for (int i = 0; i < cookie.Length; i++) dst[offset + i] = cookie[i];
            Hex(dst, offset + cookie.Length, 12);
        }

        /// <summary>Writes 2*<paramref name="randomBytes"/> random lowercase hex digits to dst[offset..].</summary>
        public void Hex(byte[] dst, int offset, int randomBytes)
        {
            if (randomBytes > _rnd.Length) throw new System.ArgumentOutOfRangeException();
            _random.NextBytes(_rnd, 0, randomBytes);
            for (int i = 0; i < randomBytes; i++)
            {
                int v = _rnd[i];
                int hi = v >> 4, lo = v & 15;
                dst[offset + 2 * i] = (byte)(hi < 10 ? '0' + hi : 'a' + hi - 10);
                dst[offset + 2 * i + 1] = (byte)(lo < 10 ? '0' + lo : 'a' + lo - 10);
            }
        }
    }
}
