using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>
    /// RFC 4733 DTMF between the virtual device and a real baresip 1.0 (both registered to a real
    /// Kamailio), both directions. baresip prints nothing for received digits; its ctrl_tcp event
    /// stream (CALL_DTMF_START with the digit) is what the test reads on that side.
    /// </summary>
    public class BaresipDtmfTests
    {
        private static string Sip(Kamailio k)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
        }

        [Fact]
        public void DeviceDigitsReachBaresipOnceEach()
        {
            const string keys = "159#*0";
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, "PCMU", ctrlTcp: true);
            using var d = VirtualDevice.Start("1001", 1000, Sip(k));
            d.Host.WaitFor("event registered", 15000);
            d.Host.Send("dial 1002");
            d.Host.WaitFor("event connected", 15000);
            Assert.True(b.WaitOutput("Call established", 5000), b.Output);
            Thread.Sleep(300);
            d.Host.Send("dtmf " + keys);
            // 6 digits of ~100 ms + pauses; wait until the last one ended at baresip.
            for (int i = 0; i < 40 && b.CountEvents("\"CALL_DTMF_END\"") < keys.Length; i++) Thread.Sleep(100);
            Thread.Sleep(500); // any duplicate would arrive now
            string[] got = Regex.Matches(b.Events, "\"type\":\"CALL_DTMF_START\"[^}]*\"param\":\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.True(string.Join("", got) == keys, "baresip saw [" + string.Join(",", got) + "]:\n" + b.Events);
            Assert.Equal(keys.Length, b.CountEvents("\"CALL_DTMF_END\""));
            d.Host.Send("hangup");
            d.Host.WaitFor("event ended", 10000);
        }

        [Fact]
        public void BaresipDigitsReachTheDeviceOnceEach()
        {
            const string keys = "357*#9";
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, "PCMA");
            using var d = VirtualDevice.Start("1001", 1000, Sip(k));
            d.Host.WaitFor("event registered", 15000);
            b.Command("/dial sip:1001@127.0.0.1:" + k.Port);
            d.Host.WaitFor("event incoming", 15000);
            d.Host.Send("answer");
            Assert.Equal("PCMA", HostProcess.Field(d.Host.WaitFor("event connected", 10000), "codec"));
            Assert.True(b.WaitOutput("Call established", 5000), b.Output);
            Thread.Sleep(300);
            // A key press on baresip's console: the key, then KEYCODE_REL (0x04) releases it,
            // which makes baresip send the RFC 4733 end packets.
            foreach (char c in keys) { b.Keys(c.ToString()); Thread.Sleep(120); b.Keys("\u0004"); Thread.Sleep(200); }
            foreach (char c in keys)
            {
                string e = d.Host.WaitFor("event dtmf", 5000);
                Assert.Equal(c.ToString(), HostProcess.Field(e, "digit"));
                Assert.Equal("rfc4733", HostProcess.Field(e, "source"));
            }
            Thread.Sleep(500); // any duplicate would arrive now
            Assert.Equal(keys.Length, d.Host.Events.Count(l => l.StartsWith("event dtmf")));
            b.Command("/hangup");
            Assert.Equal("remote hangup", HostProcess.Field(d.Host.WaitFor("event ended", 10000), "reason"));
        }
    }
}
