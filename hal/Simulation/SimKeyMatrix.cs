// Electrical model of a diode-less key matrix attached to a SimGpioPort (host-only): closed keys
// connect their row and column lines; a line reads low when it is connected, through any chain of
// closed keys, to a line the port drives low. This reproduces ghosting (three keys on a rectangle
// make the fourth read pressed) exactly like real hardware. Key contacts can be scripted with
// bouncing edges, applied by Tick(nowMs). Depends on SimGpioPort.
using System;
using System.Collections.Generic;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated key matrix.</summary>
    public sealed class SimKeyMatrix : ISimInputSource
    {
        private readonly SimGpioPort _port;
        private readonly int[] _rows;
        private readonly int[] _cols;
        private readonly string _keyMap;
        private readonly bool[] _closed;
        private readonly List<(long At, long Seq, int Key, bool Closed)> _schedule = new List<(long, long, int, bool)>();
        private long _seq;

        /// <summary>Creates the matrix and installs it as the port's input source.</summary>
        public SimKeyMatrix(SimGpioPort port, int[] rows, int[] cols, string keyMap)
        {
            if (keyMap.Length != rows.Length * cols.Length) throw new ArgumentException("key map size");
            _port = port;
            _rows = rows;
            _cols = cols;
            _keyMap = keyMap;
            _closed = new bool[keyMap.Length];
            port.InputSource = this;
        }

        /// <summary>Closes a key's contact now.</summary>
        public void Press(char key) { _closed[Index(key)] = true; }

        /// <summary>Opens a key's contact now.</summary>
        public void Release(char key) { _closed[Index(key)] = false; }

        /// <summary>True while the contact is closed.</summary>
        public bool IsClosed(char key) { return _closed[Index(key)]; }

        /// <summary>Schedules a contact change at atMs (applied by Tick).</summary>
        public void Schedule(char key, long atMs, bool closed)
        {
            _schedule.Add((atMs, _seq++, Index(key), closed));
        }

        /// <summary>Schedules a bouncing press (closed = true) or release over spanMs from startMs.</summary>
        public void ScheduleBounce(char key, long startMs, bool closed, int transitions, int spanMs)
        {
            foreach (KeyValuePair<long, bool> e in SimGpioPort.BounceEdges(startMs, closed, transitions, spanMs)) Schedule(key, e.Key, e.Value);
        }

        /// <summary>Applies scheduled contact changes due at or before nowMs.</summary>
        public void Tick(long nowMs)
        {
            if (_schedule.Count == 0) return;
            _schedule.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Seq.CompareTo(b.Seq));
            int n = 0;
            while (n < _schedule.Count && _schedule[n].At <= nowMs)
            {
                _closed[_schedule[n].Key] = _schedule[n].Closed;
                n++;
            }
            _schedule.RemoveRange(0, n);
        }

        /// <inheritdoc/>
        public bool TryRead(int pin, out bool level)
        {
            level = true;
            int node = NodeOf(pin);
            if (node < 0) return false;
            if (_port.IsDrivenLow(pin))
            {
                level = false;
                return true;
            }
            // Breadth-first search over row/column nodes joined by closed keys.
            int n = _rows.Length + _cols.Length;
            var seen = new bool[n];
            var queue = new Queue<int>();
            seen[node] = true;
            queue.Enqueue(node);
            while (queue.Count > 0)
            {
                int cur = queue.Dequeue();
                if (_port.IsDrivenLow(PinOf(cur)))
                {
                    level = false;
                    return true;
                }
                for (int k = 0; k < _closed.Length; k++)
                {
                    if (!_closed[k]) continue;
                    int r = k / _cols.Length;
                    int c = _rows.Length + k % _cols.Length;
                    int other = cur == r ? c : cur == c ? r : -1;
                    if (other >= 0 && !seen[other])
                    {
                        seen[other] = true;
                        queue.Enqueue(other);
                    }
                }
            }
            return true;
        }

        private int Index(char key)
        {
            int i = _keyMap.IndexOf(key);
            if (i < 0) throw new ArgumentException("no key '" + key + "'");
            return i;
        }

        private int NodeOf(int pin)
        {
            for (int i = 0; i < _rows.Length; i++) if (_rows[i] == pin) return i;
            for (int i = 0; i < _cols.Length; i++) if (_cols[i] == pin) return _rows.Length + i;
            return -1;
        }

        private int PinOf(int node) { return node < _rows.Length ? _rows[node] : _cols[node - _rows.Length]; }
    }
}
