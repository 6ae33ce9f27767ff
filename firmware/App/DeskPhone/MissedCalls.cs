// The desk phone's missed-call list: incoming calls that ended without being answered here
// (caller gave up, rejected by do-not-disturb, refused while busy). Keeps the newest Capacity
// entries (caller URI and time) in a fixed ring; older ones drop out, the total keeps counting.
// "Unseen" counts entries since the user last acknowledged them (going off-hook), and drives the
// message LED. Depends on nothing.
namespace Endpoint.App.DeskPhone
{
    /// <summary>Fixed-size list of missed calls, newest last.</summary>
    public sealed class MissedCalls
    {
        /// <summary>Entries kept.</summary>
        public const int Capacity = 10;

        private readonly string[] _from = new string[Capacity];
        private readonly long[] _at = new long[Capacity];
        private int _next;
        private int _count;
        private int _total;
        private int _unseen;

        /// <summary>Entries held (at most <see cref="Capacity"/>).</summary>
        public int Count { get { return _count; } }

        /// <summary>Missed calls since start-up (including dropped entries).</summary>
        public int Total { get { return _total; } }

        /// <summary>Missed calls not yet acknowledged.</summary>
        public int Unseen { get { return _unseen; } }

        /// <summary>Records a missed call from <paramref name="from"/> at <paramref name="nowMs"/>.</summary>
        public void Add(string from, long nowMs)
        {
            _from[_next] = from == null ? "" : from;
            _at[_next] = nowMs;
            _next = (_next + 1) % Capacity;
            if (_count < Capacity) _count++;
            _total++;
            _unseen++;
        }

        /// <summary>Caller of entry i, 0 = oldest held .. Count-1 = newest.</summary>
        public string From(int i) { return _from[Slot(i)]; }

        /// <summary>Time (ms) of entry i.</summary>
        public long At(int i) { return _at[Slot(i)]; }

        /// <summary>The newest caller, or null when the list is empty.</summary>
        public string Newest { get { return _count == 0 ? null : From(_count - 1); } }

        /// <summary>The user has seen the list: clears the unseen count (entries stay).</summary>
        public void Acknowledge() { _unseen = 0; }

        /// <summary>Empties the list.</summary>
        public void Clear()
        {
            for (int i = 0; i < Capacity; i++) _from[i] = null;
            _next = 0;
            _count = 0;
            _unseen = 0;
        }

        private int Slot(int i)
        {
            if (i < 0 || i >= _count) throw new System.ArgumentOutOfRangeException("i");
            return (_next - _count + i + Capacity) % Capacity;
        }
    }
}
