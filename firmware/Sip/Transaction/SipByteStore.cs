// One shared byte pool for the messages the transaction layer keeps for retransmission (RFC 3261
// §17: a client transaction re-sends its request, a server transaction its last response). Each
// slot holds one contiguous message of exactly its length; when the free space is fragmented the
// live messages are slid down (compaction), so owners keep slot numbers, never offsets. Depends
// on nothing. Allocates only in the constructor; a full pool is a status (false), not an
// exception. Limits: at most `slots` messages; offsets are valid until the next Put.
namespace Endpoint.Sip.Transaction
{
    /// <summary>Fixed byte pool holding variable-length messages by slot number.</summary>
    internal sealed class SipByteStore
    {
        /// <summary>The pool; a slot's message is Data[Offset(slot), +Length(slot)).</summary>
        internal readonly byte[] Data;
        private readonly int[] _off;
        private readonly int[] _len;
        private int _top;
        private int _used;

        internal SipByteStore(int bytes, int slots)
        {
            if (bytes < 64 || slots < 1) throw new System.ArgumentOutOfRangeException();
            Data = new byte[bytes];
            _off = new int[slots];
            _len = new int[slots];
            for (int i = 0; i < slots; i++) _off[i] = -1;
        }

        /// <summary>Bytes held by live messages.</summary>
        internal int Used { get { return _used; } }

        /// <summary>Offset of a slot's message (meaningless when its length is 0).</summary>
        internal int Offset(int slot) { return _off[slot]; }

        /// <summary>Length of a slot's message, 0 when empty.</summary>
        internal int Length(int slot) { return _len[slot]; }

        /// <summary>Empties a slot.</summary>
        internal void Free(int slot)
        {
            if (_off[slot] < 0) return;
            _used -= _len[slot];
            if (_off[slot] + _len[slot] == _top) _top = _off[slot];
            _off[slot] = -1;
            _len[slot] = 0;
            if (_used == 0) _top = 0;
        }

        /// <summary>
        /// Replaces a slot's message with a copy of src[offset, +count). False (slot left empty)
        /// when the pool cannot hold it. <paramref name="src"/> must not be <see cref="Data"/>.
        /// </summary>
        internal bool Put(int slot, byte[] src, int offset, int count)
        {
            Free(slot);
            if (count <= 0) return count == 0;
            if (Data.Length - _top < count)
            {
                if (Data.Length - _used < count) return false;
                Compact();
            }
            System.Array.Copy(src, offset, Data, _top, count);
            _off[slot] = _top;
            _len[slot] = count;
            _top += count;
            _used += count;
            return true;
        }

        /// <summary>Slides every live message down in offset order so the free space is one block at the end.</summary>
        private void Compact()
        {
            int dst = 0;
            int last = -1;
            for (int n = 0; n < _off.Length; n++)
            {
                int best = -1;
                for (int i = 0; i < _off.Length; i++)
                {
                    if (_off[i] > last && (best < 0 || _off[i] < _off[best])) best = i;
                }
                if (best < 0) break;
                last = _off[best];
                if (last != dst)
                {
                    System.Array.Copy(Data, last, Data, dst, _len[best]); // moves down: overlap-safe
                    _off[best] = dst;
                }
                dst += _len[best];
            }
            _top = dst;
        }
    }
}
