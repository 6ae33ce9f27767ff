using System;
using System.Diagnostics;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.EndToEnd
{
    /// <summary>
    /// The virtual intercom with a real Kamailio and a real baresip: the call button calls baresip,
    /// baresip (auto-answer) keys the door code, sent as RFC 4733 telephone-events, and the
    /// device pulses its door relay; wrong codes and callers not on the allow-list never open it.
    /// </summary>
    public class IntercomTests
    {
        private const int PulseMs = 800;

        private static string Sip(Kamailio k)
        {
            return ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
        }

        private static string Intercom(string allow)
        {
            return ",\"intercom\":{\"targets\":[\"1002\"],\"allow\":[\"" + allow + "\"],\"doorCode\":\"1234\",\"relayPulseMs\":" + PulseMs + ",\"ringSeconds\":15}";
        }

        /// <summary>baresip's menu sends a DTMF digit for a key press during a call and ends it on key release (0x04).</summary>
        private static void KeyDigits(Baresip b, string digits)
        {
            foreach (char d in digits)
            {
                b.Keys(d.ToString());
                Thread.Sleep(160);
                b.Keys("\u0004");
                Thread.Sleep(160);
            }
        }

        [Fact]
        public void ButtonCallsBaresipAndOnlyTheRightRfc4733CodeOpensTheDoor()
        {
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, "PCMU");
            using var d = VirtualDevice.Start("1001", 0, Sip(k), board: "virtual-intercom", rootExtra: Intercom("1002"));
            d.Host.WaitFor("event registered", 15000);
            d.Host.Send("button");
            Assert.Equal("sequential", HostProcess.Field(d.Host.WaitFor("event intercom state=calling", 5000), "mode"));
            string connected = d.Host.WaitFor("event intercom state=connected", 15000);
            Assert.StartsWith("sip:1002@", HostProcess.Field(connected, "peer"));
            Assert.Equal("out", HostProcess.Field(connected, "direction"));
            Thread.Sleep(500);

            KeyDigits(b, "4321");
            for (int i = 0; i < 4; i++) Assert.Equal("rfc4733", HostProcess.Field(d.Host.WaitFor("event dtmf", 5000), "source"));
            Thread.Sleep(1000);
            Assert.DoesNotContain(d.Host.Events, l => l.StartsWith("event relay") || l.StartsWith("event door"));

            KeyDigits(b, "1234");
            d.Host.WaitFor("event relay state=on", 5000);
            var sw = Stopwatch.StartNew();
            string open = d.Host.WaitFor("event door state=open", 2000);
            Assert.Equal("rfc4733", HostProcess.Field(open, "source"));
            Assert.StartsWith("sip:1002@", HostProcess.Field(open, "by"));
            d.Host.WaitFor("event relay state=off", 5000);
            long ms = sw.ElapsedMilliseconds;
            Assert.InRange(ms, PulseMs - 250, PulseMs + 1500);
            Assert.Single(d.Host.Events.FindAll(l => l == "event relay state=on"));

            d.Host.Send("button"); // ends the call
            Assert.Equal("idle", HostProcess.Field(d.Host.WaitFor("event intercom state=idle", 10000), "state"));
            Assert.True(b.WaitOutput("terminated", 10000), b.Output);
        }

        [Fact]
        public void BaresipNotOnTheAllowListIsRefusedAndNeverOpens()
        {
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, "PCMU");
            using var d = VirtualDevice.Start("1001", 0, Sip(k), board: "virtual-intercom", rootExtra: Intercom("1003"));
            d.Host.WaitFor("event registered", 15000);
            b.Command("/dial sip:1001@127.0.0.1:" + k.Port);
            string refused = d.Host.WaitFor("event intercom state=refused", 15000);
            Assert.StartsWith("sip:1002@", HostProcess.Field(refused, "from"));
            Assert.Equal("603", HostProcess.Field(refused, "code"));
            Assert.True(b.WaitOutput("603", 10000), b.Output);
            KeyDigits(b, "1234");
            Thread.Sleep(1500);
            Assert.DoesNotContain(d.Host.Events, l => l.StartsWith("event relay") || l.StartsWith("event door") || l.StartsWith("event connected") || l.StartsWith("event dtmf"));

            d.Host.Send("status");
            string st = d.Host.WaitFor("event status", 5000);
            Assert.Equal("1", HostProcess.Field(st, "refused"));
            Assert.Equal("0", HostProcess.Field(st, "doorOpens"));
        }
    }
}
