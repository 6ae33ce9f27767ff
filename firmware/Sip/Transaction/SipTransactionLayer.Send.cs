// Outbound side of the transaction layer: client requests (our Via with a fresh z9hG4bK branch
// and ;rport, RFC 3581; UDP requests above MTU-200 switched to TCP, §18.1.1), CANCEL built from
// the INVITE (§9.1, held until a provisional response), the ACK for non-2xx final responses
// (§17.1.1.3, same branch), server responses (§8.2.6 header copy with received/rport) and
// stateless sends (ACK for 2xx). The TU writes its headers and body through the SipWriter that
// Begin* hands out, then calls the matching Send*. Depends on the Message folder.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    public sealed partial class SipTransactionLayer
    {
        private const int StatelessMarker = -2;
        private readonly byte[] _branch = new byte[BranchLength];
        private int _pendingTx = -1;
        private int _pendingCode;

        // ---------------- client requests ----------------

        /// <summary>
        /// Starts a client transaction for <paramref name="method"/> (not ACK) towards
        /// <paramref name="destination"/>: writes the Request-Line and our Via (new branch, rport)
        /// and hands out the writer for the TU's headers (Max-Forwards, From, To, Call-ID, CSeq,
        /// Contact ...) and body. Returns the transaction id, or -1 when the pool is exhausted.
        /// </summary>
        public int BeginRequest(SipMethod method, string requestUri, SipAddress destination, out SipWriter writer)
        {
            if (method == SipMethod.Ack || method == SipMethod.Unknown) throw new System.ArgumentException("method");
            writer = null;
            AbandonPendingWrite();
            int id = Allocate(method == SipMethod.Invite ? SipTxKind.InviteClient : SipTxKind.NonInviteClient);
            if (id < 0) return -1;
            SipTransaction t = Get(id);
            if (destination.Transport == SipTransport.Unknown) destination.Transport = SipTransport.Udp;
            t.Peer = destination;
            t.Method = method;
            t.State = SipTxState.Pending;
            MakeBranch(_branch, 0);
            SipWriter w = _writer;
            w.Start(_wbuf, 0, _wbuf.Length);
            w.RequestLine(method, requestUri);
            w.Via(destination.Transport, _cfg.LocalHost, _cfg.LocalPort, _branch, new Slice(0, BranchLength), true);
            _pendingTx = id;
            writer = w;
            return id;
        }

        /// <summary>
        /// Validates the request written since BeginRequest, stores its keys, applies the §18.1.1
        /// size rule, queues it and starts Timer A/B (INVITE) or E/F (others).
        /// </summary>
        public SipSendStatus SendRequest(int txId, long nowMs)
        {
            SipTransaction t = Get(txId);
            if (t == null || _pendingTx != txId || !t.IsClient || t.State != SipTxState.Pending) return SipSendStatus.BadTransaction;
            _pendingTx = -1;
            if (_writer.Status != SipWriteStatus.Ok) { Terminate(t); return SipSendStatus.BufferTooSmall; }
            int len = _writer.Length;
            SipMessage m = _scratch;
            if (m.Parse(_wbuf, 0, len) != SipParseStatus.Ok || !m.IsRequest || m.Method != t.Method || !m.TopVia.HasBranch || !t.SetKeys(m))
            {
                Terminate(t);
                return SipSendStatus.BadMessage;
            }
            SipSendStatus status = SipSendStatus.Ok;
            if (t.Peer.Transport == SipTransport.Udp && len > _cfg.UdpRequestLimit)
            {
                Slice tr = m.TopVia.TransportText;
                _wbuf[tr.Start] = (byte)'T';
                _wbuf[tr.Start + 1] = (byte)'C';
                _wbuf[tr.Start + 2] = (byte)'P';
                t.Peer.Transport = SipTransport.Tcp;
                status = SipSendStatus.SwitchedToTcp;
            }
            if (!Keep(t, false, _wbuf, 0, len))
            {
                Terminate(t);
                return SipSendStatus.PoolExhausted;
            }
            t.Reliable = SipTransports.IsReliable(t.Peer.Transport);
            StartClient(t, nowMs);
            if (!_outbox.Enqueue(_wbuf, 0, len, t.Peer))
            {
                Terminate(t);
                return SipSendStatus.OutboxFull;
            }
            return status;
        }

        /// <summary>A Begin* not followed by its Send*: drop the half-built client transaction.</summary>
        private void AbandonPendingWrite()
        {
            SipTransaction t = Get(_pendingTx);
            if (t != null && t.IsClient && t.State == SipTxState.Pending && t.InviteTx < 0) Terminate(t);
            _pendingTx = -1;
        }

        private void StartClient(SipTransaction t, long nowMs)
        {
            t.State = t.Kind == SipTxKind.InviteClient ? SipTxState.Calling : SipTxState.Trying;
            t.Interval = _cfg.T1;
            t.RetransmitAt = t.Reliable ? SipTransaction.Never : nowMs + _cfg.T1; // Timer A / E
            t.EndAt = nowMs + T64; // Timer B / F
        }

        /// <summary>
        /// Cancels an INVITE client transaction (§9.1): builds the CANCEL (same Request-URI, top
        /// Via and branch, From, To, Call-ID, CSeq number, Route) as its own non-INVITE client
        /// transaction. It is sent at once if a provisional response was received, else Deferred
        /// until one arrives (and dropped with a CancelDropped event if the INVITE ends first).
        /// </summary>
        public SipSendStatus SendCancel(int inviteTxId, long nowMs, out int cancelTxId)
        {
            cancelTxId = -1;
            SipTransaction inv = Get(inviteTxId);
            if (inv == null || inv.Kind != SipTxKind.InviteClient || (inv.State != SipTxState.Calling && inv.State != SipTxState.Proceeding) || Get(inv.CancelTx) != null)
                return SipSendStatus.BadTransaction;
            int id = Allocate(SipTxKind.NonInviteClient);
            if (id < 0) return SipSendStatus.PoolExhausted;
            SipTransaction c = Get(id);
            SipMessage m = _scratch;
            m.Parse(inv.Data, inv.RequestOffset, inv.RequestLength);
            SipWriter w = _writer;
            w.Start(_wbuf, 0, _wbuf.Length);
            w.RequestLine(SipMethod.Cancel, inv.Data, m.RequestUriText);
            w.CopyHeader(m, m.FindHeader(SipHeaderId.Via));
            w.CopyHeaders(m, SipHeaderId.Route);
            w.Header(SipHeaderId.MaxForwards, 70);
            w.CopyHeaders(m, SipHeaderId.From);
            w.CopyHeaders(m, SipHeaderId.To);
            w.CopyHeaders(m, SipHeaderId.CallId);
            w.CSeq(m.CSeq, SipMethod.Cancel);
            w.NoBody();
            if (w.Status != SipWriteStatus.Ok) { c.Clear(); return SipSendStatus.BufferTooSmall; }
            int len = w.Length;
            if (m.Parse(_wbuf, 0, len) != SipParseStatus.Ok || !c.SetKeys(m)) { c.Clear(); return SipSendStatus.BadMessage; }
            if (!Keep(c, false, _wbuf, 0, len)) { c.Clear(); return SipSendStatus.PoolExhausted; }
            c.Peer = inv.Peer;
            c.Reliable = inv.Reliable;
            c.InviteTx = inviteTxId;
            inv.CancelTx = id;
            cancelTxId = id;
            if (inv.State != SipTxState.Proceeding)
            {
                c.State = SipTxState.Pending;
                return SipSendStatus.Deferred;
            }
            StartClient(c, nowMs);
            return _outbox.Enqueue(c.Data, c.RequestOffset, c.RequestLength, c.Peer) ? SipSendStatus.Ok : SipSendStatus.OutboxFull;
        }

        private void ReleaseCancel(SipTransaction invite, long nowMs)
        {
            SipTransaction c = Get(invite.CancelTx);
            if (c == null || c.State != SipTxState.Pending) return;
            StartClient(c, nowMs);
            _outbox.Enqueue(c.Data, c.RequestOffset, c.RequestLength, c.Peer);
        }

        /// <summary>
        /// ACK for a non-2xx final response (§17.1.1.3): same branch, To from the response. The
        /// ACK replaces the stored INVITE (it is all Completed re-sends, for Timer D).
        /// </summary>
        private void SendAck(SipTransaction t, SipMessage response)
        {
            if (t.RequestLength == 0) return;
            int at, room;
            byte[] slot = _outbox.Reserve(out at, out room);
            if (slot == null) { _outbox.CountDrop(); return; }
            SipMessage m = _scratch;
            m.Parse(t.Data, t.RequestOffset, t.RequestLength);
            SipWriter w = _writer;
            w.Start(slot, at, room);
            w.RequestLine(SipMethod.Ack, t.Data, m.RequestUriText);
            w.CopyHeader(m, m.FindHeader(SipHeaderId.Via));
            w.CopyHeaders(m, SipHeaderId.Route);
            w.Header(SipHeaderId.MaxForwards, 70);
            w.CopyHeaders(m, SipHeaderId.From);
            int to = response.FindHeader(SipHeaderId.To);
            if (to >= 0) w.Header(SipHeaderId.To, response.Buffer, response.GetHeaderValue(to));
            w.CopyHeaders(m, SipHeaderId.CallId);
            w.CSeq(t.CSeq, SipMethod.Ack);
            w.NoBody();
            if (w.Status != SipWriteStatus.Ok) { _outbox.CountDrop(); return; }
            _outbox.Commit(w.Length, t.Peer);
            t.FreeRequest();
            Keep(t, true, slot, at, w.Length);
        }

        // ---------------- server responses ----------------

        /// <summary>
        /// Starts a response on server transaction <paramref name="txId"/>: writes the Status-Line
        /// and the §8.2.6 header copy of the stored request (all Via, the top one with RFC 3581
        /// received/rport; From; To plus our tag when the request had none; Call-ID; CSeq) and
        /// hands out the writer for further headers and the body (end with Body/NoBody, then
        /// SendResponse). Returns null if the transaction is gone or already answered finally.
        /// </summary>
        public SipWriter BeginResponse(int txId, int code, string reason, byte[] toTagSrc, Slice toTag)
        {
            AbandonPendingWrite();
            SipTransaction t = Get(txId);
            if (t == null || t.IsClient || code < 100 || code > 699) return null;
            if (t.State != SipTxState.Trying && t.State != SipTxState.Proceeding) return null;
            SipMessage m = _scratch;
            if (m.Parse(t.Data, t.RequestOffset, t.RequestLength) != SipParseStatus.Ok) return null;
            if (toTag.Length > 0 && !t.SetToTag(toTagSrc, toTag)) return null;
            SipVia via = m.TopVia;
            Slice received = ReceivedFor(t.Data, via, t.Source);
            SipWriter w = _writer;
            w.Start(_wbuf, 0, _wbuf.Length);
            w.StatusLine(code, reason);
            w.ResponseHeaders(m, toTagSrc, toTag, _tmp, received, via.HasRport ? t.Source.Port : 0);
            _pendingTx = txId;
            _pendingCode = code;
            return w;
        }

        /// <summary>Queues the response written since BeginResponse and moves the state machine (§17.2.1, §17.2.2, RFC 6026).</summary>
        public SipSendStatus SendResponse(int txId, long nowMs)
        {
            SipTransaction t = Get(txId);
            if (t == null || _pendingTx != txId) return SipSendStatus.BadTransaction;
            _pendingTx = -1;
            if (_writer.Status != SipWriteStatus.Ok) return SipSendStatus.BufferTooSmall;
            int code = _pendingCode;
            int len = _writer.Length;
            t.ResponseCode = code;
            if (code >= 200) t.FreeRequest(); // a final response is all a server transaction re-sends
            Keep(t, true, _wbuf, 0, len); // if even that fails: sent once, not retransmitted
            bool queued = _outbox.Enqueue(_wbuf, 0, len, t.Peer);
            if (t.Kind == SipTxKind.InviteServer)
            {
                if (code < 200) t.State = SipTxState.Proceeding;
                else if (code < 300)
                {
                    t.State = SipTxState.Accepted;
                    t.EndAt = nowMs + T64; // Timer L
                    t.Interval = _cfg.T1;
                    t.RetransmitAt = !t.Reliable && _cfg.Retransmit2xx ? nowMs + _cfg.T1 : SipTransaction.Never;
                }
                else
                {
                    t.State = SipTxState.Completed;
                    t.EndAt = nowMs + T64; // Timer H
                    t.Interval = _cfg.T1;
                    t.RetransmitAt = t.Reliable ? SipTransaction.Never : nowMs + _cfg.T1; // Timer G
                }
            }
            else
            {
                if (code < 200) t.State = SipTxState.Proceeding;
                else
                {
                    t.State = SipTxState.Completed;
                    if (t.Reliable) Terminate(t); // Timer J = 0
                    else t.EndAt = nowMs + T64; // Timer J
                }
            }
            return queued ? SipSendStatus.Ok : SipSendStatus.OutboxFull;
        }

        // ---------------- stateless ----------------

        /// <summary>
        /// Hands out the writer on a free outbox slot for a message outside any transaction (the
        /// ACK for a 2xx, §13.2.2.4). Returns null when the outbox is full.
        /// </summary>
        public SipWriter BeginStateless()
        {
            AbandonPendingWrite();
            int at, room;
            byte[] slot = _outbox.Reserve(out at, out room);
            if (slot == null) return null;
            _writer.Start(slot, at, room);
            _pendingTx = StatelessMarker;
            return _writer;
        }

        /// <summary>Queues the message written since BeginStateless to <paramref name="destination"/>.</summary>
        public SipSendStatus SendStateless(SipAddress destination)
        {
            if (_pendingTx != StatelessMarker) return SipSendStatus.BadTransaction;
            _pendingTx = -1;
            if (_writer.Status != SipWriteStatus.Ok) return SipSendStatus.BufferTooSmall;
            _outbox.Commit(_writer.Length, destination);
            return SipSendStatus.Ok;
        }
    }
}
