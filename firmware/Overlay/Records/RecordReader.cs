// Structural reader of the overlay record format (RecordFormat): walks the TLV fields once and
// keeps offsets into the caller's buffer (no copies, no allocation). It checks structure only:
// magic, version, field bounds, sizes, duplicates, required fields per kind, clean UTF-8 text,
// signature placement. Whether the signature is valid, the AOR right or the record fresh is
// RecordVerifier's job. Depends on RecordFormat, RecordStatus and Utf8Field.
namespace Endpoint.Overlay.Records
{
    /// <summary>Field views into one record; reused across reads.</summary>
    public sealed class RecordReader
    {
        private readonly int[] _contactOff = new int[RecordFormat.MaxContacts];
        private readonly int[] _contactLen = new int[RecordFormat.MaxContacts];

        /// <summary>The buffer of the last read.</summary>
        public byte[] Buffer { get; private set; }
        /// <summary>Offset of the record in <see cref="Buffer"/>.</summary>
        public int Offset { get; private set; }
        /// <summary>Length of the record.</summary>
        public int Length { get; private set; }
        /// <summary>Record kind (RecordFormat.Kind*).</summary>
        public int Kind { get; private set; }
        /// <summary>Signature algorithm (RecordFormat.Alg*); AlgNone when unsigned.</summary>
        public int Alg { get; private set; }
        /// <summary>Key id offset in Buffer, and length.</summary>
        public int KeyIdOffset { get; private set; }
        /// <summary>Key id length.</summary>
        public int KeyIdLength { get; private set; }
        /// <summary>Offset of the signature value (-1 when none).</summary>
        public int SigOffset { get; private set; }
        /// <summary>Length of the signature value.</summary>
        public int SigLength { get; private set; }
        /// <summary>Bytes covered by the signature, from Offset.</summary>
        public int SignedLength { get; private set; }
        /// <summary>Sequence number (-1 when absent).</summary>
        public long Seq { get; private set; }
        /// <summary>Expiry, Unix seconds (-1 when absent).</summary>
        public long Expires { get; private set; }
        /// <summary>Creation time, Unix seconds (-1 when absent).</summary>
        public long Created { get; private set; }
        /// <summary>Location state: true online.</summary>
        public bool Online { get; private set; }
        /// <summary>AOR field (location).</summary>
        public int AorOffset { get; private set; }
        /// <summary>AOR length (0 when absent).</summary>
        public int AorLength { get; private set; }
        /// <summary>From field.</summary>
        public int FromOffset { get; private set; }
        /// <summary>From length.</summary>
        public int FromLength { get; private set; }
        /// <summary>To field.</summary>
        public int ToOffset { get; private set; }
        /// <summary>To length.</summary>
        public int ToLength { get; private set; }
        /// <summary>Text field.</summary>
        public int TextOffset { get; private set; }
        /// <summary>Text length.</summary>
        public int TextLength { get; private set; }
        /// <summary>Transport field.</summary>
        public int TransportOffset { get; private set; }
        /// <summary>Transport length (0 when absent: udp).</summary>
        public int TransportLength { get; private set; }
        /// <summary>Message id offset (-1 when absent).</summary>
        public int MsgIdOffset { get; private set; }
        /// <summary>Number of contact URIs.</summary>
        public int ContactCount { get; private set; }

        /// <summary>Offset of contact i.</summary>
        public int ContactOffset(int i) { return _contactOff[i]; }

        /// <summary>Length of contact i.</summary>
        public int ContactLength(int i) { return _contactLen[i]; }

        /// <summary>Reads rec[offset, offset+count). Returns Ok, Oversized, UnsupportedVersion or Malformed.</summary>
        public RecordStatus Read(byte[] rec, int offset, int count)
        {
            Buffer = rec;
            Offset = offset;
            Length = count;
            Kind = 0;
            Alg = RecordFormat.AlgNone;
            KeyIdOffset = KeyIdLength = 0;
            SigOffset = -1;
            SigLength = 0;
            SignedLength = 0;
            Seq = Expires = Created = -1;
            Online = false;
            AorOffset = AorLength = FromOffset = FromLength = ToOffset = ToLength = 0;
            TextOffset = TextLength = TransportOffset = TransportLength = 0;
            MsgIdOffset = -1;
            ContactCount = 0;
            bool hasState = false, hasText = false, hasAlg = false;

            if (count > RecordFormat.MaxRecordBytes) return RecordStatus.Oversized;
            if (count < 3 || rec[offset] != RecordFormat.Magic) return RecordStatus.Malformed;
            if (rec[offset + 1] != RecordFormat.Version) return RecordStatus.UnsupportedVersion;
            Kind = rec[offset + 2];
            if (Kind != RecordFormat.KindLocation && Kind != RecordFormat.KindMessage && Kind != RecordFormat.KindReceipt) return RecordStatus.Malformed;

            int p = offset + 3;
            int end = offset + count;
            bool first = true;
            while (p < end)
            {
                if (p + 2 > end) return RecordStatus.Malformed;
                int type = rec[p];
                int len = rec[p + 1];
                int v = p + 2;
                if (v + len > end) return RecordStatus.Malformed;
                switch (type)
                {
                    case RecordFormat.FieldAlg:
                        if (!first || len < 1 || len > 33) return RecordStatus.Malformed;
                        hasAlg = true;
                        Alg = rec[v];
                        KeyIdOffset = v + 1;
                        KeyIdLength = len - 1;
                        break;
                    case RecordFormat.FieldSig:
                        if (len < 1 || len > 64 || v + len != end) return RecordStatus.Malformed;
                        SigOffset = v;
                        SigLength = len;
                        SignedLength = p - offset;
                        break;
                    case RecordFormat.FieldSeq:
                        if (Seq >= 0 || (Seq = ReadU63(rec, v, len)) < 0) return RecordStatus.Malformed;
                        break;
                    case RecordFormat.FieldExpires:
                        if (Expires >= 0 || (Expires = ReadU63(rec, v, len)) < 0) return RecordStatus.Malformed;
                        break;
                    case RecordFormat.FieldCreated:
                        if (Created >= 0 || (Created = ReadU63(rec, v, len)) < 0) return RecordStatus.Malformed;
                        break;
                    case RecordFormat.FieldState:
                        if (hasState || len != 1 || rec[v] > 1) return RecordStatus.Malformed;
                        hasState = true;
                        Online = rec[v] == 1;
                        break;
                    case RecordFormat.FieldMsgId:
                        if (MsgIdOffset >= 0 || len != RecordFormat.MessageIdBytes) return RecordStatus.Malformed;
                        MsgIdOffset = v;
                        break;
                    case RecordFormat.FieldAor:
                        if (AorLength > 0 || !Text(rec, v, len, false)) return RecordStatus.Malformed;
                        AorOffset = v; AorLength = len;
                        break;
                    case RecordFormat.FieldFrom:
                        if (FromLength > 0 || !Text(rec, v, len, false)) return RecordStatus.Malformed;
                        FromOffset = v; FromLength = len;
                        break;
                    case RecordFormat.FieldTo:
                        if (ToLength > 0 || !Text(rec, v, len, false)) return RecordStatus.Malformed;
                        ToOffset = v; ToLength = len;
                        break;
                    case RecordFormat.FieldText:
                        if (hasText || !Text(rec, v, len, true)) return RecordStatus.Malformed;
                        hasText = true;
                        TextOffset = v; TextLength = len;
                        break;
                    case RecordFormat.FieldTransport:
                        if (TransportLength > 0 || !Text(rec, v, len, false) || len > 8) return RecordStatus.Malformed;
                        TransportOffset = v; TransportLength = len;
                        break;
                    case RecordFormat.FieldContact:
                        if (ContactCount >= RecordFormat.MaxContacts || !Text(rec, v, len, false)) return RecordStatus.Malformed;
                        _contactOff[ContactCount] = v;
                        _contactLen[ContactCount] = len;
                        ContactCount++;
                        break;
                    default:
                        break; // unknown field: skipped, but covered by the signature
                }
                first = false;
                p = v + len;
            }
            if (SigOffset >= 0 && !hasAlg) return RecordStatus.Malformed;
            if (Expires < 0) return RecordStatus.Malformed;
            if (Kind == RecordFormat.KindLocation)
            {
                if (Seq < 0 || AorLength == 0 || !hasState) return RecordStatus.Malformed;
                if (Online && ContactCount == 0) return RecordStatus.Malformed;
            }
            else
            {
                if (MsgIdOffset < 0 || FromLength == 0 || ToLength == 0 || Created < 0) return RecordStatus.Malformed;
                if (Kind == RecordFormat.KindMessage && !hasText) return RecordStatus.Malformed;
            }
            return RecordStatus.Ok;
        }

        private static bool Text(byte[] b, int off, int len, bool mayBeEmpty)
        {
            if (len == 0) return mayBeEmpty;
            return Utf8Field.IsCleanText(b, off, len);
        }

        // 8-byte big-endian unsigned below 2^63, or -1.
        private static long ReadU63(byte[] b, int off, int len)
        {
            if (len != 8 || (b[off] & 0x80) != 0) return -1;
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | b[off + i];
            return v;
        }
    }
}
