// Registration client against the fake registrar: MD5, SHA-256 and both offered (SHA-256 wins),
// every authenticated retry a new transaction (new branch, CSeq + 1, same Call-ID and From tag),
// stale nonces retried silently, wrong password → failure event and jittered back-off, refresh
// at the GRANTED lifetime (per-Contact expires beats the Expires header), 423 Min-Expires,
// rport/received → Contact switched to the public address, unregister, keep-alives, timeout.
using System.Linq;
using Endpoint.Sip.Message;
using Endpoint.Sip.Registration;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaRegistrationTests
    {
        private static readonly SipAddress RegAddr = SipAddress.FromIPv4(10, 0, 0, 100, 5060, SipTransport.Udp);

        private static (LoopNet net, FakeRegistrar reg, UaNode a) Setup(string password = "secret", int expires = 600, int keepAlive = 0)
        {
            var net = new LoopNet();
            var reg = net.Add(new FakeRegistrar(RegAddr));
            var cfg = LoopNet.Config("10.0.0.1", "alice");
            cfg.RegistrarHost = "10.0.0.100";
            cfg.Password = password;
            cfg.Expires = expires;
            cfg.KeepAliveSeconds = keepAlive;
            cfg.DisplayName = "Alice A";
            var a = net.Add(new UaNode("A", cfg, 1));
            return (net, reg, a);
        }

        [Theory]
        [InlineData(new[] { "MD5" }, "MD5")]
        [InlineData(new[] { "SHA-256" }, "SHA-256")]
        [InlineData(new[] { "MD5", "SHA-256" }, "SHA-256")]
        [InlineData(new[] { "SHA-256", "MD5" }, "SHA-256")]
        public void Register_Challenge_RetriedAsNewTransaction_StrongestAlgorithm(string[] offered, string expected)
        {
            var (net, reg, a) = Setup();
            reg.Algorithms = offered;
            Assert.Equal(UaStatus.Ok, a.Ua.Register(net.Now));
            net.Pump();
            Assert.Equal(2, reg.Requests.Count);
            string first = reg.Requests[0], second = reg.Requests[1];
            Assert.Null(Sip.Header(first, "Authorization"));
            Assert.NotNull(Sip.Header(second, "Authorization"));
            Assert.NotEqual(Sip.Branch(first), Sip.Branch(second));
            Assert.Equal(Sip.CSeq(first) + 1, Sip.CSeq(second));
            Assert.Equal(Sip.CallId(first), Sip.CallId(second));
            Assert.Equal(Sip.Tag(Sip.Header(first, "From")), Sip.Tag(Sip.Header(second, "From")));
            Assert.StartsWith("REGISTER sip:example.com SIP/2.0", first);
            Assert.Equal("\"Alice A\" <sip:alice@example.com>", Sip.Header(first, "To"));
            Assert.Equal("<sip:alice@10.0.0.1:5060>", Sip.Header(first, "Contact"));
            Assert.Equal("600", Sip.Header(first, "Expires"));
            Assert.Equal(new[] { expected }, reg.AcceptedAlgorithms);
            var auth = FakeRegistrar.AuthParams(Sip.Header(second, "Authorization"));
            Assert.Equal(expected, auth.ContainsKey("algorithm") ? auth["algorithm"] : "MD5");
            Assert.Equal("sip:example.com", auth["uri"]);
            Assert.Equal("op1", auth["opaque"]);
            Ev ok = a.Last(UaEventKind.Registered);
            Assert.NotNull(ok);
            Assert.Equal(600, ok.Code);
            Assert.Equal(RegistrationState.Registered, a.Ua.RegistrationState);
            Assert.Equal(0, a.Count(UaEventKind.RegistrationFailed));
        }

        [Fact]
        public void GrantedShorterThanRequested_RefreshAtGrantedTime_PerContactBeatsExpiresHeader()
        {
            var (net, reg, a) = Setup(expires: 3600);
            reg.MaxExpires = 60;
            reg.ExpiresHeader = 3600; // misleading header: the per-Contact value must win
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Equal(60, a.Last(UaEventKind.Registered).Code);
            long refreshAt = RegistrationSchedule.RefreshDelayMs(60);
            net.RunUntil(refreshAt - 1);
            Assert.Equal(2, reg.Requests.Count);
            net.RunUntil(refreshAt);
            Assert.Equal(3, reg.Requests.Count);
            Assert.Equal(refreshAt, reg.RequestTimes[2]);
            // the refresh carries credentials for the known nonce (nc = 2), same Call-ID, CSeq + 1, new branch
            string refresh = reg.Requests[2];
            Assert.Equal(Sip.CallId(reg.Requests[0]), Sip.CallId(refresh));
            Assert.Equal(Sip.CSeq(reg.Requests[1]) + 1, Sip.CSeq(refresh));
            Assert.Equal("00000002", FakeRegistrar.AuthParams(Sip.Header(refresh, "Authorization"))["nc"]);
            Assert.Equal("3600", Sip.Header(refresh, "Expires")); // we still ask for what we want
            Assert.Equal(2, a.Count(UaEventKind.Registered));
            // keeps refreshing for an hour without drifting past the granted lifetime
            net.Run(3600_000);
            var times = reg.RequestTimes.Skip(2).ToArray();
            for (int i = 1; i < times.Length; i++) Assert.Equal(refreshAt, times[i] - times[i - 1]);
            Assert.Equal(0, a.Count(UaEventKind.RegistrationFailed));
        }

        [Fact]
        public void StaleNonce_OnAuthenticatedRetry_RetriedSilently()
        {
            var (net, reg, a) = Setup(expires: 120);
            reg.StaleNext = true; // the first correct credentials are answered 401 stale=true
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Equal(3, reg.Requests.Count);
            Assert.Contains("stale=true", net.Log.Where(x => x.IsResponse(401)).Last().Text);
            var p2 = FakeRegistrar.AuthParams(Sip.Header(reg.Requests[1], "Authorization"));
            var p3 = FakeRegistrar.AuthParams(Sip.Header(reg.Requests[2], "Authorization"));
            Assert.NotEqual(p2["nonce"], p3["nonce"]);
            Assert.Equal("00000001", p3["nc"]);
            Assert.Equal(Sip.CSeq(reg.Requests[1]) + 1, Sip.CSeq(reg.Requests[2]));
            Assert.Equal(0, a.Count(UaEventKind.RegistrationFailed));
            Assert.Equal(1, a.Count(UaEventKind.Registered));
        }

        [Fact]
        public void StaleNonce_OnRefresh_RetriedSilently()
        {
            var (net, reg, a) = Setup(expires: 120);
            a.Ua.Register(net.Now);
            net.Pump();
            reg.StaleNext = true;
            net.Run(120_000);
            // refresh with the old nonce → 401 stale=true → retry with the new nonce, no failure event
            Assert.Equal(4, reg.Requests.Count);
            Assert.Equal(0, a.Count(UaEventKind.RegistrationFailed));
            Assert.Equal(2, a.Count(UaEventKind.Registered));
            Assert.Equal(RegistrationState.Registered, a.Ua.RegistrationState);
        }

        [Fact]
        public void WrongPassword_FailureEvent_BackOffWithJitter()
        {
            var (net, reg, a) = Setup(password: "wrong");
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Equal(2, reg.Requests.Count);
            Ev f = a.Last(UaEventKind.RegistrationFailed);
            Assert.NotNull(f);
            Assert.Equal(401, f.Code);
            Assert.Contains("rejected", f.Reason);
            Assert.Equal(RegistrationState.WaitingToRetry, a.Ua.RegistrationState);
            long due = a.Ua.RegistrationSchedule.NextDeadline;
            Assert.InRange(due, 15_000, 30_000); // RFC 5626: base 30 s scaled by 50-100 %
            net.RunUntil(due);
            Assert.Equal(4, reg.Requests.Count);
            Assert.Equal(2, a.Count(UaEventKind.RegistrationFailed));
            long due2 = a.Ua.RegistrationSchedule.NextDeadline - net.Now;
            Assert.InRange(due2, 30_000, 60_000);
            Assert.Equal(0, a.Count(UaEventKind.Registered));
        }

        [Fact]
        public void IntervalTooBrief_RetriedWithMinExpires()
        {
            var (net, reg, a) = Setup(expires: 60);
            reg.MinExpires = 300;
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Equal(300, a.Last(UaEventKind.Registered).Code);
            Assert.Equal("300", Sip.Header(reg.Requests.Last(), "Expires"));
            Assert.Equal(0, a.Count(UaEventKind.RegistrationFailed));
        }

        [Fact]
        public void RportReceived_ContactSwitchedToPublicAddress()
        {
            var (net, reg, a) = Setup();
            reg.NatReceived = "203.0.113.7";
            reg.NatRport = 40000;
            a.Ua.Register(net.Now);
            net.Pump();
            string last = reg.Requests.Last();
            Assert.Equal("<sip:alice@203.0.113.7:40000>", Sip.Header(last, "Contact"));
            Assert.Equal(1, a.Count(UaEventKind.Registered));
            Assert.Equal("203.0.113.7", a.Ua.ContactHost);
            Assert.Equal(40000, a.Ua.ContactPort);
            Assert.Contains("sip:alice@203.0.113.7:40000", reg.Bindings.Keys);
            Assert.Contains(reg.Requests, r => r.Contains("Contact: <sip:alice@10.0.0.1:5060>"));
            // stable afterwards: the next refresh keeps the public contact and does not flap
            net.Run(600_000);
            Assert.All(reg.Requests.Skip(3), r => Assert.Equal("<sip:alice@203.0.113.7:40000>", Sip.Header(r, "Contact")));
        }

        [Fact]
        public void Unregister_ExpiresZero_EventAfterAnswer()
        {
            var (net, reg, a) = Setup();
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Single(reg.Bindings);
            Assert.Equal(UaStatus.Ok, a.Ua.Unregister(net.Now));
            net.Pump();
            string un = reg.Requests.Last();
            Assert.Equal("0", Sip.Header(un, "Expires"));
            Assert.Equal("<sip:alice@10.0.0.1:5060>;expires=0", Sip.Header(un, "Contact"));
            Assert.Empty(reg.Bindings);
            Assert.Equal(1, a.Count(UaEventKind.Unregistered));
            Assert.Equal(RegistrationState.Stopped, a.Ua.RegistrationState);
            net.Run(3600_000);
            Assert.Equal(reg.Requests.Count, reg.RequestTimes.Count(t => t <= 0) + reg.RequestTimes.Count(t => t > 0)); // sanity
            Assert.DoesNotContain(reg.RequestTimes, t => t > 0);
        }

        [Fact]
        public void Unregister_NoAnswer_GivesUpAfterTimeout()
        {
            var (net, reg, a) = Setup();
            a.Ua.Register(net.Now);
            net.Pump();
            reg.Silent = true;
            a.Ua.Unregister(net.Now);
            net.Run(RegistrationSchedule.UnregisterTimeoutMs);
            Assert.Equal(1, a.Count(UaEventKind.Unregistered));
            Assert.Equal(RegistrationState.Stopped, a.Ua.RegistrationState);
        }

        [Fact]
        public void KeepAlives_EveryPeriod_WhileRegistered()
        {
            var (net, reg, a) = Setup(keepAlive: 25);
            a.Ua.Register(net.Now);
            net.Run(100_000);
            Assert.Equal(4, reg.KeepAlives);
            Assert.All(net.Log.Where(p => p.Text == "\r\n\r\n"), p => Assert.Equal("R", p.ToName));
            a.Ua.Unregister(net.Now);
            net.Run(100_000);
            Assert.Equal(4, reg.KeepAlives);
        }

        [Fact]
        public void RegistrarSilent_TimeoutFailure_ThenServerErrorHonoursRetryAfter()
        {
            var (net, reg, a) = Setup();
            reg.Silent = true;
            a.Ua.Register(net.Now);
            net.Run(32_000);
            Ev f = a.Last(UaEventKind.RegistrationFailed);
            Assert.NotNull(f);
            Assert.Equal(408, f.Code);
            Assert.Equal("timeout", f.Reason);
            // UDP retransmissions happened (Timer E) before giving up
            Assert.True(reg.Requests.Count >= 7);
            reg.Silent = false;
            reg.FailWith = 503;
            net.RunUntil(a.Ua.RegistrationSchedule.NextDeadline);
            Assert.Equal(503, a.Last(UaEventKind.RegistrationFailed).Code);
            Assert.True(a.Ua.RegistrationSchedule.NextDeadline - net.Now >= 120_000);
        }

        [Fact]
        public void LocalAddressChange_ReRegistersWithNewContact()
        {
            var (net, reg, a) = Setup();
            a.Ua.Register(net.Now);
            net.Pump();
            net.Run(10_000);
            int before = reg.Requests.Count;
            net.Nodes.Remove(a);
            a.Address = SipAddress.FromIPv4(10, 0, 0, 2, 5070, SipTransport.Udp);
            net.Nodes.Add(a);
            a.Ua.OnLocalAddressChanged("10.0.0.2", 5070, net.Now);
            net.Pump();
            Assert.True(reg.Requests.Count > before);
            string last = reg.Requests.Last();
            // the new binding, and the old one removed in the same request
            Assert.Equal("<sip:alice@10.0.0.2:5070>, <sip:alice@10.0.0.1:5060>;expires=0", Sip.Header(last, "Contact"));
            Assert.Contains("SIP/2.0/UDP 10.0.0.2:5070", Sip.Header(last, "Via"));
            Assert.Equal(2, a.Count(UaEventKind.Registered));
            Assert.Equal(new[] { "sip:alice@10.0.0.2:5070" }, reg.Bindings.Keys.ToArray());
            // the next refresh only carries the new binding
            int n = reg.Requests.Count;
            net.RunUntil(a.Ua.RegistrationSchedule.NextDeadline);
            net.Pump();
            Assert.True(reg.Requests.Count > n);
            Assert.Equal("<sip:alice@10.0.0.2:5070>", Sip.Header(reg.Requests.Last(), "Contact"));
            Assert.Equal(new[] { "sip:alice@10.0.0.2:5070" }, reg.Bindings.Keys.ToArray());
        }

        [Fact]
        public void Tcp_ViaContactAndDestinations_NoRetransmissions_CrlfKeepAlive()
        {
            var net = new LoopNet();
            var reg = net.Add(new FakeRegistrar(RegAddr));
            var cfg = LoopNet.Config("10.0.0.1", "alice");
            cfg.RegistrarHost = "10.0.0.100";
            cfg.Password = "secret";
            cfg.Transport = SipTransport.Tcp;
            cfg.KeepAliveSeconds = 20;
            var a = net.Add(new UaNode("A", cfg, 1));
            a.Ua.Register(net.Now);
            net.Pump();
            Assert.Equal(1, a.Count(UaEventKind.Registered));
            string r = reg.Requests[0];
            Assert.StartsWith("SIP/2.0/TCP 10.0.0.1:5060;branch=", Sip.Header(r, "Via"));
            Assert.Equal("<sip:alice@10.0.0.1:5060;transport=tcp>", Sip.Header(r, "Contact"));
            Assert.All(net.Log.Where(x => x.FromName == "A"), x => Assert.Equal(SipTransport.Tcp, x.To.Transport));
            // the registrar goes silent: over a reliable transport nothing is retransmitted (Timer E unused)
            reg.Silent = true;
            net.RunUntil(Endpoint.Sip.Registration.RegistrationSchedule.RefreshDelayMs(300) + 1000);
            Assert.Equal(3, reg.Requests.Count);
            Assert.True(reg.KeepAlives >= 10);
            Assert.All(net.Log.Where(x => x.Text == "\r\n\r\n"), x => Assert.Equal(SipTransport.Tcp, x.To.Transport));
        }
    }
}
