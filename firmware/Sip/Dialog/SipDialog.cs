// A SIP dialog (RFC 3261 §12): its id (Call-ID, local tag, remote tag), local and remote CSeq,
// the local and remote identities (the From/To values we write, tags included), the remote
// target (Contact, replaced by target-refresh requests and responses, §12.2) and the route set.
// UAC side: the UA fills the identity fields when it sends the INVITE, then every 1xx-with-tag
// and 2xx passes through OnUacResponse (early, then confirmed dialog, §12.1.2). UAS side:
// InitUas from the INVITE and our tag (§12.1.1). Request construction (Request-URI, Route
// headers for loose and strict routers, §12.2.1.1) is in SipDialog.Requests.cs.
// Depends on Endpoint.Sip.Message. No transactions, no timers; all storage preallocated.
// Limits: field capacities from DialogLimits; too-long values give DialogStatus.TooLarge.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Dialog
{
    /// <summary>Dialog states (§12): none yet, early (1xx with a To tag), confirmed (2xx), terminated.</summary>
    public enum DialogState
    {
        /// <summary>No dialog (slot free, or UAC request sent without a tagged response yet).</summary>
        None = 0,
        /// <summary>Early dialog: created by a provisional response with a To tag.</summary>
        Early,
        /// <summary>Confirmed by a 2xx.</summary>
        Confirmed,
        /// <summary>Ended (BYE, failure); only kept until the owner frees it.</summary>
        Terminated,
    }

    /// <summary>Capacities of the fields of a dialog, in bytes.</summary>
    public sealed class DialogLimits
    {
        /// <summary>Longest Call-ID.</summary>
        public int CallIdBytes = 128;
        /// <summary>Longest tag.</summary>
        public int TagBytes = 48;
        /// <summary>Longest From/To value (display name, URI, parameters, tag).</summary>
        public int HeaderBytes = 224;
        /// <summary>Longest remote target URI.</summary>
        public int UriBytes = 192;
        /// <summary>Most route entries.</summary>
        public int MaxRoutes = RouteSet.DefaultMaxEntries;
        /// <summary>Bytes for all route entries together.</summary>
        public int RouteBytes = 448;
    }

    /// <summary>State of one dialog; reusable.</summary>
    public sealed partial class SipDialog
    {
        private static readonly byte[] _tagEq = SipAscii.Bytes(";tag=");

        /// <summary>Call-ID.</summary>
        public readonly ByteField CallId;
        /// <summary>Our tag.</summary>
        public readonly ByteField LocalTag;
        /// <summary>The peer's tag.</summary>
        public readonly ByteField RemoteTag;
        /// <summary>Value of the From header of our requests (our URI with our tag).</summary>
        public readonly ByteField LocalHeader;
        /// <summary>Value of the To header of our requests (the peer's URI with its tag).</summary>
        public readonly ByteField RemoteHeader;
        /// <summary>Remote target URI (the peer's Contact).</summary>
        public readonly ByteField RemoteTarget;
        /// <summary>Route set.</summary>
        public readonly RouteSet Routes;

        /// <summary>CSeq number of the last request we sent in the dialog.</summary>
        public long LocalCSeq;
        /// <summary>CSeq number of the last request received in the dialog.</summary>
        public long RemoteCSeq;
        /// <summary>True once a request from the peer set <see cref="RemoteCSeq"/>.</summary>
        public bool HasRemoteCSeq;
        /// <summary>True if we sent the request that created the dialog.</summary>
        public bool IsUac;
        /// <summary>Dialog state.</summary>
        public DialogState State;

        /// <summary>Creates a dialog with the given field capacities.</summary>
        public SipDialog(DialogLimits limits)
        {
            if (limits == null) limits = new DialogLimits();
            CallId = new ByteField(limits.CallIdBytes);
            LocalTag = new ByteField(limits.TagBytes);
            RemoteTag = new ByteField(limits.TagBytes);
            LocalHeader = new ByteField(limits.HeaderBytes);
            RemoteHeader = new ByteField(limits.HeaderBytes);
            RemoteTarget = new ByteField(limits.UriBytes);
            Routes = new RouteSet(limits.MaxRoutes, limits.RouteBytes);
        }

        /// <summary>Forgets everything.</summary>
        public void Reset()
        {
            CallId.Clear();
            LocalTag.Clear();
            RemoteTag.Clear();
            LocalHeader.Clear();
            RemoteHeader.Clear();
            RemoteTarget.Clear();
            Routes.Clear();
            LocalCSeq = 0;
            RemoteCSeq = 0;
            HasRemoteCSeq = false;
            IsUac = false;
            State = DialogState.None;
        }

        /// <summary>
        /// UAS (§12.1.1): builds the dialog from a dialog-creating request (INVITE) and our new tag:
        /// route set = Record-Route in order, remote target = Contact, remote CSeq = the request's,
        /// remote identity = From, local identity = To plus our tag. State becomes Early.
        /// </summary>
        public DialogStatus InitUas(SipMessage request, byte[] tagSrc, Slice tag)
        {
            Reset();
            byte[] b = request.Buffer;
            if (!request.From.HasTag) return DialogStatus.MissingTag;
            DialogStatus st = SetTarget(request, true);
            if (st != DialogStatus.Ok) return st;
            st = Routes.LoadRecordRoute(request, false);
            if (st != DialogStatus.Ok) return st;
            int from = request.FindHeader(SipHeaderId.From);
            int to = request.FindHeader(SipHeaderId.To);
            if (!CallId.Set(b, request.CallId) || !RemoteTag.Set(b, request.From.Tag) || !LocalTag.Set(tagSrc, tag)
                || !RemoteHeader.Set(b, request.GetHeaderValue(from)) || !LocalHeader.Set(b, request.GetHeaderValue(to))
                || !LocalHeader.Append(_tagEq, 0, _tagEq.Length) || !LocalHeader.Append(tagSrc, tag))
            {
                return DialogStatus.TooLarge;
            }
            RemoteCSeq = request.CSeq;
            HasRemoteCSeq = true;
            IsUac = false;
            State = DialogState.Early;
            return DialogStatus.Ok;
        }

        /// <summary>
        /// UAC: starts a dialog-to-be after the UA filled CallId, LocalTag, LocalHeader,
        /// RemoteHeader (To without tag) and RemoteTarget (the Request-URI) for a new INVITE.
        /// </summary>
        public void StartUac(long cseq)
        {
            RemoteTag.Clear();
            Routes.Clear();
            LocalCSeq = cseq;
            RemoteCSeq = 0;
            HasRemoteCSeq = false;
            IsUac = true;
            State = DialogState.None;
        }

        /// <summary>
        /// UAC (§12.1.2): a 1xx with a To tag (early dialog) or a 2xx (confirmed dialog) to our
        /// INVITE. Takes the remote tag and the To value, the route set (Record-Route reversed)
        /// and the remote target (Contact; a 2xx must carry one). Once confirmed, a response with
        /// another tag (a second fork) returns BadState and changes nothing.
        /// </summary>
        public DialogStatus OnUacResponse(SipMessage response)
        {
            if (!IsUac) return DialogStatus.BadState;
            byte[] b = response.Buffer;
            if (!response.To.HasTag) return DialogStatus.MissingTag;
            bool final = response.StatusCode >= 200;
            if (State == DialogState.Confirmed)
            {
                return RemoteTag.EqualsBytes(b, response.To.Tag) ? DialogStatus.Ok : DialogStatus.BadState;
            }
            if (State == DialogState.Terminated) return DialogStatus.BadState;
            DialogStatus st = SetTarget(response, final);
            if (st != DialogStatus.Ok) return st;
            st = Routes.LoadRecordRoute(response, true);
            if (st != DialogStatus.Ok) return st;
            int to = response.FindHeader(SipHeaderId.To);
            if (!RemoteTag.Set(b, response.To.Tag) || !RemoteHeader.Set(b, response.GetHeaderValue(to))) return DialogStatus.TooLarge;
            State = final ? DialogState.Confirmed : DialogState.Early;
            return DialogStatus.Ok;
        }

        /// <summary>Target refresh (§12.2.1.2, §12.2.2): a Contact in the message replaces the remote target.</summary>
        public DialogStatus TargetRefresh(SipMessage m)
        {
            return SetTarget(m, false);
        }

        private DialogStatus SetTarget(SipMessage m, bool required)
        {
            int c = m.FindHeader(SipHeaderId.Contact);
            if (c < 0) return required ? DialogStatus.BadContact : DialogStatus.Ok;
            SipNameAddr na;
            if (m.ContactStar || m.GetNameAddr(c, out na) != SipError.None || !na.Uri.IsSip) return DialogStatus.BadContact;
            return RemoteTarget.Set(m.Buffer, na.Uri.Raw) ? DialogStatus.Ok : DialogStatus.TooLarge;
        }

        /// <summary>True if the in-dialog request belongs to this dialog (§12.2.2: Call-ID, To tag = ours, From tag = theirs).</summary>
        public bool Matches(SipMessage request)
        {
            if (State == DialogState.None || State == DialogState.Terminated) return false;
            byte[] b = request.Buffer;
            return CallId.EqualsBytes(b, request.CallId) && LocalTag.EqualsBytes(b, request.To.Tag) && RemoteTag.EqualsBytes(b, request.From.Tag);
        }

        /// <summary>True if a response or request carries this dialog's Call-ID.</summary>
        public bool SameCallId(byte[] b, Slice callId) { return CallId.EqualsBytes(b, callId); }

        /// <summary>
        /// §12.2.2: a request whose CSeq is not above the remote CSeq is out of order (answer 500);
        /// otherwise the remote CSeq advances. Call for requests other than ACK and CANCEL.
        /// </summary>
        public DialogStatus CheckRemoteCSeq(SipMessage request)
        {
            if (HasRemoteCSeq && request.CSeq <= RemoteCSeq) return DialogStatus.CSeqOutOfOrder;
            RemoteCSeq = request.CSeq;
            HasRemoteCSeq = true;
            return DialogStatus.Ok;
        }

        /// <summary>The next local CSeq number (§12.2.1.1: strictly increasing by one).</summary>
        public long NextLocalCSeq()
        {
            LocalCSeq = LocalCSeq <= 0 ? 1 : LocalCSeq + 1;
            return LocalCSeq;
        }
    }
}
