// The in-place parser of SipMessage (RFC 3261 §7, §7.3.1 folding and lists, §7.5 leading CRLFs,
// §18.3 framing by Content-Length, §8.2.2.2-style required headers). One pass over the header
// block: each logical line is found (folded continuations are unfolded in place by overwriting
// CR LF with spaces), its name looked up, its value trimmed and split when the header is a list,
// and the fields the layers above need are decoded on the spot. Non-fatal errors are recorded
// (first one wins) and parsing goes on so that CanAnswer can tell whether a 400 is possible;
// fatal ones (line too long, too many headers, garbage start line, truncation) stop at once.
// Depends on the Message folder only. Never throws on input; allocates nothing.
namespace Endpoint.Sip.Message
{
    public sealed partial class SipMessage
    {
        private const byte CR = 13;
        private const byte LF = 10;
        private const byte SP = 32;
        private const byte HT = 9;

        private static readonly byte[] _sipSlash = SipAscii.Bytes("sip/");
        private static readonly byte[] _v20 = SipAscii.Bytes("sip/2.0");

        private bool _stream;
        private bool _scanLimited;
        private bool _viaBroken;
        private bool _callIdPresent, _cseqPresent;
        private bool _fromSeen, _toSeen, _callIdSeen, _cseqSeen, _clSeen, _mfSeen, _expSeen;

        /// <summary>
        /// Parses a complete datagram (UDP) or an already framed message: bytes after the body
        /// announced by Content-Length are ignored (§18.3); a missing Content-Length means the body
        /// runs to the end. Incomplete input is Malformed (Truncated / Content-Length mismatch).
        /// Folded header lines are unfolded in <paramref name="buffer"/> itself.
        /// </summary>
        public SipParseStatus Parse(byte[] buffer, int offset, int count)
        {
            return ParseCore(buffer, offset, count, false);
        }

        /// <summary>
        /// Parses the start of a stream (TCP): returns NeedMoreData while the header block or the
        /// body is incomplete; a missing Content-Length means no body. On Ok, <see cref="Length"/>
        /// is the number of bytes the message occupies.
        /// </summary>
        public SipParseStatus ParseStream(byte[] buffer, int offset, int count)
        {
            return ParseCore(buffer, offset, count, true);
        }

        private void Reset()
        {
            _count = 0;
            _length = 0;
            _status = SipParseStatus.Malformed;
            _error = SipError.None;
            _isRequest = false;
            _startLineOk = false;
            _method = SipMethod.Unknown;
            _methodText = new Slice(0, 0);
            _requestUriText = new Slice(0, 0);
            _requestUri = new SipUri();
            _version = new Slice(0, 0);
            _statusCode = 0;
            _reason = new Slice(0, 0);
            _topVia = new SipVia();
            _viaOk = false;
            _viaCount = 0;
            _viaBroken = false;
            _callIdPresent = _cseqPresent = false;
            _from = new SipNameAddr();
            _fromOk = false;
            _to = new SipNameAddr();
            _toOk = false;
            _callId = new Slice(0, 0);
            _hasCallId = false;
            _cseq = 0;
            _cseqMethod = SipMethod.Unknown;
            _cseqMethodText = new Slice(0, 0);
            _cseqOk = false;
            _contentLength = -1;
            _maxForwards = -1;
            _expires = -1;
            _contactStar = false;
            _body = new Slice(0, 0);
            _fromSeen = _toSeen = _callIdSeen = _cseqSeen = _clSeen = _mfSeen = _expSeen = false;
        }

        private void SetError(SipError e)
        {
            if (_error == SipError.None) _error = e;
        }

        private SipParseStatus Fail(SipError e)
        {
            SetError(e);
            _status = SipParseStatus.Malformed;
            return _status;
        }

        private SipParseStatus Incomplete(SipError e)
        {
            if (!_stream) return Fail(e);
            if (_scanLimited) return Fail(SipError.MessageTooLarge);
            _status = SipParseStatus.NeedMoreData;
            return _status;
        }

        private SipParseStatus ParseCore(byte[] b, int offset, int count, bool stream)
        {
            if (b == null || offset < 0 || count < 0 || offset + count > b.Length) throw new System.ArgumentException("buffer range");
            Reset();
            _buf = b;
            _offset = offset;
            _stream = stream;
            int dataEnd = offset + count;
            if (!stream && count > _maxMessageSize) return Fail(SipError.MessageTooLarge);
            _scanLimited = count > _maxMessageSize;
            int end = _scanLimited ? offset + _maxMessageSize : dataEnd;

            int i = offset;
            while (i < end && (b[i] == CR || b[i] == LF)) i++;
            if (i >= end) return Incomplete(SipError.Truncated);

            // start line
            int ls = i;
            int limit = ls + _maxLineLength + 2;
            if (limit > end) limit = end;
            int lf = -1;
            bool bad = false;
            for (; i < limit; i++)
            {
                byte c = b[i];
                if (c < SP)
                {
                    if (c == LF) { lf = i; break; }
                    if (c != HT && (c != CR || i + 1 >= end || b[i + 1] != LF)) bad = true;
                }
            }
            if (lf < 0)
            {
                if (limit == ls + _maxLineLength + 2) return Fail(SipError.LineTooLong);
                return Incomplete(SipError.Truncated);
            }
            int le = lf > ls && b[lf - 1] == CR ? lf - 1 : lf;
            if (le - ls > _maxLineLength) return Fail(SipError.LineTooLong);
            if (bad) return Fail(SipError.InvalidCharacter);
            if (!ParseStartLine(ls, le)) return _status;

            // header block
            i = lf + 1;
            int bodyStart;
            while (true)
            {
                if (i >= end) return Incomplete(SipError.Truncated);
                byte c0 = b[i];
                if (c0 == LF) { bodyStart = i + 1; break; }
                if (c0 == CR)
                {
                    if (i + 1 >= end) return Incomplete(SipError.Truncated);
                    if (b[i + 1] == LF) { bodyStart = i + 2; break; }
                    return Fail(SipError.InvalidCharacter);
                }
                ls = i;
                limit = ls + _maxLineLength + 2;
                if (limit > end) limit = end;
                bad = false;
                while (true)
                {
                    lf = -1;
                    for (; i < limit; i++)
                    {
                        byte c = b[i];
                        if (c < SP)
                        {
                            if (c == LF) { lf = i; break; }
                            if (c != HT && (c != CR || i + 1 >= end || b[i + 1] != LF)) bad = true;
                        }
                    }
                    if (lf < 0)
                    {
                        if (limit == ls + _maxLineLength + 2) return Fail(SipError.LineTooLong);
                        return Incomplete(SipError.Truncated);
                    }
                    if (lf + 1 >= end) return Incomplete(SipError.Truncated);
                    byte n = b[lf + 1];
                    if (n != SP && n != HT) break;
                    b[lf] = SP;
                    if (lf > ls && b[lf - 1] == CR) b[lf - 1] = SP;
                    i = lf + 1;
                }
                le = lf > ls && b[lf - 1] == CR ? lf - 1 : lf;
                if (le - ls > _maxLineLength) return Fail(SipError.LineTooLong);
                if (bad) SetError(SipError.InvalidCharacter);
                if (!AddHeaderLine(ls, le)) return _status;
                i = lf + 1;
            }

            // body framing (§18.3)
            int avail = dataEnd - bodyStart;
            if (_contentLength >= 0)
            {
                if (bodyStart - offset + (long)_contentLength > _maxMessageSize)
                {
                    if (_stream) return Fail(SipError.MessageTooLarge);
                    SetError(SipError.ContentLengthMismatch);
                    _body = new Slice(bodyStart, avail);
                    _length = count;
                }
                else if (_contentLength > avail)
                {
                    if (_stream) return Incomplete(SipError.ContentLengthMismatch);
                    SetError(SipError.ContentLengthMismatch);
                    _body = new Slice(bodyStart, avail);
                    _length = count;
                }
                else
                {
                    _body = new Slice(bodyStart, _contentLength);
                    _length = bodyStart + _contentLength - offset;
                }
            }
            else if (_stream)
            {
                _body = new Slice(bodyStart, 0);
                _length = bodyStart - offset;
            }
            else
            {
                _body = new Slice(bodyStart, avail);
                _length = count;
            }

            if (_viaCount == 0) SetError(SipError.MissingVia);
            if (!_fromSeen) SetError(SipError.MissingFrom);
            if (!_toSeen) SetError(SipError.MissingTo);
            if (!_callIdSeen) SetError(SipError.MissingCallId);
            if (!_cseqSeen) SetError(SipError.MissingCSeq);
            if (_isRequest && _cseqOk && !SipAscii.EqualsExact(b, _methodText, b, _cseqMethodText)) SetError(SipError.CSeqMethodMismatch);
            _status = _error == SipError.None ? SipParseStatus.Ok : SipParseStatus.Malformed;
            return _status;
        }

        private bool ParseStartLine(int ls, int le)
        {
            byte[] b = _buf;
            if (SipAscii.StartsWithIgnoreCase(b, new Slice(ls, le - ls), _sipSlash))
            {
                // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
                _isRequest = false;
                int sp = SipAscii.IndexOf(b, SP, ls, le);
                if (sp < 0) { Fail(SipError.BadStartLine); return false; }
                _version = Slice.FromTo(ls, sp);
                if (!SipAscii.EqualsIgnoreCase(b, _version, _v20)) { Fail(SipError.BadVersion); return false; }
                int cs = sp + 1;
                if (cs + 3 > le || (cs + 3 < le && b[cs + 3] != SP)) { Fail(SipError.BadStatusCode); return false; }
                long code = SipAscii.ParseNumber(b, new Slice(cs, 3), 699);
                if (code < 100) { Fail(SipError.BadStatusCode); return false; }
                _statusCode = (int)code;
                _reason = cs + 4 <= le ? Slice.FromTo(cs + 4, le) : new Slice(le, 0);
                _startLineOk = true;
                return true;
            }
            // Request-Line = Method SP Request-URI SP SIP-Version
            _isRequest = true;
            int k = ls;
            while (k < le && SipAscii.IsToken(b[k])) k++;
            if (k == ls || k >= le || b[k] != SP) { Fail(SipError.BadStartLine); return false; }
            _methodText = Slice.FromTo(ls, k);
            _method = SipMethods.Parse(b, _methodText);
            int last = le - 1;
            while (last > k && b[last] != SP) last--;
            if (last == k) { Fail(SipError.BadStartLine); return false; }
            _version = Slice.FromTo(last + 1, le);
            if (!SipAscii.StartsWithIgnoreCase(b, _version, _sipSlash)) { Fail(SipError.BadStartLine); return false; }
            _startLineOk = true;
            if (!SipAscii.EqualsIgnoreCase(b, _version, _v20)) SetError(SipError.BadVersion);
            _requestUriText = Slice.FromTo(k + 1, last);
            bool uriOk = _requestUriText.Length > 0 && SipAscii.IndexOf(b, SP, _requestUriText.Start, _requestUriText.End) < 0
                && SipUri.TryParse(b, _requestUriText, out _requestUri);
            if (!uriOk) SetError(SipError.BadRequestUri);
            return true;
        }

        private bool AddHeaderLine(int ls, int le)
        {
            byte[] b = _buf;
            int k = ls;
            while (k < le && SipAscii.IsToken(b[k])) k++;
            int nameEnd = k;
            while (k < le && (b[k] == SP || b[k] == HT)) k++;
            if (nameEnd == ls || k >= le || b[k] != (byte)':')
            {
                SetError(SipError.BadHeaderLine);
                return true;
            }
            Slice name = new Slice(ls, nameEnd - ls);
            int vs = k + 1;
            while (vs < le && (b[vs] == SP || b[vs] == HT)) vs++;
            int ve = le;
            while (ve > vs && (b[ve - 1] == SP || b[ve - 1] == HT)) ve--;
            Slice value = new Slice(vs, ve - vs);
            SipHeaderId id = SipHeaders.Lookup(b, name);
            if (SipHeaders.IsList(id) && !(id == SipHeaderId.Contact && value.Length == 1 && b[vs] == (byte)'*'))
            {
                SipListIterator it = new SipListIterator(b, value);
                Slice item;
                int added = 0;
                while (it.Next(out item))
                {
                    if (!Add(id, name, item)) return false;
                    added++;
                }
                if (it.Error)
                {
                    SetError(it.UnterminatedQuote ? SipError.UnterminatedQuote : SipError.UnterminatedAngle);
                    if (id == SipHeaderId.Via) { _viaBroken = true; _viaOk = false; }
                }
                else if (added == 0)
                {
                    if (id == SipHeaderId.Via) SetError(SipError.BadVia);
                    return Add(id, name, value);
                }
                return true;
            }
            return Add(id, name, value);
        }

        private bool Add(SipHeaderId id, Slice name, Slice value)
        {
            int n = _count;
            if (n >= _maxHeaders)
            {
                Fail(SipError.TooManyHeaders);
                return false;
            }
            _ids[n] = (byte)id;
            _nameStart[n] = name.Start;
            _nameLen[n] = name.Length;
            _valStart[n] = value.Start;
            _valLen[n] = value.Length;
            _count = n + 1;
            if (id != SipHeaderId.Unknown) Decode(id, value);
            return true;
        }

        private void Decode(SipHeaderId id, Slice value)
        {
            byte[] b = _buf;
            SipError e;
            switch (id)
            {
                case SipHeaderId.Via:
                    if (_viaBroken) return;
                    _viaCount++;
                    if (_viaCount == 1)
                    {
                        _viaOk = SipVia.TryParse(b, value, out _topVia);
                        if (!_viaOk) SetError(SipError.BadVia);
                    }
                    return;
                case SipHeaderId.From:
                    if (_fromSeen) { SetError(SipError.DuplicateHeader); return; }
                    _fromSeen = true;
                    e = SipNameAddr.Parse(b, value, out _from);
                    _fromOk = e == SipError.None;
                    if (!_fromOk) SetError(e == SipError.BadHeaderLine ? SipError.BadFrom : e);
                    return;
                case SipHeaderId.To:
                    if (_toSeen) { SetError(SipError.DuplicateHeader); return; }
                    _toSeen = true;
                    e = SipNameAddr.Parse(b, value, out _to);
                    _toOk = e == SipError.None;
                    if (!_toOk) SetError(e == SipError.BadHeaderLine ? SipError.BadTo : e);
                    return;
                case SipHeaderId.CallId:
                    if (_callIdSeen) { SetError(SipError.DuplicateHeader); return; }
                    _callIdSeen = true;
                    if (value.Length == 0) { SetError(SipError.MissingCallId); return; }
                    bool spaces = false;
                    for (int k = value.Start; k < value.End; k++)
                    {
                        if (b[k] < SP || b[k] == 127) { SetError(SipError.BadCallId); return; }
                        if (b[k] == SP) spaces = true;
                    }
                    _callIdPresent = true;
                    if (spaces) { SetError(SipError.BadCallId); return; }
                    _callId = value;
                    _hasCallId = true;
                    return;
                case SipHeaderId.CSeq:
                    if (_cseqSeen) { SetError(SipError.DuplicateHeader); return; }
                    _cseqSeen = true;
                    _cseqPresent = value.Length > 0;
                    DecodeCSeq(value);
                    return;
                case SipHeaderId.ContentLength:
                    if (_clSeen) { SetError(SipError.DuplicateHeader); return; }
                    _clSeen = true;
                    long cl = SipAscii.ParseNumber(b, value, int.MaxValue);
                    if (cl < 0) SetError(SipError.BadContentLength);
                    else _contentLength = (int)cl;
                    return;
                case SipHeaderId.MaxForwards:
                    if (_mfSeen) { SetError(SipError.DuplicateHeader); return; }
                    _mfSeen = true;
                    long mf = SipAscii.ParseNumber(b, value, 255);
                    if (mf < 0) SetError(SipError.BadMaxForwards);
                    else _maxForwards = (int)mf;
                    return;
                case SipHeaderId.Expires:
                    if (_expSeen) { SetError(SipError.DuplicateHeader); return; }
                    _expSeen = true;
                    _expires = ParseDeltaSeconds(b, value);
                    if (_expires < 0) SetError(SipError.BadExpires);
                    return;
                case SipHeaderId.Contact:
                    if (value.Length == 1 && b[value.Start] == (byte)'*') _contactStar = true;
                    return;
            }
        }

        private void DecodeCSeq(Slice value)
        {
            byte[] b = _buf;
            int k = value.Start, end = value.End;
            while (k < end && SipAscii.IsDigit(b[k])) k++;
            long n = SipAscii.ParseNumber(b, Slice.FromTo(value.Start, k), int.MaxValue);
            int ms = k;
            while (ms < end && (b[ms] == SP || b[ms] == HT)) ms++;
            if (n < 0 || ms == k || ms >= end) { SetError(SipError.BadCSeq); return; }
            int me = ms;
            while (me < end && SipAscii.IsToken(b[me])) me++;
            if (me != end) { SetError(SipError.BadCSeq); return; }
            _cseq = n;
            _cseqMethodText = Slice.FromTo(ms, me);
            _cseqMethod = SipMethods.Parse(b, _cseqMethodText);
            _cseqOk = true;
        }

        /// <summary>delta-seconds: digits only; values past 2^32-1 are taken as 2^32-1 (RFC 3261 §20.19). -1 if malformed.</summary>
        internal static long ParseDeltaSeconds(byte[] b, Slice v)
        {
            if (v.Length == 0) return -1;
            long n = 0;
            for (int k = v.Start; k < v.End; k++)
            {
                int d = b[k] - '0';
                if (d < 0 || d > 9) return -1;
                if (n < 0x100000000L) n = n * 10 + d;
            }
            return n > 0xFFFFFFFFL ? 0xFFFFFFFFL : n;
        }
    }
}
