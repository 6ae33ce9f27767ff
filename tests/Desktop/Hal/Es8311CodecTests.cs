// ES8311 driver against the register emulator: clock/format/power registers for 8 and 16 kHz,
// datasheet power-up order, volume and mute registers, and every injected NAK returning a status
// that names the register, with a clean retry afterwards.
using System;
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class Es8311CodecTests
    {
        private const int AmpPin = 48;

        private static (Es8311Codec Codec, Es8311Emulator Chip, AmpProbe Amp) Make(CodecConfig config = null)
        {
            var chip = new Es8311Emulator();
            var amp = new AmpProbe(AmpPin);
            return (new Es8311Codec(chip, amp.Amp, config ?? new CodecConfig()), chip, amp);
        }

        private static byte R(Es8311Register r) { return (byte)r; }

        [Theory]
        [InlineData(8000)]
        [InlineData(16000)]
        public void Init_with_256fs_mclk_sets_clock_format_and_power(int rate)
        {
            var (codec, chip, amp) = Make();
            CodecStatus s = codec.Init(rate);
            Assert.True(s.Ok, s.Message);
            Assert.True(codec.IsReady);
            Assert.Equal(rate, codec.SampleRate);

            // Clock tree: MCLK = 256 fs -> pre-divider 1, multiplier 1, dividers 1, OSR 0x10.
            Assert.Equal(0x00, chip[Es8311Register.ClockManager2]);
            Assert.Equal(0x10, chip[Es8311Register.ClockManager3]);
            Assert.Equal(0x10, chip[Es8311Register.ClockManager4]);
            Assert.Equal(0x00, chip[Es8311Register.ClockManager5]);
            Assert.Equal(rate, chip.InternalSampleRate(256 * rate));
            // Slave mode, state machine on, all clocks from the MCLK pin.
            Assert.True(chip.StateMachineOn);
            Assert.False(chip.Master);
            Assert.Equal(0x3F, chip[Es8311Register.ClockManager1]);
            // I2S, 16-bit both ways.
            Assert.True(chip.I2sFormat);
            Assert.Equal(16, chip.DacWordLengthBits);
            Assert.Equal(16, chip.AdcWordLengthBits);
            // Power: analog, ADC, DAC, output driver.
            Assert.Equal(0x01, chip[Es8311Register.AnalogPower]);
            Assert.Equal(0x02, chip[Es8311Register.AdcPower]);
            Assert.True(chip.DacPowered);
            Assert.True(chip.OutputDriverOn);
            // Initial volume 70 -> 0xBF - 30, unmuted; amplifier on.
            Assert.Equal(-30, chip.DacGainHalfDb);
            Assert.False(chip.DacMuted);
            Assert.True(amp.Level);
        }

        [Theory]
        [InlineData(8000, 12288000, 0xA0)]   // pre-div 6 (ESP-ADF coefficient table: 0x06, x1)
        [InlineData(16000, 12288000, 0x40)]  // pre-div 3
        [InlineData(16000, 6144000, 0x48)]   // pre-div 3, x2 (table: 0x03, 0x02)
        [InlineData(8000, 1024000, 0x08)]    // pre-div 1, x2
        [InlineData(16000, 1536000, 0x58)]   // pre-div 3, x8 (table: 0x03, 0x08)
        public void Init_with_fixed_mclk_derives_divider(int rate, int mclk, int reg02)
        {
            var (codec, chip, _) = Make(new CodecConfig { FixedMclkHz = mclk });
            Assert.True(codec.Init(rate).Ok);
            Assert.Equal(reg02, chip[Es8311Register.ClockManager2]);
            Assert.Equal(rate, chip.InternalSampleRate(mclk));
        }

        [Fact]
        public void Unusable_mclk_or_rate_fails_without_touching_the_bus()
        {
            var (codec, chip, _) = Make(new CodecConfig { FixedMclkHz = 1000000 });
            CodecStatus s = codec.Init(8000);
            Assert.Equal(CodecError.UnsupportedClock, s.Error);
            Assert.Equal("ES8311: MCLK 1000000 Hz cannot clock 8000 Hz", s.Message);
            Assert.Equal(0, chip.TransactionCount);

            var (codec2, chip2, _) = Make();
            CodecStatus r = codec2.Init(11025);
            Assert.Equal(CodecError.UnsupportedRate, r.Error);
            Assert.Contains("11025", r.Message);
            Assert.Equal(0, chip2.TransactionCount);
        }

        [Fact]
        public void Init_follows_the_power_up_order_and_enables_the_amplifier_last()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(8000).Ok);

            int idRead = 0;
            Assert.Equal(RegisterOp.Read, chip.Log[idRead].Op);
            Assert.Equal(0xFD, chip.Log[idRead].Register);
            int clock = chip.IndexOfFirstWrite(R(Es8311Register.ClockManager2));
            int lrck = chip.IndexOfFirstWrite(R(Es8311Register.ClockManager8));
            int csm = chip.IndexOfWrite(R(Es8311Register.Reset), 0x80);
            int clocksOn = chip.IndexOfWrite(R(Es8311Register.ClockManager1), 0x3F);
            int format = chip.IndexOfFirstWrite(R(Es8311Register.SdpIn));
            int analog = chip.IndexOfWrite(R(Es8311Register.AnalogPower), 0x01);
            int adc = chip.IndexOfWrite(R(Es8311Register.AdcPower), 0x02);
            int dac = chip.IndexOfWrite(R(Es8311Register.DacPower), 0x00);
            int driver = chip.IndexOfWrite(R(Es8311Register.OutputDriver), 0x10);
            int volume = chip.IndexOfFirstWrite(R(Es8311Register.DacVolume));
            int mute = chip.IndexOfFirstWrite(R(Es8311Register.DacMute));
            Assert.True(idRead < clock && clock < lrck && lrck < csm, "clock manager before the state machine");
            Assert.True(csm < clocksOn && clocksOn < format, "state machine, clocks, then serial port");
            Assert.True(format < analog && analog < adc && adc < dac && dac < driver, "analog before ADC/DAC before output driver");
            Assert.True(driver < volume && volume < mute && mute == chip.TransactionCount - 1, "volume and unmute last");
            // Amplifier: forced off before the first bus access, switched on after the last one.
            Assert.True(amp.LastSeq(false) < chip.Log[0].Sequence);
            Assert.True(amp.LastSeq(true) > chip.LastSequence);
        }

        [Fact]
        public void Volume_and_mute_touch_only_their_registers()
        {
            var (codec, chip, _) = Make();
            Assert.True(codec.Init(16000).Ok);
            chip.ClearLog();

            Assert.True(codec.SetVolume(100).Ok);
            Assert.Equal(0xBF, chip[Es8311Register.DacVolume]);
            Assert.True(codec.SetVolume(50).Ok);
            Assert.Equal(-50, chip.DacGainHalfDb); // 0.5 dB per percent: -25 dB
            Assert.True(codec.SetVolume(0).Ok);
            Assert.Equal(0x00, chip[Es8311Register.DacVolume]);
            Assert.True(codec.SetVolume(250).Ok); // clamped
            Assert.Equal(100, codec.Volume);
            Assert.Equal(new byte[] { 0xBF, 0x8D, 0x00, 0xBF }, chip.WritesTo(R(Es8311Register.DacVolume)).ToArray());
            Assert.Equal(4, chip.TransactionCount);

            chip.ClearLog();
            Assert.True(codec.SetMute(true).Ok);
            Assert.True(chip.DacMuted);
            Assert.True(codec.Muted);
            Assert.True(codec.SetMute(false).Ok);
            Assert.False(chip.DacMuted);
            Assert.Equal(2, chip.TransactionCount);
            Assert.Equal(0xBF, chip[Es8311Register.DacVolume]);
        }

        [Fact]
        public void Output_disable_turns_the_amplifier_off_before_the_driver()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(8000).Ok);
            chip.ClearLog();
            amp.Clear();
            Assert.True(codec.EnableOutput(false).Ok);
            Assert.False(amp.Level);
            Assert.False(chip.OutputDriverOn);
            Assert.False(chip.DacPowered);
            Assert.True(amp.Writes[0].Seq < chip.Log[0].Sequence);

            amp.Clear();
            Assert.True(codec.EnableOutput(true).Ok);
            Assert.True(amp.Level);
            Assert.True(chip.OutputDriverOn);
            Assert.True(amp.LastSeq(true) > chip.LastSequence);
        }

        [Fact]
        public void Settings_made_before_init_are_applied_by_init()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.SetVolume(100).Ok);
            Assert.True(codec.SetMute(true).Ok);
            Assert.True(codec.EnableOutput(false).Ok);
            Assert.Equal(0, chip.TransactionCount);
            Assert.True(codec.Init(8000).Ok);
            Assert.Equal(0xBF, chip[Es8311Register.DacVolume]);
            Assert.True(chip.DacMuted);
            Assert.False(chip.OutputDriverOn);
            Assert.False(amp.Level);
        }

        [Fact]
        public void Absent_chip_names_the_id_register_and_retry_succeeds()
        {
            var (codec, chip, amp) = Make();
            chip.Absent = true;
            CodecStatus s = codec.Init(8000);
            Assert.False(s.Ok);
            Assert.Equal("ES8311 reg 0xFD read: address NAK", s.Message);
            Assert.Equal(1, chip.TransactionCount); // stopped at the first failure
            Assert.False(codec.IsReady);
            Assert.False(amp.Level);
            Assert.Equal(s.Message, codec.LastStatus.Message);

            chip.ClearFaults();
            Assert.True(codec.Init(8000).Ok);
            Assert.True(codec.IsReady);
        }

        [Fact]
        public void Nak_on_a_register_is_reported_with_its_name()
        {
            var (codec, chip, amp) = Make();
            chip.NakOnRegister(0x0D, RegisterOp.Write, BusStatus.DataNak);
            CodecStatus s = codec.Init(16000);
            Assert.Equal("ES8311 reg 0x0D write: data NAK", s.Message);
            Assert.Equal(CodecError.Bus, s.Error);
            Assert.Equal(0x0D, s.Register);
            Assert.Equal(RegisterOp.Write, chip.Log[chip.TransactionCount - 1].Op);
            Assert.Equal(0x0D, chip.Log[chip.TransactionCount - 1].Register);
            Assert.False(amp.Level);

            chip.NakOnRegister(0x32, RegisterOp.Write, BusStatus.Timeout);
            s = codec.Init(16000);
            Assert.Equal("ES8311 reg 0x32 write: timeout", s.Message);
            chip.ClearFaults();
            Assert.True(codec.Init(16000).Ok);
        }

        [Fact]
        public void Nak_on_every_transaction_of_init_stops_there_and_retry_matches_a_clean_init()
        {
            var clean = Make();
            Assert.True(clean.Codec.Init(8000).Ok);
            int total = clean.Chip.TransactionCount;
            Assert.True(total > 25);

            for (int n = 1; n <= total; n++)
            {
                var (codec, chip, amp) = Make();
                chip.NakOnTransaction(n, BusStatus.DataNak);
                CodecStatus s = codec.Init(8000);
                RegisterTransaction expected = clean.Chip.Log[n - 1];
                Assert.False(s.Ok, "transaction " + n);
                Assert.Equal(expected.Register, s.Register);
                Assert.Equal(expected.Op, s.Operation);
                Assert.Equal("ES8311 reg 0x" + expected.Register.ToString("X2") + (expected.Op == RegisterOp.Read ? " read" : " write") + ": data NAK", s.Message);
                Assert.Equal(n, chip.TransactionCount);
                Assert.False(codec.IsReady);
                Assert.False(amp.Level);

                chip.ClearFaults();
                Assert.True(codec.Init(8000).Ok, "retry after fault at " + n);
                Assert.Equal(clean.Chip.Registers, chip.Registers);
            }
        }

        [Fact]
        public void Wrong_chip_id_is_reported()
        {
            var (codec, chip, _) = Make();
            chip.PlantChipId(0x00);
            CodecStatus s = codec.Init(8000);
            Assert.Equal(CodecError.WrongChipId, s.Error);
            Assert.Equal("ES8311 reg 0xFD read: chip id 0x00, expected 0x83", s.Message);
            Assert.Equal(1, chip.TransactionCount);

            var (codec2, chip2, _) = Make(new CodecConfig { CheckChipId = false });
            chip2.PlantChipId(0x00);
            Assert.True(codec2.Init(8000).Ok);
        }

        [Fact]
        public void Power_down_silences_and_clears_ready()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(8000).Ok);
            Assert.True(codec.PowerDown().Ok);
            Assert.False(codec.IsReady);
            Assert.False(amp.Level);
            Assert.Equal(0xFA, chip[Es8311Register.AnalogPower]);
            Assert.Equal(0xFF, chip[Es8311Register.AdcPower]);
            Assert.False(chip.DacPowered);
            Assert.Equal(0x00, chip[Es8311Register.DacVolume]);
            Assert.True(codec.Init(16000).Ok);
        }
    }
}
