// DIY desk phone: the DIY intercom base (ESP32-WROVER, INMP441 mic on I2S2, MAX98357A amp on
// I2S1) with a 4x3 matrix keypad and a hook switch instead of the call button and relay. Rows are
// driven open-drain on GPIO13/14/21/23; columns are read on input-only GPIO34/36/39, which have no
// internal pull-ups, so the board fits three 10 kOhm pull-ups to 3.3 V (KeypadExternalPullUps).
// Every pin is free on the base and avoids flash, PSRAM, UART0 and strapping pins (README.md).
// Pure data plus the pin-mux routine. Depends on BoardDefinition, BoardPinMux.
using Endpoint.Hal;

namespace Endpoint.Boards.DiyDeskPhone
{
    /// <summary>DIY ESP32-WROVER desk phone.</summary>
    public static class DiyDeskPhoneBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = Create();

        /// <summary>Builds the definition.</summary>
        public static BoardDefinition Create()
        {
            return new BoardDefinition
            {
                Name = "diy-deskphone",
                Description = "DIY desk phone: ESP32-WROVER, INMP441 mic, MAX98357A amp, 4x3 keypad, hook switch, LEDs",
                Soc = SocKind.Esp32,
                Module = "ESP32-WROVER-E (4 MB flash, 8 MB PSRAM)",
                Psram = PsramKind.Quad,
                Features = BoardFeature.Speaker | BoardFeature.Microphone | BoardFeature.Keypad | BoardFeature.HookSwitch
                    | BoardFeature.Leds | BoardFeature.Psram,
                SpeakerPart = AudioPart.Max98357a,
                MicPart = AudioPart.Inmp441,
                Speaker = new I2sPortConfig { Bus = 1, Bclk = 26, Ws = 25, Dout = 22, SlotBits = 16 },
                Microphone = new I2sPortConfig { Bus = 2, Bclk = 32, Ws = 33, Din = 35, SlotBits = 32, InputSlot = 0 },
                AmpEnablePin = 4,
                AmpActiveHigh = true,
                KeypadRows = new int[] { 13, 14, 21, 23 },
                KeypadColumns = new int[] { 34, 36, 39 },
                KeyMap = "123456789*0#",
                KeypadDriveRows = true,
                KeypadExternalPullUps = true,
                HookPin = 27,
                HookOffHookHigh = false,
                HookPullUp = true,
                Leds = new LedConfig[]
                {
                    new LedConfig { Name = "status", Pin = 19, ActiveHigh = true },
                    new LedConfig { Name = "message", Pin = 18, ActiveHigh = true },
                },
            };
        }

        /// <summary>Routes the I2S pins.</summary>
        public static void Apply(IPinMux mux) { BoardPinMux.Apply(Definition, mux); }
    }
}
