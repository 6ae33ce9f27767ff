// One GPIO output with its polarity: opened as an output and driven to "off" at construction
// (so a reboot never leaves a door relay, LED or amplifier on), then switched by logical state.
// Shared by the LED, relay and amplifier-enable drivers. Depends on IGpioPort. Pin -1 keeps the
// logical state only (IGpioPort treats -1 as "no pin").
namespace Endpoint.Hal.Drivers
{
    /// <summary>A polarity-aware output pin.</summary>
    public sealed class GpioOutput
    {
        private readonly IGpioPort _port;
        private readonly int _pin;
        private readonly bool _activeHigh;

        /// <summary>Opens the pin and drives it off.</summary>
        public GpioOutput(IGpioPort port, int pin, bool activeHigh)
        {
            _port = port;
            _pin = pin;
            _activeHigh = activeHigh;
            _port.Open(pin, GpioMode.Output);
            Set(false);
        }

        /// <summary>GPIO number, or -1.</summary>
        public int Pin { get { return _pin; } }

        /// <summary>The logical state last set.</summary>
        public bool On { get; private set; }

        /// <summary>Drives the pin to the level that means <paramref name="on"/>.</summary>
        public void Set(bool on)
        {
            On = on;
            _port.Write(_pin, on == _activeHigh);
        }
    }
}
