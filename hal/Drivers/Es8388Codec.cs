// ES8388 stereo codec control driver (ESP32-LyraT, AI-Thinker ESP32-Audio-Kit). Power-up order
// from the Everest ES8388 datasheet / user guide example: slave mode, state machines held
// (0x02 = 0xF3), shared LRCK, reference and analog bias on, ADC and DAC powered with the outputs
// still disabled, input select / PGA / serial format / MCLK ratio / digital volumes and the output
// mixer, then the state machines started (0x02 = 0x00), output volumes set, outputs enabled and
// the mute state last; CodecDriver adds the amplifier after that. Depends on CodecDriver,
// Es8388Clock, Es8388Register. Does not depend on I2S. The ES8388 has no chip-ID register.
// Limits: I2S slave, PCM16 I2S format, single-speed 8/16 kHz, one analog input pair, no ALC.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8388 codec control over I2C.</summary>
    public sealed class Es8388Codec : CodecDriver
    {
        /// <summary>Chip name used in status messages.</summary>
        public const string ChipName = "ES8388";
        /// <summary>7-bit I2C address with CE low (0x11 with CE high).</summary>
        public const int DefaultAddress = 0x10;

        private const byte DacControl3Base = 0x20; // soft ramp on
        private const byte DacMuteBit = 0x04;
        private const byte OutputsOn = 0x3C;        // DACs powered, LOUT1/ROUT1/LOUT2/ROUT2 enabled
        private const byte OutputsOff = 0x00;       // DACs powered, outputs disabled
        private const byte OutVolume0dB = 0x1E;

        /// <summary>Creates the driver; amp may be null (no amplifier pin).</summary>
        public Es8388Codec(IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
            : base(ChipName, bus, amp, config)
        {
        }

        /// <summary>DAC digital attenuation for 0..100: 0 -> 0xC0 (-96 dB), 100 -> 0x00 (0 dB), 0.5 dB per step.</summary>
        public static byte VolumeCode(int percent)
        {
            percent = Clamp(percent);
            return percent == 0 ? (byte)0xC0 : (byte)(100 - percent);
        }

        /// <summary>MIC PGA register value, both channels: 3 dB steps, 0..24 dB.</summary>
        public static byte MicPgaValue(int gainDb)
        {
            int code = gainDb <= 0 ? 0 : gainDb / 3;
            if (code > 8) code = 8;
            return (byte)((code << 4) | code);
        }

        /// <summary>ADC input select value: input 2 -> LIN2/RIN2 (0x50), otherwise LIN1/RIN1 (0x00).</summary>
        public static byte InputSelectValue(int micInput) { return micInput == 2 ? (byte)0x50 : (byte)0x00; }

        /// <inheritdoc/>
        protected override CodecStatus BuildInit(int sampleRate, int mclkHz, RegisterSequence seq)
        {
            byte ratio;
            if (!Es8388Clock.TryRatioCode(mclkHz, sampleRate, out ratio))
                return CodecStatus.Failure(ChipName, CodecError.UnsupportedClock, mclkHz, sampleRate);
            // 1. Slave mode, hold the state machines, one LRCK for ADC and DAC.
            seq.Add((byte)Es8388Register.MasterMode, 0x00);
            seq.Add((byte)Es8388Register.ChipPower, 0xF3);
            seq.Add((byte)Es8388Register.DacControl21, 0x80);
            // 2. Same Fs, reference on, VMID 500k; analog and bias on.
            seq.Add((byte)Es8388Register.Control1, 0x16);
            seq.Add((byte)Es8388Register.Control2, 0x50);
            // 3. ADC (with mic bias) and DACs powered, outputs still disabled.
            seq.Add((byte)Es8388Register.AdcPower, 0x00);
            seq.Add((byte)Es8388Register.DacPower, OutputsOff);
            // 4. ADC: input, PGA, format, ratio, volume 0 dB.
            seq.Add((byte)Es8388Register.AdcControl2, InputSelectValue(Config.MicInput));
            seq.Add((byte)Es8388Register.AdcControl1, MicPgaValue(Config.MicGainDb));
            seq.Add((byte)Es8388Register.AdcControl3, 0x02);
            seq.Add((byte)Es8388Register.AdcControl4, 0x0C);
            seq.Add((byte)Es8388Register.AdcControl5, ratio);
            seq.Add((byte)Es8388Register.AdcControl8, 0x00);
            seq.Add((byte)Es8388Register.AdcControl9, 0x00);
            // 5. DAC: format, ratio, digital volume, mixer (DAC only to the outputs).
            seq.Add((byte)Es8388Register.DacControl1, 0x18);
            seq.Add((byte)Es8388Register.DacControl2, ratio);
            seq.Add((byte)Es8388Register.DacControl4, VolumeCode(Volume));
            seq.Add((byte)Es8388Register.DacControl5, VolumeCode(Volume));
            seq.Add((byte)Es8388Register.DacControl16, 0x00);
            seq.Add((byte)Es8388Register.DacControl17, 0x90);
            seq.Add((byte)Es8388Register.DacControl20, 0x90);
            seq.Add((byte)Es8388Register.DacControl23, 0x00);
            // 6. Start the state machines, set output volumes, enable outputs, mute state last.
            seq.Add((byte)Es8388Register.ChipPower, 0x00);
            seq.Add((byte)Es8388Register.DacControl24, OutVolume0dB);
            seq.Add((byte)Es8388Register.DacControl25, OutVolume0dB);
            seq.Add((byte)Es8388Register.DacControl26, OutVolume0dB);
            seq.Add((byte)Es8388Register.DacControl27, OutVolume0dB);
            seq.Add((byte)Es8388Register.DacPower, OutputOn ? OutputsOn : OutputsOff);
            seq.Add((byte)Es8388Register.DacControl3, MuteValue(Muted));
            return CodecStatus.Success(ChipName);
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteVolume(int percent)
        {
            byte code = VolumeCode(percent);
            CodecStatus s = Write((byte)Es8388Register.DacControl4, code);
            return s.Ok ? Write((byte)Es8388Register.DacControl5, code) : s;
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteMute(bool mute)
        {
            return Write((byte)Es8388Register.DacControl3, MuteValue(mute));
        }

        /// <inheritdoc/>
        protected override CodecStatus WriteOutput(bool enable)
        {
            return Write((byte)Es8388Register.DacPower, enable ? OutputsOn : OutputsOff);
        }

        /// <inheritdoc/>
        protected override void BuildPowerDown(RegisterSequence seq)
        {
            seq.Add((byte)Es8388Register.DacControl3, MuteValue(true));
            seq.Add((byte)Es8388Register.DacPower, 0xC0);
            seq.Add((byte)Es8388Register.AdcPower, 0xFF);
            seq.Add((byte)Es8388Register.ChipPower, 0xFF);
        }

        private static byte MuteValue(bool mute) { return mute ? (byte)(DacControl3Base | DacMuteBit) : DacControl3Base; }
    }
}
