// ES8388 stereo codec control driver (ESP32-LyraT, AI-Thinker ESP32-Audio-Kit). Power-up order
// from the Everest ES8388 datasheet / user guide example: slave mode, state machines held
// (0x02 = 0xF3), shared LRCK, reference and analog bias on, ADC and DAC powered with the outputs
// still disabled, input select / PGA / serial format / MCLK ratio / digital volumes and the
// output mixer, then the state machines started (0x02 = 0x00), output volumes set, outputs enabled,
// unmute and finally the external amplifier. Depends on IRegisterBus, IAmplifierEnable (optional),
// CodecConfig, Es8388Clock, RegisterSequence. Does not depend on I2S.
// Limits: I2S slave, PCM16 I2S format, single-speed 8/16 kHz, one analog input pair, no ALC.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8388 codec control over I2C.</summary>
    public sealed class Es8388Codec : ICodecControl
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
        public Es8388Codec(IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
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
        public CodecStatus Init(int sampleRate)
        {
            _ready = false;
            _sampleRate = 0;
            if (!AudioFrame.IsSupportedRate(sampleRate))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedRate, sampleRate, 0));
            int mclk = _config.MclkFor(sampleRate);
            byte ratio;
            if (!Es8388Clock.TryRatioCode(mclk, sampleRate, out ratio))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedClock, mclk, sampleRate));

            if (_amp != null) _amp.Enable(false);
            BuildInit(ratio);
            CodecStatus s = _seq.Run(_bus, ChipName);
            if (!s.Ok) return Remember(s);

            _ready = true;
            _sampleRate = sampleRate;
            if (_outputOn && _amp != null) _amp.Enable(true);
            return Remember(s);
        }

        private void BuildInit(byte ratio)
        {
            _seq.Clear();
            // 1. Slave mode, hold the state machines, one LRCK for ADC and DAC.
            _seq.Add((byte)Es8388Register.MasterMode, 0x00);
            _seq.Add((byte)Es8388Register.ChipPower, 0xF3);
            _seq.Add((byte)Es8388Register.DacControl21, 0x80);
            // 2. Same Fs, reference on, VMID 500k; analog and bias on.
            _seq.Add((byte)Es8388Register.Control1, 0x16);
            _seq.Add((byte)Es8388Register.Control2, 0x50);
            // 3. ADC (with mic bias) and DACs powered, outputs still disabled.
            _seq.Add((byte)Es8388Register.AdcPower, 0x00);
            _seq.Add((byte)Es8388Register.DacPower, OutputsOff);
            // 4. ADC: input, PGA, format, ratio, volume 0 dB.
            _seq.Add((byte)Es8388Register.AdcControl2, InputSelectValue(_config.MicInput));
            _seq.Add((byte)Es8388Register.AdcControl1, MicPgaValue(_config.MicGainDb));
            _seq.Add((byte)Es8388Register.AdcControl3, 0x02);
            _seq.Add((byte)Es8388Register.AdcControl4, 0x0C);
            _seq.Add((byte)Es8388Register.AdcControl5, ratio);
            _seq.Add((byte)Es8388Register.AdcControl8, 0x00);
            _seq.Add((byte)Es8388Register.AdcControl9, 0x00);
            // 5. DAC: format, ratio, digital volume, mixer (DAC only to the outputs).
            _seq.Add((byte)Es8388Register.DacControl1, 0x18);
            _seq.Add((byte)Es8388Register.DacControl2, ratio);
            _seq.Add((byte)Es8388Register.DacControl4, VolumeCode(_volume));
            _seq.Add((byte)Es8388Register.DacControl5, VolumeCode(_volume));
            _seq.Add((byte)Es8388Register.DacControl16, 0x00);
            _seq.Add((byte)Es8388Register.DacControl17, 0x90);
            _seq.Add((byte)Es8388Register.DacControl20, 0x90);
            _seq.Add((byte)Es8388Register.DacControl23, 0x00);
            // 6. Start the state machines, set output volumes, enable outputs, mute state last.
            _seq.Add((byte)Es8388Register.ChipPower, 0x00);
            _seq.Add((byte)Es8388Register.DacControl24, OutVolume0dB);
            _seq.Add((byte)Es8388Register.DacControl25, OutVolume0dB);
            _seq.Add((byte)Es8388Register.DacControl26, OutVolume0dB);
            _seq.Add((byte)Es8388Register.DacControl27, OutVolume0dB);
            _seq.Add((byte)Es8388Register.DacPower, _outputOn ? OutputsOn : OutputsOff);
            _seq.Add((byte)Es8388Register.DacControl3, _muted ? (byte)(DacControl3Base | DacMuteBit) : DacControl3Base);
        }

        /// <inheritdoc/>
        public CodecStatus SetVolume(int percent)
        {
            _volume = Clamp(percent);
            if (!_ready) return CodecStatus.Success(ChipName);
            byte code = VolumeCode(_volume);
            CodecStatus s = Write(Es8388Register.DacControl4, code);
            if (s.Ok) s = Write(Es8388Register.DacControl5, code);
            return Remember(s);
        }

        /// <inheritdoc/>
        public CodecStatus SetMute(bool mute)
        {
            _muted = mute;
            if (!_ready) return CodecStatus.Success(ChipName);
            return Remember(Write(Es8388Register.DacControl3, mute ? (byte)(DacControl3Base | DacMuteBit) : DacControl3Base));
        }

        /// <inheritdoc/>
        public CodecStatus EnableOutput(bool enable)
        {
            _outputOn = enable;
            if (!_ready) return CodecStatus.Success(ChipName);
            CodecStatus s;
            if (enable)
            {
                s = Write(Es8388Register.DacPower, OutputsOn);
                if (s.Ok && _amp != null) _amp.Enable(true);
            }
            else
            {
                if (_amp != null) _amp.Enable(false);
                s = Write(Es8388Register.DacPower, OutputsOff);
            }
            return Remember(s);
        }

        /// <inheritdoc/>
        public CodecStatus PowerDown()
        {
            if (_amp != null) _amp.Enable(false);
            _ready = false;
            _seq.Clear();
            _seq.Add((byte)Es8388Register.DacControl3, (byte)(DacControl3Base | DacMuteBit));
            _seq.Add((byte)Es8388Register.DacPower, 0xC0);
            _seq.Add((byte)Es8388Register.AdcPower, 0xFF);
            _seq.Add((byte)Es8388Register.ChipPower, 0xFF);
            return Remember(_seq.Run(_bus, ChipName));
        }

        private CodecStatus Write(Es8388Register register, byte value)
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
