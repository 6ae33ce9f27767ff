// Espressif ESP32-LyraT V4.3 (ESP32-WROVER-E, ES8388 codec, two NS4150 amplifiers). Every pin is
// taken from ESP-ADF components/audio_board/lyrat_v4_3/board_pins_config.c and board_def.h and the
// "Allocation of ESP32 Pins" table of the ESP32-LyraT V4.3 hardware reference (schematic
// ESP32-LYRAT_V4.3-20220119.pdf); see README.md next to this file. Pure data plus the pin-mux
// routine. Depends on BoardDefinition, BoardPinMux.
using Endpoint.Hal;

namespace Endpoint.Boards.Esp32LyraT
{
    /// <summary>ESP32-LyraT V4.3.</summary>
    public static class Esp32LyraTBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = Create();

        /// <summary>Builds the definition.</summary>
        public static BoardDefinition Create()
        {
            I2sPortConfig i2s = new I2sPortConfig { Bus = 1, Mclk = 0, Bclk = 5, Ws = 25, Dout = 26, Din = 35, SlotBits = 16 };
            return new BoardDefinition
            {
                Name = "esp32-lyrat-v4.3",
                Description = "Espressif ESP32-LyraT V4.3: ES8388 codec, NS4150 speaker amplifiers, Rec key, green LED",
                Soc = SocKind.Esp32,
                Module = "ESP32-WROVER-E (4 MB flash, 8 MB PSRAM)",
                Psram = PsramKind.Quad,
                Features = BoardFeature.Speaker | BoardFeature.Microphone | BoardFeature.CodecControl | BoardFeature.CallButton
                    | BoardFeature.Leds | BoardFeature.HeadphoneDetect | BoardFeature.Psram,
                I2cBus = 1,
                I2cSda = 18,
                I2cScl = 23,
                Codec = AudioPart.Es8388,
                CodecAddress = 0x10,
                CodecMicInput = 1,
                Speaker = i2s,
                Microphone = i2s,
                AmpEnablePin = 21,
                AmpActiveHigh = true,
                CallButtonPin = 36,
                CallButtonActiveLow = true,
                CallButtonPullUp = false,
                Leds = new LedConfig[] { new LedConfig { Name = "status", Pin = 22, ActiveHigh = true } },
                HeadphoneDetectPin = 19,
                OtherPins = new PinAssignment[]
                {
                    new PinAssignment(39, "Mode key", false),
                    new PinAssignment(32, "touch pad Set", false),
                    new PinAssignment(33, "touch pad Play", false),
                    new PinAssignment(27, "touch pad Vol+", false),
                    new PinAssignment(13, "touch pad Vol- / microSD D3 / JTAG MTCK", false),
                    new PinAssignment(12, "AUX detect / microSD D2 / JTAG MTDI", false),
                    new PinAssignment(14, "microSD CLK / JTAG MTMS", true),
                    new PinAssignment(15, "microSD CMD / JTAG MTDO", true),
                    new PinAssignment(2, "microSD D0 / auto-upload", false),
                    new PinAssignment(4, "microSD D1", false),
                    new PinAssignment(34, "microSD insert detect", false),
                },
            };
        }

        /// <summary>Routes the I2C and I2S pins.</summary>
        public static void Apply(IPinMux mux) { BoardPinMux.Apply(Definition, mux); }
    }
}
