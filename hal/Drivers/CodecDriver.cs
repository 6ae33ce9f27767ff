// Chip-independent part of a codec control driver (ESP-ADF esp_codec_dev "chip logic" split):
// the mutable state (ready, volume, mute, output on), the init flow and its pop-avoidance policy
// (amplifier forced off before the first register access, switched on only after the last one;
// switched off before the outputs when disabling), settings made before Init being applied by
// Init, and the status bookkeeping. A chip subclass supplies its register sequences and its
// volume/mute/output writes. Depends on IRegisterBus, IAmplifierEnable, CodecConfig,
// RegisterSequence, CodecStatus. Never throws for bus faults; stops at the first failure.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Base class of the codec control drivers.</summary>
    public abstract class CodecDriver : ICodecControl
    {
        private readonly string _chip;
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

        /// <summary>Creates the driver; amp may be null (no amplifier pin), config null for defaults.</summary>
        protected CodecDriver(string chip, IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
        {
            _chip = chip;
            _bus = bus;
            _amp = amp;
            _config = config == null ? new CodecConfig() : config;
            _volume = Clamp(_config.InitialVolume);
            _outputOn = _config.EnableOutputOnInit;
            _last = CodecStatus.Success(chip);
        }

        /// <inheritdoc/>
        public string Chip { get { return _chip; } }
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

        /// <summary>True when the output stage should be on (applied by Init).</summary>
        protected bool OutputOn { get { return _outputOn; } }
        /// <summary>Driver configuration.</summary>
        protected CodecConfig Config { get { return _config; } }
        /// <summary>The control bus.</summary>
        protected IRegisterBus Bus { get { return _bus; } }

        /// <inheritdoc/>
        public CodecStatus Init(int sampleRate)
        {
            _ready = false;
            _sampleRate = 0;
            if (!AudioFrame.IsSupportedRate(sampleRate))
                return Remember(CodecStatus.Failure(_chip, CodecError.UnsupportedRate, sampleRate, 0));
            _seq.Clear();
            CodecStatus s = BuildInit(sampleRate, _config.MclkFor(sampleRate), _seq);
            if (!s.Ok) return Remember(s);

            if (_amp != null) _amp.Enable(false);
            s = Probe();
            if (!s.Ok) return Remember(s);
            s = _seq.Run(_bus, _chip);
            if (!s.Ok) return Remember(s);

            _ready = true;
            _sampleRate = sampleRate;
            if (_outputOn && _amp != null) _amp.Enable(true);
            return Remember(s);
        }

        /// <inheritdoc/>
        public CodecStatus SetVolume(int percent)
        {
            _volume = Clamp(percent);
            if (!_ready) return CodecStatus.Success(_chip);
            return Remember(WriteVolume(_volume));
        }

        /// <inheritdoc/>
        public CodecStatus SetMute(bool mute)
        {
            _muted = mute;
            if (!_ready) return CodecStatus.Success(_chip);
            return Remember(WriteMute(mute));
        }

        /// <inheritdoc/>
        public CodecStatus EnableOutput(bool enable)
        {
            _outputOn = enable;
            if (!_ready) return CodecStatus.Success(_chip);
            CodecStatus s;
            if (enable)
            {
                s = WriteOutput(true);
                if (s.Ok && _amp != null) _amp.Enable(true);
            }
            else
            {
                if (_amp != null) _amp.Enable(false);
                s = WriteOutput(false);
            }
            return Remember(s);
        }

        /// <inheritdoc/>
        public CodecStatus PowerDown()
        {
            if (_amp != null) _amp.Enable(false);
            _ready = false;
            _seq.Clear();
            BuildPowerDown(_seq);
            return Remember(_seq.Run(_bus, _chip));
        }

        /// <summary>Fills seq with the init writes for the rate and MCLK, or returns UnsupportedClock. No bus access.</summary>
        protected abstract CodecStatus BuildInit(int sampleRate, int mclkHz, RegisterSequence seq);

        /// <summary>Bus checks before the init writes (e.g. chip ID). Default: none.</summary>
        protected virtual CodecStatus Probe() { return CodecStatus.Success(_chip); }

        /// <summary>Writes the volume registers for percent (0..100).</summary>
        protected abstract CodecStatus WriteVolume(int percent);

        /// <summary>Writes the DAC mute register.</summary>
        protected abstract CodecStatus WriteMute(bool mute);

        /// <summary>Switches the analog output stage (the base class handles the amplifier).</summary>
        protected abstract CodecStatus WriteOutput(bool enable);

        /// <summary>Fills seq with the power-down writes.</summary>
        protected abstract void BuildPowerDown(RegisterSequence seq);

        /// <summary>Writes one register, returning a status that names it on failure.</summary>
        protected CodecStatus Write(byte register, byte value)
        {
            BusStatus b = _bus.WriteRegister(register, value);
            return b == BusStatus.Ok ? CodecStatus.Success(_chip) : CodecStatus.BusFailure(_chip, register, RegisterOp.Write, b);
        }

        /// <summary>Clamps to 0..100.</summary>
        protected static int Clamp(int percent) { return percent < 0 ? 0 : percent > 100 ? 100 : percent; }

        private CodecStatus Remember(CodecStatus s)
        {
            _last = s;
            return s;
        }
    }
}
