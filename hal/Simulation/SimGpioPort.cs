// Desktop GPIO simulation (host-only): pins with modes, externally settable input levels, recorded
// output writes, scripted input changes (bouncing edges) applied by Tick(nowMs), and an optional
// input source (SimKeyMatrix) that computes levels from driven lines. Pull-ups read high when
// nothing drives the pin. Depends on IGpioPort.
using System;
using System.Collections.Generic;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Something that decides the level of some input pins (e.g. a key matrix).</summary>
    public interface ISimInputSource
    {
        /// <summary>Returns true and the level if this source owns pin.</summary>
        bool TryRead(int pin, out bool level);
    }

    /// <summary>Simulated GPIO port.</summary>
    public sealed class SimGpioPort : IGpioPort
    {
        private sealed class PinState
        {
            public GpioMode Mode;
            public bool Opened;
            public bool Driven;      // output level as written
            public bool HasExternal; // an external level was set
            public bool External;
        }

        private struct Scheduled
        {
            public long AtMs;
            public int Pin;
            public bool Level;
            public long Seq;
        }

        private readonly Dictionary<int, PinState> _pins = new Dictionary<int, PinState>();
        private readonly List<Scheduled> _schedule = new List<Scheduled>();
        private readonly List<int> _writePins = new List<int>();
        private readonly List<bool> _writeLevels = new List<bool>();
        private readonly HashSet<int> _refusedPins = new HashSet<int>();
        private long _seq;

        /// <summary>Optional source of input levels (checked before external levels).</summary>
        public ISimInputSource InputSource { get; set; }

        /// <summary>Raised on every Write (pin, level).</summary>
        public event Action<int, bool> OutputWritten;

        /// <summary>Pins that Open refuses (to test "pin cannot take that mode").</summary>
        public void Refuse(int pin) { _refusedPins.Add(pin); }

        /// <inheritdoc/>
        public bool Open(int pin, GpioMode mode)
        {
            if (pin < 0) return true;
            if (_refusedPins.Contains(pin)) return false;
            PinState p = Get(pin);
            p.Mode = mode;
            p.Opened = true;
            if (mode == GpioMode.OutputOpenDrain) p.Driven = true;
            return true;
        }

        /// <inheritdoc/>
        public bool Read(int pin)
        {
            if (pin < 0) return false;
            bool level;
            if (InputSource != null && InputSource.TryRead(pin, out level)) return level;
            PinState p = Get(pin);
            if (p.Mode == GpioMode.Output) return p.Driven;
            if (p.Mode == GpioMode.OutputOpenDrain && !p.Driven) return false;
            if (p.HasExternal) return p.External;
            return p.Mode == GpioMode.InputPullUp || p.Mode == GpioMode.OutputOpenDrain;
        }

        /// <inheritdoc/>
        public void Write(int pin, bool high)
        {
            if (pin < 0) return;
            PinState p = Get(pin);
            p.Driven = high;
            _writePins.Add(pin);
            _writeLevels.Add(high);
            Action<int, bool> h = OutputWritten;
            if (h != null) h(pin, high);
        }

        /// <summary>Mode the pin was opened with, or null if never opened.</summary>
        public GpioMode? ModeOf(int pin)
        {
            PinState p;
            return _pins.TryGetValue(pin, out p) && p.Opened ? p.Mode : (GpioMode?)null;
        }

        /// <summary>Last level written to pin (false if never written).</summary>
        public bool OutputLevel(int pin) { return Get(pin).Driven; }

        /// <summary>True when pin is an output (push-pull or open-drain) currently driven low.</summary>
        public bool IsDrivenLow(int pin)
        {
            PinState p;
            if (!_pins.TryGetValue(pin, out p)) return false;
            return (p.Mode == GpioMode.Output || p.Mode == GpioMode.OutputOpenDrain) && !p.Driven;
        }

        /// <summary>Number of writes recorded.</summary>
        public int WriteCount { get { return _writePins.Count; } }

        /// <summary>Pin of write i.</summary>
        public int WritePin(int i) { return _writePins[i]; }

        /// <summary>Level of write i.</summary>
        public bool WriteLevel(int i) { return _writeLevels[i]; }

        /// <summary>Index of the first write of level to pin at or after start, or -1.</summary>
        public int IndexOfWrite(int pin, bool level, int start = 0)
        {
            for (int i = start; i < _writePins.Count; i++)
            {
                if (_writePins[i] == pin && _writeLevels[i] == level) return i;
            }
            return -1;
        }

        /// <summary>Forgets the write log.</summary>
        public void ClearWriteLog()
        {
            _writePins.Clear();
            _writeLevels.Clear();
        }

        /// <summary>Sets the level an external circuit puts on pin (button, hook switch, microphone data...).</summary>
        public void SetInput(int pin, bool high)
        {
            PinState p = Get(pin);
            p.HasExternal = true;
            p.External = high;
        }

        /// <summary>Removes the external level (pin floats / follows its pull resistor).</summary>
        public void ReleaseInput(int pin) { Get(pin).HasExternal = false; }

        /// <summary>Schedules SetInput(pin, level) at time atMs (applied by Tick).</summary>
        public void Schedule(int pin, long atMs, bool level)
        {
            _schedule.Add(new Scheduled { AtMs = atMs, Pin = pin, Level = level, Seq = _seq++ });
        }

        /// <summary>
        /// Schedules a bouncing edge: transitions alternating levels spread evenly over spanMs starting
        /// at startMs, ending at finalLevel (transitions is rounded up to an odd number so it ends there).
        /// </summary>
        public void ScheduleBounce(int pin, long startMs, bool finalLevel, int transitions, int spanMs)
        {
            foreach (KeyValuePair<long, bool> e in BounceEdges(startMs, finalLevel, transitions, spanMs)) Schedule(pin, e.Key, e.Value);
        }

        /// <summary>Applies every scheduled change due at or before nowMs, in time order.</summary>
        public void Tick(long nowMs)
        {
            if (_schedule.Count == 0) return;
            _schedule.Sort((a, b) => a.AtMs != b.AtMs ? a.AtMs.CompareTo(b.AtMs) : a.Seq.CompareTo(b.Seq));
            int n = 0;
            while (n < _schedule.Count && _schedule[n].AtMs <= nowMs)
            {
                SetInput(_schedule[n].Pin, _schedule[n].Level);
                n++;
            }
            _schedule.RemoveRange(0, n);
        }

        /// <summary>Number of scheduled changes not applied yet.</summary>
        public int PendingScheduled { get { return _schedule.Count; } }

        internal static List<KeyValuePair<long, bool>> BounceEdges(long startMs, bool finalLevel, int transitions, int spanMs)
        {
            if (transitions < 1) transitions = 1;
            if (transitions % 2 == 0) transitions++;
            var list = new List<KeyValuePair<long, bool>>();
            bool level = finalLevel;
            // Alternate starting with the final level so the last transition lands on it.
            for (int i = 0; i < transitions; i++)
            {
                long at = startMs + (transitions == 1 ? 0 : (long)spanMs * i / (transitions - 1));
                list.Add(new KeyValuePair<long, bool>(at, i % 2 == 0 ? level : !level));
            }
            return list;
        }

        private PinState Get(int pin)
        {
            PinState p;
            if (!_pins.TryGetValue(pin, out p))
            {
                p = new PinState();
                _pins[pin] = p;
            }
            return p;
        }
    }
}
