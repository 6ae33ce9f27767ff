using System.Text;
using Endpoint.App;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.Config
{
    /// <summary>The intercom section: new fields, defaults, and errors that name the field.</summary>
    public class IntercomConfigTests
    {
        private static EndpointConfig Load(string intercom, out string error)
        {
            byte[] b = Encoding.UTF8.GetBytes("{\"board\":\"virtual-intercom\",\"intercom\":" + intercom + "}");
            return ConfigLoader.Load(b, 0, b.Length, "t.json", out error);
        }

        [Fact]
        public void DefaultsAndValues()
        {
            EndpointConfig c = Load("{\"targets\":[\"1002\"]}", out string e);
            Assert.Null(e);
            Assert.Equal("sequential", c.Intercom.Mode);
            Assert.Equal(20, c.Intercom.RingSeconds);
            Assert.True(c.Intercom.ButtonEndsCall);
            Assert.Equal(3, c.Intercom.CodeAttempts);
            Assert.Equal(2, EndpointApp.CallSlotsFor(c));

            c = Load("{\"targets\":[\"a\",\"b@h\",\"sip:c@h\"],\"mode\":\"parallel\",\"ringSeconds\":30,\"buttonEndsCall\":false,\"codeAttempts\":5,\"allow\":[\"a\",\"b@h:5070\",\"sips:c@h\"]}", out e);
            Assert.Null(e);
            Assert.True(c.Intercom.Parallel);
            Assert.Equal(30, c.Intercom.RingSeconds);
            Assert.False(c.Intercom.ButtonEndsCall);
            Assert.Equal(5, c.Intercom.CodeAttempts);
            Assert.Equal(3, EndpointApp.CallSlotsFor(c));
        }

        [Theory]
        [InlineData("{\"mode\":\"ring-all\"}", "intercom.mode")]
        [InlineData("{\"ringSeconds\":2}", "intercom.ringSeconds")]
        [InlineData("{\"ringSeconds\":\"20\"}", "intercom.ringSeconds")]
        [InlineData("{\"buttonEndsCall\":1}", "intercom.buttonEndsCall")]
        [InlineData("{\"codeAttempts\":0}", "intercom.codeAttempts")]
        [InlineData("{\"targets\":[\"a\",\"b c\"]}", "intercom.targets[1]")]
        [InlineData("{\"mode\":\"parallel\",\"targets\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", "intercom.targets")]
        [InlineData("{\"allow\":[\"sip:a@h\",\"sip:nohost\"]}", "intercom.allow[1]")]
        [InlineData("{\"allow\":[\"a b\"]}", "intercom.allow[0]")]
        [InlineData("{\"ring\":20}", "intercom.ring")]
        public void ErrorsNameTheField(string section, string field)
        {
            Assert.Null(Load(section, out string e));
            Assert.Contains("'" + field + "'", e);
        }

        [Fact]
        public void WrongDoorCodeIsNotEchoed()
        {
            Assert.Null(Load("{\"doorCode\":\"12x45\"}", out string e));
            Assert.Contains("intercom.doorCode", e);
            Assert.DoesNotContain("12x45", e);
        }
    }
}
