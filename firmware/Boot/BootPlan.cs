// What a real board boots with, decided from the configuration and the board data before any
// hardware is touched: the board definition (validated), the codec driver to run (ES8388, ES8311
// or none), its I2C bus and address, the sample rate (8 kHz: the media layer is G.711
// narrowband), and the I2S controllers to open. Produced by BootPlanner. Pure data. Depends on
// BoardDefinition, CodecConfig, Es7210Config, I2sPlan. A separate microphone ADC (ES7210) is
// planned next to the codec on the same I2C bus.
using Endpoint.Boards;
using Endpoint.Hal.Drivers;

namespace Endpoint.Boot
{
    /// <summary>The boot decisions for one board.</summary>
    public sealed class BootPlan
    {
        /// <summary>Sample rate every board runs at.</summary>
        public const int DefaultSampleRate = 8000;

        /// <summary>The validated board.</summary>
        public BoardDefinition Board;
        /// <summary>Board-check warnings and planning notes (e.g. "no microphone driver").</summary>
        public string[] Warnings = new string[0];
        /// <summary>Codec driver to run: Es8388, Es8311, or None (I2S-only parts or no driver).</summary>
        public AudioPart Codec;
        /// <summary>7-bit I2C address of the codec.</summary>
        public int CodecAddress = -1;
        /// <summary>I2C bus of the codec.</summary>
        public int I2cBus = 1;
        /// <summary>I2C clock in Hz.</summary>
        public int I2cSpeedHz = 100000;
        /// <summary>Codec driver configuration.</summary>
        public CodecConfig CodecConfig;
        /// <summary>Audio sample rate in Hz.</summary>
        public int SampleRate = DefaultSampleRate;
        /// <summary>Separate microphone ADC to run (Es7210), or None.</summary>
        public AudioPart MicAdc;
        /// <summary>7-bit I2C address of the microphone ADC (same bus as the codec).</summary>
        public int MicAdcAddress = -1;
        /// <summary>Microphone ADC driver configuration.</summary>
        public Es7210Config MicAdcConfig;
        /// <summary>I2S controllers to open (0, 1 or 2).</summary>
        public I2sPlan[] AudioPorts = new I2sPlan[0];

        /// <summary>Codec chip name, e.g. "ES8388", or "none".</summary>
        public string CodecName
        {
            get { return Codec == AudioPart.Es8388 ? Es8388Codec.ChipName : Codec == AudioPart.Es8311 ? Es8311Codec.ChipName : "none"; }
        }

        /// <summary>Where the microphone ADC sits, e.g. "ES7210 at I2C bus 1 address 0x40 (SDA 17, SCL 18)".</summary>
        public string MicAdcLocation
        {
            get
            {
                string where = (MicAdc == AudioPart.Es7210 ? Es7210Adc.ChipName : "none") + " at I2C bus " + I2cBus.ToString() + " address 0x" + MicAdcAddress.ToString("X2");
                if (Board != null) where += " (SDA " + Board.I2cSda.ToString() + ", SCL " + Board.I2cScl.ToString() + ")";
                return where;
            }
        }

        /// <summary>Where the codec sits, e.g. "ES8388 at I2C bus 1 address 0x10 (SDA 18, SCL 23)".</summary>
        public string CodecLocation
        {
            get
            {
                string where = CodecName + " at I2C bus " + I2cBus.ToString() + " address 0x" + CodecAddress.ToString("X2");
                if (Board != null) where += " (SDA " + Board.I2cSda.ToString() + ", SCL " + Board.I2cScl.ToString() + ")";
                return where;
            }
        }
    }
}
