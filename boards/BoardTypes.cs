// Small value types of a board definition: SoC family, PSRAM wiring, audio parts, features, one
// I2S port, one LED, one hard-wired pin. Pure data (Zephyr "board = metadata"). Depends on nothing.
using System;

namespace Endpoint.Boards
{
    /// <summary>SoC family (decides which GPIOs exist and which are reserved).</summary>
    public enum SocKind : byte
    {
        /// <summary>ESP32 (classic, dual-core Xtensa LX6).</summary>
        Esp32 = 0,
        /// <summary>ESP32-S3.</summary>
        Esp32S3 = 1,
        /// <summary>The desktop virtual device (no pin restrictions beyond collisions).</summary>
        Host = 2,
    }

    /// <summary>How the module's PSRAM is wired (it takes GPIOs away).</summary>
    public enum PsramKind : byte
    {
        /// <summary>No PSRAM.</summary>
        None = 0,
        /// <summary>Quad PSRAM (ESP32-WROVER: GPIO16/17 are taken).</summary>
        Quad = 1,
        /// <summary>Octal PSRAM (ESP32-S3 R8 modules: GPIO33-37 are taken).</summary>
        Octal = 2,
    }

    /// <summary>Audio chips a board can carry.</summary>
    public enum AudioPart : byte
    {
        /// <summary>None.</summary>
        None = 0,
        /// <summary>Everest ES8311 mono codec (I2C control + I2S).</summary>
        Es8311 = 1,
        /// <summary>Everest ES8388 stereo codec (I2C control + I2S).</summary>
        Es8388 = 2,
        /// <summary>Everest ES7210 4-channel microphone ADC (I2C control + I2S/TDM).</summary>
        Es7210 = 3,
        /// <summary>InvenSense INMP441 I2S MEMS microphone (no control bus).</summary>
        Inmp441 = 4,
        /// <summary>Maxim MAX98357A I2S class-D amplifier (no control bus).</summary>
        Max98357a = 5,
    }

    /// <summary>What a board offers to the application.</summary>
    [Flags]
    public enum BoardFeature
    {
        /// <summary>Nothing.</summary>
        None = 0,
        /// <summary>Audio playback over I2S.</summary>
        Speaker = 1,
        /// <summary>Audio capture over I2S with a working driver.</summary>
        Microphone = 2,
        /// <summary>A codec controlled over I2C.</summary>
        CodecControl = 4,
        /// <summary>Matrix keypad.</summary>
        Keypad = 8,
        /// <summary>Handset hook switch.</summary>
        HookSwitch = 16,
        /// <summary>Call push button.</summary>
        CallButton = 32,
        /// <summary>Door relay.</summary>
        DoorRelay = 64,
        /// <summary>At least one GPIO LED.</summary>
        Leds = 128,
        /// <summary>Headphone-jack detect input.</summary>
        HeadphoneDetect = 256,
        /// <summary>External PSRAM (large managed heap).</summary>
        Psram = 512,
    }

    /// <summary>Names of BoardFeature flags.</summary>
    public static class BoardFeatureText
    {
        private static readonly string[] Names =
        {
            "speaker", "microphone", "codec-control", "keypad", "hook-switch", "call-button",
            "door-relay", "leds", "headphone-detect", "psram",
        };

        /// <summary>Space-separated names of the set flags, e.g. "speaker microphone leds".</summary>
        public static string Get(BoardFeature features)
        {
            string s = "";
            for (int i = 0; i < Names.Length; i++)
            {
                if (((int)features & (1 << i)) != 0) s = s.Length == 0 ? Names[i] : s + " " + Names[i];
            }
            return s.Length == 0 ? "none" : s;
        }
    }

    /// <summary>One I2S controller and its pins (-1 = not connected). ESP32 is always the clock master.</summary>
    public sealed class I2sPortConfig
    {
        /// <summary>nanoFramework I2S bus id (1 = I2S1 / I2S_NUM_0, 2 = I2S2 / I2S_NUM_1).</summary>
        public int Bus { get; init; } = 1;
        /// <summary>Master clock output, or -1.</summary>
        public int Mclk { get; init; } = -1;
        /// <summary>Bit clock.</summary>
        public int Bclk { get; init; } = -1;
        /// <summary>Word select / LRCK.</summary>
        public int Ws { get; init; } = -1;
        /// <summary>Data from the ESP32 to the DAC/amplifier, or -1.</summary>
        public int Dout { get; init; } = -1;
        /// <summary>Data from the ADC/microphone to the ESP32, or -1.</summary>
        public int Din { get; init; } = -1;
        /// <summary>Bits per slot: 16, or 32 (24-bit MEMS microphones need 64 BCLK per frame).</summary>
        public int SlotBits { get; init; } = 16;
        /// <summary>Slot carrying the microphone: 0 = left, 1 = right.</summary>
        public int InputSlot { get; init; }
        /// <summary>MCLK as a multiple of the sample rate (ESP-IDF default 256).</summary>
        public int MclkMultiple { get; init; } = 256;
    }

    /// <summary>A GPIO LED.</summary>
    public sealed class LedConfig
    {
        /// <summary>Name the application uses, e.g. "status".</summary>
        public string Name { get; init; }
        /// <summary>GPIO.</summary>
        public int Pin { get; init; } = -1;
        /// <summary>True if a high level lights it.</summary>
        public bool ActiveHigh { get; init; } = true;
    }

    /// <summary>A pin the board hard-wires to something the endpoint does not drive (SD card, touch pad...).</summary>
    public sealed class PinAssignment
    {
        /// <summary>Creates an assignment.</summary>
        public PinAssignment(int pin, string use, bool output)
        {
            Pin = pin;
            Use = use;
            Output = output;
        }

        /// <summary>GPIO.</summary>
        public int Pin { get; }
        /// <summary>What it is wired to.</summary>
        public string Use { get; }
        /// <summary>True if the ESP32 drives it.</summary>
        public bool Output { get; }
    }
}
