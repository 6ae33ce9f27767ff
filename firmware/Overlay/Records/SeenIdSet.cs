// The set of message ids already delivered to the application, so an offline message re-read
// from the overlay (re-posted by its sender until a receipt arrives, or seen again after a
// re-listen or a reboot) is shown once. A fixed ring of 16-byte ids: when full, the oldest id is
// forgotten (size it for the messages one device receives in a message's 24-hour lifetime).
// Serialize/Load turn it into bytes the application stores in flash and reads at boot:
//   [0x49 'I'][version 1][count: 2 bytes BE][count x 16-byte ids, oldest first]
// Depends on nothing. No allocation after construction.
namespace Endpoint.Overlay.Records
{
    /// <summary>Bounded ring of seen message ids with a byte serialization.</summary>
    public sealed class SeenIdSet
    {
        private const int IdBytes = RecordFormat.MessageIdBytes;
        private const byte Magic = 0x49;
        private const byte Version = 1;
        private readonly byte[] _ids;
        private readonly int _capacity;
        private int _count;
        private int _next;

        /// <summary>Creates a set of up to <paramref name="capacity"/> ids.</summary>
        public SeenIdSet(int capacity)
        {
            if (capacity < 1 || capacity > 4096) throw new System.ArgumentOutOfRangeException("capacity");
            _capacity = capacity;
            _ids = new byte[capacity * IdBytes];
        }

        /// <summary>Ids currently remembered.</summary>
        public int Count { get { return _count; } }

        /// <summary>Most ids remembered.</summary>
        public int Capacity { get { return _capacity; } }

        /// <summary>Bytes Serialize needs for a full set.</summary>
        public int SerializedMaxLength { get { return 4 + _capacity * IdBytes; } }

        /// <summary>True when the 16-byte id at id[offset] is in the set.</summary>
        public bool Contains(byte[] id, int offset)
        {
            for (int k = 0; k < _count; k++)
            {
                int b = k * IdBytes;
                int i = 0;
                while (i < IdBytes && _ids[b + i] == id[offset + i]) i++;
                if (i == IdBytes) return true;
            }
            return false;
        }

        /// <summary>Adds an id; false when it was already there. Evicts the oldest when full.</summary>
        public bool Add(byte[] id, int offset)
        {
            if (Contains(id, offset)) return false;
            int b = _next * IdBytes;
            for (int i = 0; i < IdBytes; i++) _ids[b + i] = id[offset + i];
            _next = (_next + 1) % _capacity;
            if (_count < _capacity) _count++;
            return true;
        }

        /// <summary>Forgets every id.</summary>
        public void Clear()
        {
            _count = 0;
            _next = 0;
        }

        /// <summary>Writes the set into dst at offset; returns the length, or -1 when dst is too small.</summary>
        public int Serialize(byte[] dst, int offset)
        {
            int len = 4 + _count * IdBytes;
            if (offset < 0 || offset + len > dst.Length) return -1;
            dst[offset] = Magic;
            dst[offset + 1] = Version;
            dst[offset + 2] = (byte)(_count >> 8);
            dst[offset + 3] = (byte)_count;
            int p = offset + 4;
            int oldest = _count < _capacity ? 0 : _next;
            for (int k = 0; k < _count; k++)
            {
                int b = ((oldest + k) % _capacity) * IdBytes;
                for (int i = 0; i < IdBytes; i++) dst[p++] = _ids[b + i];
            }
            return len;
        }

        /// <summary>
        /// Replaces the content with serialized bytes (keeping the newest ids if there are more than
        /// the capacity). Returns false, leaving the set empty, when the bytes are not a valid serialization.
        /// </summary>
        public bool Load(byte[] src, int offset, int count)
        {
            Clear();
            if (count < 4 || src[offset] != Magic || src[offset + 1] != Version) return false;
            int n = (src[offset + 2] << 8) | src[offset + 3];
            if (count != 4 + n * IdBytes) return false;
            int skip = n > _capacity ? n - _capacity : 0;
            for (int k = skip; k < n; k++) Add(src, offset + 4 + k * IdBytes);
            return true;
        }
    }
}
