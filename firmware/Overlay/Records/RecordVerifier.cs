// Reader-side checks of overlay records, each failure with its own reason (RecordStatus):
// structure (RecordReader), signature (alg 1 = HMAC-SHA256 site key; alg 0 = unsigned; others
// unknown), kind, the AOR the key was looked up for, expiry against the wall clock, and, for
// location records, replay (sequence lower than the highest seen for that AOR, ReplayTable).
// Order: size/structure, signature (so a forged record is reported as forged whatever it
// claims), kind, AOR, expiry, replay. Only a fully valid location record raises the replay floor.
// For messages and receipts the expected AOR is the "to" field (the inbox owner); duplicates are
// the SeenIdSet's business, not this class's.
// Wall clock: Unix seconds from the caller (SNTP on the device, the host clock on the desktop).
// Depends on RecordReader, RecordSigner, ReplayTable. No allocation per call.
namespace Endpoint.Overlay.Records
{
    /// <summary>Verifies records; the last verified record's fields stay readable through <see cref="Reader"/>.</summary>
    public sealed class RecordVerifier
    {
        /// <summary>Default limit on how far in the future an expiry may lie: 2 days.</summary>
        public const long DefaultMaxFutureSeconds = 2 * 86400;

        private readonly RecordSigner _signer;
        private readonly ReplayTable _replay;
        private readonly RecordReader _reader = new RecordReader();
        private readonly long _maxFuture;

        /// <summary>Creates a verifier for our site key, remembering up to replayCapacity AORs.</summary>
        public RecordVerifier(RecordSigner signer, int replayCapacity = 16, long maxFutureSeconds = DefaultMaxFutureSeconds)
        {
            if (signer == null) throw new System.ArgumentNullException("signer");
            _signer = signer;
            _replay = new ReplayTable(replayCapacity);
            _maxFuture = maxFutureSeconds;
        }

        /// <summary>Fields of the last record passed to Verify (meaningful when it returned Ok).</summary>
        public RecordReader Reader { get { return _reader; } }

        /// <summary>The replay table (highest sequence per AOR).</summary>
        public ReplayTable Replay { get { return _replay; } }

        /// <summary>
        /// Verifies rec[offset, offset+count) as a record of <paramref name="kind"/> (or
        /// RecordFormat.KindInbox: a message or a receipt) for the AOR
        /// aor[aorOffset, +aorCount) (UTF-8, canonical) at wall-clock time nowUnix (seconds).
        /// </summary>
        public RecordStatus Verify(byte[] rec, int offset, int count, int kind, byte[] aor, int aorOffset, int aorCount, long nowUnix)
        {
            RecordStatus s = _reader.Read(rec, offset, count);
            if (s != RecordStatus.Ok) return s;
            RecordReader r = _reader;
            if (r.Alg == RecordFormat.AlgNone || r.SigOffset < 0) return RecordStatus.Unsigned;
            if (r.Alg != RecordFormat.AlgHmacSha256Site) return RecordStatus.UnknownAlg;
            if (!_signer.IsOurKey(rec, r.KeyIdOffset, r.KeyIdLength)) return RecordStatus.UnknownKey;
            if (!_signer.Check(rec, offset, r.SignedLength, rec, r.SigOffset, r.SigLength)) return RecordStatus.BadSignature;
            bool kindOk = kind == RecordFormat.KindInbox ? r.Kind != RecordFormat.KindLocation : r.Kind == kind;
            if (!kindOk) return RecordStatus.WrongKind;
            bool aorOk = r.Kind == RecordFormat.KindLocation
                ? Utf8Field.Equal(rec, r.AorOffset, r.AorLength, aor, aorOffset, aorCount)
                : Utf8Field.Equal(rec, r.ToOffset, r.ToLength, aor, aorOffset, aorCount);
            if (!aorOk) return RecordStatus.WrongAor;
            if (r.Expires <= nowUnix) return RecordStatus.Expired;
            if (r.Expires - nowUnix > _maxFuture) return RecordStatus.ExpiryTooFar;
            if (r.Kind == RecordFormat.KindLocation && !_replay.Accept(rec, r.AorOffset, r.AorLength, r.Seq)) return RecordStatus.Replayed;
            return RecordStatus.Ok;
        }

        /// <summary>As Verify, with the expected AOR as a string (allocates its UTF-8; cold paths and tests).</summary>
        public RecordStatus Verify(byte[] rec, int offset, int count, int kind, string aor, long nowUnix)
        {
            byte[] a = Utf8Field.Bytes(aor);
            return Verify(rec, offset, count, kind, a, 0, a.Length, nowUnix);
        }

        /// <summary>True when record A (seqA, expiresA) is fresher than B: higher sequence, then later expiry.</summary>
        public static bool IsFresher(long seqA, long expiresA, long seqB, long expiresB)
        {
            if (seqA != seqB) return seqA > seqB;
            return expiresA > expiresB;
        }
    }
}
