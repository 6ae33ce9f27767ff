// What the boot sequence needs from the hardware platform: pin routing, GPIO, an I2C register
// bus, I2S audio and the network. The ESP32 implementation (Esp32/Esp32BootPlatform) wraps the
// nanoFramework adapters and turns their exceptions into error strings; desktop tests implement
// it over the simulations and the codec register emulators. Depends on hal interfaces,
// BoardDefinition, WifiConfig, I2sPlan.
using Endpoint.Boards;
using Endpoint.Config;
using Endpoint.Hal;

namespace Endpoint.Boot
{
    /// <summary>Hardware services used at boot. Every method reports failure as a message, never an exception.</summary>
    public interface IBootPlatform
    {
        /// <summary>The GPIO port the drivers use.</summary>
        IGpioPort Gpio { get; }

        /// <summary>Routes the board's I2C and I2S signals; null on success, else what failed.</summary>
        string RoutePins(BoardDefinition board);

        /// <summary>Opens an I2C register bus for a 7-bit address; null with an error when it cannot be opened.</summary>
        IRegisterBus OpenRegisterBus(int bus, int address, int speedHz, out string error);

        /// <summary>Opens one I2S controller at sampleRate; null on success, else what failed. Outputs are null for unused directions.</summary>
        string OpenAudio(I2sPlan port, int sampleRate, out IAudioInput input, out IAudioOutput output);

        /// <summary>Joins the Wi-Fi network and waits for an address; null on success, else why not.</summary>
        string ConnectNetwork(WifiConfig wifi, out string localAddress);
    }
}
