// Highest location-record sequence number seen per AOR, in a small fixed table, so a reader
// rejects an older record replayed after a newer one. AORs are kept as a 64-bit FNV-1a hash of
// their UTF-8 bytes (fixed memory; a collision between two AORs of one small table is not a
// realistic concern). When full, the least recently used AOR is forgotten: its next record is
// accepted at any sequence (the record's expiry still bounds a replay). Not persisted: after a
// reboot the first record seen per AOR sets the floor again.
// Depends on nothing. No allocation after construction.
namespace Endpoint.Overlay.Records
{
    /// <summary>Bounded per-AOR highest-sequence table.</summary>
    public sealed class ReplayTable
    {
        private readonly ulong[] _hash;
        private readonly long[] _seq;
        private readonly long[] _used;
        private int _count;
        private long _clock;

        /// <summary>Creates a table for up to <paramref name="capacity"/> AORs.</summary>
        public ReplayTable(int capacity)
        {
            if (capacity < 1) throw new System.ArgumentOutOfRangeException("capacity");
            _hash = new ulong[capacity];
            _seq = new long[capacity];
            _used = new long[capacity];
        }

        /// <summary>AORs currently remembered.</summary>
        public int Count { get { return _count; } }

        /// <summary>FNV-1a 64 of b[offset, offset+count).</summary>
        public static ulong Hash(byte[] b, int offset, int count)
        {
            ulong h = 14695981039346656037UL;
            for (int i = 0; i < count; i++)
            {
                h ^= b[offset + i];
                h *= 1099511628211UL;
            }
            return h;
        }

        /// <summary>Highest sequence seen for the AOR, or -1.</summary>
        public long Highest(byte[] aor, int offset, int count)
        {
            int i = Find(Hash(aor, offset, count));
            return i < 0 ? -1 : _seq[i];
        }

        /// <summary>
        /// True when <paramref name="seq"/> is not older than the highest seen for the AOR; then
        /// it is remembered (raising the floor). False for a replay (nothing changes).
        /// </summary>
        public bool Accept(byte[] aor, int offset, int count, long seq)
        {
            ulong h = Hash(aor, offset, count);
            int i = Find(h);
            _clock++;
            if (i >= 0)
            {
                if (seq < _seq[i]) return false;
                _seq[i] = seq;
                _used[i] = _clock;
                return true;
            }
            if (_count < _hash.Length) i = _count++;
            else
            {
                i = 0;
                for (int k = 1; k < _count; k++) if (_used[k] < _used[i]) i = k;
            }
            _hash[i] = h;
            _seq[i] = seq;
            _used[i] = _clock;
            return true;
        }

        private int Find(ulong h)
        {
            for (int i = 0; i < _count; i++) if (_hash[i] == h) return i;
            return -1;
        }
    }
}
