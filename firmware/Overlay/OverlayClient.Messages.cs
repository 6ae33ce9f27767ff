// Overlay client, part 5: offline messages and delivery receipts.
// Sending: a signed message record (random 128-bit id, expiry created + MessageLifetimeS) is
// POSTed under the recipient's inbox key ("sip-inbox:" + AOR) and re-posted unchanged (same value
// id and bytes) every RefreshMs, since a DHT value lives 10 minutes, until a receipt arrives or
// the message expires (MessageFailed). Receiving: our inbox listen stream delivers messages and
// receipts; a valid message not in the SeenIdSet is shown once (MessageReceived, SeenIdsChanged)
// and answered with a receipt under the sender's inbox key; a message seen again (re-posted
// because our receipt was lost, or after a reboot) gets the receipt again, at most once per
// ReceiptRepeatMs. A receipt for a message we are still re-posting gives MessageDelivered.
// Limitation: if the sender goes offline before the recipient comes online and stays away more
// than 10 minutes, the message is no longer stored (nobody re-posts it). Depends on the other parts.
using System.Collections;
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    public sealed partial class OverlayClient
    {
        private const int MaxReceiptMemos = 8;
        private readonly ArrayList _pending = new ArrayList();
        private readonly ArrayList _receiptMemos = new ArrayList();

        /// <summary>Sent messages still awaiting a receipt.</summary>
        public int PendingMessages { get { return _pending.Count; } }

        /// <summary>
        /// Stores an offline message for <paramref name="toAor"/>. Returns its 32-hex id (the id of
        /// the MessageStored/Delivered/Failed events that follow), or null when it cannot be sent:
        /// invalid AOR, text over 255 UTF-8 bytes, no wall clock, not running, or too many pending.
        /// </summary>
        public string SendMessage(string toAor, string text, long nowMs)
        {
            string to = Aor.Normalize(toAor);
            if (to == null || !_clockKnown || (_phase != PhaseRunning && _phase != PhaseSelecting)) return null;
            if (_pending.Count >= _s.MaxPendingMessages) return null;
            long unix = NowUnix(nowMs);
            MessageRecord m = new MessageRecord();
            m.Kind = RecordFormat.KindMessage;
            _rng.NextBytes(m.MessageId, 0, RecordFormat.MessageIdBytes);
            m.From = _aor;
            m.To = to;
            m.Text = text == null ? "" : text;
            m.Created = unix;
            m.Expires = unix + _s.MessageLifetimeS;
            int len = _writer.WriteMessage(_recBuf, 0, m);
            if (len < 0) return null;
            SentMessage sm = new SentMessage();
            sm.Record = m;
            sm.IdHex = m.IdHex;
            sm.ToHash = DhtKey.HashHex(OverlayKeys.InboxPrefix + to);
            sm.Body = ValueBody(_recBuf, len, out sm.BodyLength);
            _pending.Add(sm);
            PostMessage(sm, nowMs);
            return sm.IdHex;
        }

        private void PostMessage(SentMessage sm, long nowMs)
        {
            OverlayOp op = NewOp(OverlayOp.PostMessage, "POST", DhtRequests.KeyPath(sm.ToHash), sm.Body, sm.BodyLength, false);
            op.Message = sm;
            sm.Op = op;
            sm.NextPostAt = long.MaxValue;
            Issue(op, nowMs);
        }

        private void MessagePosted(OverlayOp op, long nowMs)
        {
            SentMessage sm = op.Message;
            if (sm == null || sm.Op != op) return;
            sm.Op = null;
            sm.NextPostAt = nowMs + _s.RefreshMs;
            if (sm.Stored || !_pending.Contains(sm)) return;
            sm.Stored = true;
            OverlayEvent e = new OverlayEvent(OverlayEventKind.MessageStored);
            e.MessageId = sm.IdHex;
            e.Aor = sm.Record.To;
            Emit(e);
        }

        private void MessagePostFailed(OverlayOp op, long nowMs)
        {
            SentMessage sm = op.Message;
            if (sm == null || sm.Op != op) return;
            sm.Op = null;
            sm.NextPostAt = nowMs + _s.RetryMs;
        }

        private void MessageTimer(long nowMs)
        {
            long unix = NowUnix(nowMs);
            for (int i = _pending.Count - 1; i >= 0; i--)
            {
                if (i >= _pending.Count) continue;
                SentMessage sm = (SentMessage)_pending[i];
                if (unix >= sm.Record.Expires)
                {
                    _pending.RemoveAt(i);
                    Cancel(sm.Op);
                    sm.Op = null;
                    OverlayEvent e = new OverlayEvent(OverlayEventKind.MessageFailed);
                    e.MessageId = sm.IdHex;
                    e.Aor = sm.Record.To;
                    e.Detail = "expired-undelivered";
                    Emit(e);
                    continue;
                }
                if (sm.Op == null && _active >= 0 && nowMs >= sm.NextPostAt) PostMessage(sm, nowMs);
            }
        }

        private long MessageDeadline()
        {
            long d = long.MaxValue;
            for (int i = 0; i < _pending.Count; i++)
            {
                SentMessage sm = (SentMessage)_pending[i];
                if (sm.Op == null && _active >= 0 && sm.NextPostAt < d) d = sm.NextPostAt;
                if (_clockKnown)
                {
                    long exp = _unixAtMs + (sm.Record.Expires - _unixBase) * 1000;
                    if (exp < d) d = exp;
                }
            }
            return d;
        }

        private void InboxLine(byte[] buf, int offset, int count, long nowMs)
        {
            if (_value.Parse(buf, offset, count) != DhtValueStatus.Ok || _value.Expired || !_value.HasData) return;
            RecordStatus rs = _verifier.Verify(_value.Data, 0, _value.DataLength, RecordFormat.KindInbox,
                _aorBytes, 0, _aorBytes.Length, NowUnix(nowMs));
            if (rs != RecordStatus.Ok) return;
            RecordReader r = _verifier.Reader;
            if (r.Kind == RecordFormat.KindReceipt)
            {
                ReceiptArrived(r);
                return;
            }
            if (_seen.Add(r.Buffer, r.MsgIdOffset))
            {
                MessageRecord m = MessageRecord.Read(r);
                OverlayEvent e = new OverlayEvent(OverlayEventKind.MessageReceived);
                e.Message = m;
                e.MessageId = m.IdHex;
                e.Aor = m.From;
                Emit(e);
                Emit(new OverlayEvent(OverlayEventKind.SeenIdsChanged));
                SendReceipt(m, nowMs);
                return;
            }
            ReceiptMemo memo = FindMemo(r.Buffer, r.MsgIdOffset);
            if (memo != null && nowMs - memo.LastSentMs < _s.ReceiptRepeatMs) return;
            SendReceipt(MessageRecord.Read(r), nowMs);
        }

        private void ReceiptArrived(RecordReader r)
        {
            for (int i = 0; i < _pending.Count; i++)
            {
                SentMessage sm = (SentMessage)_pending[i];
                if (!Utf8Field.Equal(sm.Record.MessageId, 0, RecordFormat.MessageIdBytes, r.Buffer, r.MsgIdOffset, RecordFormat.MessageIdBytes)) continue;
                // The receipt must come from the recipient we wrote to.
                byte[] to = Utf8Field.Bytes(sm.Record.To);
                if (!Utf8Field.Equal(to, 0, to.Length, r.Buffer, r.FromOffset, r.FromLength)) return;
                _pending.RemoveAt(i);
                Cancel(sm.Op);
                sm.Op = null;
                OverlayEvent e = new OverlayEvent(OverlayEventKind.MessageDelivered);
                e.MessageId = sm.IdHex;
                e.Aor = sm.Record.To;
                Emit(e);
                return;
            }
        }

        private void SendReceipt(MessageRecord m, long nowMs)
        {
            long unix = NowUnix(nowMs);
            MessageRecord rc = new MessageRecord();
            rc.Kind = RecordFormat.KindReceipt;
            for (int i = 0; i < RecordFormat.MessageIdBytes; i++) rc.MessageId[i] = m.MessageId[i];
            rc.From = _aor;
            rc.To = m.From;
            rc.Text = "";
            rc.Created = unix;
            rc.Expires = m.Expires > unix ? m.Expires : unix + 600;
            int len = _writer.WriteMessage(_recBuf, 0, rc);
            if (len < 0) return;
            string hash = OverlayKeys.InboxHash(m.From);
            if (hash == null) return;
            int bodyLength;
            byte[] body = ValueBody(_recBuf, len, out bodyLength);
            Issue(NewOp(OverlayOp.PostReceipt, "POST", DhtRequests.KeyPath(hash), body, bodyLength, false), nowMs);
            ReceiptMemo memo = FindMemo(m.MessageId, 0);
            if (memo == null)
            {
                if (_receiptMemos.Count >= MaxReceiptMemos) _receiptMemos.RemoveAt(0);
                memo = new ReceiptMemo();
                memo.MessageId = m.MessageId;
                _receiptMemos.Add(memo);
            }
            memo.LastSentMs = nowMs;
        }

        private ReceiptMemo FindMemo(byte[] id, int offset)
        {
            for (int i = 0; i < _receiptMemos.Count; i++)
            {
                ReceiptMemo memo = (ReceiptMemo)_receiptMemos[i];
                if (Utf8Field.Equal(memo.MessageId, 0, RecordFormat.MessageIdBytes, id, offset, RecordFormat.MessageIdBytes)) return memo;
            }
            return null;
        }
    }
}
