// One INVITE session (RFC 3261 §13-15) as data: its dialog, state, the transactions it is
// waiting on, our current SDP (kept for authentication retries, 491 retries and session
// refreshes), the stateless ACK of the last 2xx, glare and session-timer deadlines. Behaviour
// lives in the UserAgent partial files. Depends on Endpoint.Sip.Dialog and the transaction
// layer's branch length. Allocated once per call slot.
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    /// <summary>States of a call.</summary>
    public enum UaCallState
    {
        /// <summary>Slot unused.</summary>
        Free = 0,
        /// <summary>Outgoing INVITE sent, no provisional response with a tag yet.</summary>
        Calling,
        /// <summary>Outgoing INVITE got 180/183 (early dialog).</summary>
        Early,
        /// <summary>Incoming INVITE waiting for the application (Ringing/Answer/Reject).</summary>
        Incoming,
        /// <summary>We sent 2xx to the INVITE and wait for the ACK.</summary>
        Answered,
        /// <summary>Confirmed dialog.</summary>
        Established,
        /// <summary>Ended for the application; waiting for a BYE/CANCEL outcome before the slot is freed.</summary>
        Closing,
    }

    internal sealed class UaCall
    {
        internal const long Never = long.MaxValue;

        internal readonly int Index;
        internal int Generation;
        internal UaCallState State;
        internal bool Outgoing;
        internal bool EndedPosted;

        internal readonly SipDialog Dialog;
        internal readonly ByteField LocalSdp;
        internal readonly ByteField TargetUri;
        internal readonly SessionTimer Timer = new SessionTimer();

        internal int InviteTx = -1;
        internal int ReinviteTx = -1;
        internal int ReinviteServerTx = -1;
        internal int AwaitAckTx = -1;
        internal long AwaitAckCSeq;
        internal int ByeTx = -1;
        internal int InfoTx = -1;
        internal int CancelTx = -1;

        internal readonly byte[] AckBranch = new byte[SipTransactionLayer.BranchLength];
        internal bool HasAck;
        internal long AckCSeq;

        internal int AuthAttempts;
        internal bool HadCredentials;
        internal bool CancelRequested;
        internal bool ByeWhenAcked;
        internal long GlareRetryAt = Never;
        internal long CloseAt = Never;
        internal bool ReinviteIsRefresh;

        internal int RequestSessionExpires;
        internal bool Retried422;
        internal int OfferedSessionExpires;
        internal SessionRefresher OfferedRefresher;
        internal bool PeerSupportsTimer;

        internal uint RemoteSdpHash;
        internal uint PendingRemoteSdpHash;

        internal UaCall(int index, DialogLimits limits, int sdpBytes)
        {
            Index = index;
            Dialog = new SipDialog(limits);
            LocalSdp = new ByteField(sdpBytes);
            TargetUri = new ByteField(limits.UriBytes);
        }

        /// <summary>Handle given to the application: generation above the slot index.</summary>
        internal int Handle { get { return (Generation << 8) | Index; } }

        internal bool InUse { get { return State != UaCallState.Free; } }

        internal void Reset()
        {
            State = UaCallState.Free;
            Outgoing = false;
            EndedPosted = false;
            Dialog.Reset();
            LocalSdp.Clear();
            TargetUri.Clear();
            Timer.Stop();
            InviteTx = ReinviteTx = ReinviteServerTx = AwaitAckTx = ByeTx = InfoTx = CancelTx = -1;
            AwaitAckCSeq = 0;
            HasAck = false;
            AckCSeq = 0;
            AuthAttempts = 0;
            HadCredentials = false;
            CancelRequested = false;
            ByeWhenAcked = false;
            GlareRetryAt = Never;
            CloseAt = Never;
            ReinviteIsRefresh = false;
            RequestSessionExpires = 0;
            Retried422 = false;
            OfferedSessionExpires = 0;
            OfferedRefresher = SessionRefresher.None;
            PeerSupportsTimer = false;
            RemoteSdpHash = 0;
            PendingRemoteSdpHash = 0;
        }

        /// <summary>FNV-1a of a body: recognises an unchanged SDP offer (session refresh re-INVITE).</summary>
        internal static uint Hash(byte[] b, int offset, int count)
        {
            uint h = 2166136261;
            for (int i = 0; i < count; i++)
            {
                h ^= b[offset + i];
                h *= 16777619;
            }
            return h ^ (uint)count;
        }
    }
}
