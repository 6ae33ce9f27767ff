// Board definitions and the boot check: every real and virtual board passes; planted faults
// (a collision, an output on an input-only pin, flash/PSRAM pins, MCLK off GPIO0/1/3, a missing
// pull-up, feature mismatches, pins that do not exist) are rejected with messages naming the
// pins and both uses; the pin-mux routines route exactly the board's I2C/I2S signals.
using System.Collections.Generic;
using Endpoint.Boards;
using Endpoint.Boards.DiyDeskPhone;
using Endpoint.Boards.DiyIntercom;
using Endpoint.Boards.Esp32AudioKit;
using Endpoint.Boards.Esp32LyraT;
using Endpoint.Boards.Esp32S3Korvo2;
using Endpoint.Boards.Virtual;
using Endpoint.Hal;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class BoardTests
    {
        public static IEnumerable<object[]> AllBoards()
        {
            yield return new object[] { Esp32LyraTBoard.Definition };
            yield return new object[] { Esp32AudioKitBoard.Definition };
            yield return new object[] { Esp32S3Korvo2Board.Definition };
            yield return new object[] { DiyIntercomBoard.Definition };
            yield return new object[] { DiyDeskPhoneBoard.Definition };
            yield return new object[] { VirtualDeskPhoneBoard.Definition };
            yield return new object[] { VirtualIntercomBoard.Definition };
        }

        [Theory]
        [MemberData(nameof(AllBoards))]
        public void Every_board_passes_the_boot_check(BoardDefinition board)
        {
            BoardCheckResult r = BoardValidator.Check(board);
            Assert.True(r.Ok, board.Name + ": " + r.Summary());
            Assert.False(string.IsNullOrEmpty(board.Name));
        }

        [Fact]
        public void Diy_boards_use_no_strapping_pins_vendor_boards_are_warned()
        {
            Assert.Empty(BoardValidator.Check(DiyIntercomBoard.Definition).Warnings);
            Assert.Empty(BoardValidator.Check(DiyDeskPhoneBoard.Definition).Warnings);
            Assert.Contains("pin 0: I2S MCLK is a strapping pin: nothing may pull it at reset", BoardValidator.Check(Esp32LyraTBoard.Definition).Warnings);
            Assert.Contains("pin 45: I2S WS is a strapping pin: nothing may pull it at reset", BoardValidator.Check(Esp32S3Korvo2Board.Definition).Warnings);
        }

        private static BoardDefinition WithKeypadOn(int firstRow)
        {
            BoardDefinition lyra = Esp32LyraTBoard.Definition;
            return new BoardDefinition
            {
                Name = "planted",
                Soc = SocKind.Esp32,
                Psram = PsramKind.Quad,
                Features = BoardFeature.Speaker | BoardFeature.Keypad | BoardFeature.Psram,
                Speaker = lyra.Speaker,
                KeypadRows = new[] { firstRow, 13, 14, 21 },
                KeypadColumns = new[] { 4, 18, 19 },
                KeyMap = "123456789*0#",
            };
        }

        [Fact]
        public void Keypad_line_on_the_mclk_pin_is_rejected_naming_both_uses()
        {
            BoardCheckResult r = BoardValidator.Check(WithKeypadOn(0));
            Assert.False(r.Ok);
            Assert.Contains("pin 0: I2S MCLK and keypad row 1", r.Errors);
            Assert.True(BoardValidator.Check(WithKeypadOn(27)).Ok, BoardValidator.Check(WithKeypadOn(27)).Summary());
        }

        [Fact]
        public void Output_on_gpio34_is_rejected()
        {
            var b = new BoardDefinition
            {
                Name = "relay-on-34",
                Soc = SocKind.Esp32,
                Features = BoardFeature.DoorRelay | BoardFeature.Leds,
                RelayPin = 34,
                Leds = new[] { new LedConfig { Name = "status", Pin = 39 } },
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.Contains("pin 34: door relay is an output but GPIO34-39 are input-only", r.Errors);
            Assert.Contains("pin 39: LED status is an output but GPIO34-39 are input-only", r.Errors);
        }

        [Fact]
        public void Flash_psram_and_uart_pins_are_rejected()
        {
            BoardCheckResult flash = BoardValidator.Check(WithKeypadOn(6));
            Assert.Contains("pin 6: SPI flash (GPIO6-11) and keypad row 1", flash.Errors);
            BoardCheckResult psram = BoardValidator.Check(WithKeypadOn(16));
            Assert.Contains("pin 16: PSRAM (GPIO16/17 on WROVER) and keypad row 1", psram.Errors);
            BoardCheckResult uart = BoardValidator.Check(WithKeypadOn(1));
            Assert.Contains("pin 1: UART0 TX (nanoFramework debug link) and keypad row 1", uart.Errors);
            BoardCheckResult missing = BoardValidator.Check(WithKeypadOn(24));
            Assert.Contains("pin 24: keypad row 1 is not a GPIO on ESP32", missing.Errors);
        }

        [Fact]
        public void Esp32_mclk_only_on_gpio0_1_3_and_ports_must_share_clocks()
        {
            var b = new BoardDefinition
            {
                Name = "bad-mclk",
                Soc = SocKind.Esp32,
                Features = BoardFeature.Speaker | BoardFeature.Microphone,
                Speaker = new I2sPortConfig { Bus = 1, Mclk = 4, Bclk = 5, Ws = 25, Dout = 26 },
                Microphone = new I2sPortConfig { Bus = 1, Mclk = 4, Bclk = 27, Ws = 25, Din = 35 },
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.Contains("pin 4: I2S MCLK must be GPIO0, 1 or 3 on ESP32", r.Errors);
            Assert.True(r.HasError("share the controller but not its clock pins"));
        }

        [Fact]
        public void Pull_up_on_input_only_pins_needs_external_resistors()
        {
            BoardDefinition desk = DiyDeskPhoneBoard.Definition;
            var b = new BoardDefinition
            {
                Name = "no-pullups",
                Soc = SocKind.Esp32,
                Features = BoardFeature.Keypad | BoardFeature.CallButton,
                KeypadRows = desk.KeypadRows,
                KeypadColumns = desk.KeypadColumns,
                KeyMap = desk.KeyMap,
                KeypadExternalPullUps = false,
                CallButtonPin = 35,
                CallButtonPullUp = true,
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.Contains("pin 34: keypad column 1 needs the internal pull-up but GPIO34-39 have none (fit external pull-ups)", r.Errors);
            Assert.Contains("pin 35: call button needs the internal pull-up but GPIO34-39 have none (fit external pull-ups)", r.Errors);
        }

        [Fact]
        public void Features_must_match_the_data()
        {
            var b = new BoardDefinition
            {
                Name = "liar",
                Soc = SocKind.Host,
                Features = BoardFeature.Keypad | BoardFeature.CodecControl | BoardFeature.Microphone,
                KeypadRows = new[] { 1, 2 },
                KeypadColumns = new[] { 3, 4 },
                KeyMap = "123",
                HookPin = 9,
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.True(r.HasError("feature keypad"));
            Assert.True(r.HasError("feature codec-control"));
            Assert.True(r.HasError("feature microphone"));
            Assert.True(r.HasError("feature hook-switch and hook pin disagree"));
            Assert.False(BoardValidator.Check(null).Ok);
        }

        [Fact]
        public void Esp32s3_rules()
        {
            var b = new BoardDefinition
            {
                Name = "s3",
                Soc = SocKind.Esp32S3,
                Psram = PsramKind.Octal,
                Features = BoardFeature.Leds | BoardFeature.Psram,
                Leds = new[] { new LedConfig { Name = "a", Pin = 22 }, new LedConfig { Name = "b", Pin = 35 }, new LedConfig { Name = "c", Pin = 38 }, new LedConfig { Name = "d", Pin = 28 } },
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.Contains("pin 22: LED a is not a GPIO on ESP32-S3", r.Errors);
            Assert.Contains("pin 35: octal PSRAM (GPIO33-37) and LED b", r.Errors);
            Assert.Contains("pin 28: SPI flash/PSRAM (GPIO26-32) and LED d", r.Errors);
            Assert.Equal(3, r.Errors.Length); // GPIO38 is fine, and no input-only rule on the S3
        }

        private sealed class RecordingMux : IPinMux
        {
            public readonly List<string> Calls = new List<string>();
            public void Set(int pin, PinFunction function) { Calls.Add(pin + "=" + PinFunctions.Name(function)); }
        }

        [Fact]
        public void Lyrat_pin_mux_routes_i2c_and_one_duplex_i2s_port()
        {
            var mux = new RecordingMux();
            Esp32LyraTBoard.Apply(mux);
            Assert.Equal(new[] { "18=I2C1 SDA", "23=I2C1 SCL", "0=I2S1 MCLK", "5=I2S1 BCLK", "25=I2S1 WS", "26=I2S1 DOUT", "35=I2S1 DIN" }, mux.Calls.ToArray());
        }

        [Fact]
        public void Diy_intercom_pin_mux_routes_two_i2s_controllers()
        {
            var mux = new RecordingMux();
            DiyIntercomBoard.Apply(mux);
            Assert.Equal(new[] { "26=I2S1 BCLK", "25=I2S1 WS", "22=I2S1 DOUT", "32=I2S2 BCLK", "33=I2S2 WS", "35=I2S2 DIN" }, mux.Calls.ToArray());
            var korvo = new RecordingMux();
            Esp32S3Korvo2Board.Apply(korvo);
            Assert.Contains("16=I2S1 MCLK", korvo.Calls);
            Assert.Contains("17=I2C1 SDA", korvo.Calls);
        }

        [Fact]
        public void Board_data_matches_the_vendor_sources()
        {
            BoardDefinition l = Esp32LyraTBoard.Definition;
            Assert.Equal(AudioPart.Es8388, l.Codec);
            Assert.Equal(0x10, l.CodecAddress);
            Assert.Equal(21, l.AmpEnablePin);
            Assert.True(l.DuplexI2s);
            BoardDefinition k = Esp32S3Korvo2Board.Definition;
            Assert.Equal(AudioPart.Es8311, k.Codec);
            Assert.Equal(0x18, k.CodecAddress);
            Assert.Equal(AudioPart.Es7210, k.MicAdc);
            Assert.True(k.Has(BoardFeature.Microphone));
            Assert.Equal(0x40, k.MicAdcAddress);
            Assert.Equal(0, k.Microphone.InputSlot);
            Assert.DoesNotContain("not done", k.Description);
            Assert.Equal(48, k.AmpEnablePin);
            BoardDefinition a = Esp32AudioKitBoard.Definition;
            Assert.Equal(2, a.CodecMicInput);
            Assert.Equal(27, a.Speaker.Bclk);
            Assert.Equal("speaker microphone keypad hook-switch leds psram", BoardFeatureText.Get(DiyDeskPhoneBoard.Definition.Features));
            Assert.Equal(32, DiyIntercomBoard.Definition.Microphone.SlotBits);
            Assert.False(DiyIntercomBoard.Definition.DuplexI2s);
        }
    }
}
