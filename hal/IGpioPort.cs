// General-purpose I/O as the drivers see it: open a pin in a mode, read it, write it. Pin -1 means
// "no pin" (dotnet/iot and ESP-ADF convention): every call on -1 is a harmless no-op, so boards
// that lack a part need no special cases. Depends on nothing.
namespace Endpoint.Hal
{
    /// <summary>Electrical mode of a GPIO pin.</summary>
    public enum GpioMode : byte
    {
        /// <summary>Floating input.</summary>
        Input = 0,
        /// <summary>Input with the internal pull-up enabled.</summary>
        InputPullUp = 1,
        /// <summary>Input with the internal pull-down enabled.</summary>
        InputPullDown = 2,
        /// <summary>Push-pull output.</summary>
        Output = 3,
        /// <summary>Open-drain output: low drives, high releases the line.</summary>
        OutputOpenDrain = 4,
    }

    /// <summary>Pin constants.</summary>
    public static class Pins
    {
        /// <summary>"No pin": the part is absent on this board.</summary>
        public const int None = -1;
    }

    /// <summary>A set of GPIO pins.</summary>
    public interface IGpioPort
    {
        /// <summary>Opens (or re-configures) a pin. Returns false if the pin cannot take that mode. -1 returns true.</summary>
        bool Open(int pin, GpioMode mode);

        /// <summary>Reads the level of a pin (true = high). -1 reads false.</summary>
        bool Read(int pin);

        /// <summary>Drives an output pin (true = high). -1 is ignored.</summary>
        void Write(int pin, bool high);
    }
}
