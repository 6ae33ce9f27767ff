// Logical LED for the virtual device (host-only): reports state changes (on, off, blink with its
// pattern) through a SimEventSink instead of toggling a pin, so the host prints one line per
// change, not one per blink edge. Poll still advances Lit and ends counted blink patterns.
// Depends on IIndicator, SimEvents.
namespace Endpoint.Hal.Simulation
{
    /// <summary>Simulated LED.</summary>
    public sealed class SimIndicator : IIndicator
    {
        private readonly SimEventSink _sink;
        private int _onMs;
        private int _offMs;
        private int _count;
        private int _flashes;
        private bool _pending;
        private long _next;

        /// <summary>Creates the LED; sink may be null.</summary>
        public SimIndicator(string name, SimEventSink sink)
        {
            Name = name;
            _sink = sink;
        }

        /// <inheritdoc/>
        public string Name { get; }
        /// <inheritdoc/>
        public IndicatorState State { get; private set; }
        /// <inheritdoc/>
        public bool Lit { get; private set; }
        /// <summary>Blink on time of the current pattern.</summary>
        public int OnMs { get { return _onMs; } }
        /// <summary>Blink off time of the current pattern.</summary>
        public int OffMs { get { return _offMs; } }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _pending = false;
            Lit = on;
            Change(on ? IndicatorState.On : IndicatorState.Off, false);
        }

        /// <inheritdoc/>
        public void Blink(int onMs, int offMs, int count)
        {
            if (onMs <= 0 || offMs <= 0)
            {
                Set(onMs > 0);
                return;
            }
            bool same = State == IndicatorState.Blink && onMs == _onMs && offMs == _offMs && count == _count;
            _onMs = onMs;
            _offMs = offMs;
            _count = count < 0 ? 0 : count;
            _flashes = 0;
            _pending = true;
            if (!same) Change(IndicatorState.Blink, true);
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (State != IndicatorState.Blink) return;
            if (_pending)
            {
                _pending = false;
                Lit = true;
                _next = nowMs + _onMs;
                return;
            }
            for (int guard = 0; guard < 4 && nowMs >= _next; guard++)
            {
                if (Lit)
                {
                    Lit = false;
                    _flashes++;
                    if (_count > 0 && _flashes >= _count)
                    {
                        Change(IndicatorState.Off, false);
                        return;
                    }
                    _next += _offMs;
                }
                else
                {
                    Lit = true;
                    _next += _onMs;
                }
            }
            if (nowMs >= _next) _next = nowMs + (Lit ? _onMs : _offMs);
        }

        private void Change(IndicatorState state, bool force)
        {
            if (state == State && !force) return;
            State = state;
            if (_sink == null) return;
            _sink(state == IndicatorState.Blink ? SimEvents.LedBlink(Name, _onMs, _offMs, _count) : SimEvents.Led(Name, IndicatorStateText.Get(state)));
        }
    }
}
