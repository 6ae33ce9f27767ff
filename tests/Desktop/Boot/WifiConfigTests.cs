using System.Text;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.Boot
{
    public class WifiConfigTests
    {
        private static EndpointConfig Load(string wifi, out string error)
        {
            byte[] b = Encoding.UTF8.GetBytes("{\"board\": \"diy-intercom\", \"wifi\": " + wifi + "}");
            return ConfigLoader.Load(b, 0, b.Length, "test.json", out error);
        }

        private static string Error(string wifi)
        {
            string error;
            Assert.Null(Load(wifi, out error));
            Assert.NotNull(error);
            return error;
        }

        [Fact]
        public void Ssid_and_passphrase_are_read()
        {
            string error;
            EndpointConfig c = Load("{\"ssid\": \"Büro 2.4\", \"password\": \"correct horse battery\"}", out error);
            Assert.True(c != null, error);
            Assert.Equal("Büro 2.4", c.Wifi.Ssid);
            Assert.Equal("correct horse battery", c.Wifi.Password);
        }

        [Fact]
        public void No_wifi_section_leaves_it_null()
        {
            byte[] b = Encoding.UTF8.GetBytes("{\"board\": \"virtual-intercom\"}");
            string error;
            Assert.Null(ConfigLoader.Load(b, 0, b.Length, "t", out error).Wifi);
        }

        [Theory]
        [InlineData("{\"ssid\": \"open\"}")]
        [InlineData("{\"ssid\": \"open\", \"password\": \"\"}")]
        [InlineData("{\"ssid\": \"open\", \"password\": null}")]
        public void A_missing_or_empty_password_means_an_open_network(string wifi)
        {
            string error;
            EndpointConfig c = Load(wifi, out error);
            Assert.True(c != null, error);
            Assert.Null(c.Wifi.Password);
        }

        [Fact]
        public void A_64_hex_digit_psk_is_accepted()
        {
            string error;
            Assert.NotNull(Load("{\"ssid\": \"x\", \"password\": \"" + new string('a', 32) + new string('F', 32) + "\"}", out error));
        }

        [Fact]
        public void The_ssid_is_required()
        {
            string e = Error("{\"password\": \"longenough\"}");
            Assert.Contains("field 'wifi.ssid' is required", e);
        }

        [Theory]
        [InlineData("\"\"")]
        [InlineData("\"123456789012345678901234567890123\"")]       // 33 bytes
        [InlineData("\"ääääääääääääääää1\"")]                      // 17 characters, 33 UTF-8 bytes
        public void An_ssid_outside_1_to_32_bytes_is_rejected(string ssid)
        {
            Assert.Contains("field 'wifi.ssid': expected a network name of 1 to 32 bytes", Error("{\"ssid\": " + ssid + "}"));
        }

        [Theory]
        [InlineData("short7!")]                                       // 7 characters
        [InlineData("0123456789012345678901234567890123456789012345678901234567890123x")] // 65
        [InlineData("tab\tinside password")]
        public void A_bad_passphrase_is_rejected_without_echoing_it(string password)
        {
            string json = "{\"ssid\": \"office\", \"password\": \"" + password.Replace("\t", "\\t") + "\"}";
            string e = Error(json);
            Assert.Contains("field 'wifi.password'", e);
            Assert.Contains("not shown (secret)", e);
            Assert.DoesNotContain(password, e);
        }

        [Fact]
        public void Sixty_four_characters_that_are_not_hex_are_rejected()
        {
            string e = Error("{\"ssid\": \"office\", \"password\": \"" + new string('g', 64) + "\"}");
            Assert.Contains("64 hex digits", e);
            Assert.DoesNotContain(new string('g', 64), e);
        }

        [Fact]
        public void A_password_of_the_wrong_type_is_not_echoed_either()
        {
            string e = Error("{\"ssid\": \"office\", \"password\": 12345678}");
            Assert.Contains("field 'wifi.password': expected a string", e);
            Assert.DoesNotContain("12345678", e);
        }

        [Fact]
        public void Unknown_wifi_fields_are_errors()
        {
            Assert.Contains("unknown field 'wifi.psk'", Error("{\"ssid\": \"office\", \"psk\": \"x\"}"));
        }

        [Fact]
        public void A_wifi_value_that_is_not_an_object_is_rejected()
        {
            Assert.Contains("field 'wifi': expected an object", Error("\"office\""));
        }
    }
}
