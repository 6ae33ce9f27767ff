// Interop against SIPp (tests/Desktop/Interop/peers/sipp) on 127.0.0.1 over UDP: SIPp calls a
// UserAgent that rings and answers (SIPp ACKs and later sends BYE), and a UserAgent calls SIPp's
// UAS scenario (180, 200 with Record-Route echo, our ACK, our BYE). SIPp's exit code says whether
// every message it expected arrived in order. Every wait is bounded.
using System.IO;
using System.Text;
using Endpoint.Sip.Ua;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaSippTests
    {
        private static string Scenario(string name) => Path.Combine(Kamailio.RepoRoot, "tests/Desktop/Interop/peers/sipp", name);

        [Fact]
        public void SippCallsUs_WeRingAndAnswer_SippHangsUp()
        {
            using var bob = new LiveUa("bob", 0, 3);
            int sippPort = PeerProcess.FreePort();
            string scenario = Scenario("uac_call.xml");
            using var sipp = PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", scenario, "127.0.0.1:" + bob.Port,
                "-s", "bob", "-i", "127.0.0.1", "-p", sippPort.ToString(), "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error");
            SipUaKamailioTests.Until(() => bob.Last(UaEventKind.IncomingCall) != null, 15000, () => sipp.Output, bob);
            Ev inc = bob.Last(UaEventKind.IncomingCall);
            Assert.Contains("m=audio", inc.Body);
            Assert.Equal(UaStatus.Ok, bob.Ua.Ringing(inc.Call, LiveUa.Now));
            byte[] answer = Encoding.ASCII.GetBytes(UaPair.Sdp("127.0.0.1", 30000, "sendrecv", 1));
            Assert.Equal(UaStatus.Ok, bob.Ua.Answer(inc.Call, answer, 0, answer.Length, LiveUa.Now));
            SipUaKamailioTests.Until(() => bob.Last(UaEventKind.CallEnded) != null, 15000, () => sipp.Output, bob);
            Assert.Equal("remote hangup", bob.Last(UaEventKind.CallEnded).Reason);
            Assert.NotNull(bob.Last(UaEventKind.CallConfirmed));
            SipUaKamailioTests.Until(() => sipp.HasExited, 10000, () => sipp.Output, bob);
            Assert.True(sipp.ExitCode == 0, "sipp exit " + sipp.ExitCode + "\n" + sipp.Output);
        }

        [Fact]
        public void WeCallSipp_SippAnswers_WeHangUp()
        {
            using var alice = new LiveUa("alice", 0, 4);
            int sippPort = PeerProcess.FreePort();
            string scenario = Scenario("uas_answer.xml");
            using var sipp = PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", scenario,
                "-i", "127.0.0.1", "-p", sippPort.ToString(), "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error");
            System.Threading.Thread.Sleep(300);
            byte[] offer = Encoding.ASCII.GetBytes(UaPair.Sdp("127.0.0.1", 20000, "sendrecv", 1));
            int call = alice.Ua.Call("sip:sipp@127.0.0.1:" + sippPort, offer, 0, offer.Length, LiveUa.Now);
            Assert.True(call >= 0);
            SipUaKamailioTests.Until(() => alice.Last(UaEventKind.CallAnswered) != null, 15000, () => sipp.Output, alice);
            Assert.Contains("m=audio", alice.Last(UaEventKind.CallAnswered).Body);
            Assert.Equal(180, alice.Last(UaEventKind.CallProgress).Code);
            Assert.Equal(UaStatus.Ok, alice.Ua.Hangup(call, LiveUa.Now));
            SipUaKamailioTests.Until(() => alice.Ua.CallsInUse == 0, 15000, () => sipp.Output, alice);
            SipUaKamailioTests.Until(() => sipp.HasExited, 10000, () => sipp.Output, alice);
            Assert.True(sipp.ExitCode == 0, "sipp exit " + sipp.ExitCode + "\n" + sipp.Output);
        }
    }
}
