using System.IO;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>The virtual device against SIPp 3.6 scenarios (tests/Desktop/Interop/peers/sipp).</summary>
    public class SippTests
    {
        private static string Scenario(string name)
        {
            return Path.Combine(Kamailio.RepoRoot, "tests/Desktop/Interop/peers/sipp", name);
        }

        [Fact]
        public void SippUacCallsTheDevice()
        {
            using var d = VirtualDevice.Start("door", 0);
            int port = PeerProcess.FreePort();
            int media = PeerProcess.FreePort();
            using var sipp = PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", Scenario("uac_call.xml"), "-m", "1", "-nostdin",
                "-i", "127.0.0.1", "-p", port.ToString(), "-mp", media.ToString(), "-s", "door", "-timeout", "30s", "-timeout_error", d.Local);
            d.Host.WaitFor("event incoming", 15000);
            d.Host.Send("answer");
            d.Host.WaitFor("event connected", 10000);
            Assert.Equal("remote hangup", HostProcess.Field(d.Host.WaitFor("event ended", 15000), "reason"));
            Assert.True(sipp.WaitExit(15000), "sipp did not finish:\n" + sipp.Output);
            Assert.True(sipp.ExitCode == 0, "sipp failed (" + sipp.ExitCode + "):\n" + sipp.Output);
        }

        [Fact]
        public void DeviceCallsSippUas()
        {
            using var d = VirtualDevice.Start("phone", 1000);
            int port = PeerProcess.FreePort();
            int media = PeerProcess.FreePort();
            using var sipp = PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", Scenario("uas_answer.xml"), "-m", "1", "-nostdin",
                "-i", "127.0.0.1", "-p", port.ToString(), "-mp", media.ToString(), "-timeout", "30s", "-timeout_error");
            Thread.Sleep(500);
            d.Host.Send("dial sipp@127.0.0.1:" + port);
            d.Host.WaitFor("event ringing", 10000);
            string connected = d.Host.WaitFor("event connected", 10000);
            Assert.Equal("PCMU", HostProcess.Field(connected, "codec"));
            Thread.Sleep(500);
            d.Host.Send("hangup");
            d.Host.WaitFor("event ended", 10000);
            Assert.True(sipp.WaitExit(15000), "sipp did not finish:\n" + sipp.Output);
            Assert.True(sipp.ExitCode == 0, "sipp failed (" + sipp.ExitCode + "):\n" + sipp.Output);
        }
    }
}
