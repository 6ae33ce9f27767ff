// End to end on the virtual desk phone (the real host program and its simulated keypad and hook
// switch): `hook off`, keys and `#` place a call through a real Kamailio to a real baresip and
// audio flows both ways; and call waiting between three virtual desk phones calling each other
// directly: a second call is announced, `key flash` switches (the first call is held, the second
// connected), switches back, and after one party hangs up the held call is resumed.
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public class DeskPhoneEndToEndTests
    {
        [Fact]
        public void HookOffKeysAndHashCallBaresipThroughKamailio()
        {
            using var k = Kamailio.Start("MD5");
            using var b = Baresip.Start("1002", k, 800, "PCMU");
            string sip = ",\"registrar\":\"" + k.Address + "\",\"domain\":\"127.0.0.1\",\"password\":\"" + Kamailio.Password + "\"";
            using var d = DeskPhoneDevice.Start("1001", 1200, sip, "{\"dialPlan\":[{\"prefix\":\"0\",\"strip\":1}]}");
            d.Host.WaitFor("event registered", 15000);
            d.Host.Send("hook off");
            d.Host.WaitFor("event dialtone", 5000);
            d.Keys("01002#"); // the plan strips the leading 0
            string digits = d.Host.WaitFor("event digits", 10000);
            Assert.Equal("01002", HostProcess.Field(digits, "number"));
            Assert.Equal("1002", HostProcess.Field(digits, "target"));
            Assert.Equal("sip:1002@127.0.0.1", HostProcess.Field(d.Host.WaitFor("event calling", 5000), "to"));
            Assert.Equal("PCMU", HostProcess.Field(d.Host.WaitFor("event connected", 15000), "codec"));
            Thread.Sleep(2500);
            d.Host.Send("hook on");
            Assert.Equal("local hangup", HostProcess.Field(d.Host.WaitFor("event ended", 10000), "reason"));
            Assert.True(b.WaitOutput("terminated", 10000), b.Output);
            short[] heard = d.StopAndRead();
            Assert.InRange(Audio.PeakHz(b.Heard()), 1180, 1220);
            int blocks = DeskPhoneDevice.BlocksOf(heard, 800);
            Assert.True(blocks > 25, "the desk phone heard baresip's 800 Hz in only " + blocks + " blocks of 40 ms");
        }

        [Fact]
        public void CallWaitingAnnouncesTheSecondCallAndFlashSwitches()
        {
            using var bob = DeskPhoneDevice.Start("2001", 600);
            using var carol = DeskPhoneDevice.Start("3001", 700);
            using var desk = DeskPhoneDevice.Start("desk", 1200, "", "{\"dialPlan\":[{\"prefix\":\"2\",\"host\":\"" + bob.Local + "\"}]}");

            // desk calls bob: hook off, keys, #; bob lifts his handset to answer
            desk.Host.Send("hook off");
            desk.Host.WaitFor("event dialtone", 5000);
            desk.Keys("2001#");
            Assert.Equal("sip:2001@" + bob.Local, HostProcess.Field(desk.Host.WaitFor("event calling", 10000), "to"));
            bob.Host.WaitFor("event incoming", 10000);
            bob.Host.Send("hook off");
            string first = HostProcess.Field(desk.Host.WaitFor("event connected", 10000), "call");
            bob.Host.WaitFor("event connected", 5000);
            desk.Host.Send("key 5"); // a key during the call is a DTMF digit
            Assert.Equal("5", HostProcess.Field(bob.Host.WaitFor("event dtmf", 5000), "digit"));
            Thread.Sleep(1500);

            // carol calls the desk phone during the call: announced, not answered
            carol.Host.Send("dial desk@" + desk.Local);
            string second = HostProcess.Field(desk.Host.WaitFor("event callwaiting", 10000), "call");
            Assert.NotEqual(first, second);
            carol.Host.WaitFor("event ringing", 5000);

            // flash: bob is held, carol connected
            desk.Host.Send("key flash");
            Assert.Equal("remote", HostProcess.Field(bob.Host.WaitFor("event hold", 5000), "by"));
            carol.Host.WaitFor("event connected", 5000);
            Assert.Equal(second, HostProcess.Field(desk.Host.WaitFor("event connected", 5000), "call"));
            Thread.Sleep(1500);

            // flash again: carol held, bob back
            desk.Host.Send("key flash");
            Assert.Equal("remote", HostProcess.Field(carol.Host.WaitFor("event hold", 5000), "by"));
            Assert.Equal("remote", HostProcess.Field(bob.Host.WaitFor("event resumed", 5000), "by"));
            Thread.Sleep(1000);

            // bob hangs up: carol stays held until the desk resumes her with flash
            bob.Host.Send("hook on");
            Assert.Equal(first, HostProcess.Field(desk.Host.WaitFor("event ended", 5000), "call"));
            Thread.Sleep(300);
            Assert.Empty(carol.Host.Events.FindAll(e => e.StartsWith("event resumed") || e.StartsWith("event ended")));
            desk.Host.Send("key flash");
            Assert.Equal("remote", HostProcess.Field(carol.Host.WaitFor("event resumed", 5000), "by"));
            Thread.Sleep(1000);
            desk.Host.Send("hook on");
            Assert.Equal("remote hangup", HostProcess.Field(carol.Host.WaitFor("event ended", 5000), "reason"));

            short[] deskHeard = desk.StopAndRead();
            short[] bobHeard = bob.StopAndRead();
            short[] carolHeard = carol.StopAndRead();
            int fromBob = DeskPhoneDevice.BlocksOf(deskHeard, 600), fromCarol = DeskPhoneDevice.BlocksOf(deskHeard, 700);
            Assert.True(fromBob > 40, "desk heard bob in " + fromBob + " blocks");
            Assert.True(fromCarol > 40, "desk heard carol in " + fromCarol + " blocks");
            Assert.True(DeskPhoneDevice.BlocksOf(bobHeard, 1200) > 40, "bob heard the desk in " + DeskPhoneDevice.BlocksOf(bobHeard, 1200) + " blocks");
            Assert.True(DeskPhoneDevice.BlocksOf(carolHeard, 1200) > 40, "carol heard the desk in " + DeskPhoneDevice.BlocksOf(carolHeard, 1200) + " blocks");
        }
    }
}
