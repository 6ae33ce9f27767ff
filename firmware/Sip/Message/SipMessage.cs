// A SIP message (RFC 3261 §7) parsed in place from a receive buffer: the start line, an ordered
// fixed-capacity header table (list-valued headers split per element, §7.3.1), the pre-parsed
// fields every layer needs (top Via, From, To, Call-ID, CSeq, Content-Length, Max-Forwards,
// Expires) and the body slice. Parsing lives in SipMessage.Parse.cs. Depends on the Message
// folder only; no transport, transaction or SDP knowledge. Reusable: one instance per receive
// path, zero allocations per parse once constructed. Limits are constructor arguments.
namespace Endpoint.Sip.Message
{
    /// <summary>An in-place parsed SIP request or response. Reuse one instance per receive path.</summary>
    public sealed partial class SipMessage
    {
        /// <summary>Default largest message accepted, in bytes.</summary>
        public const int DefaultMaxMessageSize = 8192;
        /// <summary>Default largest number of header entries (after list splitting).</summary>
        public const int DefaultMaxHeaders = 64;
        /// <summary>Default longest logical header line (after unfolding), in bytes.</summary>
        public const int DefaultMaxLineLength = 2048;

        private readonly int _maxMessageSize;
        private readonly int _maxHeaders;
        private readonly int _maxLineLength;

        private readonly byte[] _ids;
        private readonly int[] _nameStart;
        private readonly int[] _nameLen;
        private readonly int[] _valStart;
        private readonly int[] _valLen;
        private int _count;

        private byte[] _buf;
        private int _offset;
        private int _length;
        private SipParseStatus _status;
        private SipError _error;
        private bool _isRequest;
        private bool _startLineOk;
        private SipMethod _method;
        private Slice _methodText;
        private Slice _requestUriText;
        private SipUri _requestUri;
        private Slice _version;
        private int _statusCode;
        private Slice _reason;
        private SipVia _topVia;
        private bool _viaOk;
        private int _viaCount;
        private SipNameAddr _from;
        private bool _fromOk;
        private SipNameAddr _to;
        private bool _toOk;
        private Slice _callId;
        private bool _hasCallId;
        private long _cseq;
        private SipMethod _cseqMethod;
        private Slice _cseqMethodText;
        private bool _cseqOk;
        private int _contentLength;
        private int _maxForwards;
        private long _expires;
        private bool _contactStar;
        private Slice _body;

        /// <summary>Creates a message with the default limits (8 KiB, 64 headers, 2 KiB lines).</summary>
        public SipMessage() : this(DefaultMaxMessageSize, DefaultMaxHeaders, DefaultMaxLineLength) { }

        /// <summary>Creates a message with explicit limits; all tables are allocated here.</summary>
        public SipMessage(int maxMessageSize, int maxHeaders, int maxLineLength)
        {
            if (maxMessageSize < 64 || maxHeaders < 8 || maxLineLength < 32) throw new System.ArgumentOutOfRangeException();
            _maxMessageSize = maxMessageSize;
            _maxHeaders = maxHeaders;
            _maxLineLength = maxLineLength;
            _ids = new byte[maxHeaders];
            _nameStart = new int[maxHeaders];
            _nameLen = new int[maxHeaders];
            _valStart = new int[maxHeaders];
            _valLen = new int[maxHeaders];
        }

        /// <summary>Largest message accepted.</summary>
        public int MaxMessageSize { get { return _maxMessageSize; } }
        /// <summary>Largest number of header entries.</summary>
        public int MaxHeaders { get { return _maxHeaders; } }
        /// <summary>Longest logical header line.</summary>
        public int MaxLineLength { get { return _maxLineLength; } }

        /// <summary>The buffer the message was parsed from (all slices index into it).</summary>
        public byte[] Buffer { get { return _buf; } }
        /// <summary>Offset of the message in <see cref="Buffer"/>.</summary>
        public int Offset { get { return _offset; } }
        /// <summary>Bytes the message occupies (headers + body; for streams, bytes to consume).</summary>
        public int Length { get { return _length; } }
        /// <summary>Result of the last parse.</summary>
        public SipParseStatus Status { get { return _status; } }
        /// <summary>First error found (None when Ok).</summary>
        public SipError Error { get { return _error; } }
        /// <summary>Human reason of <see cref="Error"/>.</summary>
        public string ErrorReason { get { return SipErrors.Reason(_error); } }

        /// <summary>True for a request, false for a response.</summary>
        public bool IsRequest { get { return _isRequest; } }
        /// <summary>True for a response.</summary>
        public bool IsResponse { get { return _startLineOk && !_isRequest; } }
        /// <summary>Request method (Unknown for extensions: see MethodText).</summary>
        public SipMethod Method { get { return _method; } }
        /// <summary>Request method text.</summary>
        public Slice MethodText { get { return _methodText; } }
        /// <summary>Request-URI text.</summary>
        public Slice RequestUriText { get { return _requestUriText; } }
        /// <summary>Parsed Request-URI.</summary>
        public SipUri RequestUri { get { return _requestUri; } }
        /// <summary>SIP version text of the start line.</summary>
        public Slice Version { get { return _version; } }
        /// <summary>Response status code.</summary>
        public int StatusCode { get { return _statusCode; } }
        /// <summary>Response reason phrase.</summary>
        public Slice ReasonPhrase { get { return _reason; } }

        /// <summary>The first (top) Via value.</summary>
        public SipVia TopVia { get { return _topVia; } }
        /// <summary>True if the top Via is present and well formed.</summary>
        public bool HasTopVia { get { return _viaOk; } }
        /// <summary>Number of Via values.</summary>
        public int ViaCount { get { return _viaCount; } }
        /// <summary>From header.</summary>
        public SipNameAddr From { get { return _from; } }
        /// <summary>True if From is present and well formed.</summary>
        public bool HasFrom { get { return _fromOk; } }
        /// <summary>To header.</summary>
        public SipNameAddr To { get { return _to; } }
        /// <summary>True if To is present and well formed.</summary>
        public bool HasTo { get { return _toOk; } }
        /// <summary>Call-ID value.</summary>
        public Slice CallId { get { return _callId; } }
        /// <summary>True if Call-ID is present and non-empty.</summary>
        public bool HasCallId { get { return _hasCallId; } }
        /// <summary>CSeq sequence number.</summary>
        public long CSeq { get { return _cseq; } }
        /// <summary>CSeq method.</summary>
        public SipMethod CSeqMethod { get { return _cseqMethod; } }
        /// <summary>CSeq method text.</summary>
        public Slice CSeqMethodText { get { return _cseqMethodText; } }
        /// <summary>True if CSeq is present and well formed.</summary>
        public bool HasCSeq { get { return _cseqOk; } }
        /// <summary>Content-Length, or -1 when absent.</summary>
        public int ContentLength { get { return _contentLength; } }
        /// <summary>Max-Forwards, or -1 when absent.</summary>
        public int MaxForwards { get { return _maxForwards; } }
        /// <summary>Expires header in seconds (clamped to 2^32-1), or -1 when absent.</summary>
        public long Expires { get { return _expires; } }
        /// <summary>True if a Contact is "*" (REGISTER removal of all bindings).</summary>
        public bool ContactStar { get { return _contactStar; } }
        /// <summary>The body (empty if none).</summary>
        public Slice Body { get { return _body; } }

        /// <summary>
        /// True if this is a request other than ACK with a well-formed top Via, well-formed From and
        /// To, and a non-empty Call-ID and CSeq (copied verbatim even when their content is bad), so
        /// that an error response (400 with <see cref="ErrorReason"/>, 505, 416...) can be sent.
        /// </summary>
        public bool CanAnswer
        {
            get { return _startLineOk && _isRequest && _method != SipMethod.Ack && _viaOk && _fromOk && _toOk && _callIdPresent && _cseqPresent; }
        }

        /// <summary>Number of header entries (list headers count once per element).</summary>
        public int HeaderCount { get { return _count; } }

        /// <summary>Id of header entry <paramref name="index"/>.</summary>
        public SipHeaderId GetHeaderId(int index) { return (SipHeaderId)_ids[index]; }

        /// <summary>Name of header entry <paramref name="index"/> as written.</summary>
        public Slice GetHeaderName(int index) { return new Slice(_nameStart[index], _nameLen[index]); }

        /// <summary>Trimmed value of header entry <paramref name="index"/>.</summary>
        public Slice GetHeaderValue(int index) { return new Slice(_valStart[index], _valLen[index]); }

        /// <summary>Index of the first entry with <paramref name="id"/> at or after <paramref name="from"/>, or -1.</summary>
        public int FindHeader(SipHeaderId id, int from)
        {
            byte v = (byte)id;
            for (int i = from < 0 ? 0 : from; i < _count; i++)
            {
                if (_ids[i] == v) return i;
            }
            return -1;
        }

        /// <summary>Index of the first entry with <paramref name="id"/>, or -1.</summary>
        public int FindHeader(SipHeaderId id) { return FindHeader(id, 0); }

        /// <summary>Index of the first entry named <paramref name="lowerName"/> (case-insensitive) at or after <paramref name="from"/>, or -1.</summary>
        public int FindHeader(byte[] lowerName, int from)
        {
            for (int i = from < 0 ? 0 : from; i < _count; i++)
            {
                if (SipAscii.EqualsIgnoreCase(_buf, new Slice(_nameStart[i], _nameLen[i]), lowerName)) return i;
            }
            return -1;
        }

        /// <summary>Number of entries with <paramref name="id"/>.</summary>
        public int CountHeaders(SipHeaderId id)
        {
            int n = 0;
            byte v = (byte)id;
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == v) n++;
            }
            return n;
        }

        /// <summary>Parses the <paramref name="n"/>-th Via value (0 = top). False if absent or malformed.</summary>
        public bool GetVia(int n, out SipVia via)
        {
            int idx = -1;
            for (int k = 0; k <= n; k++)
            {
                idx = FindHeader(SipHeaderId.Via, idx + 1);
                if (idx < 0) { via = new SipVia(); return false; }
            }
            return SipVia.TryParse(_buf, GetHeaderValue(idx), out via);
        }

        /// <summary>Parses header entry <paramref name="index"/> as a name-addr (Contact, Route ...).</summary>
        public SipError GetNameAddr(int index, out SipNameAddr na)
        {
            return SipNameAddr.Parse(_buf, GetHeaderValue(index), out na);
        }

        /// <summary>The slice as a string (logs, UI, tests; allocates).</summary>
        public string Text(Slice s) { return SipAscii.ToText(_buf, s); }
    }
}
