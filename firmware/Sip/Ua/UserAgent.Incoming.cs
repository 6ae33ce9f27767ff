// Requests the UA receives (RFC 3261 §8.2 UAS behaviour, §12.2.2 in-dialog, §13.3 INVITE, §14.2
// re-INVITE, §15.1.2 BYE, §9.2 CANCEL; RFC 3428 MESSAGE; RFC 6086 INFO; RFC 4028 session timers):
// method check (405 with Allow), URI scheme (416), Require (420 with Unsupported; we support
// only "timer", never 100rel), dialog matching (481), CSeq order (500), then per method. Bodies
// are copied into events; nothing is allocated. Depends on the Message, Transaction and Dialog
// folders.
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        private void OnNewRequest(int txId, long nowMs)
        {
            SipMessage m = _rx;
            SipMethod method = m.Method;
            if (method != SipMethod.Invite && method != SipMethod.Bye && method != SipMethod.Options
                && method != SipMethod.Message && method != SipMethod.Info)
            {
                Reply(txId, 405, null, nowMs);
                return;
            }
            if (!m.RequestUri.IsSip)
            {
                Reply(txId, 416, null, nowMs);
                return;
            }
            if (HasUnsupportedRequire(m))
            {
                Reply420(txId, nowMs);
                return;
            }
            if (m.To.HasTag)
            {
                OnInDialogRequest(txId, nowMs);
                return;
            }
            switch (method)
            {
                case SipMethod.Invite: OnIncomingInvite(txId, nowMs); break;
                case SipMethod.Options: ReplyOptions(txId, null, nowMs); break;
                case SipMethod.Message: OnIncomingMessage(txId, null, nowMs); break;
                default: Reply(txId, 481, null, nowMs); break; // BYE / INFO outside any dialog
            }
        }

        private static bool HasUnsupportedRequire(SipMessage m)
        {
            byte[] b = m.Buffer;
            for (int i = m.FindHeader(SipHeaderId.Require, 0); i >= 0; i = m.FindHeader(SipHeaderId.Require, i + 1))
            {
                if (!SipAscii.EqualsIgnoreCase(b, m.GetHeaderValue(i), UaText.Timer)) return true;
            }
            return false;
        }

        /// <summary>420 Bad Extension listing the option tags we do not support (§8.2.2.3).</summary>
        private void Reply420(int txId, long nowMs)
        {
            SipMessage m = _rx;
            byte[] b = m.Buffer;
            SipWriter w = BeginReply(txId, 420, null);
            if (w == null) return;
            for (int i = m.FindHeader(SipHeaderId.Require, 0); i >= 0; i = m.FindHeader(SipHeaderId.Require, i + 1))
            {
                Slice v = m.GetHeaderValue(i);
                if (!SipAscii.EqualsIgnoreCase(b, v, UaText.Timer)) w.Header(SipHeaderId.Unsupported, b, v);
            }
            WriteUserAgent(w, true);
            w.NoBody();
            _tx.SendResponse(txId, nowMs);
        }

        private void ReplyOptions(int txId, UaCall c, long nowMs)
        {
            SipWriter w = BeginReply(txId, 200, c != null ? c.Dialog.LocalTag : null);
            if (w == null) return;
            WriteContact(w);
            w.Header(SipHeaderId.Allow, UaText.Allow);
            w.Header(SipHeaderId.Accept, UaText.Accept);
            w.Header(SipHeaderId.Supported, UaText.Supported);
            WriteUserAgent(w, true);
            w.NoBody();
            _tx.SendResponse(txId, nowMs);
        }

        private bool BodyIsSdpOrEmpty(SipMessage m)
        {
            if (m.Body.Length == 0) return true;
            int ct = m.FindHeader(SipHeaderId.ContentType);
            if (ct < 0) return false;
            byte[] b = m.Buffer;
            Slice v = m.GetHeaderValue(ct);
            int semi = SipAscii.IndexOf(b, (byte)';', v.Start, v.End);
            return SipAscii.EqualsIgnoreCase(b, SipAscii.Trim(b, Slice.FromTo(v.Start, semi < 0 ? v.End : semi)), UaText.ApplicationSdp);
        }

        /// <summary>Copies From URI, display name, Content-Type and body of the request into an event.</summary>
        private void FillFromRequest(UaEvent e, SipMessage m)
        {
            byte[] b = m.Buffer;
            e.PeerUriLength = UaEvent.Copy(e.PeerUri, b, m.From.Uri.Raw);
            e.PeerNameLength = UaEvent.Copy(e.PeerName, b, m.From.DisplayName);
            FillBody(e, m);
        }

        private static void FillBody(UaEvent e, SipMessage m)
        {
            byte[] b = m.Buffer;
            int ct = m.FindHeader(SipHeaderId.ContentType);
            if (ct >= 0) e.ContentTypeLength = UaEvent.Copy(e.ContentType, b, m.GetHeaderValue(ct));
            e.SetBody(b, m.Body);
        }

        // ------------------------------------------------------------------ INVITE

        private void OnIncomingInvite(int txId, long nowMs)
        {
            SipMessage m = _rx;
            if (!BodyIsSdpOrEmpty(m)) { Reply(txId, 415, null, nowMs); return; }
            if (m.Body.Length > _events.BodyCapacity) { Reply(txId, 488, "Not Acceptable Here (SDP too large)", null, nowMs); return; }
            int se;
            SessionRefresher rf;
            bool hasSe = SessionTimer.ParseSessionExpires(m, out se, out rf);
            if (hasSe && se < _cfg.MinSessionExpires) { Reply(txId, 422, null, nowMs); return; }
            UaCall c = AllocCall();
            if (c == null) { Reply(txId, 486, null, nowMs); return; }
            Slice tag = NewTag();
            DialogStatus ds = c.Dialog.InitUas(m, _tag, tag);
            if (ds != DialogStatus.Ok)
            {
                FreeCall(c);
                Reply(txId, 400, DialogStatuses.Name(ds), null, nowMs);
                return;
            }
            c.Outgoing = false;
            c.State = UaCallState.Incoming;
            c.InviteTx = txId;
            c.OfferedSessionExpires = hasSe ? se : 0;
            c.OfferedRefresher = rf;
            c.PeerSupportsTimer = SessionTimer.HasTimerOption(m, SipHeaderId.Supported);
            c.RemoteSdpHash = UaCall.Hash(m.Buffer, m.Body.Start, m.Body.Length);
            long ring = _cfg.RingTimeoutSeconds > 0 ? _cfg.RingTimeoutSeconds : 180;
            if (m.Expires >= 0 && m.Expires < ring) { ring = m.Expires; c.RingExpiresGiven = true; } // §13.3.1: the INVITE's Expires bounds the ringing
            c.RingUntil = nowMs + ring * 1000;
            UaEvent e = _events.Post(UaEventKind.IncomingCall, c.Handle);
            if (e != null) FillFromRequest(e, m);
        }

        // ------------------------------------------------------------------ in-dialog

        private void OnInDialogRequest(int txId, long nowMs)
        {
            SipMessage m = _rx;
            UaCall c = FindDialog(m);
            if (c == null) { Reply(txId, 481, null, nowMs); return; }
            if (c.Dialog.CheckRemoteCSeq(m) != DialogStatus.Ok) { Reply(txId, 500, "Server Internal Error (CSeq out of order)", c.Dialog.LocalTag, nowMs); return; }
            switch (m.Method)
            {
                case SipMethod.Invite: OnReinvite(c, txId, nowMs); break;
                case SipMethod.Bye: OnBye(c, txId, nowMs); break;
                case SipMethod.Info: OnInfo(c, txId, nowMs); break;
                case SipMethod.Message: OnIncomingMessage(txId, c, nowMs); break;
                case SipMethod.Options: ReplyOptions(txId, c, nowMs); break;
            }
        }

        private void OnReinvite(UaCall c, int txId, long nowMs)
        {
            SipMessage m = _rx;
            ByteField tag = c.Dialog.LocalTag;
            if (c.State != UaCallState.Established || IsClientPending(c.ReinviteTx) || c.AwaitAckTx >= 0)
            {
                Reply(txId, 491, tag, nowMs); // §14.2 glare (or the previous INVITE is not finished)
                return;
            }
            if (c.ReinviteServerTx >= 0) { Reply(txId, 500, tag, nowMs); return; } // §14.2: with Retry-After
            if (!BodyIsSdpOrEmpty(m)) { Reply(txId, 415, tag, nowMs); return; }
            if (m.Body.Length > _events.BodyCapacity) { Reply(txId, 488, "Not Acceptable Here (SDP too large)", tag, nowMs); return; }
            int se;
            SessionRefresher rf;
            bool hasSe = SessionTimer.ParseSessionExpires(m, out se, out rf);
            if (hasSe && se < _cfg.MinSessionExpires) { Reply(txId, 422, tag, nowMs); return; }
            DialogStatus ds = c.Dialog.TargetRefresh(m);
            if (ds != DialogStatus.Ok) { Reply(txId, 400, DialogStatuses.Name(ds), tag, nowMs); return; }
            c.OfferedSessionExpires = hasSe ? se : 0;
            c.OfferedRefresher = rf;
            c.PeerSupportsTimer = SessionTimer.HasTimerOption(m, SipHeaderId.Supported);
            uint hash = UaCall.Hash(m.Buffer, m.Body.Start, m.Body.Length);
            if (m.Body.Length == 0 || hash == c.RemoteSdpHash)
            {
                // A session refresh or an unchanged offer: answer with our current SDP, no application round trip.
                AnswerReinvite(c, txId, c.RemoteSdpHash, nowMs);
                return;
            }
            c.ReinviteServerTx = txId;
            c.PendingRemoteSdpHash = hash;
            UaEvent e = _events.Post(UaEventKind.ReinviteReceived, c.Handle);
            if (e != null) FillBody(e, m);
        }

        private void OnBye(UaCall c, int txId, long nowMs)
        {
            Reply(txId, 200, c.Dialog.LocalTag, nowMs);
            if (c.State == UaCallState.Incoming) Reply(c.InviteTx, 487, c.Dialog.LocalTag, nowMs); // §15.1.2
            if (c.ReinviteServerTx >= 0) Reply(c.ReinviteServerTx, 487, c.Dialog.LocalTag, nowMs);
            if (c.AwaitAckTx >= 0) _tx.Release(c.AwaitAckTx); // no ACK will come for a dialog the peer ended: stop the 2xx retransmissions
            PostEnded(c, 0, UaText.RemoteHangup);
            FreeCall(c);
        }

        private void OnInfo(UaCall c, int txId, long nowMs)
        {
            SipMessage m = _rx;
            if (m.Body.Length > _events.BodyCapacity) { Reply(txId, 413, c.Dialog.LocalTag, nowMs); return; }
            Reply(txId, 200, c.Dialog.LocalTag, nowMs);
            if (c.EndedPosted) return;
            UaEvent e = _events.Post(UaEventKind.InfoReceived, c.Handle);
            if (e != null) FillBody(e, m);
        }

        private void OnIncomingMessage(int txId, UaCall c, long nowMs)
        {
            SipMessage m = _rx;
            ByteField tag = c != null ? c.Dialog.LocalTag : null;
            if (m.Body.Length > _events.BodyCapacity) { Reply(txId, 413, tag, nowMs); return; }
            Reply(txId, 200, tag, nowMs);
            UaEvent e = _events.Post(UaEventKind.MessageReceived, c != null && !c.EndedPosted ? c.Handle : -1);
            if (e != null) FillFromRequest(e, m);
        }

        // ------------------------------------------------------------------ ACK and CANCEL

        private void OnAckFor2xx(int txId, long nowMs)
        {
            UaCall c = null;
            for (int i = 0; i < _calls.Length && txId >= 0; i++)
            {
                if (_calls[i].InUse && _calls[i].AwaitAckTx == txId) { c = _calls[i]; break; }
            }
            if (c == null)
            {
                c = FindDialog(_rx);
                if (c == null || c.AwaitAckTx < 0) return; // stray or retransmitted ACK
            }
            c.AwaitAckTx = -1;
            if (c.State == UaCallState.Answered)
            {
                c.State = UaCallState.Established;
                UaEvent e = _events.Post(UaEventKind.CallConfirmed, c.Handle);
                if (e != null) FillBody(e, _rx);
            }
            if (c.ByeWhenAcked)
            {
                c.ByeWhenAcked = false;
                SendBye(c, nowMs, false);
            }
        }

        private void OnCancelReceived(int inviteTx, long nowMs)
        {
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (!c.InUse) continue;
                if (c.InviteTx == inviteTx && c.State == UaCallState.Incoming)
                {
                    Reply(inviteTx, 487, c.Dialog.LocalTag, nowMs);
                    PostEnded(c, 487, UaText.CancelledByCaller);
                    FreeCall(c);
                    return;
                }
                if (c.ReinviteServerTx == inviteTx)
                {
                    Reply(inviteTx, 487, c.Dialog.LocalTag, nowMs);
                    c.ReinviteServerTx = -1;
                    UaEvent e = _events.Post(UaEventKind.ReinviteFailed, c.Handle);
                    if (e != null) { e.Code = 487; e.Reason = UaText.Cancelled; }
                    return;
                }
            }
        }
    }
}
