// ES8311 mono codec control driver (ESP32-S3-Korvo-2 DAC, many ESP32-S3 boards). Register
// meanings and the power-up order come from the Everest ES8311 datasheet / user guide: reset and
// clock manager first, then the state machine (CSM) on in slave mode, the serial port format, then
// analog power, ADC/DAC power, output driver, and only then volume/unmute and the external
// amplifier (pop avoidance). Depends on IRegisterBus, IAmplifierEnable (optional), CodecConfig,
// Es8311ClockPlan, RegisterSequence. Does not depend on I2S: audio data flows elsewhere.
// Limits: I2S slave, PCM16 I2S format, analog MIC1 input, 8/16 kHz; no ALC/EQ/DMIC.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8311 codec control over I2C.</summary>
    public sealed class Es8311Codec : ICodecControl
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

        private readonly IRegisterBus _bus;
        private readonly IAmplifierEnable _amp;
        private readonly CodecConfig _config;
        private readonly RegisterSequence _seq = new RegisterSequence(40);

        private bool _ready;
        private bool _muted;
        private bool _outputOn;
        private int _volume;
        private int _sampleRate;
        private CodecStatus _last;

        /// <summary>Creates the driver; amp may be null (no amplifier pin).</summary>
        public Es8311Codec(IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
        {
            _bus = bus;
            _amp = amp;
            _config = config == null ? new CodecConfig() : config;
            _volume = Clamp(_config.InitialVolume);
            _outputOn = _config.EnableOutputOnInit;
            _last = CodecStatus.Success(ChipName);
        }

        /// <inheritdoc/>
        public string Chip { get { return ChipName; } }
        /// <inheritdoc/>
        public bool IsReady { get { return _ready; } }
        /// <inheritdoc/>
        public CodecStatus LastStatus { get { return _last; } }
        /// <inheritdoc/>
        public int Volume { get { return _volume; } }
        /// <inheritdoc/>
        public bool Muted { get { return _muted; } }
        /// <summary>Sample rate of the last successful Init, or 0.</summary>
        public int SampleRate { get { return _sampleRate; } }

        /// <summary>DAC volume register value for 0..100: 0 -> 0x00 (-95.5 dB), 100 -> 0xBF (0 dB), 0.5 dB per step.</summary>
        public static byte VolumeCode(int percent)
        {
            percent = Clamp(percent);
            return percent == 0 ? (byte)0x00 : (byte)(0xBF - (100 - percent));
        }

        /// <inheritdoc/>
        public CodecStatus Init(int sampleRate)
        {
            _ready = false;
            _sampleRate = 0;
            if (!AudioFrame.IsSupportedRate(sampleRate))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedRate, sampleRate, 0));
            int mclk = _config.MclkFor(sampleRate);
            Es8311ClockPlan plan;
            if (!Es8311ClockPlan.TryCompute(mclk, sampleRate, out plan))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedClock, mclk, sampleRate));

            if (_amp != null) _amp.Enable(false);
            if (_config.CheckChipId)
            {
                CodecStatus id = CheckId((byte)Es8311Register.ChipId1, ExpectedId1);
                if (!id.Ok) return Remember(id);
                id = CheckId((byte)Es8311Register.ChipId2, ExpectedId2);
                if (!id.Ok) return Remember(id);
            }

            BuildInit(plan);
            CodecStatus s = _seq.Run(_bus, ChipName);
            if (!s.Ok) return Remember(s);

            _ready = true;
            _sampleRate = sampleRate;
            if (_outputOn && _amp != null) _amp.Enable(true);
            return Remember(s);
        }

        private void BuildInit(Es8311ClockPlan plan)
        {
            _seq.Clear();
            // 1. Clock manager while the state machine is still off.
            _seq.Add((byte)Es8311Register.General45, 0x00);
            _seq.Add((byte)Es8311Register.ClockManager1, 0x30);
            _seq.Add((byte)Es8311Register.ClockManager2, plan.Reg02);
            _seq.Add((byte)Es8311Register.ClockManager3, plan.Reg03);
            _seq.Add((byte)Es8311Register.AdcScale, 0x24);
            _seq.Add((byte)Es8311Register.ClockManager4, plan.Reg04);
            _seq.Add((byte)Es8311Register.ClockManager5, plan.Reg05);
            _seq.Add((byte)Es8311Register.ClockManager6, plan.Reg06);
            _seq.Add((byte)Es8311Register.ClockManager7, plan.Reg07);
            _seq.Add((byte)Es8311Register.ClockManager8, plan.Reg08);
            _seq.Add((byte)Es8311Register.System0B, 0x00);
            _seq.Add((byte)Es8311Register.System0C, 0x00);
            _seq.Add((byte)Es8311Register.System10, 0x1F);
            _seq.Add((byte)Es8311Register.System11, 0x7F);
            // 2. State machine on, slave mode; all clocks on, MCLK from the MCLK pin.
            _seq.Add((byte)Es8311Register.Reset, 0x80);
            _seq.Add((byte)Es8311Register.ClockManager1, 0x3F);
            // 3. Serial port: I2S, 16-bit, both directions.
            _seq.Add((byte)Es8311Register.SdpIn, SdpI2s16);
            _seq.Add((byte)Es8311Register.SdpOut, SdpI2s16);
            // 4. Analog power, ADC, DAC, output driver.
            _seq.Add((byte)Es8311Register.AnalogPower, 0x01);
            _seq.Add((byte)Es8311Register.AdcPower, 0x02);
            _seq.Add((byte)Es8311Register.DacPower, 0x00);
            _seq.Add((byte)Es8311Register.OutputDriver, _outputOn ? (byte)0x10 : (byte)0x00);
            // 5. Microphone path: MIC1P/N analog input, PGA gain, ADC ramp, filters, ADC volume 0 dB.
            _seq.Add((byte)Es8311Register.MicSelect, (byte)(0x10 | MicPgaCode(_config.MicGainDb)));
            _seq.Add((byte)Es8311Register.AdcRamp, 0x40);
            _seq.Add((byte)Es8311Register.AdcHpf1, 0x0A);
            _seq.Add((byte)Es8311Register.AdcHpf2, 0x6A);
            _seq.Add((byte)Es8311Register.AdcVolume, 0xBF);
            // 6. DAC ramp/EQ bypass, then volume and mute state last.
            _seq.Add((byte)Es8311Register.DacRamp, 0x48);
            _seq.Add((byte)Es8311Register.DacVolume, VolumeCode(_volume));
            _seq.Add((byte)Es8311Register.DacMute, _muted ? DacMuted : (byte)0x00);
        }

        /// <summary>PGA gain code for register 0x14 bits 3..0: 3 dB steps, 0..30 dB.</summary>
        public static int MicPgaCode(int gainDb)
        {
            if (gainDb <= 0) return 0;
            int code = gainDb / 3;
            return code > 10 ? 10 : code;
        }

        /// <inheritdoc/>
        public CodecStatus SetVolume(int percent)
        {
            _volume = Clamp(percent);
            if (!_ready) return CodecStatus.Success(ChipName);
            return Remember(Write(Es8311Register.DacVolume, VolumeCode(_volume)));
        }

        /// <inheritdoc/>
        public CodecStatus SetMute(bool mute)
        {
            _muted = mute;
            if (!_ready) return CodecStatus.Success(ChipName);
            return Remember(Write(Es8311Register.DacMute, mute ? DacMuted : (byte)0x00));
        }

        /// <inheritdoc/>
        public CodecStatus EnableOutput(bool enable)
        {
            _outputOn = enable;
            if (!_ready) return CodecStatus.Success(ChipName);
            CodecStatus s;
            if (enable)
            {
                s = Write(Es8311Register.DacPower, 0x00);
                if (s.Ok) s = Write(Es8311Register.OutputDriver, 0x10);
                if (s.Ok && _amp != null) _amp.Enable(true);
            }
            else
            {
                if (_amp != null) _amp.Enable(false);
                s = Write(Es8311Register.OutputDriver, 0x00);
                if (s.Ok) s = Write(Es8311Register.DacPower, 0x02);
            }
            return Remember(s);
        }

        /// <inheritdoc/>
        public CodecStatus PowerDown()
        {
            if (_amp != null) _amp.Enable(false);
            _ready = false;
            _seq.Clear();
            _seq.Add((byte)Es8311Register.DacVolume, 0x00);
            _seq.Add((byte)Es8311Register.AdcVolume, 0x00);
            _seq.Add((byte)Es8311Register.AdcPower, 0xFF);
            _seq.Add((byte)Es8311Register.DacPower, 0x02);
            _seq.Add((byte)Es8311Register.OutputDriver, 0x00);
            _seq.Add((byte)Es8311Register.MicSelect, 0x00);
            _seq.Add((byte)Es8311Register.AnalogPower, 0xFA);
            _seq.Add((byte)Es8311Register.AdcRamp, 0x00);
            _seq.Add((byte)Es8311Register.DacRamp, 0x08);
            _seq.Add((byte)Es8311Register.General45, 0x01);
            return Remember(_seq.Run(_bus, ChipName));
        }

        private CodecStatus CheckId(byte register, byte expected)
        {
            byte value;
            BusStatus b = _bus.ReadRegister(register, out value);
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

        private CodecStatus Write(Es8311Register register, byte value)
        {
            BusStatus b = _bus.WriteRegister((byte)register, value);
            return b == BusStatus.Ok ? CodecStatus.Success(ChipName) : CodecStatus.BusFailure(ChipName, (byte)register, RegisterOp.Write, b);
        }

        private CodecStatus Remember(CodecStatus s)
        {
            _last = s;
            return s;
        }

        private static int Clamp(int percent) { return percent < 0 ? 0 : percent > 100 ? 100 : percent; }
    }
}
