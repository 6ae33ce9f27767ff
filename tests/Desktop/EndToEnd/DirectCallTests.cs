using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.EndToEnd
{
    /// <summary>Two virtual devices call each other directly on loopback (no server): SIP, SDP, RTP and audio end to end.</summary>
    public class DirectCallTests
    {
        [Theory]
        [InlineData("PCMU")]
        [InlineData("PCMA")]
        public void TonesCrossInBothDirections(string codec)
        {
            string media = ",\"codecs\":[\"" + codec + "\"]";
            using var alice = VirtualDevice.Start("alice", 1000, mediaExtra: media);
            using var door = VirtualDevice.Start("door", 600, board: "virtual-intercom", mediaExtra: media + ",\"echoSuppression\":false");
            alice.Host.Send("dial door@" + door.Local);
            string incoming = door.Host.WaitFor("event incoming");
            Assert.StartsWith("sip:alice@", HostProcess.Field(incoming, "from"));
            alice.Host.WaitFor("event ringing");
            door.Host.Send("answer");
            string connected = alice.Host.WaitFor("event connected");
            Assert.Equal(codec, HostProcess.Field(connected, "codec"));
            Assert.Equal(codec, HostProcess.Field(door.Host.WaitFor("event connected"), "codec"));
            System.Threading.Thread.Sleep(2000);
            alice.Host.Send("hangup");
            Assert.Equal("remote hangup", HostProcess.Field(door.Host.WaitFor("event ended"), "reason"));
            alice.Host.WaitFor("event ended");
            alice.Host.Send("quit");
            door.Host.Send("quit");
            Assert.Equal(0, alice.Host.WaitExit());
            Assert.Equal(0, door.Host.WaitExit());

            short[] heardByDoor = Audio.Read(door.OutputWav);
            short[] heardByAlice = Audio.Read(alice.OutputWav);
            Assert.True(Audio.LoudSamples(heardByDoor) > 8000, "door heard too little: " + Audio.LoudSamples(heardByDoor));
            Assert.True(Audio.LoudSamples(heardByAlice) > 8000, "alice heard too little: " + Audio.LoudSamples(heardByAlice));
            Assert.InRange(Audio.PeakHz(heardByDoor), 980, 1020);
            Assert.InRange(Audio.PeakHz(heardByAlice), 588, 612);
        }

        [Fact]
        public void DeclinedCallEndsOnBothSides()
        {
            using var alice = VirtualDevice.Start("alice", 0);
            using var bob = VirtualDevice.Start("bob", 0);
            alice.Host.Send("dial bob@" + bob.Local);
            bob.Host.WaitFor("event incoming");
            bob.Host.Send("hangup");
            string ended = alice.Host.WaitFor("event ended");
            Assert.Equal("486", HostProcess.Field(ended, "code"));
        }

        [Fact]
        public void HoldAndResumeStopAndRestartAudio()
        {
            using var alice = VirtualDevice.Start("alice", 1000);
            using var bob = VirtualDevice.Start("bob", 600);
            alice.Host.Send("dial bob@" + bob.Local);
            bob.Host.WaitFor("event incoming");
            bob.Host.Send("answer");
            alice.Host.WaitFor("event connected");
            alice.Host.Send("hold");
            Assert.Equal("remote", HostProcess.Field(bob.Host.WaitFor("event hold"), "by"));
            Assert.Equal("local", HostProcess.Field(alice.Host.WaitFor("event hold"), "by"));
            alice.Host.Send("resume");
            Assert.Equal("remote", HostProcess.Field(bob.Host.WaitFor("event resumed"), "by"));
            Assert.Equal("local", HostProcess.Field(alice.Host.WaitFor("event resumed"), "by"));
            // and the other way round
            bob.Host.Send("hold");
            Assert.Equal("remote", HostProcess.Field(alice.Host.WaitFor("event hold"), "by"));
            bob.Host.WaitFor("event hold");
            bob.Host.Send("resume");
            Assert.Equal("remote", HostProcess.Field(alice.Host.WaitFor("event resumed"), "by"));
            bob.Host.WaitFor("event resumed");
        }

        [Fact]
        public void DtmfFromOneDeviceIsReportedOnceEachByTheOther()
        {
            using var alice = VirtualDevice.Start("alice", 0);
            using var door = VirtualDevice.Start("door", 0, board: "virtual-intercom");
            alice.Host.Send("dial door@" + door.Local);
            door.Host.WaitFor("event incoming");
            door.Host.Send("answer");
            alice.Host.WaitFor("event connected");
            alice.Host.Send("dtmf 1234#");
            foreach (char d in "1234#")
            {
                string e = door.Host.WaitFor("event dtmf");
                Assert.Equal(d.ToString(), HostProcess.Field(e, "digit"));
                Assert.Equal("rfc4733", HostProcess.Field(e, "source"));
            }
            System.Threading.Thread.Sleep(500);
            Assert.Equal(5, door.Host.Events.FindAll(l => l.StartsWith("event dtmf")).Count);
        }
    }
}
