// ES7210 register emulator (host-only test code). The ES7210 reset values were not available (no
// register table in the datasheet copy seen), so the defaults below are TEST VALUES: bits the
// driver must preserve (0x08 bits7..1, 0x11 bits4..2, 0x43..0x46 bits7..5, 0x14/0x15 bits7..2)
// are planted non-zero so the tests notice a driver that clobbers them. Writing 0xFF to register
// 0x00 resets the register file to these defaults. Chip ID 0x3D/0x3E = 0x72/0x10 read-only (the
// driver's unconfirmed expectation). Decoders give the state the tests assert on.
using Endpoint.Hal.Drivers;

namespace Endpoint.Tests.Hal
{
    public sealed class Es7210Emulator : RegisterChipEmulator
    {
        public const byte ModeDefault = 0x10;
        public const byte SdpDefault = 0x0C;     // 24-bit (bits7..5 = 0), I2S, bits 3..2 planted
        public const byte GainDefault = 0xA0;    // bits 7..5 planted, PGA off, code 0
        public const byte MuteDefault = 0x08;    // bit 3 planted, unmuted

        public Es7210Emulator(int address = Es7210Adc.DefaultAddress) : base(address)
        {
            Default(0x00, 0x32);
            Default(0x01, 0x7F);
            Default(0x02, 0x02);
            Default(0x06, 0x07);
            Default(0x08, ModeDefault);
            Default(0x11, SdpDefault);
            Default(0x12, 0x00);
            Default(0x14, MuteDefault);
            Default(0x15, MuteDefault);
            for (byte r = 0x43; r <= 0x46; r++) Default(r, GainDefault);
            for (byte r = 0x47; r <= 0x4C; r++) Default(r, 0xFF);
            Default(0x40, 0xC0);
            Default(0x3D, Es7210Adc.ExpectedId1, readOnly: true);
            Default(0x3E, Es7210Adc.ExpectedId0, readOnly: true);
        }

        public byte this[Es7210Register r] { get { return Registers[(byte)r]; } }

        /// <summary>Number of full resets (0x00 = 0xFF) seen.</summary>
        public int Resets { get; private set; }

        protected override void OnWritten(byte register, byte value)
        {
            if (register == 0x00 && value == 0xFF)
            {
                Resets++;
                PowerOnReset();
                Registers[0x00] = value;
            }
        }

        /// <summary>Lets a test plant a different ID (the register is read-only to the bus).</summary>
        public void PlantChipId(byte id1) { Registers[0x3D] = id1; }

        public bool Slave { get { return (Registers[0x08] & 0x01) == 0; } }
        public bool I2sFormat { get { return (Registers[0x11] & 0x03) == 0; } }
        public bool Tdm { get { return Registers[0x12] != 0; } }
        public bool PoweredUp { get { return Registers[0x06] == 0x00; } }
        public bool AnalogOn { get { return Registers[0x40] == 0x43; } }

        public int WordLengthBits
        {
            get
            {
                switch (Registers[0x11] >> 5)
                {
                    case 0: return 24;
                    case 3: return 16;
                    case 4: return 32;
                    default: return -1;
                }
            }
        }

        /// <summary>Input i (0 = MIC1) has its PGA enabled.</summary>
        public bool PgaOn(int i) { return (Registers[0x43 + i] & 0x10) != 0; }
        public int GainCode(int i) { return Registers[0x43 + i] & 0x0F; }
        public bool MicPowered(int i) { return Registers[0x47 + i] == 0x08 && Registers[i < 2 ? 0x4B : 0x4C] == 0x00; }
        public bool Adc12ClockOn { get { return (Registers[0x01] & 0x0B) == 0; } }
        public bool Adc34ClockOn { get { return (Registers[0x01] & 0x15) == 0; } }
        public bool Muted12 { get { return (Registers[0x15] & 0x03) == 0x03; } }
        public bool Muted34 { get { return (Registers[0x14] & 0x03) == 0x03; } }

        /// <summary>Sample rate the ADC runs at for MCLK: MCLK x (doubler ? 2 : 1) / div / 512 (OSR 0x20 only), or -1.</summary>
        public int InternalSampleRate(int mclkHz)
        {
            if (Registers[0x07] != 0x20) return -1;
            int div = Registers[0x02] & 0x1F;
            if (div == 0) return -1;
            long adc = (long)mclkHz * ((Registers[0x02] & 0x40) != 0 ? 2 : 1) / div;
            return (int)(adc / 512);
        }

        public int LrckDivider { get { return ((Registers[0x04] & 0x0F) << 8) | Registers[0x05]; } }
    }
}
