// Responses to the UA's client transactions and the transaction layer's timeouts (RFC 3261
// §13.2.2 INVITE responses: early dialog on 1xx with tag, ACK for every 2xx including
// retransmissions, CANCEL races ending in ACK + BYE; §14.1 re-INVITE: 491 back-off of 2.1-4 s
// when we own the Call-ID else 0-2 s, 408/481 end the dialog; §22 / RFC 7616 challenges on any
// request: a NEW transaction with CSeq+1 and the same Call-ID and From tag; RFC 4028 §7.4: 422
// retried with the peer's Min-SE). Depends on the Message, Transaction, Dialog and Auth folders.
using Endpoint.Sip.Auth;
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        private const int MaxAuthAttempts = 3;

        private void OnResponse(int txId, long nowMs)
        {
            SipMessage r = _rx;
            if (txId == _regTx) { OnRegisterResponse(r, nowMs); return; }
            if (OnMessageResponse(txId, r, nowMs)) return;
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (!c.InUse) continue;
                if (c.InviteTx == txId && c.Outgoing) { OnInviteResponse(c, r, nowMs); return; }
                if (c.ReinviteTx == txId) { OnReinviteResponse(c, r, nowMs); return; }
                if (c.ByeTx == txId) { OnByeResponse(c, r, nowMs); return; }
                if (c.InfoTx == txId) { if (r.StatusCode >= 200) c.InfoTx = -1; return; }
                if (c.CancelTx == txId) return;
            }
        }

        /// <summary>Parses the challenges of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) into _challenges.</summary>
        private int CollectChallenges(SipMessage r)
        {
            bool proxy = r.StatusCode == 407;
            SipHeaderId id = proxy ? SipHeaderId.ProxyAuthenticate : SipHeaderId.WwwAuthenticate;
            int n = 0;
            for (int i = r.FindHeader(id, 0); i >= 0 && n < _challenges.Length; i = r.FindHeader(id, i + 1))
            {
                Slice v = r.GetHeaderValue(i);
                _challenges[n++] = DigestChallenge.Parse(r.Buffer, v.Start, v.Length, proxy);
            }
            return n;
        }

        /// <summary>Runs a 401/407 through the call/message digest client; true when a retry should be sent.</summary>
        private bool AcceptChallenge(SipMessage r, ref int attempts, ref bool hadCredentials)
        {
            if (attempts >= MaxAuthAttempts) return false;
            int n = CollectChallenges(r);
            DigestVerdict v = _auth.OnChallenge(_challenges, n, hadCredentials);
            for (int i = 0; i < _challenges.Length; i++) _challenges[i] = null;
            if (v != DigestVerdict.Retry) return false;
            attempts++;
            hadCredentials = true;
            return true;
        }

        private string AuthFailureReason()
        {
            return _auth.LastReason != null ? _auth.LastReason : UaText.FailureReason(401);
        }

        // ------------------------------------------------------------------ initial INVITE

        private void OnInviteResponse(UaCall c, SipMessage r, long nowMs)
        {
            int code = r.StatusCode;
            if (code < 200)
            {
                if (code == 100 || (c.State != UaCallState.Calling && c.State != UaCallState.Early)) return;
                if (r.To.HasTag) c.Dialog.OnUacResponse(r);
                c.State = UaCallState.Early;
                UaEvent e = _events.Post(UaEventKind.CallProgress, c.Handle);
                if (e != null)
                {
                    e.Code = code;
                    FillBody(e, r);
                }
                return;
            }
            if (code < 300) { OnInvite2xx(c, r, nowMs); return; }
            if (c.EndedPosted)
            {
                FreeCall(c); // cancelled: the 487 (or any final answer) ends it
                return;
            }
            if (code == 401 || code == 407)
            {
                if (AcceptChallenge(r, ref c.AuthAttempts, ref c.HadCredentials)
                    && SendInvite(c, c.Dialog.LocalCSeq + 1, true, nowMs) == UaStatus.Ok) return;
                PostEnded(c, code, AuthFailureReason());
                FreeCall(c);
                return;
            }
            if (code == 422 && !c.Retried422)
            {
                int min = SessionTimer.ParseMinSE(r);
                if (min > 0)
                {
                    c.Retried422 = true;
                    c.RequestSessionExpires = min;
                    if (SendInvite(c, c.Dialog.LocalCSeq + 1, c.HadCredentials, nowMs) == UaStatus.Ok) return;
                }
            }
            PostEnded(c, code, UaText.FailureReason(code));
            FreeCall(c);
        }

        private void OnInvite2xx(UaCall c, SipMessage r, long nowMs)
        {
            SipDialog d = c.Dialog;
            if (c.HasAck && c.AckCSeq == r.CSeq)
            {
                // 2xx retransmission: repeat the ACK (a 2xx from another fork is not ours to take)
                if (d.RemoteTag.EqualsBytes(r.Buffer, r.To.Tag)) SendAck2xx(c, r.CSeq, false);
                return;
            }
            DialogStatus ds = d.OnUacResponse(r);
            if (ds != DialogStatus.Ok)
            {
                PostEnded(c, 502, UaText.BadAnswer);
                FreeCall(c);
                return;
            }
            SendAck2xx(c, r.CSeq, true);
            if (c.CancelRequested || c.EndedPosted)
            {
                SendBye(c, nowMs, false); // §9.1: the 2xx crossed our CANCEL
                return;
            }
            c.State = UaCallState.Established;
            c.RemoteSdpHash = UaCall.Hash(r.Buffer, r.Body.Start, r.Body.Length);
            StartUacSessionTimer(c, r, nowMs);
            UaEvent e = _events.Post(UaEventKind.CallAnswered, c.Handle);
            if (e != null)
            {
                e.Code = r.StatusCode;
                FillBody(e, r);
            }
        }

        /// <summary>RFC 4028 §7.2: a Session-Expires in the 2xx to our INVITE starts the timer; refresher=uac (or none) means us.</summary>
        private static void StartUacSessionTimer(UaCall c, SipMessage r, long nowMs)
        {
            int se;
            SessionRefresher rf;
            if (SessionTimer.ParseSessionExpires(r, out se, out rf)) c.Timer.Start(se, rf != SessionRefresher.Uas, nowMs);
            else c.Timer.Stop();
        }

        // ------------------------------------------------------------------ re-INVITE

        private void OnReinviteResponse(UaCall c, SipMessage r, long nowMs)
        {
            int code = r.StatusCode;
            if (code < 200) return;
            bool refresh = c.ReinviteIsRefresh;
            if (code < 300)
            {
                if (c.HasAck && c.AckCSeq == r.CSeq) { SendAck2xx(c, r.CSeq, false); return; }
                c.Dialog.TargetRefresh(r);
                SendAck2xx(c, r.CSeq, true);
                c.ReinviteIsRefresh = false;
                if (c.EndedPosted) return;
                c.RemoteSdpHash = UaCall.Hash(r.Buffer, r.Body.Start, r.Body.Length);
                StartUacSessionTimer(c, r, nowMs);
                if (refresh) return;
                UaEvent e = _events.Post(UaEventKind.ReinviteAnswered, c.Handle);
                if (e != null)
                {
                    e.Code = code;
                    FillBody(e, r);
                }
                return;
            }
            if (c.EndedPosted) return;
            if (code == 401 || code == 407)
            {
                if (AcceptChallenge(r, ref c.AuthAttempts, ref c.HadCredentials) && SendReinvite(c, refresh, true, nowMs) == UaStatus.Ok) return;
            }
            else if (code == 422 && !c.Retried422)
            {
                int min = SessionTimer.ParseMinSE(r);
                if (min > 0)
                {
                    c.Retried422 = true;
                    c.RequestSessionExpires = min;
                    if (c.Timer.Active && c.Timer.IntervalSeconds < min) c.Timer.IntervalSeconds = min;
                    if (SendReinvite(c, refresh, false, nowMs) == UaStatus.Ok) return;
                }
            }
            else if (code == 491)
            {
                // §14.1: the Call-ID owner waits 2.1-4 s, the other side 0-2 s, in 10 ms units
                int delay = c.Outgoing ? 2100 + 10 * _rand.Below(191) : 10 * _rand.Below(201);
                c.GlareRetryAt = nowMs + delay;
                return;
            }
            c.ReinviteIsRefresh = false;
            if (code == 408 || code == 481)
            {
                PostEnded(c, code, UaText.FailureReason(code));
                if (code == 408) SendBye(c, nowMs, false);
                else FreeCall(c);
                return;
            }
            UaEvent f = _events.Post(UaEventKind.ReinviteFailed, c.Handle);
            if (f != null)
            {
                f.Code = code;
                f.Reason = UaText.FailureReason(code);
            }
        }

        // ------------------------------------------------------------------ BYE

        private void OnByeResponse(UaCall c, SipMessage r, long nowMs)
        {
            int code = r.StatusCode;
            if (code < 200) return;
            c.ByeTx = -1;
            if ((code == 401 || code == 407) && AcceptChallenge(r, ref c.AuthAttempts, ref c.HadCredentials))
            {
                SendBye(c, nowMs, true);
                if (c.InUse && c.ByeTx >= 0) return;
            }
            FreeCall(c);
        }

        // ------------------------------------------------------------------ transaction events

        private void OnTxTimeout(int txId, long nowMs)
        {
            if (txId == _regTx) { OnRegisterTimeout(nowMs); return; }
            if (OnMessageTimeout(txId)) return;
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (!c.InUse) continue;
                if (c.InviteTx == txId && c.Outgoing)
                {
                    PostEnded(c, 408, UaText.FailureReason(408));
                    FreeCall(c);
                    return;
                }
                if (c.ReinviteTx == txId)
                {
                    c.ReinviteTx = -1;
                    if (c.EndedPosted) return;
                    PostEnded(c, 408, UaText.FailureReason(408)); // §14.1: a re-INVITE timeout ends the dialog
                    SendBye(c, nowMs, false);
                    return;
                }
                if (c.ByeTx == txId) { FreeCall(c); return; }
                if (c.InfoTx == txId) { c.InfoTx = -1; return; }
            }
        }

        /// <summary>Our 2xx was never acknowledged (Timer L): §13.3.1.4 — end the dialog with BYE.</summary>
        private void OnAckTimeout(int txId, long nowMs)
        {
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (!c.InUse || c.AwaitAckTx != txId) continue;
                c.AwaitAckTx = -1;
                c.ByeWhenAcked = false;
                PostEnded(c, 408, UaText.NoAck);
                SendBye(c, nowMs, false);
                return;
            }
        }
    }
}
