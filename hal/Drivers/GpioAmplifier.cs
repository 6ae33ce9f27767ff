// Power-amplifier enable on a GPIO (NS4150 CTRL on LyraT/Audio-Kit/Korvo-2, MAX98357A SD_MODE).
// Opens the pin as an output and drives it to "disabled" at construction so the speaker stays
// quiet until the codec is up. Depends on IGpioPort. Pin -1: Enable only records the state.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Amplifier enable line.</summary>
    public sealed class GpioAmplifier : IAmplifierEnable
    {
        private readonly GpioOutput _out;

        /// <summary>Creates the driver; the amplifier starts disabled.</summary>
        public GpioAmplifier(IGpioPort port, int pin, bool activeHigh)
        {
            _out = new GpioOutput(port, pin, activeHigh);
        }

        /// <summary>GPIO number, or -1.</summary>
        public int Pin { get { return _out.Pin; } }

        /// <inheritdoc/>
        public bool Enabled { get { return _out.On; } }

        /// <inheritdoc/>
        public void Enable(bool on)
        {
            _out.Set(on);
        }
    }
}
