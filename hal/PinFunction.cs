// Peripheral functions a board routes to pins through the ESP32 GPIO matrix (the ones the
// endpoint uses: two I2C controllers, two I2S controllers). Bus numbers follow nanoFramework's
// 1-based naming (I2C1 = bus 1, I2S1 = bus 1). Depends on nothing. A board's pin-mux routine is pure
// code over IPinMux, so it runs (and is tested) on the desktop too.
namespace Endpoint.Hal
{
    /// <summary>A routable peripheral signal.</summary>
    public enum PinFunction : byte
    {
        /// <summary>Plain GPIO (no routing).</summary>
        Gpio = 0,
        /// <summary>I2C1 SDA.</summary>
        I2c1Data = 1,
        /// <summary>I2C1 SCL.</summary>
        I2c1Clock = 2,
        /// <summary>I2C2 SDA.</summary>
        I2c2Data = 3,
        /// <summary>I2C2 SCL.</summary>
        I2c2Clock = 4,
        /// <summary>I2S1 master clock out.</summary>
        I2s1Mclk = 5,
        /// <summary>I2S1 bit clock.</summary>
        I2s1Bclk = 6,
        /// <summary>I2S1 word select (LRCK).</summary>
        I2s1Ws = 7,
        /// <summary>I2S1 serial data out (to the DAC).</summary>
        I2s1DataOut = 8,
        /// <summary>I2S1 serial data in (from the ADC / microphone).</summary>
        I2s1DataIn = 9,
        /// <summary>I2S2 master clock out.</summary>
        I2s2Mclk = 10,
        /// <summary>I2S2 bit clock.</summary>
        I2s2Bclk = 11,
        /// <summary>I2S2 word select (LRCK).</summary>
        I2s2Ws = 12,
        /// <summary>I2S2 serial data out.</summary>
        I2s2DataOut = 13,
        /// <summary>I2S2 serial data in.</summary>
        I2s2DataIn = 14,
    }

    /// <summary>Builds PinFunction values from bus numbers and gives their names.</summary>
    public static class PinFunctions
    {
        private static readonly string[] Names =
        {
            "GPIO", "I2C1 SDA", "I2C1 SCL", "I2C2 SDA", "I2C2 SCL",
            "I2S1 MCLK", "I2S1 BCLK", "I2S1 WS", "I2S1 DOUT", "I2S1 DIN",
            "I2S2 MCLK", "I2S2 BCLK", "I2S2 WS", "I2S2 DOUT", "I2S2 DIN",
        };

        /// <summary>Name, e.g. "I2S1 MCLK".</summary>
        public static string Name(PinFunction f)
        {
            int i = (int)f;
            return i >= 0 && i < Names.Length ? Names[i] : "function " + i.ToString();
        }

        /// <summary>SDA of I2C bus 1 or 2.</summary>
        public static PinFunction I2cData(int bus) { return bus == 2 ? PinFunction.I2c2Data : PinFunction.I2c1Data; }

        /// <summary>SCL of I2C bus 1 or 2.</summary>
        public static PinFunction I2cClock(int bus) { return bus == 2 ? PinFunction.I2c2Clock : PinFunction.I2c1Clock; }

        /// <summary>MCLK of I2S bus 1 or 2.</summary>
        public static PinFunction I2sMclk(int bus) { return bus == 2 ? PinFunction.I2s2Mclk : PinFunction.I2s1Mclk; }

        /// <summary>BCLK of I2S bus 1 or 2.</summary>
        public static PinFunction I2sBclk(int bus) { return bus == 2 ? PinFunction.I2s2Bclk : PinFunction.I2s1Bclk; }

        /// <summary>WS of I2S bus 1 or 2.</summary>
        public static PinFunction I2sWs(int bus) { return bus == 2 ? PinFunction.I2s2Ws : PinFunction.I2s1Ws; }

        /// <summary>DOUT of I2S bus 1 or 2.</summary>
        public static PinFunction I2sDataOut(int bus) { return bus == 2 ? PinFunction.I2s2DataOut : PinFunction.I2s1DataOut; }

        /// <summary>DIN of I2S bus 1 or 2.</summary>
        public static PinFunction I2sDataIn(int bus) { return bus == 2 ? PinFunction.I2s2DataIn : PinFunction.I2s1DataIn; }
    }
}
