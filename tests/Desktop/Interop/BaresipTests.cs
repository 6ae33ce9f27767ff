using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>Calls between the virtual device and a real baresip, both registered to a real Kamailio; tones measured at each end.</summary>
    public class BaresipTests
    {
        private static string Sip(Kamailio k)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
        }

        [Theory]
        [InlineData("PCMU")]
        [InlineData("PCMA")]
        public void DeviceCallsBaresip(string codec)
        {
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, codec);
            using var d = VirtualDevice.Start("1001", 1000, Sip(k));
            d.Host.WaitFor("event registered", 15000);
            d.Host.Send("dial 1002");
            string connected = d.Host.WaitFor("event connected", 15000);
            Assert.Equal(codec, HostProcess.Field(connected, "codec"));
            Thread.Sleep(2500);
            d.Host.Send("hangup");
            d.Host.WaitFor("event ended", 10000);
            Assert.True(b.WaitOutput("terminated", 10000), b.Output);
            d.Host.Send("quit");
            Assert.Equal(0, d.Host.WaitExit());
            Assert.InRange(Audio.PeakHz(b.Heard()), 980, 1020);
            Assert.InRange(Audio.PeakHz(Audio.Read(d.OutputWav)), 784, 816);
        }

        [Theory]
        [InlineData("PCMU")]
        [InlineData("PCMA")]
        public void BaresipCallsDevice(string codec)
        {
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, codec);
            using var d = VirtualDevice.Start("1001", 1000, Sip(k));
            d.Host.WaitFor("event registered", 15000);
            b.Command("/dial sip:1001@127.0.0.1:" + k.Port);
            string incoming = d.Host.WaitFor("event incoming", 15000);
            Assert.StartsWith("sip:1002@", HostProcess.Field(incoming, "from"));
            d.Host.Send("answer");
            Assert.Equal(codec, HostProcess.Field(d.Host.WaitFor("event connected", 10000), "codec"));
            Thread.Sleep(2500);
            b.Command("/hangup");
            Assert.Equal("remote hangup", HostProcess.Field(d.Host.WaitFor("event ended", 10000), "reason"));
            d.Host.Send("quit");
            Assert.Equal(0, d.Host.WaitExit());
            Assert.InRange(Audio.PeakHz(b.Heard()), 980, 1020);
            Assert.InRange(Audio.PeakHz(Audio.Read(d.OutputWav)), 784, 816);
        }
    }
}
