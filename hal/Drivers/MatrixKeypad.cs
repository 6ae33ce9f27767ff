// Matrix keypad scanner (4x3 or 4x4, no diodes). Each Poll drives one line of the matrix low at a
// time (open-drain, so two pressed keys never short two driven lines) and reads the crossing
// lines through pull-ups; then every key is debounced on its own (stable for DebounceMs) and
// Down / LongPress / Up events are raised. Depends on IGpioPort, KeypadConfig. Allocates nothing
// per Poll.
// Ghosting: without diodes, three pressed keys on the corners of a rectangle make the fourth
// corner read as pressed. A scan in which some pressed key shares its row with another pressed key
// AND its column with another pressed key is ambiguous and is ignored as a whole (the debounced
// state keeps its previous value) until enough keys are released. Two simultaneous keys are
// always reported correctly.
using System;

namespace Endpoint.Hal.Drivers
{
    /// <summary>Debounced matrix keypad.</summary>
    public sealed class MatrixKeypad : IKeypad
    {
        private readonly IGpioPort _port;
        private readonly int[] _drive;
        private readonly int[] _sense;
        private readonly int _rows;
        private readonly int _cols;
        private readonly bool _driveRows;
        private readonly string _keyMap;
        private readonly int _debounceMs;
        private readonly int _longPressMs;

        private readonly bool[] _raw;
        private readonly bool[] _candidate;
        private readonly long[] _since;
        private readonly bool[] _state;
        private readonly long[] _downAt;
        private readonly bool[] _longFired;
        private readonly int[] _rowCount;
        private readonly int[] _colCount;

        private int _eventCount;
        private char _lastKey;
        private KeyAction _lastAction;
        private int _ignoredScans;

        /// <summary>Creates the scanner and configures the pins.</summary>
        public MatrixKeypad(IGpioPort port, KeypadConfig config)
        {
            if (port == null || config == null || config.Rows == null || config.Columns == null || config.KeyMap == null)
                throw new ArgumentNullException("config");
            _rows = config.Rows.Length;
            _cols = config.Columns.Length;
            if (_rows == 0 || _cols == 0 || config.KeyMap.Length != _rows * _cols)
                throw new ArgumentException("key map must have rows x columns characters");
            _port = port;
            _driveRows = config.DriveRows;
            _drive = _driveRows ? config.Rows : config.Columns;
            _sense = _driveRows ? config.Columns : config.Rows;
            _keyMap = config.KeyMap;
            _debounceMs = config.DebounceMs;
            _longPressMs = config.LongPressMs;
            int n = _rows * _cols;
            _raw = new bool[n];
            _candidate = new bool[n];
            _since = new long[n];
            _state = new bool[n];
            _downAt = new long[n];
            _longFired = new bool[n];
            _rowCount = new int[_rows];
            _colCount = new int[_cols];

            for (int i = 0; i < _drive.Length; i++)
            {
                _port.Open(_drive[i], GpioMode.OutputOpenDrain);
                _port.Write(_drive[i], true);
            }
            GpioMode senseMode = config.ExternalPullUps ? GpioMode.Input : GpioMode.InputPullUp;
            for (int i = 0; i < _sense.Length; i++) _port.Open(_sense[i], senseMode);
        }

        /// <inheritdoc/>
        public event KeyEventHandler KeyEvent;

        /// <inheritdoc/>
        public int EventCount { get { return _eventCount; } }
        /// <inheritdoc/>
        public char LastKey { get { return _lastKey; } }
        /// <inheritdoc/>
        public KeyAction LastAction { get { return _lastAction; } }
        /// <summary>Number of scans discarded as ambiguous (ghosting).</summary>
        public int IgnoredScans { get { return _ignoredScans; } }

        /// <inheritdoc/>
        public bool IsDown(char key)
        {
            int i = _keyMap.IndexOf(key);
            return i >= 0 && _state[i];
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            Scan();
            if (Ambiguous())
            {
                _ignoredScans++;
            }
            else
            {
                for (int i = 0; i < _raw.Length; i++) Debounce(i, nowMs);
            }
            if (_longPressMs > 0)
            {
                for (int i = 0; i < _state.Length; i++)
                {
                    if (_state[i] && !_longFired[i] && nowMs - _downAt[i] >= _longPressMs)
                    {
                        _longFired[i] = true;
                        Raise(i, KeyAction.LongPress, nowMs);
                    }
                }
            }
        }

        private void Scan()
        {
            for (int d = 0; d < _drive.Length; d++)
            {
                _port.Write(_drive[d], false);
                for (int s = 0; s < _sense.Length; s++)
                {
                    bool pressed = !_port.Read(_sense[s]);
                    int key = _driveRows ? d * _cols + s : s * _cols + d;
                    _raw[key] = pressed;
                }
                _port.Write(_drive[d], true);
            }
        }

        private bool Ambiguous()
        {
            for (int r = 0; r < _rows; r++) _rowCount[r] = 0;
            for (int c = 0; c < _cols; c++) _colCount[c] = 0;
            int pressed = 0;
            for (int r = 0; r < _rows; r++)
            {
                for (int c = 0; c < _cols; c++)
                {
                    if (_raw[r * _cols + c])
                    {
                        _rowCount[r]++;
                        _colCount[c]++;
                        pressed++;
                    }
                }
            }
            if (pressed < 3) return false;
            for (int r = 0; r < _rows; r++)
            {
                if (_rowCount[r] < 2) continue;
                for (int c = 0; c < _cols; c++)
                {
                    if (_raw[r * _cols + c] && _colCount[c] >= 2) return true;
                }
            }
            return false;
        }

        private void Debounce(int i, long nowMs)
        {
            bool raw = _raw[i];
            if (raw != _candidate[i])
            {
                _candidate[i] = raw;
                _since[i] = nowMs;
                return;
            }
            if (_candidate[i] == _state[i] || nowMs - _since[i] < _debounceMs) return;
            _state[i] = _candidate[i];
            if (_state[i])
            {
                _downAt[i] = nowMs;
                _longFired[i] = false;
                Raise(i, KeyAction.Down, nowMs);
            }
            else
            {
                Raise(i, KeyAction.Up, nowMs);
            }
        }

        private void Raise(int index, KeyAction action, long nowMs)
        {
            _eventCount++;
            _lastKey = _keyMap[index];
            _lastAction = action;
            KeyEventHandler h = KeyEvent;
            if (h != null) h(_lastKey, action, nowMs);
        }
    }
}
