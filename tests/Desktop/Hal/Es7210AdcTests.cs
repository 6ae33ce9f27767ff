// ES7210 driver against the register emulator: clock/format/input registers for 8 and 16 kHz, the
// clock rule against ESP-ADF's coefficient table rows, the init order (reset first, clocks before
// power-up, ADC clocks and state-machine restart last), gain and mute touching only their bits,
// preserved unknown bits, chip-ID check, and every injected NAK returning a status that names
// chip, register and operation, with a clean retry afterwards.
using System;
using System.Linq;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class Es7210AdcTests
    {
        private static (Es7210Adc Adc, Es7210Emulator Chip) Make(Es7210Config config = null)
        {
            var chip = new Es7210Emulator();
            return (new Es7210Adc(chip, config ?? new Es7210Config()), chip);
        }

        private static byte R(Es7210Register r) { return (byte)r; }

        [Theory]
        [InlineData(8000)]
        [InlineData(16000)]
        public void Init_with_256fs_mclk_sets_clock_format_inputs_and_power(int rate)
        {
            var (adc, chip) = Make();
            CodecStatus s = adc.Init(rate);
            Assert.True(s.Ok, s.Message);
            Assert.True(adc.IsReady);
            Assert.Equal(rate, adc.SampleRate);

            // Clock: doubler + divider 1 -> ADC clock 512 fs; LRCK divider 256.
            Assert.Equal(0xC1, chip[Es7210Register.MainClock]);
            Assert.Equal(0x20, chip[Es7210Register.Osr]);
            Assert.Equal(rate, chip.InternalSampleRate(256 * rate));
            Assert.Equal(256, chip.LrckDivider);
            // Slave, 16-bit I2S, no TDM; unknown bits kept.
            Assert.True(chip.Slave);
            Assert.Equal(Es7210Emulator.ModeDefault, chip[Es7210Register.ModeConfig]);
            Assert.True(chip.I2sFormat);
            Assert.Equal(16, chip.WordLengthBits);
            Assert.Equal(0x6C, chip[Es7210Register.SdpInterface1]);
            Assert.False(chip.Tdm);
            // MIC1 + MIC2 on at 24 dB (code 8), MIC3/4 off.
            for (int i = 0; i < 2; i++)
            {
                Assert.True(chip.PgaOn(i));
                Assert.Equal(8, chip.GainCode(i));
                Assert.True(chip.MicPowered(i));
            }
            Assert.Equal(0xB8, chip[Es7210Register.Mic1Gain]);
            for (int i = 2; i < 4; i++)
            {
                Assert.False(chip.PgaOn(i));
                Assert.False(chip.MicPowered(i));
            }
            Assert.True(chip.Adc12ClockOn);
            Assert.False(chip.Adc34ClockOn);
            Assert.Equal(0x34, chip[Es7210Register.ClockOff]);
            Assert.True(chip.PoweredUp);
            Assert.True(chip.AnalogOn);
            Assert.Equal(0x70, chip[Es7210Register.Mic12Bias]);
            Assert.False(chip.Muted12);
            Assert.Equal(Es7210Emulator.MuteDefault, chip[Es7210Register.Adc12Mute]);
            Assert.Equal(0x41, chip[Es7210Register.Reset]);
            Assert.Equal(24, adc.GainDb);
        }

        [Theory]
        // Rows of the OSR-0x20 coefficient table in ESP-ADF es7210.c: mclk, lrck, reg 0x02, lrck divider.
        [InlineData(12288000, 8000, 0x83, 0x600)]
        [InlineData(16384000, 8000, 0x84, 0x800)]
        [InlineData(4096000, 8000, 0x81, 0x200)]
        [InlineData(4096000, 16000, 0xC1, 0x100)]
        [InlineData(16384000, 16000, 0x82, 0x400)]
        [InlineData(12288000, 16000, 0xC3, 0x300)]
        [InlineData(2048000, 8000, 0xC1, 0x100)] // 256 fs at 8 kHz: derived, not a table row
        public void Clock_plan_reproduces_the_reference_table(int mclk, int rate, int reg02, int lrck)
        {
            Es7210ClockPlan plan;
            Assert.True(Es7210ClockPlan.TryCompute(mclk, rate, out plan));
            Assert.Equal(reg02, plan.Reg02);
            Assert.Equal(lrck, (plan.Reg04 << 8) | plan.Reg05);

            var (adc, chip) = Make(new Es7210Config { FixedMclkHz = mclk });
            Assert.True(adc.Init(rate).Ok);
            Assert.Equal(reg02, chip[Es7210Register.MainClock]);
            Assert.Equal(rate, chip.InternalSampleRate(mclk));
        }

        [Fact]
        public void Unusable_mclk_or_rate_fails_without_touching_the_bus()
        {
            var (adc, chip) = Make(new Es7210Config { FixedMclkHz = 1000000 });
            CodecStatus s = adc.Init(8000);
            Assert.Equal(CodecError.UnsupportedClock, s.Error);
            Assert.Equal("ES7210: MCLK 1000000 Hz cannot clock 8000 Hz", s.Message);
            Assert.Equal(0, chip.TransactionCount);

            var (adc2, chip2) = Make();
            Assert.Equal(CodecError.UnsupportedRate, adc2.Init(44100).Error);
            Assert.Equal(0, chip2.TransactionCount);
            Assert.False(adc2.IsReady);
        }

        [Fact]
        public void Init_order_is_reset_first_clocks_before_power_up_and_restart_last()
        {
            var (adc, chip) = Make();
            Assert.True(adc.Init(8000).Ok);

            Assert.Equal(RegisterOp.Write, chip.Log[0].Op);
            Assert.Equal(0x00, chip.Log[0].Register);
            Assert.Equal(0xFF, chip.Log[0].Value);
            Assert.Equal(1, chip.Resets);
            int gate = chip.IndexOfWrite(R(Es7210Register.ClockOff), 0x3F);
            int slave = chip.IndexOfFirstWrite(R(Es7210Register.ModeConfig));
            int osr = chip.IndexOfFirstWrite(R(Es7210Register.Osr));
            int mainClk = chip.IndexOfFirstWrite(R(Es7210Register.MainClock));
            int lrck = chip.IndexOfFirstWrite(R(Es7210Register.LrckDivLow));
            int format = chip.IndexOfFirstWrite(R(Es7210Register.SdpInterface1));
            int pga = chip.IndexOfWrite(R(Es7210Register.Mic1Gain), 0xB8);
            int groupPower = chip.IndexOfWrite(R(Es7210Register.Mic12Power), 0x00);
            int powerUp = chip.IndexOfWrite(R(Es7210Register.PowerDown), 0x00);
            int micPower = chip.IndexOfWrite(R(Es7210Register.Mic1Power), 0x08);
            int clocksOn = chip.IndexOfWrite(R(Es7210Register.ClockOff), 0x34);
            Assert.True(0 < gate && gate < slave && slave < osr, "reset, clocks gated, slave mode");
            Assert.True(osr < mainClk && mainClk < lrck && lrck < format, "clock tree before the serial port");
            Assert.True(format < pga && pga < groupPower && groupPower < powerUp, "inputs set before power-up");
            Assert.True(lrck < powerUp && powerUp < micPower && micPower < clocksOn, "clocks configured before power-up, ADC clocks run last");
            int n = chip.TransactionCount;
            Assert.Equal((RegisterOp.Write, (byte)0x00, (byte)0x71), (chip.Log[n - 2].Op, chip.Log[n - 2].Register, chip.Log[n - 2].Value));
            Assert.Equal((RegisterOp.Write, (byte)0x00, (byte)0x41), (chip.Log[n - 1].Op, chip.Log[n - 1].Register, chip.Log[n - 1].Value));
            Assert.DoesNotContain(chip.Log, t => t.Op == RegisterOp.Read && (t.Register == 0x3D || t.Register == 0x3E));
        }

        [Fact]
        public void Gain_changes_only_the_gain_bits_of_the_enabled_inputs()
        {
            var (adc, chip) = Make();
            Assert.True(adc.Init(16000).Ok);
            chip.ClearLog();

            Assert.True(adc.SetGainDb(30).Ok);
            Assert.Equal(0xBA, chip[Es7210Register.Mic1Gain]); // planted bits, PGA on, code 10
            Assert.Equal(0xBA, chip[Es7210Register.Mic2Gain]);
            Assert.Equal(Es7210Emulator.GainDefault, chip[Es7210Register.Mic3Gain]);
            Assert.Equal(new[] { (byte)0x43, (byte)0x44 }, chip.Log.Where(t => t.Op == RegisterOp.Write).Select(t => t.Register).ToArray());
            Assert.Equal(30, adc.GainDb);

            Assert.True(adc.SetGainDb(100).Ok);
            Assert.Equal(14, chip.GainCode(0));
            Assert.True(adc.SetGainDb(-5).Ok);
            Assert.Equal(0, chip.GainCode(1));
            Assert.True(chip.PgaOn(0));
            Assert.Equal(0, adc.GainDb);
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(2, 0)]
        [InlineData(3, 1)]
        [InlineData(24, 8)]
        [InlineData(33, 11)]
        [InlineData(34, 11)]
        [InlineData(35, 12)]
        [InlineData(36, 13)]
        [InlineData(37, 13)]
        [InlineData(38, 14)]
        public void Gain_codes_follow_the_pga_steps(int db, int code)
        {
            Assert.Equal(code, Es7210Adc.GainCode(db));
        }

        [Fact]
        public void Mute_sets_and_clears_only_the_adc_mute_bits()
        {
            var (adc, chip) = Make();
            Assert.True(adc.Init(8000).Ok);
            chip.ClearLog();
            Assert.True(adc.SetMute(true).Ok);
            Assert.True(adc.Muted);
            Assert.True(chip.Muted12);
            Assert.True(chip.Muted34);
            Assert.Equal(Es7210Emulator.MuteDefault | 0x03, chip[Es7210Register.Adc12Mute]);
            Assert.Equal(4, chip.TransactionCount); // read-modify-write of 0x14 and 0x15
            Assert.True(adc.SetMute(false).Ok);
            Assert.False(chip.Muted12);
            Assert.Equal(Es7210Emulator.MuteDefault, chip[Es7210Register.Adc12Mute]);
            Assert.Equal(0xB8, chip[Es7210Register.Mic1Gain]);
        }

        [Fact]
        public void Settings_made_before_init_are_applied_by_init()
        {
            var (adc, chip) = Make();
            Assert.True(adc.SetMute(true).Ok);
            Assert.True(adc.SetGainDb(12).Ok);
            Assert.Equal(0, chip.TransactionCount);
            Assert.True(adc.Init(8000).Ok);
            Assert.True(chip.Muted12);
            Assert.Equal(4, chip.GainCode(0));
        }

        [Fact]
        public void Three_inputs_power_both_groups_without_tdm()
        {
            var (adc, chip) = Make(new Es7210Config { Mics = Es7210Config.Mic1 | Es7210Config.Mic2 | Es7210Config.Mic3 });
            Assert.True(adc.Init(16000).Ok);
            Assert.True(chip.MicPowered(2));
            Assert.False(chip.MicPowered(3));
            Assert.True(chip.PgaOn(2));
            Assert.True(chip.Adc34ClockOn);
            Assert.Equal(0x20, chip[Es7210Register.ClockOff]);
            Assert.False(chip.Tdm);
            Assert.Throws<ArgumentException>(() => new Es7210Adc(chip, new Es7210Config { Mics = 0 }));
            Assert.Throws<ArgumentException>(() => new Es7210Adc(chip, new Es7210Config { Mics = 0x10 }));
        }

        [Fact]
        public void Absent_chip_is_an_address_nak_on_the_reset_write_and_retry_succeeds()
        {
            var (adc, chip) = Make();
            chip.Absent = true;
            CodecStatus s = adc.Init(8000);
            Assert.False(s.Ok);
            Assert.Equal(CodecError.Bus, s.Error);
            Assert.Equal("ES7210 reg 0x00 write: address NAK", s.Message);
            Assert.Equal(1, chip.TransactionCount);
            Assert.False(adc.IsReady);
            Assert.Equal(s.Message, adc.LastStatus.Message);

            chip.ClearFaults();
            Assert.True(adc.Init(8000).Ok);
            Assert.True(adc.IsReady);
        }

        [Fact]
        public void Nak_on_every_transaction_of_init_stops_there_and_retry_matches_a_clean_init()
        {
            var clean = Make();
            Assert.True(clean.Adc.Init(8000).Ok);
            int total = clean.Chip.TransactionCount;
            Assert.True(total > 40);

            for (int n = 1; n <= total; n++)
            {
                var (adc, chip) = Make();
                chip.NakOnTransaction(n, BusStatus.DataNak);
                CodecStatus s = adc.Init(8000);
                RegisterTransaction expected = clean.Chip.Log[n - 1];
                Assert.False(s.Ok, "transaction " + n);
                Assert.Equal(expected.Register, s.Register);
                Assert.Equal(expected.Op, s.Operation);
                Assert.Equal("ES7210 reg 0x" + expected.Register.ToString("X2") + (expected.Op == RegisterOp.Read ? " read" : " write") + ": data NAK", s.Message);
                Assert.Equal(n, chip.TransactionCount);
                Assert.False(adc.IsReady);

                chip.ClearFaults();
                Assert.True(adc.Init(8000).Ok, "retry after fault at " + n);
                Assert.Equal(clean.Chip.Registers, chip.Registers);
            }
        }

        [Fact]
        public void Nak_during_gain_mute_or_power_down_is_a_status_naming_the_register()
        {
            var (adc, chip) = Make();
            Assert.True(adc.Init(8000).Ok);
            chip.NakOnRegister(0x44, RegisterOp.Write, BusStatus.Timeout);
            Assert.Equal("ES7210 reg 0x44 write: timeout", adc.SetGainDb(12).Message);
            chip.NakOnRegister(0x15, RegisterOp.Read, BusStatus.DataNak);
            Assert.Equal("ES7210 reg 0x15 read: data NAK", adc.SetMute(true).Message);
            chip.NakOnRegister(0x40, RegisterOp.Write, BusStatus.BusError);
            Assert.Equal("ES7210 reg 0x40 write: bus error", adc.PowerDown().Message);
            Assert.False(adc.IsReady);
        }

        [Fact]
        public void Chip_id_check_is_optional_and_names_the_register()
        {
            var (adc, chip) = Make(new Es7210Config { CheckChipId = true });
            Assert.True(adc.Init(8000).Ok);
            Assert.Equal(RegisterOp.Read, chip.Log[0].Op);
            Assert.Equal(0x3D, chip.Log[0].Register);
            Assert.Equal(0x3E, chip.Log[1].Register);

            var (adc2, chip2) = Make(new Es7210Config { CheckChipId = true });
            chip2.PlantChipId(0x83);
            CodecStatus s = adc2.Init(8000);
            Assert.Equal(CodecError.WrongChipId, s.Error);
            Assert.Equal("ES7210 reg 0x3D read: chip id 0x83, expected 0x72", s.Message);
            Assert.Equal(1, chip2.TransactionCount);

            var (adc3, chip3) = Make();
            chip3.PlantChipId(0x83);
            Assert.True(adc3.Init(8000).Ok);
        }

        [Fact]
        public void Power_down_turns_inputs_analog_and_clocks_off()
        {
            var (adc, chip) = Make();
            Assert.True(adc.Init(16000).Ok);
            Assert.True(adc.PowerDown().Ok);
            Assert.False(adc.IsReady);
            for (int i = 0; i < 4; i++) Assert.False(chip.MicPowered(i));
            Assert.Equal(0xC0, chip[Es7210Register.Analog]);
            Assert.Equal(0x7F, chip[Es7210Register.ClockOff]);
            Assert.Equal(0x07, chip[Es7210Register.PowerDown]);
            Assert.True(adc.Init(8000).Ok);
            Assert.True(chip.PoweredUp);
        }
    }
}
