// What the user agent tells the application: incoming and progressing calls with their SDP,
// re-INVITE offers to answer, call ends with a code and a reason, MESSAGE and INFO bodies,
// registration results. One preallocated record per queue slot; bodies, peer URI and display
// name are copied into fixed buffers so the receive buffer can be reused at once. The SDP is
// opaque here: the application joins it with the media layer. Depends on nothing but the
// Message folder's SipAscii (for the text helpers, which allocate and are meant for UI/logs).
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Ua
{
    /// <summary>Kinds of events.</summary>
    public enum UaEventKind
    {
        /// <summary>No event.</summary>
        None = 0,
        /// <summary>A new INVITE: Call, PeerUri/PeerName (From), Body = SDP offer (may be empty: late offer).</summary>
        IncomingCall,
        /// <summary>180/183 to our INVITE: Code, Body = early SDP if any.</summary>
        CallProgress,
        /// <summary>2xx to our INVITE (ACK already sent): Body = SDP answer.</summary>
        CallAnswered,
        /// <summary>The ACK for our 2xx arrived: the call is up. Body = SDP in the ACK (late offer answer), usually empty.</summary>
        CallConfirmed,
        /// <summary>A re-INVITE with a new offer (hold/resume...): answer with Answer(call, sdp) or Reject(call, 488).</summary>
        ReinviteReceived,
        /// <summary>2xx to our re-INVITE: Body = SDP answer.</summary>
        ReinviteAnswered,
        /// <summary>Our re-INVITE failed (Code) or an incoming re-INVITE was cancelled (487); the call goes on unchanged.</summary>
        ReinviteFailed,
        /// <summary>The call is over: Code (SIP status or 0) and Reason ("busy", "declined", "remote hangup" ...).</summary>
        CallEnded,
        /// <summary>A MESSAGE (RFC 3428) arrived: PeerUri, ContentType, Body (Call is set for in-dialog ones).</summary>
        MessageReceived,
        /// <summary>Final outcome of SendMessage: Handle, Code (2xx = delivered), Reason.</summary>
        MessageResult,
        /// <summary>An INFO arrived in a call (e.g. application/dtmf-relay): ContentType, Body.</summary>
        InfoReceived,
        /// <summary>The registrar accepted our binding: Code = granted expires in seconds.</summary>
        Registered,
        /// <summary>Registration failed: Code (SIP status, 408 for timeout, 0 for local), Reason. A retry is scheduled.</summary>
        RegistrationFailed,
        /// <summary>Our binding was removed (or the un-REGISTER gave up).</summary>
        Unregistered,
    }

    /// <summary>One event; valid until the next Poll of the queue.</summary>
    public sealed class UaEvent
    {
        private static readonly string[] _names =
        {
            "none", "incoming-call", "call-progress", "call-answered", "call-confirmed", "reinvite-received",
            "reinvite-answered", "reinvite-failed", "call-ended", "message-received", "message-result",
            "info-received", "registered", "registration-failed", "unregistered",
        };

        /// <summary>What happened.</summary>
        public UaEventKind Kind;
        /// <summary>Call handle, or -1.</summary>
        public int Call = -1;
        /// <summary>MESSAGE handle (MessageResult), or -1.</summary>
        public int Handle = -1;
        /// <summary>SIP status code, granted expires (Registered), or 0.</summary>
        public int Code;
        /// <summary>Short human reason (static text or the digest client's explanation), or null.</summary>
        public string Reason;
        /// <summary>Body bytes [0, BodyLength).</summary>
        public readonly byte[] Body;
        /// <summary>Body length.</summary>
        public int BodyLength;
        /// <summary>True when the received body was larger than the event buffer (only possible for responses, e.g. a huge SDP answer): hang up.</summary>
        public bool BodyTruncated;
        /// <summary>Content-Type bytes [0, ContentTypeLength).</summary>
        public readonly byte[] ContentType;
        /// <summary>Content-Type length.</summary>
        public int ContentTypeLength;
        /// <summary>Peer URI (From of a request, To of our INVITE) bytes.</summary>
        public readonly byte[] PeerUri;
        /// <summary>Peer URI length.</summary>
        public int PeerUriLength;
        /// <summary>Peer display name bytes (without quotes).</summary>
        public readonly byte[] PeerName;
        /// <summary>Peer display name length.</summary>
        public int PeerNameLength;

        /// <summary>Creates an event record with the given buffer capacities.</summary>
        public UaEvent(int bodyBytes, int uriBytes, int nameBytes, int contentTypeBytes)
        {
            Body = new byte[bodyBytes];
            PeerUri = new byte[uriBytes];
            PeerName = new byte[nameBytes];
            ContentType = new byte[contentTypeBytes];
        }

        /// <summary>Name of an event kind (for logs and the event line protocol).</summary>
        public static string KindName(UaEventKind k)
        {
            int i = (int)k;
            return i >= 0 && i < _names.Length ? _names[i] : "?";
        }

        internal void Reset(UaEventKind kind, int call)
        {
            Kind = kind;
            Call = call;
            Handle = -1;
            Code = 0;
            Reason = null;
            BodyLength = 0;
            BodyTruncated = false;
            ContentTypeLength = 0;
            PeerUriLength = 0;
            PeerNameLength = 0;
        }

        internal static int Copy(byte[] dst, byte[] src, Slice s)
        {
            int n = s.Length < dst.Length ? s.Length : dst.Length;
            if (n > 0) System.Array.Copy(src, s.Start, dst, 0, n);
            return n < 0 ? 0 : n;
        }

        /// <summary>The body as text (UI/logs; allocates).</summary>
        public string BodyText() { return SipAscii.ToText(Body, new Slice(0, BodyLength)); }
        /// <summary>The content type as text (allocates).</summary>
        public string ContentTypeText() { return SipAscii.ToText(ContentType, new Slice(0, ContentTypeLength)); }
        /// <summary>The peer URI as text (allocates).</summary>
        public string PeerUriText() { return SipAscii.ToText(PeerUri, new Slice(0, PeerUriLength)); }
        /// <summary>The peer display name as text (allocates).</summary>
        public string PeerNameText() { return SipAscii.ToText(PeerName, new Slice(0, PeerNameLength)); }

        /// <summary>One-line description for logs (allocates).</summary>
        public override string ToString()
        {
            return KindName(Kind) + " call=" + Call + " code=" + Code + (Reason != null ? " reason=" + Reason : "");
        }
    }

    /// <summary>Fixed ring of preallocated events; overflow is counted, never thrown.</summary>
    public sealed class UaEventQueue
    {
        private readonly UaEvent[] _slots;
        private int _head;
        private int _count;
        private bool _headTaken;
        private int _dropped;

        /// <summary>Creates <paramref name="slots"/> events with the given body capacity.</summary>
        public UaEventQueue(int slots, int bodyBytes, int uriBytes)
        {
            if (slots < 2) throw new System.ArgumentOutOfRangeException();
            _slots = new UaEvent[slots];
            for (int i = 0; i < slots; i++) _slots[i] = new UaEvent(bodyBytes, uriBytes, 64, 64);
        }

        /// <summary>Events waiting (including the one handed out last, until the next Poll).</summary>
        public int Count { get { return _headTaken ? _count - 1 : _count; } }

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Largest body an event can carry.</summary>
        public int BodyCapacity { get { return _slots[0].Body.Length; } }

        /// <summary>Returns the oldest event, or null. The record stays valid until the next Poll.</summary>
        public UaEvent Poll()
        {
            if (_headTaken)
            {
                _head = (_head + 1) % _slots.Length;
                _count--;
                _headTaken = false;
            }
            if (_count == 0) return null;
            _headTaken = true;
            return _slots[_head];
        }

        /// <summary>Reserves and resets the next record, or returns null (and counts a drop) when full.</summary>
        internal UaEvent Post(UaEventKind kind, int call)
        {
            if (_count == _slots.Length) { _dropped++; return null; }
            UaEvent e = _slots[(_head + _count) % _slots.Length];
            _count++;
            e.Reset(kind, call);
            return e;
        }
    }
}
