// The caller-owned outbox of the sans-IO SIP stack: a fixed ring of preallocated byte buffers,
// each with its destination address (IP, port, transport). The transaction layer appends what it
// sends; the runtime (which owns sockets) takes entries from the head and transmits them.
// Depends on SipAddress. Allocates only in the constructor. A full outbox is a status, not an
// exception.
namespace Endpoint.Sip.Transaction
{
    /// <summary>Fixed ring of outgoing messages.</summary>
    public sealed class SipOutbox
    {
        private readonly byte[][] _bufs;
        private readonly int[] _lens;
        private readonly SipAddress[] _dst;
        private int _head;
        private int _count;
        private int _dropped;

        /// <summary>Creates <paramref name="slots"/> buffers of <paramref name="bufferSize"/> bytes.</summary>
        public SipOutbox(int slots, int bufferSize)
        {
            if (slots < 1 || bufferSize < 64) throw new System.ArgumentOutOfRangeException();
            _bufs = new byte[slots][];
            for (int i = 0; i < slots; i++) _bufs[i] = new byte[bufferSize];
            _lens = new int[slots];
            _dst = new SipAddress[slots];
        }

        /// <summary>Entries waiting.</summary>
        public int Count { get { return _count; } }
        /// <summary>Number of slots.</summary>
        public int Capacity { get { return _bufs.Length; } }
        /// <summary>Size of each slot buffer.</summary>
        public int BufferSize { get { return _bufs[0].Length; } }
        /// <summary>Messages refused because the ring was full (or too large for a slot).</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Buffer of the oldest entry.</summary>
        public byte[] PeekBuffer() { return _bufs[_head]; }
        /// <summary>Length of the oldest entry.</summary>
        public int PeekLength() { return _lens[_head]; }
        /// <summary>Destination of the oldest entry.</summary>
        public SipAddress PeekDestination() { return _dst[_head]; }

        /// <summary>Removes the oldest entry (after the runtime sent it). False if empty.</summary>
        public bool Pop()
        {
            if (_count == 0) return false;
            _head = (_head + 1) % _bufs.Length;
            _count--;
            return true;
        }

        /// <summary>Empties the ring.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }

        /// <summary>
        /// Reserves the next slot for writing in place; returns its buffer or null when full.
        /// Finish with Commit (or simply do not commit to abandon).
        /// </summary>
        public byte[] Reserve()
        {
            if (_count == _bufs.Length) return null;
            return _bufs[(_head + _count) % _bufs.Length];
        }

        /// <summary>Commits the slot returned by Reserve with its length and destination.</summary>
        public void Commit(int length, SipAddress destination)
        {
            if (_count == _bufs.Length) throw new System.InvalidOperationException();
            int slot = (_head + _count) % _bufs.Length;
            _lens[slot] = length;
            _dst[slot] = destination;
            _count++;
        }

        /// <summary>Counts a message that could not be queued.</summary>
        internal void CountDrop() { _dropped++; }

        /// <summary>Copies a message into the next slot. False (and counted as dropped) if full or too large.</summary>
        public bool Enqueue(byte[] src, int offset, int length, SipAddress destination)
        {
            byte[] b = Reserve();
            if (b == null || length > b.Length)
            {
                _dropped++;
                return false;
            }
            System.Array.Copy(src, offset, b, 0, length);
            Commit(length, destination);
            return true;
        }
    }
}
