// IPinMux over nanoFramework.Hardware.Esp32 Configuration.SetPinFunction (GPIO matrix routing of
// I2C and I2S signals). Device-only. Pin -1 is ignored; Gpio needs no routing.
using nanoFramework.Hardware.Esp32;

namespace Endpoint.Hal.Esp32
{
    /// <summary>ESP32 pin multiplexer.</summary>
    public sealed class Esp32PinMux : IPinMux
    {
        /// <inheritdoc/>
        public void Set(int pin, PinFunction function)
        {
            if (pin < 0 || function == PinFunction.Gpio) return;
            Configuration.SetPinFunction(pin, Map(function));
        }

        private static DeviceFunction Map(PinFunction f)
        {
            switch (f)
            {
                case PinFunction.I2c1Data: return DeviceFunction.I2C1_DATA;
                case PinFunction.I2c1Clock: return DeviceFunction.I2C1_CLOCK;
                case PinFunction.I2c2Data: return DeviceFunction.I2C2_DATA;
                case PinFunction.I2c2Clock: return DeviceFunction.I2C2_CLOCK;
                case PinFunction.I2s1Mclk: return DeviceFunction.I2S1_MCK;
                case PinFunction.I2s1Bclk: return DeviceFunction.I2S1_BCK;
                case PinFunction.I2s1Ws: return DeviceFunction.I2S1_WS;
                case PinFunction.I2s1DataOut: return DeviceFunction.I2S1_DATA_OUT;
                case PinFunction.I2s1DataIn: return DeviceFunction.I2S1_MDATA_IN;
                case PinFunction.I2s2Mclk: return DeviceFunction.I2S2_MCK;
                case PinFunction.I2s2Bclk: return DeviceFunction.I2S2_BCK;
                case PinFunction.I2s2Ws: return DeviceFunction.I2S2_WS;
                case PinFunction.I2s2DataOut: return DeviceFunction.I2S2_DATA_OUT;
                default: return DeviceFunction.I2S2_MDATA_IN;
            }
        }
    }
}
