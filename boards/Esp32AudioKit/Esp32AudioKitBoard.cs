// AI-Thinker ESP32-Audio-Kit V2.2, ES8388 variant (ESP32-A1S module with ES8388, NS4150
// amplifiers). Pins from ESP-ADF components/audio_board/ai_thinker_audio_kit_v2_297/
// board_pins_config.c + board_def.h and pschatzmann/arduino-audiokit
// src/audio_board/ai_thinker_es8388_5.h (keys, headphone detect, SD card); see README.md. The
// AC101 variant of the same board has different pins and is NOT described here. Pure data plus the
// pin-mux routine. Depends on BoardDefinition, BoardPinMux.
using Endpoint.Hal;

namespace Endpoint.Boards.Esp32AudioKit
{
    /// <summary>AI-Thinker ESP32-Audio-Kit V2.2 (ES8388).</summary>
    public static class Esp32AudioKitBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = Create();

        /// <summary>Builds the definition.</summary>
        public static BoardDefinition Create()
        {
            I2sPortConfig i2s = new I2sPortConfig { Bus = 1, Mclk = 0, Bclk = 27, Ws = 25, Dout = 26, Din = 35, SlotBits = 16 };
            return new BoardDefinition
            {
                Name = "esp32-audio-kit-es8388",
                Description = "AI-Thinker ESP32-Audio-Kit V2.2 (ES8388 variant): ES8388 codec, NS4150 amplifiers, six keys, LED",
                Soc = SocKind.Esp32,
                Module = "ESP32-A1S (ESP32 + ES8388, 4 MB flash, 8 MB PSRAM)",
                Psram = PsramKind.Quad,
                Features = BoardFeature.Speaker | BoardFeature.Microphone | BoardFeature.CodecControl | BoardFeature.CallButton
                    | BoardFeature.Leds | BoardFeature.HeadphoneDetect | BoardFeature.Psram,
                I2cBus = 1,
                I2cSda = 33,
                I2cScl = 32,
                Codec = AudioPart.Es8388,
                CodecAddress = 0x10,
                CodecMicInput = 2,
                Speaker = i2s,
                Microphone = i2s,
                AmpEnablePin = 21,
                AmpActiveHigh = true,
                CallButtonPin = 23,
                CallButtonActiveLow = true,
                CallButtonPullUp = true,
                Leds = new LedConfig[] { new LedConfig { Name = "status", Pin = 22, ActiveHigh = false } },
                HeadphoneDetectPin = 39,
                OtherPins = new PinAssignment[]
                {
                    new PinAssignment(36, "KEY1", false),
                    new PinAssignment(13, "KEY2 / microSD CS", false),
                    new PinAssignment(19, "KEY3 / LED D5", false),
                    new PinAssignment(18, "KEY5", false),
                    new PinAssignment(5, "KEY6", false),
                    new PinAssignment(12, "AUX detect", false),
                    new PinAssignment(2, "microSD MISO", false),
                    new PinAssignment(15, "microSD MOSI", true),
                    new PinAssignment(14, "microSD CLK", true),
                    new PinAssignment(34, "microSD insert detect", false),
                },
            };
        }

        /// <summary>Routes the I2C and I2S pins.</summary>
        public static void Apply(IPinMux mux) { BoardPinMux.Apply(Definition, mux); }
    }
}
