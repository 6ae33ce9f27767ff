// Espressif ESP32-S3-Korvo-2 V3 (ESP32-S3-WROOM-1 N16R8, ES8311 DAC, ES7210 microphone ADC,
// NS4150 amplifier). Pins from ESP-ADF components/audio_board/esp32_s3_korvo2_v3/
// board_pins_config.c + board_def.h and the "Pin Allocation Summary" of the ESP32-S3-Korvo-2 V3.0
// user guide; see README.md. Capture: ES7210 (Es7210Adc) in normal I2S mode, MIC1 in the left
// slot of SDOUT1 (I2S DIN, GPIO10); see README.md for what is inferred and not verified. LEDs sit on a TCA9554 I/O expander and the keys on an ADC
// ladder (GPIO5): neither is a plain GPIO, so no LED or call button is declared. Pure data plus
// the pin-mux routine. Depends on BoardDefinition, BoardPinMux.
using Endpoint.Hal;

namespace Endpoint.Boards.Esp32S3Korvo2
{
    /// <summary>ESP32-S3-Korvo-2 V3.</summary>
    public static class Esp32S3Korvo2Board
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = Create();

        /// <summary>Builds the definition.</summary>
        public static BoardDefinition Create()
        {
            I2sPortConfig i2s = new I2sPortConfig { Bus = 1, Mclk = 16, Bclk = 9, Ws = 45, Dout = 8, Din = 10, SlotBits = 16, InputSlot = 0 };
            return new BoardDefinition
            {
                Name = "esp32-s3-korvo-2-v3",
                Description = "Espressif ESP32-S3-Korvo-2 V3: ES8311 DAC + NS4150 speaker amplifier; ES7210 mic ADC (MIC1/MIC2, MIC1 captured)",
                Soc = SocKind.Esp32S3,
                Module = "ESP32-S3-WROOM-1 (16 MB flash, 8 MB octal PSRAM)",
                Psram = PsramKind.Octal,
                Features = BoardFeature.Speaker | BoardFeature.Microphone | BoardFeature.CodecControl | BoardFeature.Psram,
                I2cBus = 1,
                I2cSda = 17,
                I2cScl = 18,
                Codec = AudioPart.Es8311,
                CodecAddress = 0x18,
                MicAdc = AudioPart.Es7210,
                MicAdcAddress = 0x40,
                Speaker = i2s,
                Microphone = i2s,
                AmpEnablePin = 48,
                AmpActiveHigh = true,
                OtherPins = new PinAssignment[]
                {
                    new PinAssignment(5, "ADC keys (REC, MUTE, PLAY, SET, VOL-, VOL+)", false),
                    new PinAssignment(0, "BOOT key / LCD SPI SDA", false),
                    new PinAssignment(6, "battery voltage ADC", false),
                    new PinAssignment(4, "microSD D0", false),
                    new PinAssignment(7, "microSD CMD", true),
                    new PinAssignment(15, "microSD CLK", true),
                    new PinAssignment(1, "LCD SPI CLK", true),
                    new PinAssignment(2, "LCD SPI DC", true),
                    new PinAssignment(19, "USB D- (reserved)", false),
                    new PinAssignment(20, "USB D+ (reserved)", false),
                    new PinAssignment(3, "camera D5", false),
                    new PinAssignment(11, "camera PCLK", false),
                    new PinAssignment(12, "camera D6", false),
                    new PinAssignment(13, "camera D2", false),
                    new PinAssignment(14, "camera D4", false),
                    new PinAssignment(21, "camera VSYNC", false),
                    new PinAssignment(38, "camera HREF", false),
                    new PinAssignment(39, "camera D9", false),
                    new PinAssignment(40, "camera XCLK", true),
                    new PinAssignment(41, "camera D8", false),
                    new PinAssignment(42, "camera D7", false),
                    new PinAssignment(47, "camera D3", false),
                },
            };
        }

        /// <summary>Routes the I2C and I2S pins.</summary>
        public static void Apply(IPinMux mux) { BoardPinMux.Apply(Definition, mux); }
    }
}
