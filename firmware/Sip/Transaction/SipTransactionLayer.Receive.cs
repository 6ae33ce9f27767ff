// Inbound side of the transaction layer: matching responses to client transactions (§17.1.3:
// top Via branch + CSeq method), requests to server transactions (§17.2.3: branch with the
// z9hG4bK cookie + sent-by + method; ACK matches its INVITE; CANCEL is its own transaction and
// finds the INVITE it cancels), merged-request detection (§8.2.2.2 → 482), the 2xx ACK match of
// the Accepted state (RFC 6026), stateless error answers (400/481/482/503/505/513) and the
// response target rules of §18.2.2 with RFC 3581 received/rport. Depends on the Message folder.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    public sealed partial class SipTransactionLayer
    {
        private static readonly byte[] _noTag = new byte[0];

        /// <summary>
        /// Processes a message parsed by the transport (any parse status) that arrived from
        /// <paramref name="source"/> (IP, port and transport of the packet or connection).
        /// <paramref name="txId"/> is the transaction concerned, or -1.
        /// </summary>
        public SipRxResult OnReceive(SipMessage m, SipAddress source, long nowMs, out int txId)
        {
            txId = -1;
            _cancelledTx = -1;
            if (m.Status != SipParseStatus.Ok)
            {
                if (m.CanAnswer)
                {
                    if (m.Error == SipError.BadVersion) Stateless(m, source, 505, "Version Not Supported");
                    else if (m.Error == SipError.MessageTooLarge) Stateless(m, source, 513, "Message Too Large");
                    else Stateless(m, source, 400, m.ErrorReason);
                }
                return SipRxResult.Malformed;
            }
            if (m.IsRequest) return OnRequest(m, source, nowMs, out txId);
            return OnResponse(m, nowMs, out txId);
        }

        // ---------------- responses ----------------

        private SipRxResult OnResponse(SipMessage m, long nowMs, out int txId)
        {
            txId = -1;
            byte[] b = m.Buffer;
            SipVia via = m.TopVia;
            int index = -1;
            for (int i = 0; i < _pool.Length; i++)
            {
                SipTransaction c = _pool[i];
                if (!c.IsClient || c.State == SipTxState.Pending) continue;
                if (c.BranchIs(b, via.Branch) && c.MethodIs(m.CSeqMethod, b, m.CSeqMethodText)) { index = i; break; }
            }
            if (index < 0) return SipRxResult.StrayResponse;
            // §18.1.2: the top Via must carry the sent-by we insert
            if (!SipAscii.EqualsIgnoreCase(b, via.Host, _localHost)) return SipRxResult.StrayResponse;
            SipTransaction t = _pool[index];
            txId = IdOf(index);
            int code = m.StatusCode;
            if (t.Kind == SipTxKind.InviteClient)
            {
                switch (t.State)
                {
                    case SipTxState.Calling:
                    case SipTxState.Proceeding:
                        if (code < 200)
                        {
                            t.State = SipTxState.Proceeding;
                            t.RetransmitAt = SipTransaction.Never;
                            t.EndAt = SipTransaction.Never;
                            if (t.CancelTx >= 0) ReleaseCancel(t, nowMs);
                            return SipRxResult.Response;
                        }
                        if (code < 300)
                        {
                            // RFC 6026: Accepted, Timer M = 64*T1; further 2xx go to the TU
                            t.State = SipTxState.Accepted;
                            t.RetransmitAt = SipTransaction.Never;
                            t.FreeRequest(); // the ACK for a 2xx is the TU's (§13.2.2.4)
                            t.EndAt = nowMs + T64;
                            DropPendingCancel(t, txId);
                            return SipRxResult.Response;
                        }
                        SendAck(t, m);
                        DropPendingCancel(t, txId);
                        t.State = SipTxState.Completed;
                        t.RetransmitAt = SipTransaction.Never;
                        if (t.Reliable) Terminate(t); // Timer D = 0
                        else t.EndAt = nowMs + (32000 > T64 ? 32000 : T64); // Timer D ≥ 32 s
                        return SipRxResult.Response;
                    case SipTxState.Accepted:
                        return code >= 200 && code < 300 ? SipRxResult.Response : SipRxResult.ResponseAbsorbed;
                    case SipTxState.Completed:
                        if (code >= 300)
                        {
                            if (t.ResponseLength > 0) SendStored(t.Data, t.ResponseOffset, t.ResponseLength, t.Peer); // the ACK kept by SendAck
                            else SendAck(t, m);
                        }
                        return SipRxResult.ResponseAbsorbed;
                }
                return SipRxResult.ResponseAbsorbed;
            }
            // non-INVITE client
            switch (t.State)
            {
                case SipTxState.Trying:
                case SipTxState.Proceeding:
                    if (code < 200)
                    {
                        t.State = SipTxState.Proceeding;
                        return SipRxResult.Response;
                    }
                    t.State = SipTxState.Completed;
                    t.RetransmitAt = SipTransaction.Never;
                    t.FreeRequest(); // nothing is re-sent in Completed
                    if (t.Reliable) Terminate(t); // Timer K = 0
                    else t.EndAt = nowMs + _cfg.T4;
                    return SipRxResult.Response;
            }
            return SipRxResult.ResponseAbsorbed;
        }

        private void DropPendingCancel(SipTransaction invite, int inviteId)
        {
            SipTransaction c = Get(invite.CancelTx);
            if (c != null && c.State == SipTxState.Pending)
            {
                PostEvent(invite.CancelTx, SipTxEvent.CancelDropped);
                c.Clear();
            }
            invite.CancelTx = -1;
        }

        // ---------------- requests ----------------

        private int FindServer(byte[] b, SipVia via, SipMethod method, Slice methodText)
        {
            if (!via.HasBranch) return -1;
            for (int i = 0; i < _pool.Length; i++)
            {
                SipTransaction s = _pool[i];
                if (s.Kind != SipTxKind.InviteServer && s.Kind != SipTxKind.NonInviteServer) continue;
                if (s.BranchIs(b, via.Branch) && s.SentByIs(b, via.SentBy) && s.MethodIs(method, b, methodText)) return i;
            }
            return -1;
        }

        private SipRxResult OnRequest(SipMessage m, SipAddress source, long nowMs, out int txId)
        {
            txId = -1;
            byte[] b = m.Buffer;
            SipVia via = m.TopVia;
            SipMethod method = m.Method;

            if (method == SipMethod.Ack)
            {
                int inv = FindServer(b, via, SipMethod.Invite, m.MethodText);
                if (inv >= 0)
                {
                    SipTransaction s = _pool[inv];
                    txId = IdOf(inv);
                    if (s.State == SipTxState.Completed)
                    {
                        s.State = SipTxState.Confirmed;
                        s.RetransmitAt = SipTransaction.Never;
                        if (s.Reliable) Terminate(s); // Timer I = 0
                        else s.EndAt = nowMs + _cfg.T4;
                        return SipRxResult.AckAbsorbed;
                    }
                    if (s.State == SipTxState.Confirmed) return SipRxResult.AckAbsorbed;
                }
                // ACK for a 2xx: a new transaction (different branch); match the Accepted INVITE by dialog keys
                for (int i = 0; i < _pool.Length; i++)
                {
                    SipTransaction s = _pool[i];
                    if (s.Kind != SipTxKind.InviteServer || s.State != SipTxState.Accepted) continue;
                    if (s.CSeq == m.CSeq && SipAscii.EqualsExact(s.Keys, s.CallId, b, m.CallId) && SipAscii.EqualsExact(s.Keys, s.FromTag, b, m.From.Tag))
                    {
                        s.AckReceived = true;
                        s.RetransmitAt = SipTransaction.Never;
                        txId = IdOf(i);
                        return SipRxResult.AckFor2xx;
                    }
                }
                txId = -1;
                return SipRxResult.AckFor2xx;
            }

            int found = FindServer(b, via, method, m.MethodText);
            if (found >= 0)
            {
                SipTransaction s = _pool[found];
                txId = IdOf(found);
                // Proceeding/Completed: resend the last response; Trying/Accepted/Confirmed: absorb
                if ((s.State == SipTxState.Proceeding || s.State == SipTxState.Completed) && s.ResponseLength > 0)
                    SendStored(s.Data, s.ResponseOffset, s.ResponseLength, s.Peer);
                return SipRxResult.RequestRetransmission;
            }

            if (method == SipMethod.Cancel)
            {
                int inv = FindServer(b, via, SipMethod.Invite, m.MethodText);
                if (inv < 0)
                {
                    Stateless(m, source, 481, "Call/Transaction Does Not Exist");
                    return SipRxResult.CancelUnmatched;
                }
                SipRxResult r = CreateServer(m, source, nowMs, out txId);
                if (r != SipRxResult.NewRequest) return r;
                _cancelledTx = IdOf(inv);
                // §9.2: answer the CANCEL itself with 200, using the INVITE's To tag if it has one
                SipTransaction invite = _pool[inv];
                SipWriter w = BeginResponse(txId, 200, "OK", invite.Keys, invite.ToTag);
                if (w != null) { w.NoBody(); SendResponse(txId, nowMs); }
                return SipRxResult.CancelReceived;
            }

            if (!m.To.HasTag && IsMerged(m))
            {
                Stateless(m, source, 482, "Loop Detected");
                return SipRxResult.LoopDetected;
            }
            SipRxResult res = CreateServer(m, source, nowMs, out txId);
            if (res == SipRxResult.NewRequest && method == SipMethod.Invite && _cfg.AutoTrying)
            {
                SipWriter w = BeginResponse(txId, 100, "Trying", _noTag, new Slice(0, 0));
                if (w != null) { w.NoBody(); SendResponse(txId, nowMs); }
            }
            return res;
        }

        /// <summary>§8.2.2.2: same From tag, Call-ID and CSeq as a live server transaction, but another branch.</summary>
        private bool IsMerged(SipMessage m)
        {
            byte[] b = m.Buffer;
            SipVia via = m.TopVia;
            for (int i = 0; i < _pool.Length; i++)
            {
                SipTransaction s = _pool[i];
                if (s.Kind != SipTxKind.InviteServer && s.Kind != SipTxKind.NonInviteServer) continue;
                if (s.CSeq != m.CSeq || !s.MethodIs(m.Method, b, m.MethodText)) continue;
                if (!SipAscii.EqualsExact(s.Keys, s.CallId, b, m.CallId) || !SipAscii.EqualsExact(s.Keys, s.FromTag, b, m.From.Tag)) continue;
                if (!s.BranchIs(b, via.Branch) || !s.SentByIs(b, via.SentBy)) return true;
            }
            return false;
        }

        private SipRxResult CreateServer(SipMessage m, SipAddress source, long nowMs, out int txId)
        {
            bool invite = m.Method == SipMethod.Invite;
            txId = Allocate(invite ? SipTxKind.InviteServer : SipTxKind.NonInviteServer);
            if (txId < 0)
            {
                Stateless(m, source, 503, "Service Unavailable");
                return SipRxResult.PoolExhausted;
            }
            SipTransaction t = Get(txId);
            if (m.Length > _wbuf.Length || !t.SetKeys(m))
            {
                t.Clear();
                txId = -1;
                Stateless(m, source, 513, "Message Too Large");
                return SipRxResult.TooLarge;
            }
            if (!Keep(t, false, m.Buffer, m.Offset, m.Length))
            {
                t.Clear();
                txId = -1;
                Stateless(m, source, 503, "Service Unavailable");
                return SipRxResult.PoolExhausted;
            }
            t.Source = source;
            t.Peer = ResponseTarget(m.Buffer, m.TopVia, source);
            t.Reliable = SipTransports.IsReliable(source.Transport);
            t.State = invite ? SipTxState.Proceeding : SipTxState.Trying;
            return SipRxResult.NewRequest;
        }

        /// <summary>
        /// §18.2.2 with RFC 3581: reliable → back over the same connection (the source);
        /// maddr → that address; rport → source IP and port; otherwise source IP (the received
        /// address) and the sent-by port or 5060.
        /// </summary>
        private static SipAddress ResponseTarget(byte[] b, SipVia via, SipAddress source)
        {
            SipAddress d = source;
            if (SipTransports.IsReliable(source.Transport)) return d;
            if (via.Maddr.Length > 0)
            {
                SipAddress maddr;
                if (SipAddress.TryParseIp(b, via.Maddr, out maddr))
                {
                    maddr.Port = via.Port > 0 ? via.Port : 5060;
                    maddr.Transport = source.Transport;
                    return maddr;
                }
            }
            if (via.HasRport) return d;
            d.Port = via.Port > 0 ? via.Port : 5060;
            return d;
        }

        /// <summary>
        /// Writes the RFC 3581 received value for a request from <paramref name="source"/> into
        /// _tmp and returns its slice (empty if not needed: source IP equals sent-by and no rport).
        /// </summary>
        private Slice ReceivedFor(byte[] b, SipVia via, SipAddress source)
        {
            SipAddress sentBy;
            bool same = SipAddress.TryParseIp(b, via.Host, out sentBy) && sentBy.SameIp(source);
            if (same && !via.HasRport) return new Slice(0, 0);
            int n = source.FormatIp(_tmp, 0);
            return new Slice(0, n > 0 ? n : 0);
        }

        /// <summary>Writes a stateless response to a request straight into the outbox.</summary>
        private void Stateless(SipMessage m, SipAddress source, int code, string reason)
        {
            int at, room;
            byte[] slot = _outbox.Reserve(out at, out room);
            if (slot == null) { _outbox.CountDrop(); return; }
            SipWriter w = _writer;
            w.Start(slot, at, room);
            w.StatusLine(code, reason);
            SipVia via = m.TopVia;
            Slice received = ReceivedFor(m.Buffer, via, source);
            int tagAt = received.Length;
            Hex(_tmp, tagAt, 8);
            w.ResponseHeaders(m, _tmp, new Slice(tagAt, 16), _tmp, received, via.HasRport ? source.Port : 0);
            w.NoBody();
            if (w.Status != SipWriteStatus.Ok) { _outbox.CountDrop(); return; }
            _outbox.Commit(w.Length, ResponseTarget(m.Buffer, via, source));
        }
    }
}
