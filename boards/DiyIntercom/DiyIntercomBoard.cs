// DIY door intercom: ESP32-WROVER module, INMP441 I2S MEMS microphone on I2S2, MAX98357A I2S
// class-D amplifier on I2S1, call button, door relay, two LEDs. Pins were chosen (see README.md)
// to avoid the SPI flash (GPIO6-11), the WROVER PSRAM (GPIO16/17), UART0 (GPIO1/3) and every
// strapping pin (GPIO0, 2, 5, 12, 15); the only input-only pin used (GPIO35) is an input.
// Pure data plus the pin-mux routine. Depends on BoardDefinition, BoardPinMux.
using Endpoint.Hal;

namespace Endpoint.Boards.DiyIntercom
{
    /// <summary>DIY ESP32-WROVER door intercom.</summary>
    public static class DiyIntercomBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = Create();

        /// <summary>Builds the definition.</summary>
        public static BoardDefinition Create()
        {
            return new BoardDefinition
            {
                Name = "diy-intercom",
                Description = "DIY intercom: ESP32-WROVER, INMP441 mic (I2S2), MAX98357A amp (I2S1), call button, door relay, LEDs",
                Soc = SocKind.Esp32,
                Module = "ESP32-WROVER-E (4 MB flash, 8 MB PSRAM)",
                Psram = PsramKind.Quad,
                Features = BoardFeature.Speaker | BoardFeature.Microphone | BoardFeature.CallButton | BoardFeature.DoorRelay
                    | BoardFeature.Leds | BoardFeature.Psram,
                SpeakerPart = AudioPart.Max98357a,
                MicPart = AudioPart.Inmp441,
                Speaker = new I2sPortConfig { Bus = 1, Bclk = 26, Ws = 25, Dout = 22, SlotBits = 16 },
                Microphone = new I2sPortConfig { Bus = 2, Bclk = 32, Ws = 33, Din = 35, SlotBits = 32, InputSlot = 0 },
                AmpEnablePin = 4,
                AmpActiveHigh = true,
                CallButtonPin = 27,
                CallButtonActiveLow = true,
                CallButtonPullUp = true,
                RelayPin = 23,
                RelayActiveHigh = true,
                Leds = new LedConfig[]
                {
                    new LedConfig { Name = "status", Pin = 19, ActiveHigh = true },
                    new LedConfig { Name = "call", Pin = 18, ActiveHigh = true },
                },
            };
        }

        /// <summary>Routes the I2S pins.</summary>
        public static void Apply(IPinMux mux) { BoardPinMux.Apply(Definition, mux); }
    }
}
