// The application's call commands (RFC 3261 §13-15): Call (INVITE with an SDP offer), Ringing
// and Progress (180 / 183 with early SDP), Answer (2xx to an INVITE or to a re-INVITE), Reject,
// Hangup (CANCEL before the answer, BYE after, or a final error to an unanswered INVITE),
// Reinvite (hold/resume: the application gives the SDP) and SendInfo. The SDP is opaque bytes.
// Depends on the Message, Transaction and Dialog folders. Each command allocates at most the
// strings of the request it builds; answering allocates nothing.
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        /// <summary>
        /// Calls <paramref name="targetUri"/> ("sip:bob@example.com", or just "bob" for our own
        /// domain) with an SDP offer (must not be empty). Returns the call handle (≥ 0) or the
        /// negated <see cref="UaStatus"/>.
        /// </summary>
        public int Call(string targetUri, byte[] sdp, int sdpOffset, int sdpLength, long nowMs)
        {
            if (targetUri == null || sdp == null || sdpLength <= 0 || sdpOffset < 0 || sdpOffset + sdpLength > sdp.Length) return -(int)UaStatus.BadArgument;
            string target = targetUri.IndexOf(':') < 0 ? "sip:" + targetUri + "@" + UaAddress.UriHost(_domain) : targetUri;
            byte[] tb = SipAscii.Bytes(target);
            SipUri u;
            if (!SipUri.TryParse(tb, new Slice(0, tb.Length), out u) || !u.IsSip) return -(int)UaStatus.BadArgument;
            UaCall c = AllocCall();
            if (c == null) return -(int)UaStatus.TooManyCalls;
            SipDialog d = c.Dialog;
            if (!c.TargetUri.Set(tb, 0, tb.Length) || !c.LocalSdp.Set(sdp, sdpOffset, sdpLength) || !NewCallId(d.CallId))
            {
                FreeCall(c);
                return -(int)UaStatus.TooLarge;
            }
            Slice tag = NewTag();
            if (!d.LocalTag.Set(_tag, tag) || !d.LocalHeader.SetAscii(_identity) || !d.LocalHeader.AppendAscii(";tag=") || !d.LocalHeader.Append(_tag, tag))
            {
                FreeCall(c);
                return -(int)UaStatus.TooLarge;
            }
            c.Outgoing = true;
            c.State = UaCallState.Calling;
            if (_cfg.SessionExpires > 0) c.RequestSessionExpires = _cfg.SessionExpires < _cfg.MinSessionExpires ? _cfg.MinSessionExpires : _cfg.SessionExpires;
            UaStatus st = SendInvite(c, 1, false, nowMs);
            if (st != UaStatus.Ok)
            {
                FreeCall(c);
                return -(int)st;
            }
            return c.Handle;
        }

        /// <summary>(Re)sends the initial INVITE of an outgoing call with CSeq <paramref name="cseq"/> (a new transaction each time).</summary>
        private UaStatus SendInvite(UaCall c, long cseq, bool withAuth, long nowMs)
        {
            SipDialog d = c.Dialog;
            if (!d.RemoteTarget.Set(c.TargetUri) || !d.RemoteHeader.Set(_lt, 0, 1) || !d.RemoteHeader.Append(c.TargetUri.Data, c.TargetUri.Slice)
                || !d.RemoteHeader.Append(_gt, 0, 1)) return UaStatus.TooLarge;
            d.StartUac(cseq);
            SipUri u;
            SipAddress dst;
            if (!SipUri.TryParse(c.TargetUri.Data, c.TargetUri.Slice, out u) || !OutOfDialogDestination(c.TargetUri.Data, u, out dst)) return UaStatus.BadArgument;
            string target = c.TargetUri.ToText();
            SipWriter w;
            int tx = BeginOutOfDialog(SipMethod.Invite, target, dst, out w);
            if (tx < 0) return UaStatus.PoolExhausted;
            d.WriteIdentity(w, cseq, SipMethod.Invite);
            WriteContact(w);
            WriteCapabilities(w);
            if (c.RequestSessionExpires > 0)
            {
                w.Header(SipHeaderId.SessionExpires, c.RequestSessionExpires);
                w.Header(SipHeaderId.MinSE, c.Retried422 ? c.RequestSessionExpires : _cfg.MinSessionExpires);
            }
            if (withAuth) WriteAuthorization(w, _auth, "INVITE", target);
            WriteUserAgent(w, false);
            WriteSdpBody(w, c.LocalSdp.Data, 0, c.LocalSdp.Length);
            UaStatus st = Finish(tx, nowMs);
            if (st == UaStatus.Ok) c.InviteTx = tx;
            return st;
        }

        /// <summary>Sends 180 Ringing for an incoming call.</summary>
        public UaStatus Ringing(int call, long nowMs)
        {
            return Progress(call, 180, null, 0, 0, nowMs);
        }

        /// <summary>
        /// Sends a provisional response (180, or 183 with early-media SDP) for an incoming call.
        /// <paramref name="sdp"/> may be null.
        /// </summary>
        public UaStatus Progress(int call, int code, byte[] sdp, int sdpOffset, int sdpLength, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            if (c.State != UaCallState.Incoming) return UaStatus.BadState;
            if (code <= 100 || code >= 200) return UaStatus.BadArgument;
            if (sdp == null) sdpLength = 0;
            return ReplyInvite(c, c.InviteTx, code, sdp, sdpOffset, sdpLength, true, nowMs);
        }

        /// <summary>
        /// Answers with 2xx: the incoming INVITE of a ringing call, or the pending re-INVITE of an
        /// established call (after a ReinviteReceived event). <paramref name="sdp"/> is the answer
        /// (or, for an INVITE without offer, our offer: the answer then comes in CallConfirmed).
        /// </summary>
        public UaStatus Answer(int call, byte[] sdp, int sdpOffset, int sdpLength, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            if (sdp == null || sdpLength <= 0 || sdpOffset < 0 || sdpOffset + sdpLength > sdp.Length) return UaStatus.BadArgument;
            if (c.State == UaCallState.Incoming)
            {
                if (!c.LocalSdp.Set(sdp, sdpOffset, sdpLength)) return UaStatus.TooLarge;
                UaStatus st = ReplyInvite(c, c.InviteTx, 200, c.LocalSdp.Data, 0, c.LocalSdp.Length, true, nowMs);
                if (st != UaStatus.Ok) return st;
                c.State = UaCallState.Answered;
                c.AwaitAckTx = c.InviteTx;
                c.Dialog.State = DialogState.Confirmed;
                StartUasSessionTimer(c, nowMs);
                return UaStatus.Ok;
            }
            if (c.ReinviteServerTx >= 0)
            {
                if (!c.LocalSdp.Set(sdp, sdpOffset, sdpLength)) return UaStatus.TooLarge;
                return AnswerReinvite(c, c.ReinviteServerTx, c.PendingRemoteSdpHash, nowMs);
            }
            return UaStatus.BadState;
        }

        /// <summary>2xx with our current SDP to a re-INVITE (§14.2); the session timer restarts.</summary>
        private UaStatus AnswerReinvite(UaCall c, int txId, uint remoteHash, long nowMs)
        {
            UaStatus st = ReplyInvite(c, txId, 200, c.LocalSdp.Data, 0, c.LocalSdp.Length, false, nowMs);
            if (c.ReinviteServerTx == txId) c.ReinviteServerTx = -1;
            if (st != UaStatus.Ok) return st;
            c.AwaitAckTx = txId;
            c.RemoteSdpHash = remoteHash;
            StartUasSessionTimer(c, nowMs);
            if (c.GlareRetryAt != UaCall.Never)
            {
                // Our re-INVITE lost the glare and the peer's offer was taken meanwhile: our retry
                // would carry the answer just given, so drop it and let the application re-issue
                // its change if it still wants it (§14.1 "if it still desires").
                c.GlareRetryAt = UaCall.Never;
                if (!c.ReinviteIsRefresh)
                {
                    UaEvent e = _events.Post(UaEventKind.ReinviteFailed, c.Handle);
                    if (e != null) { e.Code = 491; e.Reason = UaText.Glare; }
                }
                c.ReinviteIsRefresh = false;
            }
            return UaStatus.Ok;
        }

        /// <summary>
        /// Rejects the incoming INVITE of a ringing call with <paramref name="code"/> (300-699,
        /// e.g. 486 busy, 603 decline), or the pending re-INVITE of an established call (e.g. 488).
        /// </summary>
        public UaStatus Reject(int call, int code, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            if (code < 300 || code > 699) return UaStatus.BadArgument;
            if (c.State == UaCallState.Incoming)
            {
                Reply(c.InviteTx, code, c.Dialog.LocalTag, nowMs);
                PostEnded(c, code, UaText.Rejected);
                FreeCall(c);
                return UaStatus.Ok;
            }
            if (c.ReinviteServerTx >= 0)
            {
                Reply(c.ReinviteServerTx, code, c.Dialog.LocalTag, nowMs);
                c.ReinviteServerTx = -1;
                return UaStatus.Ok;
            }
            return UaStatus.BadState;
        }

        /// <summary>
        /// Ends a call: CANCEL while our INVITE is unanswered (§9.1; a 2xx that still arrives is
        /// ACKed and BYEd), 603 to an unanswered incoming INVITE, BYE once answered (after the
        /// ACK of our 2xx, §15). The CallEnded event is posted at once.
        /// </summary>
        public UaStatus Hangup(int call, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            switch (c.State)
            {
                case UaCallState.Calling:
                case UaCallState.Early:
                    c.CancelRequested = true;
                    c.State = UaCallState.Closing;
                    c.CloseAt = nowMs + 64L * _cfg.T1 + 1000;
                    int cancelTx;
                    _tx.SendCancel(c.InviteTx, nowMs, out cancelTx);
                    c.CancelTx = cancelTx;
                    PostEnded(c, 487, UaText.Cancelled);
                    return UaStatus.Ok;
                case UaCallState.Incoming:
                    Reply(c.InviteTx, 603, c.Dialog.LocalTag, nowMs);
                    PostEnded(c, 603, UaText.LocalHangup);
                    FreeCall(c);
                    return UaStatus.Ok;
                case UaCallState.Answered:
                    c.ByeWhenAcked = true;
                    c.State = UaCallState.Closing;
                    c.CloseAt = nowMs + 64L * _cfg.T1 + 1000;
                    PostEnded(c, 0, UaText.LocalHangup);
                    return UaStatus.Ok;
                case UaCallState.Established:
                    if (c.ReinviteServerTx >= 0) { Reply(c.ReinviteServerTx, 487, c.Dialog.LocalTag, nowMs); c.ReinviteServerTx = -1; }
                    PostEnded(c, 0, UaText.LocalHangup);
                    SendBye(c, nowMs, false);
                    return UaStatus.Ok;
            }
            return UaStatus.BadState;
        }

        /// <summary>
        /// Sends a re-INVITE with a new offer (hold: a=sendonly, resume: a=sendrecv — the
        /// application writes the SDP). Refused while another INVITE transaction of the call runs.
        /// The answer comes as ReinviteAnswered (or ReinviteFailed); a 491 is retried by the UA.
        /// </summary>
        public UaStatus Reinvite(int call, byte[] sdp, int sdpOffset, int sdpLength, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            if (sdp == null || sdpLength <= 0 || sdpOffset < 0 || sdpOffset + sdpLength > sdp.Length) return UaStatus.BadArgument;
            if (c.State != UaCallState.Established) return UaStatus.BadState;
            if (InviteBusy(c)) return UaStatus.InviteInProgress;
            if (!c.LocalSdp.Set(sdp, sdpOffset, sdpLength)) return UaStatus.TooLarge;
            c.AuthAttempts = 0;
            return SendReinvite(c, false, false, nowMs);
        }

        /// <summary>True while an INVITE transaction of the call runs in either direction (or a 491 retry waits).</summary>
        private bool InviteBusy(UaCall c)
        {
            return IsClientPending(c.ReinviteTx) || c.ReinviteServerTx >= 0 || c.AwaitAckTx >= 0 || c.GlareRetryAt != UaCall.Never
                || (c.Outgoing && IsClientPending(c.InviteTx));
        }

        /// <summary>Sends a re-INVITE carrying LocalSdp (app offer, 491 retry, or RFC 4028 refresh).</summary>
        private UaStatus SendReinvite(UaCall c, bool refresh, bool withAuth, long nowMs)
        {
            SipDialog d = c.Dialog;
            long cseq = d.NextLocalCSeq();
            SipWriter w;
            int tx = BeginInDialog(c, SipMethod.Invite, cseq, out w);
            if (tx < 0) return UaStatus.PoolExhausted;
            WriteContact(w);
            WriteCapabilities(w);
            if (c.Timer.Active) WriteSessionExpires(w, c.Timer.IntervalSeconds, c.Timer.WeRefresh);
            else if (c.RequestSessionExpires > 0) w.Header(SipHeaderId.SessionExpires, c.RequestSessionExpires);
            if (c.RequestSessionExpires > 0) w.Header(SipHeaderId.MinSE, c.RequestSessionExpires);
            if (withAuth) WriteAuthorization(w, _auth, "INVITE", d.RequestUriText());
            WriteUserAgent(w, false);
            WriteSdpBody(w, c.LocalSdp.Data, 0, c.LocalSdp.Length);
            UaStatus st = Finish(tx, nowMs);
            if (st != UaStatus.Ok) return st;
            c.ReinviteTx = tx;
            c.ReinviteIsRefresh = refresh;
            return UaStatus.Ok;
        }

        /// <summary>Sends an INFO in an established call (e.g. application/dtmf-relay). One at a time.</summary>
        public UaStatus SendInfo(int call, string contentType, byte[] body, int offset, int count, long nowMs)
        {
            UaCall c = LiveCall(call);
            if (c == null) return UaStatus.NoSuchCall;
            if (c.State != UaCallState.Established) return UaStatus.BadState;
            if (IsClientPending(c.InfoTx)) return UaStatus.InviteInProgress;
            if (body == null) count = 0;
            if (count < 0 || (count > 0 && (offset < 0 || offset + count > body.Length))) return UaStatus.BadArgument;
            long cseq = c.Dialog.NextLocalCSeq();
            SipWriter w;
            int tx = BeginInDialog(c, SipMethod.Info, cseq, out w);
            if (tx < 0) return UaStatus.PoolExhausted;
            WriteUserAgent(w, false);
            if (count > 0)
            {
                w.Header(SipHeaderId.ContentType, contentType != null ? contentType : "application/octet-stream");
                w.Body(body, offset, count);
            }
            else w.NoBody();
            UaStatus st = Finish(tx, nowMs);
            if (st == UaStatus.Ok) c.InfoTx = tx;
            return st;
        }
    }
}
