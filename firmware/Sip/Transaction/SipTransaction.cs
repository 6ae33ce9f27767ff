// One pooled transaction record (RFC 3261 §17): kind, state, matching keys (branch, sent-by,
// CSeq number and method, Call-ID, From tag, our To tag) copied into a small key buffer, the
// stored request and last response for retransmission (two slots of the layer's shared
// SipByteStore, exactly as long as the messages), the peer address and the timer deadlines.
// Behaviour lives in SipTransactionLayer; this is data plus key and storage helpers.
// Depends on Endpoint.Sip.Message and SipByteStore. Allocated once, by the layer's constructor.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    internal sealed class SipTransaction
    {
        internal const long Never = long.MaxValue;

        private readonly SipByteStore _store;
        private readonly int _reqSlot;
        internal readonly byte[] Keys;
        internal int ResponseCode;
        internal int KeysUsed;

        internal Slice Branch;
        internal Slice SentBy;
        internal Slice CallId;
        internal Slice FromTag;
        internal Slice MethodText;
        internal Slice ToTag;
        internal long CSeq;
        internal SipMethod Method;

        internal int Generation;
        internal SipTxKind Kind;
        internal SipTxState State;
        internal SipAddress Peer;
        internal SipAddress Source;
        internal bool Reliable;

        internal long RetransmitAt;
        internal int Interval;
        internal long EndAt;

        internal int CancelTx;
        internal int InviteTx;
        internal bool AckReceived;

        internal SipTransaction(SipByteStore store, int index, int keyBufferSize)
        {
            _store = store;
            _reqSlot = 2 * index;
            Keys = new byte[keyBufferSize];
            Clear();
        }

        /// <summary>The shared store holding Request and Response bytes.</summary>
        internal byte[] Data { get { return _store.Data; } }
        /// <summary>Offset of the stored request in <see cref="Data"/> (valid until the next store).</summary>
        internal int RequestOffset { get { return _store.Offset(_reqSlot); } }
        /// <summary>Length of the stored request, 0 if none.</summary>
        internal int RequestLength { get { return _store.Length(_reqSlot); } }
        /// <summary>Offset of the stored response in <see cref="Data"/> (valid until the next store).</summary>
        internal int ResponseOffset { get { return _store.Offset(_reqSlot + 1); } }
        /// <summary>Length of the stored response, 0 if none.</summary>
        internal int ResponseLength { get { return _store.Length(_reqSlot + 1); } }

        /// <summary>Keeps a copy of the request; false if the store is full.</summary>
        internal bool StoreRequest(byte[] src, int offset, int count) { return _store.Put(_reqSlot, src, offset, count); }
        /// <summary>Keeps a copy of the last response; false (none kept) if the store is full.</summary>
        internal bool StoreResponse(byte[] src, int offset, int count) { return _store.Put(_reqSlot + 1, src, offset, count); }
        /// <summary>Drops the stored request once nothing will need it again.</summary>
        internal void FreeRequest() { _store.Free(_reqSlot); }

        internal bool InUse { get { return Kind != SipTxKind.None; } }

        internal bool IsClient { get { return Kind == SipTxKind.InviteClient || Kind == SipTxKind.NonInviteClient; } }

        internal void Clear()
        {
            Kind = SipTxKind.None;
            State = SipTxState.Terminated;
            _store.Free(_reqSlot);
            _store.Free(_reqSlot + 1);
            ResponseCode = 0;
            KeysUsed = 0;
            Branch = SentBy = CallId = FromTag = MethodText = ToTag = new Slice(0, 0);
            CSeq = 0;
            Method = SipMethod.Unknown;
            Peer = new SipAddress();
            Source = new SipAddress();
            Reliable = false;
            RetransmitAt = Never;
            Interval = 0;
            EndAt = Never;
            CancelTx = -1;
            InviteTx = -1;
            AckReceived = false;
        }

        /// <summary>Appends a copy of src[s] to the key buffer; false if it does not fit.</summary>
        private bool Store(byte[] src, Slice s, out Slice stored)
        {
            stored = new Slice(KeysUsed, s.Length);
            if (s.Length < 0 || KeysUsed + s.Length > Keys.Length) return false;
            if (s.Length > 0) System.Array.Copy(src, s.Start, Keys, KeysUsed, s.Length);
            KeysUsed += s.Length;
            return true;
        }

        /// <summary>Copies the matching keys of a parsed request; false if they do not fit.</summary>
        internal bool SetKeys(SipMessage m)
        {
            byte[] b = m.Buffer;
            KeysUsed = 0;
            SipVia via = m.TopVia;
            SipNameAddr from = m.From;
            if (!Store(b, via.Branch, out Branch)) return false;
            if (!Store(b, via.SentBy, out SentBy)) return false;
            if (!Store(b, m.CallId, out CallId)) return false;
            if (!Store(b, from.Tag, out FromTag)) return false;
            if (!Store(b, m.IsRequest ? m.MethodText : m.CSeqMethodText, out MethodText)) return false;
            ToTag = new Slice(KeysUsed, 0);
            CSeq = m.CSeq;
            Method = m.IsRequest ? m.Method : m.CSeqMethod;
            return true;
        }

        /// <summary>Records our To tag (server side); false if it does not fit.</summary>
        internal bool SetToTag(byte[] src, Slice tag)
        {
            if (ToTag.Length == tag.Length && SipAscii.EqualsExact(Keys, ToTag, src, tag)) return true;
            return Store(src, tag, out ToTag);
        }

        internal bool BranchIs(byte[] b, Slice branch)
        {
            return SipAscii.EqualsExact(Keys, Branch, b, branch);
        }

        internal bool SentByIs(byte[] b, Slice sentBy)
        {
            return SipAscii.EqualsIgnoreCase(Keys, SentBy, b, sentBy);
        }

        internal bool MethodIs(SipMethod method, byte[] b, Slice text)
        {
            if (Method != SipMethod.Unknown || method != SipMethod.Unknown) return Method == method;
            return SipAscii.EqualsExact(Keys, MethodText, b, text);
        }
    }
}
