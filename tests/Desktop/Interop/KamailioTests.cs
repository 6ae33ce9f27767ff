using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>The virtual device against a real Kamailio registrar/proxy with digest auth.</summary>
    public class KamailioTests
    {
        private static string Sip(Kamailio k, string user, int expires = 300)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\",\"expires\":" + expires;
        }

        [Theory]
        [InlineData("MD5")]
        [InlineData("SHA-256")]
        public void RegistersRefreshesAndCallsThroughTheProxy(string algorithm)
        {
            using var k = Kamailio.Start(algorithm, maxExpires: 20);
            using var alice = VirtualDevice.Start("1001", 1000, Sip(k, "1001"));
            using var bob = VirtualDevice.Start("1002", 600, Sip(k, "1002"));
            string reg = alice.Host.WaitFor("event registered", 15000);
            Assert.Equal("20", HostProcess.Field(reg, "expires")); // asked 300, Kamailio grants at most 20
            bob.Host.WaitFor("event registered", 15000);
            // the refresh comes before the 20 s run out (at 85 %: 17 s)
            string refresh = alice.Host.WaitFor("event registered", 25000);
            Assert.Equal("20", HostProcess.Field(refresh, "expires"));

            alice.Host.Send("dial 1002");
            string incoming = bob.Host.WaitFor("event incoming", 15000);
            Assert.StartsWith("sip:1001@", HostProcess.Field(incoming, "from"));
            bob.Host.Send("answer");
            alice.Host.WaitFor("event connected", 10000);
            bob.Host.WaitFor("event connected", 10000);
            Thread.Sleep(1500);
            bob.Host.Send("hangup");
            Assert.Equal("remote hangup", HostProcess.Field(alice.Host.WaitFor("event ended", 10000), "reason"));
            alice.Host.Send("quit");
            bob.Host.Send("quit");
            Assert.Equal(0, alice.Host.WaitExit());
            Assert.Equal(0, bob.Host.WaitExit());
            Assert.InRange(Audio.PeakHz(Audio.Read(bob.OutputWav)), 980, 1020);
            Assert.InRange(Audio.PeakHz(Audio.Read(alice.OutputWav)), 588, 612);
        }

        [Fact]
        public void WrongPasswordIsReportedNotRetriedForever()
        {
            using var k = Kamailio.Start("MD5");
            using var d = VirtualDevice.Start("1003", 0, ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"wrong\"");
            string failed = d.Host.WaitFor("event registration-failed", 15000);
            Assert.Contains("rejected", HostProcess.Field(failed, "reason") ?? "");
        }
    }
}
