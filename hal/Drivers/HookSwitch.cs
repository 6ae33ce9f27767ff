// Debounced handset hook switch on one GPIO. Depends on IGpioPort, Debouncer. Pin -1 (no hook
// switch) leaves the phone permanently on-hook.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Hook switch driver.</summary>
    public sealed class HookSwitch : IHookSwitch
    {
        private readonly IGpioPort _port;
        private readonly int _pin;
        private readonly bool _offHookHigh;
        private readonly Debouncer _debouncer;

        /// <summary>Creates the driver. offHookHigh: the pin level that means "handset lifted".</summary>
        public HookSwitch(IGpioPort port, int pin, bool offHookHigh, bool pullUp, int debounceMs)
        {
            _port = port;
            _pin = pin;
            _offHookHigh = offHookHigh;
            _debouncer = new Debouncer(debounceMs);
            _port.Open(pin, pullUp ? GpioMode.InputPullUp : GpioMode.Input);
        }

        /// <inheritdoc/>
        public event HookEventHandler HookChanged;

        /// <inheritdoc/>
        public bool OffHook { get { return _debouncer.State; } }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (_pin < 0) return;
            bool raw = _port.Read(_pin) == _offHookHigh;
            if (_debouncer.Update(raw, nowMs))
            {
                HookEventHandler h = HookChanged;
                if (h != null) h(_debouncer.State, nowMs);
            }
        }
    }
}
