// ES8388 driver against the register emulator: slave mode, 16-bit I2S, MCLK/LRCK ratio codes for
// 8 and 16 kHz, power-up order, input select and PGA, volume and mute registers, and NAK
// injection with retry.
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class Es8388CodecTests
    {
        private const int AmpPin = 21;

        private static (Es8388Codec Codec, Es8388Emulator Chip, AmpProbe Amp) Make(CodecConfig config = null)
        {
            var chip = new Es8388Emulator();
            var amp = new AmpProbe(AmpPin);
            return (new Es8388Codec(chip, amp.Amp, config ?? new CodecConfig()), chip, amp);
        }

        private static byte R(Es8388Register r) { return (byte)r; }

        [Theory]
        [InlineData(8000)]
        [InlineData(16000)]
        public void Init_sets_slave_i2s16_ratio_and_powers_up(int rate)
        {
            var (codec, chip, amp) = Make();
            CodecStatus s = codec.Init(rate);
            Assert.True(s.Ok, s.Message);
            Assert.True(chip.Slave);
            Assert.True(chip.I2sFormat);
            Assert.Equal(16, chip.DacWordLengthBits);
            Assert.Equal(16, chip.AdcWordLengthBits);
            Assert.Equal(0x02, chip[Es8388Register.AdcControl5]); // ratio 256
            Assert.Equal(0x02, chip[Es8388Register.DacControl2]);
            Assert.True(chip.SingleSpeed);
            Assert.Equal(rate, chip.SampleRate(256 * rate));
            Assert.True(chip.StateMachinesRunning);
            Assert.Equal(0x00, chip[Es8388Register.AdcPower]);
            Assert.True(chip.DacsPowered);
            Assert.True(chip.AllOutputsEnabled);
            Assert.Equal(0x80, chip[Es8388Register.DacControl21]); // shared LRCK
            Assert.Equal(0x1E, chip[Es8388Register.DacControl24]);  // LOUT1 0 dB
            Assert.Equal(30, chip.DacAttenuationHalfDb);           // volume 70 -> -15 dB
            Assert.Equal(chip[Es8388Register.DacControl4], chip[Es8388Register.DacControl5]);
            Assert.False(chip.DacMuted);
            Assert.True(amp.Level);
        }

        [Theory]
        [InlineData(8000, 12288000, 0x0A)]  // ratio 1536
        [InlineData(16000, 12288000, 0x06)] // ratio 768
        [InlineData(8000, 4096000, 0x04)]   // ratio 512
        [InlineData(16000, 6144000, 0x03)]  // ratio 384
        public void Fixed_mclk_selects_the_ratio_code(int rate, int mclk, int code)
        {
            var (codec, chip, _) = Make(new CodecConfig { FixedMclkHz = mclk });
            Assert.True(codec.Init(rate).Ok);
            Assert.Equal(code, chip[Es8388Register.AdcControl5]);
            Assert.Equal(code, chip[Es8388Register.DacControl2]);
            Assert.Equal(rate, chip.SampleRate(mclk));
        }

        [Fact]
        public void Ratio_outside_the_table_is_refused_before_any_bus_access()
        {
            var (codec, chip, _) = Make(new CodecConfig { FixedMclkHz = 11289600 });
            CodecStatus s = codec.Init(8000);
            Assert.Equal(CodecError.UnsupportedClock, s.Error);
            Assert.Equal(0, chip.TransactionCount);
        }

        [Fact]
        public void Input_and_gain_follow_the_config()
        {
            var (codec, chip, _) = Make(new CodecConfig { MicInput = 2, MicGainDb = 24 });
            Assert.True(codec.Init(8000).Ok);
            Assert.Equal(0x50, chip[Es8388Register.AdcControl2]);
            Assert.Equal(0x88, chip[Es8388Register.AdcControl1]);

            var (codec1, chip1, _) = Make(new CodecConfig { MicInput = 1, MicGainDb = 9 });
            Assert.True(codec1.Init(8000).Ok);
            Assert.Equal(0x00, chip1[Es8388Register.AdcControl2]);
            Assert.Equal(0x33, chip1[Es8388Register.AdcControl1]);
        }

        [Fact]
        public void Init_follows_the_power_up_order()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(16000).Ok);
            Assert.Equal(R(Es8388Register.MasterMode), chip.Log[0].Register);
            Assert.Equal(0x00, chip.Log[0].Value);
            int hold = chip.IndexOfWrite(R(Es8388Register.ChipPower), 0xF3);
            int start = chip.IndexOfWrite(R(Es8388Register.ChipPower), 0x00);
            int outputsOff = chip.IndexOfWrite(R(Es8388Register.DacPower), 0x00);
            int outputsOn = chip.IndexOfWrite(R(Es8388Register.DacPower), 0x3C);
            int unmute = chip.IndexOfFirstWrite(R(Es8388Register.DacControl3));
            Assert.Equal(1, hold);
            foreach (Es8388Register r in new[] { Es8388Register.AdcControl4, Es8388Register.AdcControl5, Es8388Register.DacControl1, Es8388Register.DacControl2, Es8388Register.DacControl4 })
            {
                int i = chip.IndexOfFirstWrite(R(r));
                Assert.True(hold < i && i < start, r + " must be written while the state machines are held");
            }
            Assert.True(outputsOff < start && start < outputsOn, "outputs enabled only after the state machines start");
            Assert.True(chip.IndexOfFirstWrite(R(Es8388Register.DacControl24)) > start);
            Assert.Equal(chip.TransactionCount - 1, unmute);
            Assert.True(amp.LastSeq(false) < chip.Log[0].Sequence);
            Assert.True(amp.LastSeq(true) > chip.LastSequence);
        }

        [Fact]
        public void Volume_writes_both_dac_volume_registers_and_mute_only_dac_control3()
        {
            var (codec, chip, _) = Make();
            Assert.True(codec.Init(8000).Ok);
            chip.ClearLog();
            Assert.True(codec.SetVolume(100).Ok);
            Assert.Equal(0x00, chip[Es8388Register.DacControl4]);
            Assert.Equal(0x00, chip[Es8388Register.DacControl5]);
            Assert.True(codec.SetVolume(0).Ok);
            Assert.Equal(0xC0, chip[Es8388Register.DacControl4]);
            Assert.Equal(0xC0, chip[Es8388Register.DacControl5]);
            Assert.True(codec.SetVolume(40).Ok);
            Assert.Equal(60, chip.DacAttenuationHalfDb);
            Assert.Equal(6, chip.TransactionCount);

            chip.ClearLog();
            Assert.True(codec.SetMute(true).Ok);
            Assert.True(chip.DacMuted);
            Assert.True(codec.SetMute(false).Ok);
            Assert.False(chip.DacMuted);
            Assert.Equal(2, chip.TransactionCount);
            Assert.Equal(R(Es8388Register.DacControl3), chip.Log[0].Register);
            Assert.Equal(60, chip.DacAttenuationHalfDb);
        }

        [Fact]
        public void Output_enable_switches_outputs_and_amplifier()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(8000).Ok);
            Assert.True(codec.EnableOutput(false).Ok);
            Assert.False(amp.Level);
            Assert.Equal(0x00, chip[Es8388Register.DacPower]);
            Assert.True(codec.EnableOutput(true).Ok);
            Assert.True(amp.Level);
            Assert.True(chip.AllOutputsEnabled);
        }

        [Fact]
        public void Absent_chip_fails_on_the_first_write_and_retry_succeeds()
        {
            var (codec, chip, amp) = Make();
            chip.Absent = true;
            CodecStatus s = codec.Init(8000);
            Assert.Equal("ES8388 reg 0x08 write: address NAK", s.Message);
            Assert.Equal(1, chip.TransactionCount);
            Assert.False(amp.Level);
            chip.ClearFaults();
            Assert.True(codec.Init(8000).Ok);
        }

        [Fact]
        public void Nak_on_every_transaction_of_init_stops_there_and_retry_matches_a_clean_init()
        {
            var clean = Make();
            Assert.True(clean.Codec.Init(16000).Ok);
            int total = clean.Chip.TransactionCount;
            for (int n = 1; n <= total; n++)
            {
                var (codec, chip, amp) = Make();
                chip.NakOnTransaction(n, BusStatus.AddressNak);
                CodecStatus s = codec.Init(16000);
                RegisterTransaction expected = clean.Chip.Log[n - 1];
                Assert.Equal("ES8388 reg 0x" + expected.Register.ToString("X2") + " write: address NAK", s.Message);
                Assert.Equal(n, chip.TransactionCount);
                Assert.False(codec.IsReady);
                Assert.False(amp.Level);
                chip.ClearFaults();
                Assert.True(codec.Init(16000).Ok);
                Assert.Equal(clean.Chip.Registers, chip.Registers);
            }
        }

        [Fact]
        public void Nak_on_volume_register_is_reported_and_state_kept()
        {
            var (codec, chip, _) = Make();
            Assert.True(codec.Init(8000).Ok);
            chip.NakOnRegister(0x1B, RegisterOp.Write, BusStatus.DataNak);
            CodecStatus s = codec.SetVolume(90);
            Assert.Equal("ES8388 reg 0x1B write: data NAK", s.Message);
            Assert.Equal(90, codec.Volume);
            chip.ClearFaults();
            Assert.True(codec.SetVolume(90).Ok);
            Assert.Equal(10, chip[Es8388Register.DacControl5]);
        }

        [Fact]
        public void Power_down_turns_everything_off()
        {
            var (codec, chip, amp) = Make();
            Assert.True(codec.Init(8000).Ok);
            Assert.True(codec.PowerDown().Ok);
            Assert.False(codec.IsReady);
            Assert.False(amp.Level);
            Assert.Equal(0xFF, chip[Es8388Register.ChipPower]);
            Assert.Equal(0xFF, chip[Es8388Register.AdcPower]);
            Assert.False(chip.DacsPowered);
        }
    }
}
