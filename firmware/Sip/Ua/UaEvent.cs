// What the user agent tells the application: incoming and progressing calls with their SDP,
// re-INVITE offers to answer, call ends with a code and a reason, MESSAGE and INFO bodies,
// registration results. Queued events are packed back to back in ONE byte buffer (body, peer
// URI, display name, Content-Type), copied out of the receive buffer so it can be reused at once;
// the event handed to the application has its body at offset 0 of that shared buffer (Poll
// slides the rest down) and its URI, name and type in small buffers of its own. The SDP is
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
        /// <summary>Body bytes [0, BodyLength) (a buffer shared by the queue: valid until the next Poll).</summary>
        public readonly byte[] Body;
        private int _bodyAt;
        private int _bodyRoom;
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
            : this(new byte[bodyBytes], uriBytes, nameBytes, contentTypeBytes)
        {
            _bodyRoom = bodyBytes;
        }

        /// <summary>An event record whose body lives in <paramref name="body"/> (the queue's shared buffer).</summary>
        internal UaEvent(byte[] body, int uriBytes, int nameBytes, int contentTypeBytes)
        {
            Body = body;
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

        /// <summary>Where this record's body is written and how many bytes it may take (set by the queue).</summary>
        internal void PlaceBody(int at, int room)
        {
            _bodyAt = at;
            _bodyRoom = room;
        }

        /// <summary>Copies a body in (truncating to the room the queue gave), setting BodyLength and BodyTruncated.</summary>
        internal void SetBody(byte[] src, Slice s)
        {
            int n = s.Length < _bodyRoom ? s.Length : _bodyRoom;
            if (n < 0) n = 0;
            if (n > 0) System.Array.Copy(src, s.Start, Body, _bodyAt, n);
            BodyLength = n;
            BodyTruncated = s.Length > n;
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

    /// <summary>
    /// FIFO of events packed in one shared byte buffer. The UA fills a staging record (Post) that
    /// is appended on the next Post or Poll; Poll hands out one reused record whose body sits at
    /// offset 0 of the shared buffer. Overflow (records or bytes) is counted, never thrown.
    /// </summary>
    public sealed class UaEventQueue
    {
        private const int NameBytes = 64;
        private const int TypeBytes = 64;
        private readonly byte[] _data;
        private readonly int _maxBody;
        private readonly UaEvent _staging;
        private readonly UaEvent _current;
        private bool _staged;
        private bool _headTaken;
        private int _used;
        private int _dropped;
        // ring of queued records
        private readonly byte[] _kind;
        private readonly int[] _call;
        private readonly int[] _handle;
        private readonly int[] _code;
        private readonly string[] _reason;
        private readonly bool[] _truncated;
        private readonly int[] _bodyLen;
        private readonly short[] _uriLen;
        private readonly byte[] _nameLen;
        private readonly byte[] _typeLen;
        private int _head;
        private int _count;

        /// <summary>
        /// <paramref name="slots"/> events, bodies up to <paramref name="bodyBytes"/> each, peer URIs
        /// up to <paramref name="uriBytes"/>; <paramref name="storeBytes"/> bytes for all queued
        /// events together (at least one full event).
        /// </summary>
        public UaEventQueue(int slots, int bodyBytes, int uriBytes, int storeBytes)
        {
            if (slots < 2 || bodyBytes < 0 || uriBytes < 16 || uriBytes > 32767) throw new System.ArgumentOutOfRangeException();
            int one = bodyBytes + uriBytes + NameBytes + TypeBytes;
            _data = new byte[storeBytes > one ? storeBytes : one];
            _maxBody = bodyBytes;
            _staging = new UaEvent(_data, uriBytes, NameBytes, TypeBytes);
            _current = new UaEvent(_data, uriBytes, NameBytes, TypeBytes);
            _kind = new byte[slots];
            _call = new int[slots];
            _handle = new int[slots];
            _code = new int[slots];
            _reason = new string[slots];
            _truncated = new bool[slots];
            _bodyLen = new int[slots];
            _uriLen = new short[slots];
            _nameLen = new byte[slots];
            _typeLen = new byte[slots];
        }

        /// <summary>Same with room for two full events.</summary>
        public UaEventQueue(int slots, int bodyBytes, int uriBytes) : this(slots, bodyBytes, uriBytes, 2 * (bodyBytes + uriBytes + NameBytes + TypeBytes)) { }

        /// <summary>Events waiting (not counting the one handed out last).</summary>
        public int Count { get { return (_headTaken ? _count - 1 : _count) + (_staged ? 1 : 0); } }

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>
        /// Largest body the next event can carry: the configured maximum, or less while earlier
        /// events still wait to be polled.
        /// </summary>
        public int BodyCapacity
        {
            get
            {
                int free = _data.Length - _used - (_staged ? StagedBytes() : 0) - _staging.PeerUri.Length - NameBytes - TypeBytes;
                if (free < 0) free = 0;
                return free < _maxBody ? free : _maxBody;
            }
        }

        private int StagedBytes()
        {
            UaEvent e = _staging;
            return e.BodyLength + e.PeerUriLength + e.PeerNameLength + e.ContentTypeLength;
        }

        /// <summary>Returns the oldest event, or null. The record stays valid until the next Poll.</summary>
        public UaEvent Poll()
        {
            Commit();
            if (_headTaken)
            {
                int n = _bodyLen[_head] + _uriLen[_head] + _nameLen[_head] + _typeLen[_head];
                _used -= n;
                if (_used > 0) System.Array.Copy(_data, n, _data, 0, _used); // slide down: overlap-safe
                _head = (_head + 1) % _kind.Length;
                _count--;
                _headTaken = false;
            }
            if (_count == 0) return null;
            int h = _head;
            UaEvent e = _current;
            e.Reset((UaEventKind)_kind[h], _call[h]);
            e.Handle = _handle[h];
            e.Code = _code[h];
            e.Reason = _reason[h];
            e.BodyTruncated = _truncated[h];
            e.BodyLength = _bodyLen[h];
            e.PlaceBody(0, 0);
            int at = e.BodyLength;
            e.PeerUriLength = _uriLen[h];
            System.Array.Copy(_data, at, e.PeerUri, 0, e.PeerUriLength);
            at += e.PeerUriLength;
            e.PeerNameLength = _nameLen[h];
            System.Array.Copy(_data, at, e.PeerName, 0, e.PeerNameLength);
            at += e.PeerNameLength;
            e.ContentTypeLength = _typeLen[h];
            System.Array.Copy(_data, at, e.ContentType, 0, e.ContentTypeLength);
            _headTaken = true;
            return e;
        }

        /// <summary>Reserves and resets the staging record, or returns null (and counts a drop) when full.</summary>
        internal UaEvent Post(UaEventKind kind, int call)
        {
            Commit();
            if (_count == _kind.Length) { _dropped++; return null; }
            UaEvent e = _staging;
            e.Reset(kind, call);
            int room = _data.Length - _used - e.PeerUri.Length - NameBytes - TypeBytes;
            if (room < 0) room = 0;
            e.PlaceBody(_used, room < _maxBody ? room : _maxBody);
            _staged = true;
            return e;
        }

        /// <summary>Appends the staging record (body already in place) to the queue.</summary>
        private void Commit()
        {
            if (!_staged) return;
            _staged = false;
            UaEvent e = _staging;
            int slot = (_head + _count) % _kind.Length;
            int at = _used + e.BodyLength;
            int u = Append(e.PeerUri, e.PeerUriLength, ref at);
            int n = Append(e.PeerName, e.PeerNameLength, ref at);
            int t = Append(e.ContentType, e.ContentTypeLength, ref at);
            _kind[slot] = (byte)e.Kind;
            _call[slot] = e.Call;
            _handle[slot] = e.Handle;
            _code[slot] = e.Code;
            _reason[slot] = e.Reason;
            _truncated[slot] = e.BodyTruncated;
            _bodyLen[slot] = e.BodyLength;
            _uriLen[slot] = (short)u;
            _nameLen[slot] = (byte)n;
            _typeLen[slot] = (byte)t;
            _used = at;
            _count++;
        }

        private int Append(byte[] src, int length, ref int at)
        {
            int n = length;
            if (n > _data.Length - at) n = _data.Length - at;
            if (n <= 0) return 0;
            System.Array.Copy(src, 0, _data, at, n);
            at += n;
            return n;
        }
    }
}
