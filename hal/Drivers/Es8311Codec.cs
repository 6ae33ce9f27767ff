// ES8311 mono codec control driver (ESP32-S3-Korvo-2 DAC, many ESP32-S3 boards). Register
// meanings and the power-up order come from the Everest ES8311 datasheet / user guide: clock
// manager first, then the state machine (CSM) on in slave mode, the serial port format, then
// analog power, ADC/DAC power, output driver, and only then volume and unmute; CodecDriver adds
// the amplifier last. Depends on CodecDriver, Es8311ClockPlan, Es8311Register. Does not depend on
// I2S: audio data flows elsewhere.
// Limits: I2S slave, PCM16 I2S format, analog MIC1 input, 8/16 kHz; no ALC/EQ/DMIC.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8311 codec control over I2C.</summary>
    public sealed class Es8311Codec : CodecDriver
    {
        /// <summary>Chip name used in status messages.</summary>
        public const string ChipName = "ES8311";
        /// <summary>7-bit I2C address with CE low (0x19 with CE high).</summary>
        public const int DefaultAddress = 0x18;
        /// <summary>Expected value of register 0xFD.</summary>
        public const byte ExpectedId1 = 0x83;
        /// <summary>Expected value of register 0xFE.</summary>
        public const byte ExpectedId2 = 0x11;

        private const byte SdpI2s16 = 0x0C;
        private const byte DacMuted = 0x60;

        /// <summary>Creates the driver; amp may be null (no amplifier pin).</summary>
        public Es8311Codec(IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
            : base(ChipName, bus, amp, config)
        {
        }

        /// <summary>DAC volume register value for 0..100: 0 -> 0x00 (-95.5 dB), 100 -> 0xBF (0 dB), 0.5 dB per step.</summary>
        public static byte VolumeCode(int percent)
        {
            percent = Clamp(percent);
            return percent == 0 ? (byte)0x00 : (byte)(0xBF - (100 - percent));
        }

        /// <summary>PGA gain code for register 0x14 bits 3..0: 3 dB steps, 0..30 dB.</summary>
        public static int MicPgaCode(int gainDb)
        {
            if (gainDb <= 0) return 0;
            int code = gainDb / 3;
            return code > 10 ? 10 : code;
        }

        /// <inheritdoc/>
        protected override CodecStatus BuildInit(int sampleRate, int mclkHz, RegisterSequence seq)
        {
            Es8311ClockPlan plan;
            if (!Es8311ClockPlan.TryCompute(mclkHz, sampleRate, out plan))
                return CodecStatus.Failure(ChipName, CodecError.UnsupportedClock, mclkHz, sampleRate);
            // 1. Clock manager while the state machine is still off.
            seq.Add((byte)Es8311Register.General45, 0x00);
            seq.Add((byte)Es8311Register.ClockManager1, 0x30);
            seq.Add((byte)Es8311Register.ClockManager2, plan.Reg02);
            seq.Add((byte)Es8311Register.ClockManager3, plan.Reg03);
            seq.Add((byte)Es8311Register.AdcScale, 0x24);
            seq.Add((byte)Es8311Register.ClockManager4, plan.Reg04);
            seq.Add((byte)Es8311Register.ClockManager5, plan.Reg05);
            seq.Add((byte)Es8311Register.ClockManager6, plan.Reg06);
            seq.Add((byte)Es8311Register.ClockManager7, plan.Reg07);
            seq.Add((byte)Es8311Register.ClockManager8, plan.Reg08);
            seq.Add((byte)Es8311Register.System0B, 0x00);
            seq.Add((byte)Es8311Register.System0C, 0x00);
            seq.Add((byte)Es8311Register.System10, 0x1F);
            seq.Add((byte)Es8311Register.System11, 0x7F);
            // 2. State machine on, slave mode; all clocks on, MCLK from the MCLK pin.
            seq.Add((byte)Es8311Register.Reset, 0x80);
            seq.Add((byte)Es8311Register.ClockManager1, 0x3F);
            // 3. Serial port: I2S, 16-bit, both directions.
            seq.Add((byte)Es8311Register.SdpIn, SdpI2s16);
            seq.Add((byte)Es8311Register.SdpOut, SdpI2s16);
            // 4. Analog power, ADC, DAC, output driver.
            seq.Add((byte)Es8311Register.AnalogPower, 0x01);
            seq.Add((byte)Es8311Register.AdcPower, 0x02);
            seq.Add((byte)Es8311Register.DacPower, 0x00);
            seq.Add((byte)Es8311Register.OutputDriver, OutputOn ? (byte)0x10 : (byte)0x00);
            // 5. Microphone path: MIC1P/N analog input, PGA gain, ADC ramp, filters, ADC volume 0 dB.
            seq.Add((byte)Es8311Register.MicSelect, (byte)(0x10 | MicPgaCode(Config.MicGainDb)));
            seq.Add((byte)Es8311Register.AdcRamp, 0x40);
            seq.Add((byte)Es8311Register.AdcHpf1, 0x0A);
            seq.Add((byte)Es8311Register.AdcHpf2, 0x6A);
            seq.Add((byte)Es8311Register.AdcVolume, 0xBF);
            // 6. DAC ramp/EQ bypass, then volume and mute state last.
            seq.Add((byte)Es8311Register.DacRamp, 0x48);
            seq.Add((byte)Es8311Register.DacVolume, VolumeCode(Volume));
            seq.Add((byte)Es8311Register.DacMute, Muted ? DacMuted : (byte)0x00);
            return CodecStatus.Success(ChipName);
        }

        /// <inheritdoc/>
        protected override CodecStatus Probe()
        {
            if (!Config.CheckChipId) return CodecStatus.Success(ChipName);
            CodecStatus s = CheckId((byte)Es8311Register.ChipId1, ExpectedId1);
            return s.Ok ? CheckId((byte)Es8311Register.ChipId2, ExpectedId2) : s;
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteVolume(int percent)
        {
            return Write((byte)Es8311Register.DacVolume, VolumeCode(percent));
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteMute(bool mute)
        {
            return Write((byte)Es8311Register.DacMute, mute ? DacMuted : (byte)0x00);
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteOutput(bool enable)
        {
            if (enable)
            {
                CodecStatus s = Write((byte)Es8311Register.DacPower, 0x00);
                return s.Ok ? Write((byte)Es8311Register.OutputDriver, 0x10) : s;
            }
            CodecStatus d = Write((byte)Es8311Register.OutputDriver, 0x00);
            return d.Ok ? Write((byte)Es8311Register.DacPower, 0x02) : d;
        }

        /// <inheritdoc/>
        protected override void BuildPowerDown(RegisterSequence seq)
        {
            seq.Add((byte)Es8311Register.DacVolume, 0x00);
            seq.Add((byte)Es8311Register.AdcVolume, 0x00);
            seq.Add((byte)Es8311Register.AdcPower, 0xFF);
            seq.Add((byte)Es8311Register.DacPower, 0x02);
            seq.Add((byte)Es8311Register.OutputDriver, 0x00);
            seq.Add((byte)Es8311Register.MicSelect, 0x00);
            seq.Add((byte)Es8311Register.AnalogPower, 0xFA);
            seq.Add((byte)Es8311Register.AdcRamp, 0x00);
            seq.Add((byte)Es8311Register.DacRamp, 0x08);
            seq.Add((byte)Es8311Register.General45, 0x01);
        }

        private CodecStatus CheckId(byte register, byte expected)
        {
            byte value;
            BusStatus b = Bus.ReadRegister(register, out value);
            if (b != BusStatus.Ok) return CodecStatus.BusFailure(ChipName, register, RegisterOp.Read, b);
            if (value != expected)
            {
                CodecStatus s = CodecStatus.Failure(ChipName, CodecError.WrongChipId, value, expected);
                s.Register = register;
                s.Operation = RegisterOp.Read;
                return s;
            }
            return CodecStatus.Success(ChipName);
        }
    }
}
