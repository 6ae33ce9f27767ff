// ES8311 register emulator (host-only test code): power-on defaults per the ES8311 register table
// (reset register 0x1F, chip ID 0xFD/0xFE = 0x83/0x11 read-only) and decoders for the state the
// tests assert on (state machine, internal sample rate from the clock registers, volume, mute).
using Endpoint.Hal.Drivers;

namespace Endpoint.Tests.Hal
{
    public sealed class Es8311Emulator : RegisterChipEmulator
    {
        public Es8311Emulator(int address = Es8311Codec.DefaultAddress) : base(address)
        {
            Default(0x00, 0x1F);
            Default(0x01, 0x00);
            Default(0x09, 0x00);
            Default(0x0A, 0x00);
            Default(0x0D, 0xFC);
            Default(0x0E, 0x6A);
            Default(0x12, 0x02);
            Default(0x32, 0x00);
            Default(0xFD, 0x83, readOnly: true);
            Default(0xFE, 0x11, readOnly: true);
            Default(0xFF, 0x00, readOnly: true);
        }

        public byte this[Es8311Register r] { get { return Registers[(byte)r]; } }

        /// <summary>Lets a test plant a different ID (the register is read-only to the bus).</summary>
        public void PlantChipId(byte id1) { Registers[0xFD] = id1; }

        public bool StateMachineOn { get { return (Registers[0x00] & 0x80) != 0; } }
        public bool Master { get { return (Registers[0x00] & 0x40) != 0; } }
        public bool AllClocksOn { get { return (Registers[0x01] & 0x3F) == 0x3F; } }
        public bool DacPowered { get { return Registers[0x12] == 0x00; } }
        public bool OutputDriverOn { get { return (Registers[0x13] & 0x10) != 0; } }
        public bool DacMuted { get { return (Registers[0x31] & 0x60) == 0x60; } }
        public int DacWordLengthBits { get { return WordLength((Registers[0x09] >> 2) & 7); } }
        public int AdcWordLengthBits { get { return WordLength((Registers[0x0A] >> 2) & 7); } }
        public bool I2sFormat { get { return (Registers[0x09] & 3) == 0 && (Registers[0x0A] & 3) == 0; } }

        /// <summary>DAC gain in half-dB relative to 0 dB (0xBF).</summary>
        public int DacGainHalfDb { get { return Registers[0x32] - 0xBF; } }

        /// <summary>Sample rate the chip runs at for a given MCLK: MCLK x PRE_MULTI / PRE_DIV / ADC_DIV / 256.</summary>
        public int InternalSampleRate(int mclkHz)
        {
            int preDiv = ((Registers[0x02] >> 5) & 7) + 1;
            int multi = 1 << ((Registers[0x02] >> 3) & 3);
            int adcDiv = ((Registers[0x05] >> 4) & 0xF) + 1;
            int dacDiv = (Registers[0x05] & 0xF) + 1;
            if (adcDiv != dacDiv) return -1;
            long dig = (long)mclkHz * multi / preDiv / adcDiv;
            return (int)(dig / 256);
        }

        private static int WordLength(int code)
        {
            switch (code)
            {
                case 0: return 24;
                case 1: return 20;
                case 2: return 18;
                case 3: return 16;
                case 4: return 32;
                default: return -1;
            }
        }
    }
}
