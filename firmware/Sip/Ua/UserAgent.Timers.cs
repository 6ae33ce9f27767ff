// Per-call deadlines of the UA core: the §14.1 glare retry of a re-INVITE that got 491, the
// RFC 4028 refresh (a re-INVITE with our current SDP at half the session interval when we are
// the refresher) and expiry (BYE when no refresh came in time), and the closing guard that
// frees a slot whose CANCEL/BYE outcome never arrives (§9.1: 64*T1). Depends on UaCall and
// SessionTimer. Allocation-free except the re-INVITE it may send.
namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        private static long CallDeadline(UaCall c)
        {
            long d = c.GlareRetryAt;
            long t = c.Timer.NextDeadline;
            if (t < d) d = t;
            if (c.CloseAt < d) d = c.CloseAt;
            return d;
        }

        private void CallTimers(UaCall c, long nowMs)
        {
            if (c.State == UaCallState.Closing)
            {
                if (c.CloseAt <= nowMs)
                {
                    if (c.Outgoing && c.CancelRequested) _tx.Release(c.InviteTx);
                    FreeCall(c);
                }
                return;
            }
            if (c.GlareRetryAt <= nowMs)
            {
                c.GlareRetryAt = UaCall.Never;
                if (c.State == UaCallState.Established)
                {
                    // the peer's INVITE is still running, or no transaction is free: try again shortly
                    if (InviteBusy(c) || SendReinvite(c, c.ReinviteIsRefresh, c.HadCredentials, nowMs) != UaStatus.Ok) c.GlareRetryAt = nowMs + 500;
                }
            }
            if (c.Timer.ExpireAt <= nowMs)
            {
                PostEnded(c, 408, UaText.SessionExpired);
                SendBye(c, nowMs, false);
                return;
            }
            if (c.Timer.RefreshAt <= nowMs)
            {
                if (c.State != UaCallState.Established) { c.Timer.RefreshAt = UaCall.Never; return; }
                if (InviteBusy(c)) { c.Timer.RefreshAt = nowMs + 1000; return; } // an INVITE is running: refresh right after it
                c.Timer.RefreshAt = UaCall.Never;
                if (SendReinvite(c, true, c.HadCredentials, nowMs) != UaStatus.Ok) c.Timer.RefreshAt = nowMs + 1000;
            }
        }
    }
}
