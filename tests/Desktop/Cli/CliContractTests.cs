using System.IO;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Cli
{
    /// <summary>The virtual device's command-line contract, run as a real child process.</summary>
    public class CliContractTests
    {
        private const string Loopback = "{\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"door\"}}";

        [Fact]
        public void DefaultDeviceStartsReadyAndQuitsCleanly()
        {
            // The embedded default binds 127.0.0.1:5060; run it only when that port is free.
            using var h = HostProcess.Start();
            string first = h.WaitFor("event ");
            if (first.StartsWith("event ready"))
            {
                Assert.Equal("sip:phone@127.0.0.1:5060", HostProcess.Field(first, "sip"));
                Assert.Equal("virtual-deskphone", HostProcess.Field(first, "board"));
                h.Send("quit");
                Assert.Equal(0, h.WaitExit());
            }
            else Assert.Fail("unexpected first event: " + first + "\n" + h.Stderr);
        }

        [Fact]
        public void ConfigFileDeviceReportsItsBoundAddress()
        {
            using var h = HostProcess.StartWithConfig(Loopback.Replace("}}", "},\"board\":\"virtual-intercom\"}"), out string path);
            string ready = h.WaitFor("event ready");
            string local = HostProcess.Field(ready, "local");
            Assert.StartsWith("127.0.0.1:", local);
            Assert.NotEqual("127.0.0.1:0", local);
            Assert.Equal("sip:door@" + local, HostProcess.Field(ready, "sip"));
            Assert.Equal("virtual-intercom", HostProcess.Field(ready, "board"));
            h.Send("status");
            string status = h.WaitFor("event status");
            Assert.Equal("idle", HostProcess.Field(status, "call"));
            h.Send("quit");
            Assert.Equal(0, h.WaitExit());
            File.Delete(path);
        }

        [Fact]
        public void BadCommandsGetAnErrorEventAndTheDeviceKeepsRunning()
        {
            using var h = HostProcess.StartWithConfig(Loopback, out string path);
            h.WaitFor("event ready");
            h.Send("fly away");
            Assert.Equal("unknown command 'fly'", HostProcess.Field(h.WaitFor("event error"), "reason"));
            h.Send("hook sideways");
            Assert.Contains("hook takes", HostProcess.Field(h.WaitFor("event error"), "reason"));
            h.Send("dtmf 12x");
            Assert.Contains("dtmf takes digits", HostProcess.Field(h.WaitFor("event error"), "reason"));
            h.Send("message bob");
            Assert.Contains("message takes a target and a text", HostProcess.Field(h.WaitFor("event error"), "reason"));
            h.Send("status");
            h.WaitFor("event status");
            h.Send("quit");
            Assert.Equal(0, h.WaitExit());
        }

        [Fact]
        public void EndOfInputStopsTheDeviceCleanly()
        {
            using var h = HostProcess.StartWithConfig(Loopback, out string path);
            h.WaitFor("event ready");
            h.CloseInput();
            Assert.Equal(0, h.WaitExit());
        }

        [Fact]
        public void MissingConfigFileIsNamed()
        {
            using var h = HostProcess.Start("--config", "/nonexistent/phone.json");
            Assert.Equal(2, h.WaitExit());
            Assert.Contains("/nonexistent/phone.json: file not found", h.Stderr);
        }

        [Theory]
        [InlineData("{\"sip\": {\"listen\": }", "not valid JSON: line 1 col 20")]
        [InlineData("{\"sip\": {\"expires\": \"soon\"}}", "field 'sip.expires': expected a whole number from 60 to 86400, got \"soon\"")]
        [InlineData("{\"board\": \"esp32-lyrat\"}", "field 'board': expected \"virtual-deskphone\" or \"virtual-intercom\"")]
        [InlineData("{\"sip\": {\"listen\": \"127.0.0.1:0\"}, \"extra\": 1}", "unknown field 'extra'")]
        public void BrokenConfigFailsAtStartNamingFileAndField(string json, string expected)
        {
            using var h = HostProcess.StartWithConfig(json, out string path);
            Assert.Equal(2, h.WaitExit());
            Assert.Contains(path + ": " , h.Stderr);
            Assert.Contains(expected, h.Stderr);
            Assert.Empty(h.Events);
            File.Delete(path);
        }

        [Fact]
        public void UnknownArgumentIsAUsageError()
        {
            using var h = HostProcess.Start("--frobnicate");
            Assert.Equal(2, h.WaitExit());
            Assert.Contains("unknown argument '--frobnicate'", h.Stderr);
        }
    }
}
