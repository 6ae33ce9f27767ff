// GPIO facts of the SoCs, from the ESP32 and ESP32-S3 datasheets ("Pin Description", "Strapping
// Pins") and the module datasheets (ESP32-WROVER-E: GPIO16/17 drive the PSRAM; ESP32-S3-WROOM-1
// R8: GPIO33-37 drive the octal PSRAM), plus the ESP-ADF note that the ESP32 can output the I2S
// MCLK only on GPIO0, 1 or 3. UART0 carries nanoFramework's debugger/deployment link, so its pins
// are reserved too. Depends on BoardTypes. Host pins: any 0..255.
namespace Endpoint.Boards
{
    /// <summary>Per-SoC GPIO rules.</summary>
    public static class SocPins
    {
        /// <summary>Name of the SoC for messages.</summary>
        public static string SocName(SocKind soc)
        {
            return soc == SocKind.Esp32 ? "ESP32" : soc == SocKind.Esp32S3 ? "ESP32-S3" : "host";
        }

        /// <summary>True if the GPIO number exists on the SoC.</summary>
        public static bool Exists(SocKind soc, int pin)
        {
            if (pin < 0) return false;
            switch (soc)
            {
                case SocKind.Esp32:
                    return pin <= 39 && pin != 20 && pin != 24 && (pin < 28 || pin > 31);
                case SocKind.Esp32S3:
                    return pin <= 48 && (pin < 22 || pin > 25);
                default:
                    return pin <= 255;
            }
        }

        /// <summary>What the module or firmware already uses the pin for, or null if free.</summary>
        public static string Reserved(SocKind soc, PsramKind psram, int pin)
        {
            if (soc == SocKind.Esp32)
            {
                if (pin >= 6 && pin <= 11) return "SPI flash (GPIO6-11)";
                if (psram == PsramKind.Quad && (pin == 16 || pin == 17)) return "PSRAM (GPIO16/17 on WROVER)";
                if (pin == 1) return "UART0 TX (nanoFramework debug link)";
                if (pin == 3) return "UART0 RX (nanoFramework debug link)";
            }
            else if (soc == SocKind.Esp32S3)
            {
                if (pin >= 26 && pin <= 32) return "SPI flash/PSRAM (GPIO26-32)";
                if (psram == PsramKind.Octal && pin >= 33 && pin <= 37) return "octal PSRAM (GPIO33-37)";
                if (pin == 43) return "UART0 TX (nanoFramework debug link)";
                if (pin == 44) return "UART0 RX (nanoFramework debug link)";
            }
            return null;
        }

        /// <summary>True for pins that can only be inputs (ESP32 GPIO34-39).</summary>
        public static bool InputOnly(SocKind soc, int pin) { return soc == SocKind.Esp32 && pin >= 34 && pin <= 39; }

        /// <summary>True if the pin has internal pull-up/down resistors (not ESP32 GPIO34-39).</summary>
        public static bool HasInternalPull(SocKind soc, int pin) { return !InputOnly(soc, pin); }

        /// <summary>True for strapping pins (sampled at reset to pick boot mode / flash voltage).</summary>
        public static bool Strapping(SocKind soc, int pin)
        {
            if (soc == SocKind.Esp32) return pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15;
            if (soc == SocKind.Esp32S3) return pin == 0 || pin == 3 || pin == 45 || pin == 46;
            return false;
        }

        /// <summary>True if the SoC can output the I2S master clock on the pin.</summary>
        public static bool CanOutputMclk(SocKind soc, int pin)
        {
            if (soc == SocKind.Esp32) return pin == 0 || pin == 1 || pin == 3;
            return true;
        }
    }
}
