using System.Linq;
using Endpoint.Boards;
using Endpoint.Boot;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Tests.Hal;
using Xunit;

namespace Endpoint.Tests.Boot
{
    public class BootSequenceTests
    {
        private static BootResult Boot(string board, FakePlatform platform, RecordingSink sink)
        {
            return BootSequence.Start(BootConfigs.ForBoard(board), platform, null, sink);
        }

        [Fact]
        public void A_healthy_lyrat_boots_with_codec_audio_and_amplifier_on()
        {
            var chip = new Es8388Emulator();
            var platform = new FakePlatform { Chip = chip };
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-lyrat-v4.3", platform, sink);

            Assert.True(r.Ok, r.Error);
            Assert.Empty(r.Problems);
            Assert.NotNull(r.Devices.Codec);
            Assert.True(r.Devices.Codec.IsReady);
            Assert.NotNull(r.Devices.Speaker);
            Assert.NotNull(r.Devices.Microphone);
            Assert.True(chip.TransactionCount > 10);
            Assert.True(platform.SimGpio.OutputLevel(21), "NS4150 amplifier enabled after init");
            Assert.Equal(new[] { "pins", "i2s I2S1 tx+rx 16-bit 8000", "i2c 1 0x10" }, platform.Calls.ToArray());
            Assert.Contains(platform.Mux.Routed, x => x.Pin == 0 && x.Function == PinFunction.I2s1Mclk);
            Assert.Contains("event boot step=codec result=ok", sink.All);
        }

        [Fact]
        public void An_absent_es8388_becomes_one_readable_error_and_the_device_runs_without_audio()
        {
            var chip = new Es8388Emulator { Absent = true };
            var platform = new FakePlatform { Chip = chip };
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-lyrat-v4.3", platform, sink);

            Assert.True(r.Ok);
            Assert.Equal(BootFailure.None, r.Failure);
            string problem = Assert.Single(r.Problems);
            Assert.StartsWith("ES8388 at I2C bus 1 address 0x10 (SDA 18, SCL 23): ES8388 reg 0x", problem);
            Assert.Contains("address NAK", problem);
            Assert.Contains("continuing without audio", problem);
            Assert.Null(r.Devices.Codec);
            Assert.Null(r.Devices.Speaker);
            Assert.Null(r.Devices.Microphone);
            Assert.False(r.Devices.HasAudio);
            Assert.False(platform.SimGpio.OutputLevel(21), "amplifier stays off when the codec failed");
            string line = Assert.Single(sink.Events, e => e.StartsWith("event boot step=codec"));
            Assert.StartsWith("event boot step=codec result=error reason=\"ES8388 at I2C bus 1 address 0x10", line);
            Assert.DoesNotContain('\n', line);
            Assert.NotNull(r.Devices.CallButton);
            Assert.NotNull(r.Devices.StatusLed);
        }

        [Fact]
        public void A_es8311_that_naks_a_data_byte_mid_init_is_named_with_chip_address_and_register()
        {
            var chip = new Es8311Emulator();
            chip.NakOnTransaction(5, BusStatus.DataNak);
            var platform = new FakePlatform { Chip = chip };
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, sink);

            Assert.True(r.Ok);
            string problem = Assert.Single(r.Problems);
            Assert.StartsWith("ES8311 at I2C bus 1 address 0x18 (SDA 17, SCL 18): ES8311 reg 0x", problem);
            Assert.Contains("data NAK", problem);
            Assert.Null(r.Devices.Speaker);
        }

        private static FakePlatform Korvo(Es8311Emulator dac, Es7210Emulator adc)
        {
            var platform = new FakePlatform();
            platform.ChipsByAddress[0x18] = dac;
            platform.ChipsByAddress[0x40] = adc;
            return platform;
        }

        [Fact]
        public void A_healthy_korvo_plays_through_the_es8311_and_captures_through_the_es7210()
        {
            var dac = new Es8311Emulator();
            var adc = new Es7210Emulator();
            var platform = Korvo(dac, adc);
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, sink);

            Assert.True(r.Ok, r.Error);
            Assert.Empty(r.Problems);
            Assert.NotNull(r.Devices.Codec);
            Assert.NotNull(r.Devices.MicAdc);
            Assert.True(r.Devices.MicAdc.IsReady);
            Assert.NotNull(r.Devices.Speaker);
            Assert.NotNull(r.Devices.Microphone);
            Assert.Equal(new[] { "pins", "i2s I2S1 tx+rx 16-bit 8000", "i2c 1 0x18", "i2c 1 0x40" }, platform.Calls.ToArray());
            Assert.True(adc.PgaOn(0) && adc.PgaOn(1) && !adc.PgaOn(2));
            Assert.Equal(8000, adc.InternalSampleRate(256 * 8000));
            Assert.Contains("event boot step=micadc result=ok detail=\"ES7210 at I2C bus 1 address 0x40 (SDA 17, SCL 18) at 8000 Hz, gain 24 dB\"", sink.Events);
            Assert.True(platform.SimGpio.OutputLevel(48), "amplifier on");
        }

        [Fact]
        public void An_absent_es7210_disables_capture_with_one_line_and_keeps_playback()
        {
            var dac = new Es8311Emulator();
            var adc = new Es7210Emulator { Absent = true };
            var platform = Korvo(dac, adc);
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, sink);

            Assert.True(r.Ok);
            string problem = Assert.Single(r.Problems);
            Assert.Equal("ES7210 at I2C bus 1 address 0x40 (SDA 17, SCL 18): ES7210 reg 0x00 write: address NAK (no chip answers at this address: check power, wiring and the board choice); capture disabled, playback continues", problem);
            Assert.Null(r.Devices.MicAdc);
            Assert.Null(r.Devices.Microphone);
            Assert.NotNull(r.Devices.Speaker);
            Assert.NotNull(r.Devices.Codec);
            Assert.True(r.Devices.Codec.IsReady);
            Assert.True(r.Devices.HasAudio);
            Assert.True(platform.SimGpio.OutputLevel(48), "playback amplifier stays on");
            string line = Assert.Single(sink.Events, e => e.StartsWith("event boot step=micadc"));
            Assert.StartsWith("event boot step=micadc result=error reason=\"ES7210 at I2C bus 1 address 0x40", line);
            Assert.DoesNotContain('\n', line);
        }

        [Fact]
        public void An_es7210_that_naks_mid_init_is_named_with_register_and_playback_is_kept()
        {
            var dac = new Es8311Emulator();
            var adc = new Es7210Emulator();
            adc.NakOnRegister(0x02, Endpoint.Hal.RegisterOp.Write, BusStatus.DataNak);
            var platform = Korvo(dac, adc);
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, new RecordingSink());

            string problem = Assert.Single(r.Problems);
            Assert.StartsWith("ES7210 at I2C bus 1 address 0x40 (SDA 17, SCL 18): ES7210 reg 0x02 write: data NAK; capture disabled", problem);
            Assert.Null(r.Devices.Microphone);
            Assert.NotNull(r.Devices.Speaker);
            Assert.True(dac.TransactionCount > 20);
        }

        [Fact]
        public void A_failed_es8311_leaves_the_es7210_untouched()
        {
            var dac = new Es8311Emulator { Absent = true };
            var adc = new Es7210Emulator();
            var platform = Korvo(dac, adc);
            var sink = new RecordingSink();
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, sink);

            string problem = Assert.Single(r.Problems);
            Assert.Contains("ES8311 at I2C bus 1 address 0x18", problem);
            Assert.Equal(0, adc.TransactionCount);
            Assert.False(r.Devices.HasAudio);
            Assert.Contains(sink.Events, e => e.StartsWith("event boot step=micadc result=warning"));
        }

        [Fact]
        public void A_wrong_chip_at_the_codec_address_is_reported_as_a_chip_id_mismatch()
        {
            var chip = new Es8311Emulator();
            chip.PlantChipId(0x12); // not the ES8311 id 0x83
            var platform = new FakePlatform { Chip = chip };
            BootResult r = Boot("esp32-s3-korvo-2-v3", platform, new RecordingSink());
            string problem = Assert.Single(r.Problems);
            Assert.Contains("ES8311 at I2C bus 1 address 0x18", problem);
            Assert.Contains("chip id 0x12", problem);
        }

        [Fact]
        public void An_i2c_bus_that_cannot_be_opened_is_reported_and_audio_is_off()
        {
            var platform = new FakePlatform { BusOpenError = "bus 1 already in use" };
            BootResult r = Boot("esp32-audio-kit-es8388", platform, new RecordingSink());
            Assert.True(r.Ok);
            string problem = Assert.Single(r.Problems);
            Assert.Contains("ES8388 at I2C bus 1 address 0x10", problem);
            Assert.Contains("bus 1 already in use", problem);
            Assert.False(r.Devices.HasAudio);
        }

        [Fact]
        public void The_diy_intercom_builds_button_relay_leds_and_enables_its_i2s_amplifier()
        {
            var platform = new FakePlatform();
            var sink = new RecordingSink();
            BootResult r = Boot("diy-intercom", platform, sink);

            Assert.True(r.Ok, r.Error);
            Assert.Empty(r.Problems);
            Assert.NotNull(r.Devices.CallButton);
            Assert.NotNull(r.Devices.Relay);
            Assert.Null(r.Devices.Keypad);
            Assert.Null(r.Devices.Codec);
            Assert.Equal(new[] { "status", "call" }, r.Devices.Leds.Select(l => l.Name).ToArray());
            Assert.NotNull(r.Devices.Speaker);
            Assert.NotNull(r.Devices.Microphone);
            Assert.True(platform.SimGpio.OutputLevel(4), "MAX98357A SD pin high");
            Assert.DoesNotContain(platform.Calls, c => c.StartsWith("i2c"));
            r.Devices.Relay.Set(true);
            Assert.True(platform.SimGpio.OutputLevel(23));
        }

        [Fact]
        public void The_diy_deskphone_builds_keypad_and_hook_switch()
        {
            var platform = new FakePlatform();
            BootResult r = Boot("diy-deskphone", platform, new RecordingSink());
            Assert.True(r.Ok, r.Error);
            Assert.NotNull(r.Devices.Keypad);
            Assert.NotNull(r.Devices.Hook);
            Assert.Null(r.Devices.CallButton);
            Assert.Null(r.Devices.Relay);
            r.Devices.Poll(0);
            r.Devices.Poll(100);
        }

        [Fact]
        public void A_failed_microphone_controller_keeps_the_speaker_and_names_the_controller()
        {
            var platform = new FakePlatform();
            platform.FailingI2sBuses.Add(2);
            BootResult r = Boot("diy-intercom", platform, new RecordingSink());
            Assert.True(r.Ok);
            Assert.NotNull(r.Devices.Speaker);
            Assert.Null(r.Devices.Microphone);
            string problem = Assert.Single(r.Problems);
            Assert.Contains("I2S2 rx 32-bit at 8000 Hz: I2S driver refused; continuing without microphone", problem);
        }

        [Fact]
        public void A_gpio_that_cannot_be_opened_is_named_with_its_use_and_is_not_fatal()
        {
            var platform = new FakePlatform();
            platform.SimGpio.Refuse(27);
            var sink = new RecordingSink();
            BootResult r = Boot("diy-deskphone", platform, sink);
            Assert.True(r.Ok);
            Assert.Contains("pin 27 (hook switch): cannot be opened as input with pull-up", r.Problems);
            Assert.Contains("event boot step=gpio result=error", sink.All);
        }

        [Fact]
        public void A_planning_failure_touches_no_hardware()
        {
            var platform = new FakePlatform();
            var sink = new RecordingSink();
            BootResult r = BootSequence.Start(BootConfigs.Load("{\"board\": \"esp32-lyrat-v9\", \"wifi\": {\"ssid\": \"x\"}}"), platform, null, sink);
            Assert.False(r.Ok);
            Assert.Equal(BootFailure.Config, r.Failure);
            Assert.Contains("esp32-lyrat-v4.3", r.Error);
            Assert.Empty(platform.Calls);
            Assert.Equal(0, platform.SimGpio.WriteCount);
            Assert.Contains("event boot step=config result=error", sink.All);
        }

        [Fact]
        public void Connect_moves_sip_to_the_dhcp_address_and_keeps_the_port()
        {
            EndpointConfig c = BootConfigs.ForBoard("diy-intercom");
            Assert.Equal("127.0.0.1", c.Sip.Listen.Host);
            var platform = new FakePlatform { Address = "10.0.0.42" };
            var sink = new RecordingSink();
            Assert.Null(BootSequence.Connect(c, platform, sink));
            Assert.Equal("10.0.0.42", c.Sip.Listen.Host);
            Assert.Equal(5060, c.Sip.Listen.Port);
            Assert.Equal("10.0.0.42", c.Sip.Domain);
            Assert.Equal("office", platform.LastWifi.Ssid);
            Assert.Contains("event boot step=network result=ok", sink.All);
        }

        [Fact]
        public void Connect_keeps_an_explicit_listen_address_and_registrar_domain()
        {
            EndpointConfig c = BootConfigs.Load("{\"board\": \"diy-intercom\", \"wifi\": {\"ssid\": \"office\"}, \"sip\": {\"listen\": \"10.1.1.5:5070\", \"registrar\": \"pbx.example:5060\"}}");
            Assert.Null(BootSequence.Connect(c, new FakePlatform { Address = "10.0.0.42" }, new RecordingSink()));
            Assert.Equal("10.1.1.5", c.Sip.Listen.Host);
            Assert.Equal("pbx.example", c.Sip.Domain);
        }

        [Fact]
        public void A_wifi_failure_names_the_network_but_never_the_password()
        {
            EndpointConfig c = BootConfigs.ForBoard("diy-intercom");
            var platform = new FakePlatform { NetworkError = "timed out waiting for an IP address within 30 s" };
            var sink = new RecordingSink();
            string error = BootSequence.Connect(c, platform, sink);
            Assert.Equal("Wi-Fi \"office\": timed out waiting for an IP address within 30 s", error);
            Assert.DoesNotContain("correct horse", sink.All);
            Assert.Equal("127.0.0.1", c.Sip.Listen.Host);
        }

        [Fact]
        public void A_network_that_gives_no_address_is_a_failure()
        {
            EndpointConfig c = BootConfigs.ForBoard("diy-intercom");
            var platform = new FakePlatform { Address = "0.0.0.0" };
            Assert.Contains("no IPv4 address", BootSequence.Connect(c, platform, new RecordingSink()));
        }
    }
}
