// The caller-owned outbox of the sans-IO SIP stack: a FIFO of outgoing messages, each with its
// destination address (IP, port, transport), packed back to back in ONE byte buffer. The oldest
// message always starts at offset 0 of PeekBuffer (Pop slides the rest down), so the runtime
// sends PeekBuffer()[0, PeekLength()). The transaction layer appends what it sends (Enqueue, or
// Reserve + write in place + Commit); the runtime (which owns sockets) drains from the head.
// Depends on SipAddress. Allocates only in the constructor. A full outbox is a status, not an
// exception. Limits: `slots` messages and `totalBytes` bytes waiting at once.
namespace Endpoint.Sip.Transaction
{
    /// <summary>Fixed FIFO of outgoing messages sharing one buffer.</summary>
    public sealed class SipOutbox
    {
        private readonly byte[] _data;
        private readonly int[] _lens;
        private readonly SipAddress[] _dst;
        private readonly int _maxMessage;
        private int _head;
        private int _count;
        private int _used;
        private int _dropped;

        /// <summary>
        /// Room for <paramref name="slots"/> messages of up to <paramref name="bufferSize"/> bytes
        /// each (one buffer of slots*bufferSize bytes).
        /// </summary>
        public SipOutbox(int slots, int bufferSize) : this(slots, bufferSize, slots * bufferSize) { }

        /// <summary>
        /// Up to <paramref name="slots"/> messages of at most <paramref name="maxMessage"/> bytes
        /// each, <paramref name="totalBytes"/> bytes together (at least maxMessage).
        /// </summary>
        public SipOutbox(int slots, int maxMessage, int totalBytes)
        {
            if (slots < 1 || maxMessage < 64 || totalBytes < maxMessage) throw new System.ArgumentOutOfRangeException();
            _data = new byte[totalBytes];
            _lens = new int[slots];
            _dst = new SipAddress[slots];
            _maxMessage = maxMessage;
        }

        /// <summary>Entries waiting.</summary>
        public int Count { get { return _count; } }
        /// <summary>Most entries held at once.</summary>
        public int Capacity { get { return _lens.Length; } }
        /// <summary>Largest single message.</summary>
        public int BufferSize { get { return _maxMessage; } }
        /// <summary>Bytes of all entries together.</summary>
        public int TotalBytes { get { return _data.Length; } }
        /// <summary>Messages refused because the outbox was full (or too large).</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Buffer of the oldest entry; the entry starts at offset 0.</summary>
        public byte[] PeekBuffer() { return _data; }
        /// <summary>Length of the oldest entry.</summary>
        public int PeekLength() { return _count == 0 ? 0 : _lens[_head]; }
        /// <summary>Destination of the oldest entry.</summary>
        public SipAddress PeekDestination() { return _dst[_head]; }

        /// <summary>Removes the oldest entry (after the runtime sent it). False if empty.</summary>
        public bool Pop()
        {
            if (_count == 0) return false;
            int n = _lens[_head];
            _used -= n;
            if (_used > 0) System.Array.Copy(_data, n, _data, 0, _used); // slide down: overlap-safe
            _head = (_head + 1) % _lens.Length;
            _count--;
            return true;
        }

        /// <summary>Empties the outbox.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _used = 0;
        }

        /// <summary>
        /// Reserves room for the next entry to be written in place: returns the buffer (null when
        /// full), the offset to write at and the bytes available. Finish with Commit (or simply
        /// do not commit to abandon).
        /// </summary>
        public byte[] Reserve(out int offset, out int room)
        {
            offset = _used;
            room = _data.Length - _used;
            if (room > _maxMessage) room = _maxMessage;
            if (_count == _lens.Length || room < 64) { room = 0; return null; }
            return _data;
        }

        /// <summary>Commits the entry written at the Reserve offset with its length and destination.</summary>
        public void Commit(int length, SipAddress destination)
        {
            if (_count == _lens.Length || length < 0 || _used + length > _data.Length) throw new System.InvalidOperationException();
            int slot = (_head + _count) % _lens.Length;
            _lens[slot] = length;
            _dst[slot] = destination;
            _used += length;
            _count++;
        }

        /// <summary>Counts a message that could not be queued.</summary>
        internal void CountDrop() { _dropped++; }

        /// <summary>Copies a message into the outbox. False (and counted as dropped) if full or too large.</summary>
        public bool Enqueue(byte[] src, int offset, int length, SipAddress destination)
        {
            if (_count == _lens.Length || length > _maxMessage || _used + length > _data.Length)
            {
                _dropped++;
                return false;
            }
            System.Array.Copy(src, offset, _data, _used, length);
            Commit(length, destination);
            return true;
        }
    }
}
