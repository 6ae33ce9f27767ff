// Two user agents (A = alice at 10.0.0.1, B = bob at 10.0.0.2) on the loop network, with SDP
// bodies and helpers that drive the usual call steps.
using System;
using System.Linq;
using System.Text;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    internal sealed class UaPair
    {
        public static readonly string Offer = Sdp("10.0.0.1", 20000, "sendrecv", 1);
        public static readonly string Answer = Sdp("10.0.0.2", 30000, "sendrecv", 1);

        public readonly LoopNet Net = new LoopNet();
        public readonly UaNode A;
        public readonly UaNode B;

        public UaPair(Action<UaConfig> tweakA = null, Action<UaConfig> tweakB = null, int seedA = 11, int seedB = 22)
        {
            var ca = LoopNet.Config("10.0.0.1", "alice");
            ca.DisplayName = "Alice";
            tweakA?.Invoke(ca);
            var cb = LoopNet.Config("10.0.0.2", "bob");
            tweakB?.Invoke(cb);
            A = Net.Add(new UaNode("A", ca, seedA));
            B = Net.Add(new UaNode("B", cb, seedB));
        }

        public static string Sdp(string ip, int port, string dir, int version) =>
            "v=0\r\no=- 1 " + version + " IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 0 8 101\r\na=" + dir + "\r\n";

        public static byte[] B8(string s) => Encoding.ASCII.GetBytes(s);

        public long Now => Net.Now;

        /// <summary>A calls B; returns A's call handle (B's IncomingCall event has been delivered).</summary>
        public int Call(string target = "sip:bob@10.0.0.2:5060")
        {
            byte[] o = B8(Offer);
            int h = A.Ua.Call(target, o, 0, o.Length, Now);
            Assert.True(h >= 0, "Call failed: " + UaStatuses.Name(UaStatuses.FromHandle(h)));
            Net.Pump();
            return h;
        }

        public int BCall => B.Last(UaEventKind.IncomingCall).Call;

        public void Ring() { Assert.Equal(UaStatus.Ok, B.Ua.Ringing(BCall, Now)); Net.Pump(); }

        public void AnswerB(string sdp = null)
        {
            byte[] a = B8(sdp ?? Answer);
            Assert.Equal(UaStatus.Ok, B.Ua.Answer(BCall, a, 0, a.Length, Now));
            Net.Pump();
        }

        /// <summary>Full setup: call, 180, 200, ACK. Returns (A's call, B's call).</summary>
        public (int a, int b) Establish()
        {
            int a = Call();
            Ring();
            AnswerB();
            Assert.Equal(UaCallState.Established, A.Ua.GetCallState(a));
            Assert.Equal(UaCallState.Established, B.Ua.GetCallState(BCall));
            return (a, BCall);
        }

        public Packet[] From(string node, string start) => Net.Sent(node, start).ToArray();
    }
}
