// Writes overlay records (RecordFormat) into a caller's buffer and signs them with alg 1
// (HMAC-SHA256 site key) when a signer is given, or leaves them unsigned when it is null (only
// useful to tests). High level: WriteLocation, WriteMessage (also receipts). Low level, for new
// kinds and tests: Begin, Add*, Finish. A record never exceeds RecordFormat.MaxRecordBytes.
// Depends on RecordFormat, RecordSigner, Utf8Field. No allocation.
namespace Endpoint.Overlay.Records
{
    /// <summary>Builds signed overlay records.</summary>
    public sealed class RecordWriter
    {
        /// <summary>Result of a failed write: buffer too small, record too large or a field too long.</summary>
        public const int Failed = -1;

        private readonly RecordSigner _signer;
        private byte[] _b;
        private int _start;
        private int _p;
        private int _limit;
        private bool _failed;
        private bool _sign;

        /// <summary>Creates a writer; a null signer writes unsigned records.</summary>
        public RecordWriter(RecordSigner signer) { _signer = signer; }

        /// <summary>Writes a location record; returns its length or <see cref="Failed"/>.</summary>
        public int WriteLocation(byte[] dst, int offset, LocationRecord r)
        {
            Begin(dst, offset, RecordFormat.KindLocation);
            AddU63(RecordFormat.FieldSeq, r.Seq);
            AddU63(RecordFormat.FieldExpires, r.Expires);
            AddText(RecordFormat.FieldAor, r.Aor);
            AddByte(RecordFormat.FieldState, (byte)(r.Online ? 1 : 0));
            if (r.Transport != null && r.Transport != "udp") AddText(RecordFormat.FieldTransport, r.Transport);
            int n = r.Contacts == null ? 0 : r.Contacts.Length;
            if (n > RecordFormat.MaxContacts) _failed = true;
            for (int i = 0; i < n && i < RecordFormat.MaxContacts; i++) AddText(RecordFormat.FieldContact, r.Contacts[i]);
            return Finish();
        }

        /// <summary>Writes a message or receipt record (by m.Kind); returns its length or <see cref="Failed"/>.</summary>
        public int WriteMessage(byte[] dst, int offset, MessageRecord m)
        {
            if (m.Kind != RecordFormat.KindMessage && m.Kind != RecordFormat.KindReceipt) throw new System.ArgumentException("kind");
            Begin(dst, offset, m.Kind);
            AddBytes(RecordFormat.FieldMsgId, m.MessageId, 0, RecordFormat.MessageIdBytes);
            AddText(RecordFormat.FieldFrom, m.From);
            AddText(RecordFormat.FieldTo, m.To);
            if (m.Kind == RecordFormat.KindMessage) AddText(RecordFormat.FieldText, m.Text == null ? "" : m.Text);
            AddU63(RecordFormat.FieldCreated, m.Created);
            AddU63(RecordFormat.FieldExpires, m.Expires);
            return Finish();
        }

        /// <summary>Starts a record of a kind at dst[offset..], with the alg field when signing.</summary>
        public void Begin(byte[] dst, int offset, int kind)
        {
            BeginRaw(dst, offset, kind);
            _sign = _signer != null;
            if (_sign)
            {
                if (!Room(2 + 1 + RecordSigner.KeyIdLength)) return;
                _b[_p++] = RecordFormat.FieldAlg;
                _b[_p++] = 1 + RecordSigner.KeyIdLength;
                _b[_p++] = RecordFormat.AlgHmacSha256Site;
                byte[] id = _signer.KeyId;
                for (int i = 0; i < RecordSigner.KeyIdLength; i++) _b[_p++] = id[i];
            }
        }

        /// <summary>Starts a record with no alg field and no signature at Finish (tests build odd records with it).</summary>
        public void BeginRaw(byte[] dst, int offset, int kind)
        {
            if (dst == null) throw new System.ArgumentNullException("dst");
            _b = dst;
            _start = offset;
            _p = offset;
            _limit = offset + RecordFormat.MaxRecordBytes;
            if (_limit > dst.Length) _limit = dst.Length;
            _failed = false;
            _sign = false;
            if (!Room(3)) return;
            _b[_p++] = RecordFormat.Magic;
            _b[_p++] = RecordFormat.Version;
            _b[_p++] = (byte)kind;
        }

        /// <summary>Adds a UTF-8 text field (fails when longer than 255 bytes).</summary>
        public void AddText(byte type, string s)
        {
            if (s == null) { _failed = true; return; }
            if (!Room(2)) return;
            int n = Utf8Field.Write(s, _b, _p + 2, System.Math.Min(RecordFormat.MaxFieldBytes, _limit - _p - 2));
            if (n < 0) { _failed = true; return; }
            _b[_p] = type;
            _b[_p + 1] = (byte)n;
            _p += 2 + n;
        }

        /// <summary>Adds an 8-byte big-endian number field (0..2^63-1).</summary>
        public void AddU63(byte type, long v)
        {
            if (v < 0) { _failed = true; return; }
            if (!Room(10)) return;
            _b[_p++] = type;
            _b[_p++] = 8;
            for (int i = 7; i >= 0; i--) _b[_p++] = (byte)(v >> (8 * i));
        }

        /// <summary>Adds a one-byte field.</summary>
        public void AddByte(byte type, byte v)
        {
            if (!Room(3)) return;
            _b[_p++] = type;
            _b[_p++] = 1;
            _b[_p++] = v;
        }

        /// <summary>Adds a raw bytes field (at most 255 bytes).</summary>
        public void AddBytes(byte type, byte[] src, int offset, int count)
        {
            if (count > RecordFormat.MaxFieldBytes || !Room(2 + count)) { _failed = true; return; }
            _b[_p++] = type;
            _b[_p++] = (byte)count;
            for (int i = 0; i < count; i++) _b[_p++] = src[offset + i];
        }

        /// <summary>Appends the signature (when signing) and returns the record length, or <see cref="Failed"/>.</summary>
        public int Finish()
        {
            if (_sign && Room(2 + RecordSigner.MacLength))
            {
                int signed = _p - _start;
                _b[_p++] = RecordFormat.FieldSig;
                _b[_p++] = RecordSigner.MacLength;
                _signer.Sign(_b, _start, signed, _b, _p);
                _p += RecordSigner.MacLength;
            }
            return _failed ? Failed : _p - _start;
        }

        private bool Room(int n)
        {
            if (_failed) return false;
            if (_p + n > _limit) { _failed = true; return false; }
            return true;
        }
    }
}
