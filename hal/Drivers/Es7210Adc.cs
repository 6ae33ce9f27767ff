// ES7210 four-channel microphone ADC control driver (ESP32-S3-Korvo-2 V3 capture path).
// Register values and their order: Espressif ESP-ADF es7210.c (es7210_adc_init, es7210_mic_select,
// es7210_start/stop) and esp_codec_dev es7210.c (open, set_fs, mute), both written from the
// Everest ES7210 user guide, whose register table was not available here; our sequence is our own
// and keeps their values: reset (0x00 = 0xFF then 0x41) first; all ADC clocks gated (0x01 = 0x3F)
// while configuring; state periods 0x09/0x0A = 0x30; HPF 0x20..0x23 = 0x0A/0x2A/0x0A/0x2A; slave
// mode (0x08 bit0 = 0); analog 0x40 = 0x43; mic bias 0x41/0x42 = 0x70 (2.87 V); clock tree
// (Es7210ClockPlan: OSR 0x07 = 0x20, 0x02, 0x04/0x05); serial port 16-bit I2S (0x11 bits7..5 = 3,
// bits1..0 = 0), no TDM (0x12 = 0x00); per-mic PGA enable (bit4) and gain (bits3..0, ESP-ADF
// GAIN_0DB..GAIN_37_5DB = codes 0..14) in 0x43..0x46; mic group power 0x4B/0x4C = 0x00; power-up
// 0x06 = 0x00 and per-mic power 0x47..0x4A = 0x08; only then the ADC clocks of the enabled groups
// (0x01, clear 0x0B for MIC1/2 and 0x15 for MIC3/4), mute state (0x14/0x15 bits1..0) and the
// state-machine restart 0x00 = 0x71, 0x41 last. Power-down: 0x47..0x4C = 0xFF, 0x40 = 0xC0,
// 0x01 = 0x7F, 0x06 = 0x07 (es7210_stop).
// Bits of 0x08, 0x11, 0x14, 0x15 and 0x43..0x46 other than the ones named above are kept
// (read-modify-write), because their reset values are not known here.
// UNCONFIRMED: the chip-ID registers/values (ExpectedId1/ExpectedId0; the check is off by
// default), and the 2.048 MHz / 8 kHz clock case (see Es7210ClockPlan).
// Channel choice: MIC1 + MIC2 by default (Es7210Config.Mics). In normal I2S mode SDOUT1 carries
// ADC1 (left slot) and ADC2 (right slot); ADC3/ADC4 (MIC3 = the Korvo-2 echo reference) would need
// SDOUT2 or TDM, which the single-data-line, two-slot I2S input of this firmware does not read.
// Depends on IRegisterBus, IMicrophoneAdc, CodecStatus, Es7210Config, Es7210ClockPlan,
// Es7210Register, AudioFrame. Does not depend on I2S. Never throws for bus faults: every bus error
// becomes a CodecStatus naming the chip, register and operation; the caller adds the address.
// Limits: I2S slave, PCM16, 8/16 kHz, analog mics; no ALC, no TDM, no master mode.
using System;

namespace Endpoint.Hal.Drivers
{
    /// <summary>ES7210 microphone ADC control over I2C.</summary>
    public sealed class Es7210Adc : IMicrophoneAdc
    {
        /// <summary>Chip name used in status messages.</summary>
        public const string ChipName = "ES7210";
        /// <summary>7-bit I2C address with AD1 = AD0 = 0 (ESP-ADF ES7210_AD1_AD0_00 = 0x80 in 8-bit form).</summary>
        public const int DefaultAddress = 0x40;
        /// <summary>Expected value of register 0x3D. UNCONFIRMED (one third-party driver; another disagrees).</summary>
        public const byte ExpectedId1 = 0x72;
        /// <summary>Expected value of register 0x3E. UNCONFIRMED (one third-party driver; another disagrees).</summary>
        public const byte ExpectedId0 = 0x10;
        /// <summary>Largest PGA gain code (37.5 dB).</summary>
        public const int MaxGainCode = 14;

        private const byte PgaEnable = 0x10;
        private const byte GainMask = 0x0F;
        private const byte MuteBits = 0x03;

        private readonly IRegisterBus _bus;
        private readonly Es7210Config _config;
        private readonly int _mics;
        private bool _ready;
        private bool _muted;
        private int _gainCode;
        private int _sampleRate;
        private CodecStatus _last;
        private CodecStatus _step;

        /// <summary>Creates the driver; config null for defaults. Throws if the mic mask is empty or out of range.</summary>
        public Es7210Adc(IRegisterBus bus, Es7210Config config)
        {
            if (bus == null) throw new ArgumentNullException("bus");
            _bus = bus;
            _config = config == null ? new Es7210Config() : config;
            _mics = _config.Mics;
            if (_mics <= 0 || _mics > 0x0F) throw new ArgumentException("ES7210 mic mask must be 1..15");
            _gainCode = GainCode(_config.GainDb);
            _last = CodecStatus.Success(ChipName);
        }

        /// <inheritdoc/>
        public string Chip { get { return ChipName; } }
        /// <inheritdoc/>
        public bool IsReady { get { return _ready; } }
        /// <inheritdoc/>
        public CodecStatus LastStatus { get { return _last; } }
        /// <inheritdoc/>
        public bool Muted { get { return _muted; } }
        /// <inheritdoc/>
        public int GainDb { get { return GainDbOf(_gainCode); } }
        /// <summary>Enabled inputs (Es7210Config.Mic1..Mic4 bits).</summary>
        public int Mics { get { return _mics; } }
        /// <summary>Sample rate of the last successful Init, or 0.</summary>
        public int SampleRate { get { return _sampleRate; } }

        /// <summary>PGA gain code for dB: 3 dB steps to 33 dB (code 11), then 34.5/36/37.5 dB (12..14); rounds down.</summary>
        public static int GainCode(int db)
        {
            if (db <= 0) return 0;
            if (db < 35) return db / 3 > 11 ? 11 : db / 3;
            if (db < 36) return 12;
            if (db < 38) return 13;
            return MaxGainCode;
        }

        /// <summary>Gain in whole dB for a code (34.5 and 37.5 dB round down to 34 and 37).</summary>
        public static int GainDbOf(int code)
        {
            if (code <= 11) return code * 3;
            if (code == 12) return 34;
            if (code == 13) return 36;
            return 37;
        }

        /// <inheritdoc/>
        public CodecStatus Init(int sampleRate)
        {
            _ready = false;
            _sampleRate = 0;
            if (!AudioFrame.IsSupportedRate(sampleRate))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedRate, sampleRate, 0));
            int mclk = _config.MclkFor(sampleRate);
            Es7210ClockPlan plan;
            if (!Es7210ClockPlan.TryCompute(mclk, sampleRate, out plan))
                return Remember(CodecStatus.Failure(ChipName, CodecError.UnsupportedClock, mclk, sampleRate));

            _step = CodecStatus.Success(ChipName);
            if (_config.CheckChipId)
            {
                CheckId(Es7210Register.ChipId1, ExpectedId1);
                CheckId(Es7210Register.ChipId0, ExpectedId0);
            }
            // 1. Reset, then gate every ADC clock while configuring.
            W(Es7210Register.Reset, 0xFF);
            W(Es7210Register.Reset, 0x41);
            W(Es7210Register.ClockOff, 0x3F);
            W(Es7210Register.TimeControl0, 0x30);
            W(Es7210Register.TimeControl1, 0x30);
            W(Es7210Register.Adc12Hpf2, 0x2A);
            W(Es7210Register.Adc12Hpf1, 0x0A);
            W(Es7210Register.Adc34Hpf2, 0x0A);
            W(Es7210Register.Adc34Hpf1, 0x2A);
            // 2. Slave mode; analog reference and mic bias.
            U(Es7210Register.ModeConfig, 0x01, 0x00);
            W(Es7210Register.Analog, 0x43);
            W(Es7210Register.Mic12Bias, 0x70);
            W(Es7210Register.Mic34Bias, 0x70);
            // 3. Clock tree for MCLK/fs, then the serial port: 16-bit, I2S, no TDM.
            W(Es7210Register.Osr, Es7210ClockPlan.OsrValue);
            W(Es7210Register.MainClock, plan.Reg02);
            W(Es7210Register.LrckDivHigh, plan.Reg04);
            W(Es7210Register.LrckDivLow, plan.Reg05);
            U(Es7210Register.SdpInterface1, 0xE3, 0x60);
            W(Es7210Register.SdpInterface2, 0x00);
            // 4. Inputs: every PGA off, then the enabled ones on with their gain.
            for (int i = 0; i < 4; i++) U(GainRegister(i), PgaEnable, 0x00);
            W(Es7210Register.Mic12Power, 0xFF);
            W(Es7210Register.Mic34Power, 0xFF);
            for (int i = 0; i < 4; i++)
            {
                if ((_mics & (1 << i)) != 0) U(GainRegister(i), (byte)(PgaEnable | GainMask), (byte)(PgaEnable | _gainCode));
            }
            if ((_mics & 0x03) != 0) W(Es7210Register.Mic12Power, 0x00);
            if ((_mics & 0x0C) != 0) W(Es7210Register.Mic34Power, 0x00);
            // 5. Power up, per-mic power, then the clocks of the enabled groups.
            W(Es7210Register.PowerDown, 0x00);
            for (int i = 0; i < 4; i++) W((Es7210Register)((int)Es7210Register.Mic1Power + i), (_mics & (1 << i)) != 0 ? (byte)0x08 : (byte)0xFF);
            W(Es7210Register.ClockOff, ClockOffValue(_mics));
            // 6. Mute state, then restart the state machine.
            WriteMuteBits(_muted);
            W(Es7210Register.Reset, 0x71);
            W(Es7210Register.Reset, 0x41);
            if (!_step.Ok) return Remember(_step);
            _ready = true;
            _sampleRate = sampleRate;
            return Remember(_step);
        }

        /// <summary>Register 0x01 value with the clocks of the enabled groups running.</summary>
        public static byte ClockOffValue(int mics)
        {
            int v = 0x3F;
            if ((mics & 0x03) != 0) v &= ~0x0B;
            if ((mics & 0x0C) != 0) v &= ~0x15;
            return (byte)v;
        }

        /// <inheritdoc/>
        public CodecStatus SetGainDb(int db)
        {
            _gainCode = GainCode(db);
            if (!_ready) return CodecStatus.Success(ChipName);
            _step = CodecStatus.Success(ChipName);
            for (int i = 0; i < 4; i++)
            {
                if ((_mics & (1 << i)) != 0) U(GainRegister(i), GainMask, (byte)_gainCode);
            }
            return Remember(_step);
        }

        /// <inheritdoc/>
        public CodecStatus SetMute(bool mute)
        {
            _muted = mute;
            if (!_ready) return CodecStatus.Success(ChipName);
            _step = CodecStatus.Success(ChipName);
            WriteMuteBits(mute);
            return Remember(_step);
        }

        /// <inheritdoc/>
        public CodecStatus PowerDown()
        {
            _ready = false;
            _step = CodecStatus.Success(ChipName);
            for (int i = 0; i < 4; i++) W((Es7210Register)((int)Es7210Register.Mic1Power + i), 0xFF);
            W(Es7210Register.Mic12Power, 0xFF);
            W(Es7210Register.Mic34Power, 0xFF);
            W(Es7210Register.Analog, 0xC0);
            W(Es7210Register.ClockOff, 0x7F);
            W(Es7210Register.PowerDown, 0x07);
            return Remember(_step);
        }

        private static Es7210Register GainRegister(int mic) { return (Es7210Register)((int)Es7210Register.Mic1Gain + mic); }

        private void WriteMuteBits(bool mute)
        {
            byte bits = mute ? MuteBits : (byte)0x00;
            U(Es7210Register.Adc34Mute, MuteBits, bits);
            U(Es7210Register.Adc12Mute, MuteBits, bits);
        }

        // Each step does nothing once an earlier step of the same call failed (stop at the first failure).
        private void W(Es7210Register register, byte value)
        {
            if (!_step.Ok) return;
            BusStatus b = _bus.WriteRegister((byte)register, value);
            if (b != BusStatus.Ok) _step = CodecStatus.BusFailure(ChipName, (byte)register, RegisterOp.Write, b);
        }

        private void U(Es7210Register register, byte mask, byte value)
        {
            if (!_step.Ok) return;
            byte old;
            BusStatus b = _bus.ReadRegister((byte)register, out old);
            if (b != BusStatus.Ok)
            {
                _step = CodecStatus.BusFailure(ChipName, (byte)register, RegisterOp.Read, b);
                return;
            }
            W(register, (byte)((old & ~mask) | (value & mask)));
        }

        private void CheckId(Es7210Register register, byte expected)
        {
            if (!_step.Ok) return;
            byte value;
            BusStatus b = _bus.ReadRegister((byte)register, out value);
            if (b != BusStatus.Ok)
            {
                _step = CodecStatus.BusFailure(ChipName, (byte)register, RegisterOp.Read, b);
                return;
            }
            if (value != expected)
            {
                CodecStatus s = CodecStatus.Failure(ChipName, CodecError.WrongChipId, value, expected);
                s.Register = (byte)register;
                s.Operation = RegisterOp.Read;
                _step = s;
            }
        }

        private CodecStatus Remember(CodecStatus s)
        {
            _last = s;
            return s;
        }
    }
}
