// ES8388 register emulator (host-only test code): power-on defaults from the ES8388 datasheet
// register table (e.g. 0x00=0x06, 0x02=0xC3, 0x08=0x80 master, 0x19=0x22, DAC volume 0xC0) and
// decoders for the state the tests assert on. The ES8388 has no chip-ID register.
using Endpoint.Hal.Drivers;

namespace Endpoint.Tests.Hal
{
    public sealed class Es8388Emulator : RegisterChipEmulator
    {
        private static readonly int[] RatioOfCode = new int[32];

        static Es8388Emulator()
        {
            int[] ratios = { 128, 192, 256, 384, 512, 576, 768, 1024, 1152, 1408, 1536, 2112, 2304 };
            for (int i = 0; i < ratios.Length; i++) RatioOfCode[i] = ratios[i];
            int[] odd = { 125, 136, 250, 272, 375, 500, 544, 750, 1000, 1088, 1496, 1500 };
            for (int i = 0; i < odd.Length; i++) RatioOfCode[0x10 + i] = odd[i];
        }

        public Es8388Emulator(int address = Es8388Codec.DefaultAddress) : base(address)
        {
            Default(0x00, 0x06);
            Default(0x01, 0x5C);
            Default(0x02, 0xC3);
            Default(0x03, 0xFC);
            Default(0x04, 0xC0);
            Default(0x07, 0x7C);
            Default(0x08, 0x80);
            Default(0x0B, 0x02);
            Default(0x0D, 0x06);
            Default(0x0E, 0x30);
            Default(0x0F, 0x20);
            Default(0x10, 0xC0);
            Default(0x11, 0xC0);
            Default(0x18, 0x06);
            Default(0x19, 0x22);
            Default(0x1A, 0xC0);
            Default(0x1B, 0xC0);
            Default(0x1C, 0x08);
            Default(0x27, 0x38);
            Default(0x2A, 0x38);
        }

        public byte this[Es8388Register r] { get { return Registers[(byte)r]; } }

        public bool Slave { get { return (Registers[0x08] & 0x80) == 0; } }
        public bool StateMachinesRunning { get { return Registers[0x02] == 0x00; } }
        public bool DacsPowered { get { return (Registers[0x04] & 0xC0) == 0; } }
        public bool AllOutputsEnabled { get { return (Registers[0x04] & 0x3C) == 0x3C; } }
        public bool DacMuted { get { return (Registers[0x19] & 0x04) != 0; } }
        public int DacWordLengthBits { get { return ((Registers[0x17] >> 3) & 7) == 3 ? 16 : -1; } }
        public int AdcWordLengthBits { get { return ((Registers[0x0C] >> 2) & 7) == 3 ? 16 : -1; } }
        public bool I2sFormat { get { return ((Registers[0x17] >> 1) & 3) == 0 && (Registers[0x0C] & 3) == 0; } }
        public int AdcRatio { get { return RatioOfCode[Registers[0x0D] & 0x1F]; } }
        public int DacRatio { get { return RatioOfCode[Registers[0x18] & 0x1F]; } }
        public bool SingleSpeed { get { return (Registers[0x0D] & 0x20) == 0 && (Registers[0x18] & 0x20) == 0; } }
        /// <summary>Left DAC attenuation in half-dB (0 = 0 dB, 192 = -96 dB).</summary>
        public int DacAttenuationHalfDb { get { return Registers[0x1A]; } }

        /// <summary>Sample rate implied by MCLK and the ADC/DAC ratio registers (-1 if they disagree).</summary>
        public int SampleRate(int mclkHz)
        {
            if (AdcRatio != DacRatio || AdcRatio == 0) return -1;
            return mclkHz % AdcRatio == 0 ? mclkHz / AdcRatio : -1;
        }
    }
}
