// Outgoing instant messages (RFC 3428 MESSAGE outside a dialog): a new Call-ID and From tag per
// message, To = the target, sent like any out-of-dialog request (outbound proxy / registrar /
// target host), retried with credentials after 401/407 as a new transaction with CSeq + 1, and
// reported to the application as MessageResult (2xx = delivered). Bodies are copied into a
// fixed slot (MaxMessages slots of MessageBodyBytes). Depends on the Message, Transaction and
// Dialog folders.
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    internal sealed class UaMessageSlot
    {
        internal bool InUse;
        internal int Generation;
        internal int Tx = -1;
        internal long CSeq;
        internal int AuthAttempts;
        internal bool HadCredentials;
        internal readonly ByteField CallId = new ByteField(32);
        internal readonly ByteField Tag = new ByteField(16);
        internal readonly ByteField Target;
        internal readonly ByteField ContentType = new ByteField(64);
        internal readonly ByteField Body;

        internal UaMessageSlot(int uriBytes, int bodyBytes)
        {
            Target = new ByteField(uriBytes);
            Body = new ByteField(bodyBytes);
        }
    }

    public sealed partial class UserAgent
    {
        private UaMessageSlot[] _messages;

        private void InitMessages()
        {
            _messages = new UaMessageSlot[_cfg.MaxMessages];
            for (int i = 0; i < _messages.Length; i++) _messages[i] = new UaMessageSlot(_cfg.Dialog.UriBytes, _cfg.MessageBodyBytes);
        }

        /// <summary>
        /// Sends a MESSAGE to <paramref name="targetUri"/> ("sip:bob@example.com" or "bob").
        /// Returns a handle (≥ 0) that the MessageResult event carries, or the negated UaStatus.
        /// </summary>
        public int SendMessage(string targetUri, string contentType, byte[] body, int offset, int count, long nowMs)
        {
            if (targetUri == null || body == null || count < 0 || offset < 0 || offset + count > body.Length) return -(int)UaStatus.BadArgument;
            string target = targetUri.IndexOf(':') < 0 ? "sip:" + targetUri + "@" + UaAddress.UriHost(_domain) : targetUri;
            int index = -1;
            for (int i = 0; i < _messages.Length; i++) if (!_messages[i].InUse) { index = i; break; }
            if (index < 0) return -(int)UaStatus.TooManyMessages;
            UaMessageSlot s = _messages[index];
            if (!s.Target.SetAscii(target) || !s.ContentType.SetAscii(contentType != null ? contentType : "text/plain") || !s.Body.Set(body, offset, count))
                return -(int)UaStatus.TooLarge;
            SipUri u;
            if (!SipUri.TryParse(s.Target.Data, s.Target.Slice, out u) || !u.IsSip) return -(int)UaStatus.BadArgument;
            NewCallId(s.CallId);
            Slice t = NewTag();
            s.Tag.Set(_tag, t);
            s.CSeq = 0;
            s.AuthAttempts = 0;
            s.HadCredentials = false;
            s.Generation = (s.Generation + 1) & 0x7FFFFF;
            UaStatus st = SendMessageRequest(s, false, nowMs);
            if (st != UaStatus.Ok) return -(int)st;
            s.InUse = true;
            return (s.Generation << 8) | index;
        }

        private UaStatus SendMessageRequest(UaMessageSlot s, bool withAuth, long nowMs)
        {
            SipUri u;
            SipAddress dst;
            if (!SipUri.TryParse(s.Target.Data, s.Target.Slice, out u) || !OutOfDialogDestination(s.Target.Data, u, out dst)) return UaStatus.BadArgument;
            string target = s.Target.ToText();
            SipWriter w;
            int tx = BeginOutOfDialog(SipMethod.Message, target, dst, out w);
            if (tx < 0) return UaStatus.PoolExhausted;
            s.CSeq++;
            w.HeaderName(SipHeaderId.From);
            w.Ascii(_identity);
            w.Ascii(";tag=");
            w.Raw(s.Tag.Data, s.Tag.Slice);
            w.Crlf();
            w.HeaderName(SipHeaderId.To);
            w.Byte((byte)'<');
            w.Raw(s.Target.Data, s.Target.Slice);
            w.Byte((byte)'>');
            w.Crlf();
            w.Header(SipHeaderId.CallId, s.CallId.Data, s.CallId.Slice);
            w.CSeq(s.CSeq, SipMethod.Message);
            if (withAuth) WriteAuthorization(w, _auth, "MESSAGE", target);
            WriteUserAgent(w, false);
            w.Header(SipHeaderId.ContentType, s.ContentType.Data, s.ContentType.Slice);
            w.Body(s.Body.Data, 0, s.Body.Length);
            UaStatus st = Finish(tx, nowMs);
            if (st == UaStatus.Ok) s.Tx = tx;
            return st;
        }

        private bool OnMessageResponse(int txId, SipMessage r, long nowMs)
        {
            for (int i = 0; i < _messages.Length; i++)
            {
                UaMessageSlot s = _messages[i];
                if (!s.InUse || s.Tx != txId) continue;
                int code = r.StatusCode;
                if (code < 200) return true;
                if ((code == 401 || code == 407) && AcceptChallenge(r, ref s.AuthAttempts, ref s.HadCredentials)
                    && SendMessageRequest(s, true, nowMs) == UaStatus.Ok) return true;
                string reason = code < 300 ? null : (code == 401 || code == 407) ? AuthFailureReason() : UaText.FailureReason(code);
                MessageDone(i, code, reason);
                return true;
            }
            return false;
        }

        private bool OnMessageTimeout(int txId)
        {
            for (int i = 0; i < _messages.Length; i++)
            {
                if (_messages[i].InUse && _messages[i].Tx == txId) { MessageDone(i, 408, UaText.FailureReason(408)); return true; }
            }
            return false;
        }

        private void MessageDone(int index, int code, string reason)
        {
            UaMessageSlot s = _messages[index];
            s.InUse = false;
            s.Tx = -1;
            UaEvent e = _events.Post(UaEventKind.MessageResult, -1);
            if (e == null) return;
            e.Handle = (s.Generation << 8) | index;
            e.Code = code;
            e.Reason = reason;
        }

        private void AbortMessages()
        {
            for (int i = 0; i < _messages.Length; i++) if (_messages[i].InUse) MessageDone(i, 503, UaText.AddressChanged);
        }
    }
}
