// Relay on a GPIO (intercom door strike): steady on/off, or a pulse that ends in Poll(nowMs).
// The output is driven to "off" at construction so a reboot never leaves the door open.
// Depends on IGpioPort. Pin -1 keeps the logical state only.
namespace Endpoint.Hal.Drivers
{
    /// <summary>GPIO relay.</summary>
    public sealed class RelayDriver : IRelay
    {
        private readonly GpioOutput _out;
        private readonly string _name;
        private bool _on;
        private bool _pulsing;
        private long _offAt;

        /// <summary>Creates the relay, released.</summary>
        public RelayDriver(IGpioPort port, int pin, bool activeHigh, string name)
        {
            _out = new GpioOutput(port, pin, activeHigh);
            _name = name;
        }

        /// <inheritdoc/>
        public string Name { get { return _name; } }
        /// <inheritdoc/>
        public bool IsOn { get { return _on; } }
        /// <summary>True while a pulse is running.</summary>
        public bool Pulsing { get { return _pulsing; } }

        /// <inheritdoc/>
        public void Set(bool on)
        {
            _pulsing = false;
            Drive(on);
        }

        /// <inheritdoc/>
        public void Pulse(int durationMs, long nowMs)
        {
            if (durationMs <= 0)
            {
                Set(false);
                return;
            }
            _pulsing = true;
            _offAt = nowMs + durationMs;
            Drive(true);
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (_pulsing && nowMs >= _offAt)
            {
                _pulsing = false;
                Drive(false);
            }
        }

        private void Drive(bool on)
        {
            _on = on;
            _out.Set(on);
        }
    }
}
