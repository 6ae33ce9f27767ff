// The "phone" configuration section: defaults, a full section, and errors that name the field.
using System.Text;
using Endpoint.App.DeskPhone;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public class PhoneConfigTests
    {
        private static EndpointConfig Load(string phone, out string error)
        {
            byte[] b = Encoding.UTF8.GetBytes("{\"phone\":" + phone + "}");
            return ConfigLoader.Load(b, 0, b.Length, "p.json", out error);
        }

        [Fact]
        public void DefaultsWithoutTheSection()
        {
            byte[] b = Encoding.UTF8.GetBytes("{}");
            string error;
            EndpointConfig c = ConfigLoader.Load(b, 0, b.Length, "p.json", out error);
            Assert.Null(error);
            Assert.Equal(4000, c.Phone.InterDigitMs);
            Assert.Equal(new[] { "112", "911" }, c.Phone.Emergency);
            Assert.Empty(c.Phone.DialPlan);
            Assert.Empty(c.Phone.SpeedDials);
            Assert.False(c.Phone.Dnd);
            Assert.True(c.Phone.CallWaiting);
        }

        [Fact]
        public void FullSection()
        {
            string error;
            EndpointConfig c = Load("{\"interDigitMs\":2500,\"dialPlan\":[{\"prefix\":\"0\",\"strip\":1,\"prepend\":\"+49\"},{\"prefix\":\"\",\"host\":\"pbx.example:5070\",\"length\":4}]," +
                "\"emergency\":[\"110\"],\"blocked\":[\"0900\"],\"speedDials\":[\"sip:bob@10.0.0.2\"],\"dnd\":true,\"callWaiting\":false}", out error);
            Assert.Null(error);
            Assert.Equal(2500, c.Phone.InterDigitMs);
            Assert.Equal(2, c.Phone.DialPlan.Length);
            Assert.Equal("+49", c.Phone.DialPlan[0].Prepend);
            Assert.Equal(1, c.Phone.DialPlan[0].Strip);
            Assert.Null(c.Phone.DialPlan[0].Host);
            Assert.Equal("", c.Phone.DialPlan[1].Prefix);
            Assert.Equal("pbx.example:5070", c.Phone.DialPlan[1].Host);
            Assert.Equal(4, c.Phone.DialPlan[1].Length);
            Assert.Equal(new[] { "110" }, c.Phone.Emergency);
            Assert.Equal(new[] { "0900" }, c.Phone.Blocked);
            Assert.Equal(new[] { "sip:bob@10.0.0.2" }, c.Phone.SpeedDials);
            Assert.True(c.Phone.Dnd);
            Assert.False(c.Phone.CallWaiting);
        }

        [Theory]
        [InlineData("{\"interDigitMs\":100}", "field 'phone.interDigitMs': expected a whole number from 500 to 30000, got 100")]
        [InlineData("{\"dialplan\":[]}", "unknown field 'phone.dialplan'")]
        [InlineData("{\"dialPlan\":{}}", "field 'phone.dialPlan': expected an array of rules")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0\"},{\"strip\":1}]}", "field 'phone.dialPlan[1].prefix' is required")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0\",\"strip\":40}]}", "field 'phone.dialPlan[0].strip': expected a whole number from 0 to 32, got 40")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0x\"}]}", "field 'phone.dialPlan[0].prefix': expected up to 32 digits")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0\",\"host\":\"a b\"}]}", "field 'phone.dialPlan[0].host'")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0\",\"prepend\":\"abc\"}]}", "field 'phone.dialPlan[0].prepend'")]
        [InlineData("{\"dialPlan\":[{\"prefix\":\"0\",\"route\":\"x\"}]}", "unknown field 'phone.dialPlan[0].route'")]
        [InlineData("{\"dialPlan\":[\"0\"]}", "field 'phone.dialPlan[0]': expected a rule object")]
        [InlineData("{\"emergency\":[\"112\",\"11a\"]}", "field 'phone.emergency[1]': expected 1 to 16 digits")]
        [InlineData("{\"blocked\":[\"\"]}", "field 'phone.blocked[0]'")]
        [InlineData("{\"speedDials\":[\"bob smith\"]}", "field 'phone.speedDials[0]'")]
        [InlineData("{\"speedDials\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]}", "field 'phone.speedDials': expected at most 9")]
        [InlineData("{\"dnd\":\"yes\"}", "field 'phone.dnd': expected true or false")]
        [InlineData("[]", "field 'phone': expected an object")]
        public void ErrorsNameTheField(string phone, string expected)
        {
            string error;
            Assert.Null(Load(phone, out error));
            Assert.StartsWith("p.json: ", error);
            Assert.Contains(expected, error);
        }
    }
}
