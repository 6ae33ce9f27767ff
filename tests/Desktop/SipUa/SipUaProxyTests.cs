// Calls and messages through an authenticating, record-routing outbound proxy: 407 to INVITE
// answered as a NEW transaction (new branch, CSeq + 1, same Call-ID and From tag) with
// Proxy-Authorization (the proxy gets the ACK for its 407 from the transaction layer), the
// preloaded Route for out-of-dialog requests, the dialog route set from Record-Route for ACK and
// BYE in both directions (loose routing), strict-router handling, MESSAGE with 407, and a
// wrong password ending the call with the digest client's reason.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaProxyTests
    {
        private static readonly SipAddress ProxyAddr = SipAddress.FromIPv4(10, 0, 0, 100, 5060, SipTransport.Udp);

        private static (UaPair p, FakeProxy proxy) Setup(string password = "secret", bool strict = false)
        {
            var p = new UaPair(tweakA: c => { c.ProxyHost = "10.0.0.100"; c.Password = password; },
                               tweakB: c => { c.ProxyHost = "10.0.0.100"; });
            var proxy = p.Net.Add(new FakeProxy(ProxyAddr) { Strict = strict });
            proxy.Users["bob"] = p.B.Address;
            proxy.Users["alice"] = p.A.Address;
            return (p, proxy);
        }

        [Fact]
        public void InviteChallenged407_RetriedAsNewTransaction_ThenRoutedThroughRecordRoute()
        {
            var (p, proxy) = Setup();
            int a = p.Call("sip:bob@example.com");
            var invites = p.From("A", "INVITE");
            Assert.Equal(2, invites.Length);
            Assert.All(invites, x => Assert.Equal("P", x.ToName));
            string i1 = invites[0].Text, i2 = invites[1].Text;
            Assert.Equal("<sip:10.0.0.100:5060;lr>", Sip.Header(i1, "Route"));
            Assert.Null(Sip.Header(i1, "Proxy-Authorization"));
            Assert.NotNull(Sip.Header(i2, "Proxy-Authorization"));
            Assert.NotEqual(Sip.Branch(i1), Sip.Branch(i2));
            Assert.Equal(Sip.CSeq(i1) + 1, Sip.CSeq(i2));
            Assert.Equal(Sip.CallId(i1), Sip.CallId(i2));
            Assert.Equal(Sip.Tag(Sip.Header(i1, "From")), Sip.Tag(Sip.Header(i2, "From")));
            Assert.Equal(Sip.Body(i1), Sip.Body(i2));
            var pa = FakeRegistrar.AuthParams(Sip.Header(i2, "Proxy-Authorization"));
            Assert.Equal("sip:bob@example.com", pa["uri"]);
            Assert.Equal("proxy.example.com", pa["realm"]);
            // the 407 was ACKed by the transaction layer with the first INVITE's branch
            Assert.Single(proxy.AbsorbedAcks);
            Assert.Equal(Sip.Branch(i1), Sip.Branch(proxy.AbsorbedAcks[0]));
            Assert.Equal(1, p.B.Count(UaEventKind.IncomingCall));

            p.Ring();
            p.AnswerB();
            Assert.Equal(1, p.A.Count(UaEventKind.CallAnswered));
            string ack = p.From("A", "ACK").Last().Text; // the first ACK answered the 407
            Assert.Equal("<sip:10.0.0.100:5060;lr;ftag=x>", Sip.Header(ack, "Route"));
            Assert.StartsWith("ACK sip:bob@10.0.0.2:5060 SIP/2.0", ack);
            Assert.Equal(1, p.B.Count(UaEventKind.CallConfirmed));
            // the callee's BYE follows the route set too (in Record-Route order)
            p.B.Ua.Hangup(p.BCall, p.Now);
            p.Net.Pump();
            string bye = p.From("B", "BYE").Single().Text;
            Assert.Equal("<sip:10.0.0.100:5060;lr;ftag=x>", Sip.Header(bye, "Route"));
            Assert.StartsWith("BYE sip:alice@10.0.0.1:5060 SIP/2.0", bye);
            Assert.Equal("P", p.From("B", "BYE").Single().ToName);
            Assert.Equal("remote hangup", p.A.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);
        }

        [Fact]
        public void StrictRouter_RequestUriIsTheRoute_RemoteTargetLastRoute()
        {
            var (p, proxy) = Setup(strict: true);
            int a = p.Call("sip:bob@example.com");
            p.Ring();
            p.AnswerB();
            string ack = p.From("A", "ACK").Last().Text; // the first ACK answered the 407
            Assert.StartsWith("ACK sip:10.0.0.100:5060;ftag=x SIP/2.0", ack);
            Assert.Equal("<sip:bob@10.0.0.2:5060>", Sip.Header(ack, "Route"));
            Assert.Equal(1, p.B.Count(UaEventKind.CallConfirmed));
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Pump();
            Assert.Equal("remote hangup", p.B.Last(UaEventKind.CallEnded).Reason);
        }

        [Fact]
        public void WrongPassword_CallEndsWithDigestReason_NoEndlessRetry()
        {
            var (p, proxy) = Setup(password: "bad");
            int a = p.Call("sip:bob@example.com");
            Assert.Equal(2, p.From("A", "INVITE").Length);
            Ev end = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal(407, end.Code);
            Assert.Contains("rejected", end.Reason);
            Assert.Equal(0, p.A.Ua.CallsInUse);
            Assert.Equal(0, p.B.Count(UaEventKind.IncomingCall));
        }

        [Fact]
        public void Message_ThroughProxy_407Retried()
        {
            var (p, proxy) = Setup();
            byte[] body = UaPair.B8("ping");
            int h = p.A.Ua.SendMessage("bob", "text/plain", body, 0, body.Length, p.Now);
            p.Net.Pump();
            var msgs = p.From("A", "MESSAGE");
            Assert.Equal(2, msgs.Length);
            Assert.StartsWith("MESSAGE sip:bob@example.com SIP/2.0", msgs[0].Text);
            Assert.Equal(Sip.CSeq(msgs[0].Text) + 1, Sip.CSeq(msgs[1].Text));
            Assert.NotEqual(Sip.Branch(msgs[0].Text), Sip.Branch(msgs[1].Text));
            Assert.Equal("ping", p.B.Last(UaEventKind.MessageReceived).Body);
            Assert.Equal(200, p.A.Last(UaEventKind.MessageResult).Code);
        }

        [Fact]
        public void NoCredentials_ChallengeFailsCleanly()
        {
            var (p, proxy) = Setup(password: null);
            p.Call("sip:bob@example.com");
            Ev end = p.A.Last(UaEventKind.CallEnded);
            Assert.Equal(407, end.Code);
            Assert.Contains("password", end.Reason);
            Assert.Single(p.From("A", "INVITE"));
        }
    }
}
