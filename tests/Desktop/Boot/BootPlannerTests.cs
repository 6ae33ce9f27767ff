using Endpoint.Boards;
using Endpoint.Boot;
using Endpoint.Config;
using Endpoint.Hal.Drivers;
using Xunit;

namespace Endpoint.Tests.Boot
{
    public class BootPlannerTests
    {
        private static BootPlan Plan(string board)
        {
            BootFailure f;
            string error;
            BootPlan p = BootPlanner.Plan(BootConfigs.ForBoard(board), out f, out error);
            Assert.True(p != null, error);
            Assert.Equal(BootFailure.None, f);
            return p;
        }

        [Theory]
        [InlineData("esp32-lyrat-v4.3", AudioPart.Es8388, 0x10)]
        [InlineData("esp32-audio-kit-es8388", AudioPart.Es8388, 0x10)]
        [InlineData("esp32-s3-korvo-2-v3", AudioPart.Es8311, 0x18)]
        [InlineData("diy-intercom", AudioPart.None, -1)]
        [InlineData("diy-deskphone", AudioPart.None, -1)]
        public void Codec_driver_and_address_come_from_the_board(string board, AudioPart codec, int address)
        {
            BootPlan p = Plan(board);
            Assert.Equal(codec, p.Codec);
            Assert.Equal(address, p.CodecAddress);
            Assert.Equal(8000, p.SampleRate);
        }

        [Fact]
        public void A_codec_board_opens_one_duplex_i2s_controller()
        {
            BootPlan p = Plan("esp32-lyrat-v4.3");
            Assert.Single(p.AudioPorts);
            Assert.True(p.AudioPorts[0].Transmit && p.AudioPorts[0].Receive);
            Assert.Equal(1, p.AudioPorts[0].Bus);
            Assert.Equal("ES8388 at I2C bus 1 address 0x10 (SDA 18, SCL 23)", p.CodecLocation);
        }

        [Fact]
        public void The_diy_intercom_opens_a_16_bit_speaker_and_a_32_bit_microphone_controller()
        {
            BootPlan p = Plan("diy-intercom");
            Assert.Equal(2, p.AudioPorts.Length);
            Assert.Equal("I2S1 tx 16-bit", p.AudioPorts[0].Describe());
            Assert.Equal("I2S2 rx 32-bit", p.AudioPorts[1].Describe());
        }

        [Fact]
        public void The_korvo_plays_through_the_es8311_and_captures_through_the_es7210()
        {
            BootPlan p = Plan("esp32-s3-korvo-2-v3");
            Assert.Single(p.AudioPorts);
            Assert.True(p.AudioPorts[0].Transmit);
            Assert.True(p.AudioPorts[0].Receive);
            Assert.Equal(0, p.AudioPorts[0].InputSlot);
            Assert.Equal(AudioPart.Es7210, p.MicAdc);
            Assert.Equal(0x40, p.MicAdcAddress);
            Assert.Equal(Es7210Config.Mic1 | Es7210Config.Mic2, p.MicAdcConfig.Mics);
            Assert.Equal(256, p.MicAdcConfig.MclkMultiple);
            Assert.Equal("ES7210 at I2C bus 1 address 0x40 (SDA 17, SCL 18)", p.MicAdcLocation);
            Assert.DoesNotContain(p.Warnings, w => w.Contains("microphone ADC"));
        }

        [Fact]
        public void A_board_whose_mic_adc_is_not_claimed_still_gets_the_no_driver_note()
        {
            BoardDefinition b = new BoardDefinition
            {
                Name = "adc-unclaimed",
                Soc = SocKind.Esp32S3,
                Features = BoardFeature.Speaker | BoardFeature.CodecControl,
                I2cSda = 17,
                I2cScl = 18,
                Codec = AudioPart.Es8311,
                CodecAddress = 0x18,
                MicAdc = AudioPart.Es7210,
                MicAdcAddress = 0x40,
                Speaker = new I2sPortConfig { Bus = 1, Mclk = 16, Bclk = 9, Ws = 45, Dout = 8, Din = 10, SlotBits = 16 },
            };
            BootFailure f;
            string e;
            BootPlan p = BootPlanner.Plan(b, BootConfigs.ForBoard("esp32-s3-korvo-2-v3"), out f, out e);
            Assert.NotNull(p);
            Assert.Equal(AudioPart.None, p.MicAdc);
            Assert.Contains(p.Warnings, w => w.Contains("microphone ADC"));
        }

        [Fact]
        public void A_pin_collision_stops_the_boot_and_names_both_uses()
        {
            BoardDefinition bad = new BoardDefinition
            {
                Name = "bad-keypad",
                Soc = SocKind.Esp32,
                Features = BoardFeature.Speaker | BoardFeature.Keypad,
                Speaker = new I2sPortConfig { Bus = 1, Mclk = 0, Bclk = 5, Ws = 25, Dout = 26 },
                KeypadRows = new[] { 0, 13, 14, 21 },
                KeypadColumns = new[] { 32, 33, 27 },
                KeyMap = "123456789*0#",
            };
            BootFailure f;
            string error;
            Assert.Null(BootPlanner.Plan(bad, BootConfigs.ForBoard("diy-deskphone"), out f, out error));
            Assert.Equal(BootFailure.Board, f);
            Assert.Contains("bad-keypad", error);
            Assert.Contains("pin 0: I2S MCLK and keypad row 1", error);
        }

        [Fact]
        public void A_real_board_without_wifi_is_a_config_error_naming_the_field()
        {
            EndpointConfig c = BootConfigs.Load("{\"board\": \"diy-intercom\"}");
            BootFailure f;
            string error;
            Assert.Null(BootPlanner.Plan(c, out f, out error));
            Assert.Equal(BootFailure.Config, f);
            Assert.Contains("field 'wifi' is required", error);
        }

        [Fact]
        public void The_default_virtual_board_is_rejected_on_a_device()
        {
            EndpointConfig c = BootConfigs.Load("{\"wifi\": {\"ssid\": \"x\"}}");
            BootFailure f;
            string error;
            Assert.Null(BootPlanner.Plan(c, out f, out error));
            Assert.Equal(BootFailure.Config, f);
            Assert.Contains("virtual-deskphone", error);
            Assert.Contains("diy-deskphone", error);
        }

        [Fact]
        public void Failure_names_and_led_patterns_are_distinct()
        {
            var seen = new System.Collections.Generic.HashSet<string>();
            foreach (BootFailure f in new[] { BootFailure.Config, BootFailure.Board, BootFailure.Network, BootFailure.Fatal })
            {
                int on, off;
                BootFailures.LedPattern(f, out on, out off);
                Assert.True(on > 0 && off > 0);
                Assert.True(seen.Add(on + "/" + off), "pattern reused for " + BootFailures.Name(f));
            }
            Assert.Equal("network", BootFailures.Name(BootFailure.Network));
        }
    }
}
