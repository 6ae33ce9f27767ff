using System.IO;
using System.Linq;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>
    /// DTMF from SIPp 3.6 into the virtual device: SIP INFO (application/dtmf-relay) and in-band
    /// dual tones in a PCMU RTP stream replayed with play_pcap_audio from a pcap the test generates.
    /// </summary>
    public class SippDtmfTests
    {
        private static string Scenario(string name)
        {
            return Path.Combine(Kamailio.RepoRoot, "tests/Desktop/Interop/peers/sipp", name);
        }

        private static string[] Digits(VirtualDevice d)
        {
            return d.Host.Events.Where(l => l.StartsWith("event dtmf")).ToArray();
        }

        [Fact]
        public void SipInfoDigitsAreReportedOnceEachAndAnswered200()
        {
            using var d = VirtualDevice.Start("door", 0, board: "virtual-intercom");
            int port = PeerProcess.FreePort();
            int media = PeerProcess.FreePort();
            // The scenario fails (non-zero exit) unless every INFO gets a 200.
            using var sipp = PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", Scenario("uac_info_dtmf.xml"), "-m", "1", "-nostdin",
                "-i", "127.0.0.1", "-p", port.ToString(), "-mp", media.ToString(), "-s", "door", "-timeout", "30s", "-timeout_error", d.Local);
            d.Host.WaitFor("event incoming", 15000);
            d.Host.Send("answer");
            d.Host.WaitFor("event connected", 10000);
            foreach (char digit in "515#")
            {
                string e = d.Host.WaitFor("event dtmf", 10000);
                Assert.Equal(digit.ToString(), HostProcess.Field(e, "digit"));
                Assert.Equal("info", HostProcess.Field(e, "source"));
            }
            Assert.Equal("remote hangup", HostProcess.Field(d.Host.WaitFor("event ended", 15000), "reason"));
            Assert.True(sipp.WaitExit(15000), "sipp did not finish:\n" + sipp.Output);
            Assert.True(sipp.ExitCode == 0, "sipp failed (" + sipp.ExitCode + "):\n" + sipp.Output);
            Assert.Equal(4, Digits(d).Length);
        }

        [Fact]
        public void InBandDigitsInSippRtpAreDetectedOnceEach()
        {
            const string keys = "1559#D";
            string dir = Path.Combine(Path.GetTempPath(), "sipp-inband-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            short[] signal = RtpPcap.DtmfSignal(keys, 100, 100);
            Assert.True(signal.Length < 8000 * 3.5, "the scenario waits 4 s for the replay");
            RtpPcap.WritePcmu(Path.Combine(dir, "inband_dtmf.pcap"), signal, 0x5eed1234u);

            using var d = VirtualDevice.Start("door", 0, board: "virtual-intercom", mediaExtra: ",\"echoSuppression\":false");
            int port = PeerProcess.FreePort();
            int media = PeerProcess.FreePort();
            using var sipp = PeerProcess.Start("sipp", dir, "-sf", Scenario("uac_inband_dtmf.xml"), "-m", "1", "-nostdin",
                "-i", "127.0.0.1", "-p", port.ToString(), "-mp", media.ToString(), "-s", "door", "-timeout", "30s", "-timeout_error", d.Local);
            d.Host.WaitFor("event incoming", 15000);
            d.Host.Send("answer");
            Assert.Equal("PCMU", HostProcess.Field(d.Host.WaitFor("event connected", 10000), "codec"));
            Assert.Equal("remote hangup", HostProcess.Field(d.Host.WaitFor("event ended", 15000), "reason"));
            Assert.True(sipp.WaitExit(15000), "sipp did not finish:\n" + sipp.Output);
            Assert.True(sipp.ExitCode == 0, "sipp failed (" + sipp.ExitCode + "):\n" + sipp.Output);
            string[] got = Digits(d);
            Assert.True(got.Length == keys.Length, "expected " + keys + ", got:\n" + string.Join("\n", got));
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.Equal(keys[i].ToString(), HostProcess.Field(got[i], "digit"));
                Assert.Equal("inband", HostProcess.Field(got[i], "source"));
            }
            // The device really played the tones (what the speaker would have sounded).
            d.Host.Send("quit");
            Assert.Equal(0, d.Host.WaitExit());
            Assert.True(Audio.LoudSamples(Audio.Read(d.OutputWav)) > 4000);
        }
    }
}
