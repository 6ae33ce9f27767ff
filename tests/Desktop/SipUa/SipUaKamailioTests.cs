// Interop against a real Kamailio (tests/Desktop/Interop/peers/kamailio.cfg) on 127.0.0.1 over
// UDP: two UserAgents driven by a tiny socket loop (the same loop the runtime will run) register
// with MD5 or SHA-256 digest, call each other through Kamailio (407 on INVITE and MESSAGE,
// record-routing, loose routing of ACK/re-INVITE/BYE), hold with a re-INVITE, exchange a MESSAGE
// and unregister. Every wait is bounded.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Endpoint.Sip.Message;
using Endpoint.Sip.Registration;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    internal sealed class LiveUa : IDisposable
    {
        public readonly Socket Sock;
        public readonly UserAgent Ua;
        public readonly List<Ev> Events = new List<Ev>();
        public readonly List<string> Trace = new List<string>();
        public readonly string Name;
        private readonly byte[] _rx = new byte[8192];

        public LiveUa(string user, int registrarPort, int seed)
        {
            Name = user;
            Sock = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Sock.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)Sock.LocalEndPoint).Port;
            var cfg = new UaConfig
            {
                LocalHost = "127.0.0.1", LocalPort = port, User = user, Domain = "example.com", Password = Kamailio.Password,
                RegistrarHost = registrarPort > 0 ? "127.0.0.1" : null, RegistrarPort = registrarPort, Expires = 120, KeepAliveSeconds = 20,
                UserAgentName = "endpoint-test",
            };
            Ua = new UserAgent(cfg, new SeededRandom(seed));
        }

        public static long Now => Environment.TickCount64;

        private void Flush()
        {
            SipOutbox o = Ua.Outbox;
            while (o.Count > 0)
            {
                SipAddress d = o.PeekDestination();
                var ep = new IPEndPoint(new IPAddress(new[] { (byte)(d.V4 >> 24), (byte)(d.V4 >> 16), (byte)(d.V4 >> 8), (byte)d.V4 }), d.Port);
                Trace.Add(">> " + Encoding.ASCII.GetString(o.PeekBuffer(), 0, o.PeekLength()));
                Sock.SendTo(o.PeekBuffer(), 0, o.PeekLength(), SocketFlags.None, ep);
                o.Pop();
            }
        }

        public void Step()
        {
            Flush();
            while (Sock.Available > 0)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = Sock.ReceiveFrom(_rx, ref from);
                var ip = (IPEndPoint)from;
                byte[] a = ip.Address.GetAddressBytes();
                Trace.Add("<< " + Encoding.ASCII.GetString(_rx, 0, n));
                Ua.OnDatagram(_rx, 0, n, SipAddress.FromIPv4(a[0], a[1], a[2], a[3], ip.Port, SipTransport.Udp), Now);
                Collect();
                Flush();
            }
            if (Ua.NextDeadline <= Now) Ua.OnTimer(Now);
            Collect();
            Flush();
        }

        public void Collect()
        {
            UaEvent e;
            while ((e = Ua.PollEvent()) != null)
                Events.Add(new Ev { Kind = e.Kind, Call = e.Call, Code = e.Code, Reason = e.Reason, Body = e.BodyText(), ContentType = e.ContentTypeText(), PeerUri = e.PeerUriText(), Handle = e.Handle, At = Now });
        }

        public Ev Last(UaEventKind k) => Events.LastOrDefault(x => x.Kind == k);

        public int Port => ((IPEndPoint)Sock.LocalEndPoint).Port;

        public void Dispose() => Sock.Dispose();
    }

    public class SipUaKamailioTests
    {
        internal static void Until(Func<bool> done, int timeoutMs, Kamailio k, params LiveUa[] uas) => Until(done, timeoutMs, () => k.Output, uas);

        internal static void Until(Func<bool> done, int timeoutMs, Func<string> peerOutput, params LiveUa[] uas)
        {
            long end = LiveUa.Now + timeoutMs;
            while (LiveUa.Now < end)
            {
                foreach (LiveUa u in uas) u.Step();
                if (done()) return;
                Thread.Sleep(2);
            }
            var sb = new StringBuilder("timed out\n");
            foreach (LiveUa u in uas)
            {
                sb.Append("== " + u.Name + " events: " + string.Join(" | ", u.Events) + "\n");
                foreach (string t in u.Trace.TakeLast(12)) sb.Append(t).Append("\n");
            }
            string output = peerOutput();
            sb.Append("== peer:\n").Append(output.Length > 4000 ? output.Substring(output.Length - 4000) : output);
            Assert.Fail(sb.ToString());
        }

        [Theory]
        [InlineData("MD5")]
        [InlineData("SHA-256")]
        public void RegisterCallHoldMessageHangup_ThroughKamailio(string algorithm)
        {
            using var k = Kamailio.Start(algorithm);
            using var alice = new LiveUa("alice", k.Port, 1);
            using var bob = new LiveUa("bob", k.Port, 2);
            alice.Ua.Register(LiveUa.Now);
            bob.Ua.Register(LiveUa.Now);
            Until(() => alice.Last(UaEventKind.Registered) != null && bob.Last(UaEventKind.Registered) != null, 10000, k, alice, bob);
            Assert.Equal(120, alice.Last(UaEventKind.Registered).Code);
            Assert.Contains(alice.Trace, t => t.StartsWith(">> REGISTER") && t.Contains("algorithm=" + algorithm));

            string sdpA = UaPair.Sdp("127.0.0.1", 20000, "sendrecv", 1), sdpB = UaPair.Sdp("127.0.0.1", 30000, "sendrecv", 1);
            byte[] offer = Encoding.ASCII.GetBytes(sdpA);
            int call = alice.Ua.Call("bob", offer, 0, offer.Length, LiveUa.Now);
            Assert.True(call >= 0);
            Until(() => bob.Last(UaEventKind.IncomingCall) != null, 10000, k, alice, bob);
            Ev inc = bob.Last(UaEventKind.IncomingCall);
            Assert.Equal(sdpA, inc.Body);
            Assert.Equal("sip:alice@example.com", inc.PeerUri);
            Assert.Contains(alice.Trace, t => t.StartsWith("<< SIP/2.0 407"));
            Assert.Equal(UaStatus.Ok, bob.Ua.Ringing(inc.Call, LiveUa.Now));
            // Kamailio's UDP workers may forward a 180 and a 200 sent back to back out of order
            // (a 180 after the 200 is then rightly ignored), so answer once alice heard the ringing.
            Until(() => alice.Last(UaEventKind.CallProgress) != null, 10000, k, alice, bob);
            byte[] answer = Encoding.ASCII.GetBytes(sdpB);
            Assert.Equal(UaStatus.Ok, bob.Ua.Answer(inc.Call, answer, 0, answer.Length, LiveUa.Now));
            Until(() => alice.Last(UaEventKind.CallAnswered) != null && bob.Last(UaEventKind.CallConfirmed) != null, 10000, k, alice, bob);
            Assert.Equal(sdpB, alice.Last(UaEventKind.CallAnswered).Body);
            Assert.Equal(180, alice.Last(UaEventKind.CallProgress).Code);
            Assert.Contains(alice.Trace, t => t.StartsWith(">> ACK") && t.Contains("Route: <sip:127.0.0.1:" + k.Port));

            byte[] hold = Encoding.ASCII.GetBytes(UaPair.Sdp("127.0.0.1", 20000, "sendonly", 2));
            Assert.Equal(UaStatus.Ok, alice.Ua.Reinvite(call, hold, 0, hold.Length, LiveUa.Now));
            Until(() => bob.Last(UaEventKind.ReinviteReceived) != null, 10000, k, alice, bob);
            byte[] held = Encoding.ASCII.GetBytes(UaPair.Sdp("127.0.0.1", 30000, "recvonly", 2));
            Assert.Equal(UaStatus.Ok, bob.Ua.Answer(inc.Call, held, 0, held.Length, LiveUa.Now));
            Until(() => alice.Last(UaEventKind.ReinviteAnswered) != null, 10000, k, alice, bob);

            byte[] text = Encoding.ASCII.GetBytes("hi bob");
            int msg = alice.Ua.SendMessage("bob", "text/plain", text, 0, text.Length, LiveUa.Now);
            Assert.True(msg >= 0);
            Until(() => alice.Last(UaEventKind.MessageResult) != null, 10000, k, alice, bob);
            Assert.Equal(200, alice.Last(UaEventKind.MessageResult).Code);
            Assert.Equal("hi bob", bob.Last(UaEventKind.MessageReceived).Body);

            Assert.Equal(UaStatus.Ok, bob.Ua.Hangup(inc.Call, LiveUa.Now));
            Until(() => alice.Last(UaEventKind.CallEnded) != null && bob.Ua.CallsInUse == 0, 10000, k, alice, bob);
            Assert.Equal("remote hangup", alice.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, alice.Ua.CallsInUse);

            alice.Ua.Unregister(LiveUa.Now);
            bob.Ua.Unregister(LiveUa.Now);
            Until(() => alice.Last(UaEventKind.Unregistered) != null && bob.Last(UaEventKind.Unregistered) != null, 10000, k, alice, bob);
            Assert.Equal(RegistrationState.Stopped, alice.Ua.RegistrationState);
            Assert.DoesNotContain(alice.Events, e => e.Kind == UaEventKind.RegistrationFailed);
        }
    }
}
