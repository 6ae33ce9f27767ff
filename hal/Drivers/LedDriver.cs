// Status LED on a GPIO with steady and blink modes; blinking advances in Poll(nowMs), so no timer
// or thread is needed. Depends on IGpioPort. Pin -1 keeps the logical state only.
namespace Endpoint.Hal.Drivers
{
    /// <summary>GPIO LED.</summary>
    public sealed class LedDriver : IIndicator
    {
        private readonly GpioOutput _out;
        private readonly string _name;
        private IndicatorState _state;
        private bool _lit;
        private int _onMs;
        private int _offMs;
        private int _count;
        private int _flashes;
        private bool _blinkPending;
        private long _nextToggle;

        /// <summary>Creates the LED, initially off.</summary>
        public LedDriver(IGpioPort port, int pin, bool activeHigh, string name)
        {
            _out = new GpioOutput(port, pin, activeHigh);
            _name = name;
        }

        /// <inheritdoc/>
        public string Name { get { return _name; } }
        /// <inheritdoc/>
        public IndicatorState State { get { return _state; } }
        /// <inheritdoc/>
        public bool Lit { get { return _lit; } }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _blinkPending = false;
            _state = on ? IndicatorState.On : IndicatorState.Off;
            Drive(on);
        }

        /// <inheritdoc/>
        public void Blink(int onMs, int offMs, int count)
        {
            if (onMs <= 0 || offMs <= 0)
            {
                Set(onMs > 0);
                return;
            }
            _onMs = onMs;
            _offMs = offMs;
            _count = count < 0 ? 0 : count;
            _flashes = 0;
            _state = IndicatorState.Blink;
            _blinkPending = true;
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (_state != IndicatorState.Blink) return;
            if (_blinkPending)
            {
                _blinkPending = false;
                Drive(true);
                _nextToggle = nowMs + _onMs;
                return;
            }
            // Catch up at most a few edges if Poll was late, never loop unbounded.
            for (int guard = 0; guard < 4 && nowMs >= _nextToggle; guard++)
            {
                if (_lit)
                {
                    Drive(false);
                    _flashes++;
                    if (_count > 0 && _flashes >= _count)
                    {
                        _state = IndicatorState.Off;
                        return;
                    }
                    _nextToggle += _offMs;
                }
                else
                {
                    Drive(true);
                    _nextToggle += _onMs;
                }
            }
            if (nowMs >= _nextToggle) _nextToggle = nowMs + (_lit ? _onMs : _offMs);
        }

        private void Drive(bool on)
        {
            _lit = on;
            _out.Set(on);
        }
    }
}
