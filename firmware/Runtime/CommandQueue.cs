// A thread-safe queue of command lines between the thread that reads them (standard input on
// the virtual device, the serial console on a board) and the runtime loop that executes them.
// Part of the runtime folder: the one place that owns threads. Bounded: a flood of input is
// refused rather than growing memory. Depends on System.Collections.ArrayList and lock.
using System.Collections;

namespace Endpoint.Runtime
{
    /// <summary>Bounded FIFO of command lines.</summary>
    public sealed class CommandQueue
    {
        private readonly ArrayList _lines = new ArrayList();
        private readonly int _capacity;
        private bool _closed;

        /// <summary>Creates a queue holding at most <paramref name="capacity"/> lines.</summary>
        public CommandQueue(int capacity = 64) { _capacity = capacity; }

        /// <summary>Adds a line; false when the queue is full (the line is dropped).</summary>
        public bool Enqueue(string line)
        {
            lock (_lines)
            {
                if (_lines.Count >= _capacity) return false;
                _lines.Add(line);
                return true;
            }
        }

        /// <summary>Marks the end of input (standard input closed).</summary>
        public void Close()
        {
            lock (_lines) { _closed = true; }
        }

        /// <summary>True after <see cref="Close"/> once every queued line was taken.</summary>
        public bool Drained
        {
            get { lock (_lines) { return _closed && _lines.Count == 0; } }
        }

        /// <summary>Takes the oldest line, or null when empty.</summary>
        public string Dequeue()
        {
            lock (_lines)
            {
                if (_lines.Count == 0) return null;
                string s = (string)_lines[0];
                _lines.RemoveAt(0);
                return s;
            }
        }
    }
}
