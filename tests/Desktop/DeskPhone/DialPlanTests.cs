// The dial plan and digit collector on their own: rule order, strip/prepend/host, blocked
// prefixes, emergency numbers, speed-dial codes, completion, the inter-digit deadline.
using Endpoint.App.DeskPhone;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public class DialPlanTests
    {
        private static DialPlan Plan(string phoneJson)
        {
            return new DialPlan(DeskPhoneHarness.Config(phoneJson).Phone);
        }

        [Fact]
        public void FirstMatchingRuleWins()
        {
            DialPlan p = Plan("{\"dialPlan\":[{\"prefix\":\"00\",\"strip\":2,\"prepend\":\"+\"},{\"prefix\":\"0\",\"strip\":1,\"prepend\":\"+4930\"},{\"prefix\":\"\",\"host\":\"10.0.0.9\"}]}");
            DialPlanStatus st;
            Assert.Equal("+15551234", p.Resolve("0015551234", out st));
            Assert.Equal(DialPlanStatus.Ok, st);
            Assert.Equal("+4930123", p.Resolve("0123", out st));
            Assert.Equal("42@10.0.0.9", p.Resolve("42", out st));
            Assert.Equal("bob@host", p.Resolve("bob@host", out st)); // already a target: used as it is
        }

        [Fact]
        public void BlockedPrefixesRefuseButEmergencyNumbersPass()
        {
            DialPlan p = Plan("{\"blocked\":[\"0900\",\"11\"],\"emergency\":[\"112\",\"110\"]}");
            DialPlanStatus st;
            Assert.Null(p.Resolve("09001234", out st));
            Assert.Equal(DialPlanStatus.Blocked, st);
            Assert.Null(p.Resolve("1100", out st));
            Assert.Equal("112", p.Resolve("112", out st));
            Assert.Equal("110", p.Resolve("110", out st));
            Assert.True(p.IsComplete("112"));
            Assert.False(p.IsComplete("11"));
            Assert.False(p.IsComplete("1122"));
        }

        [Fact]
        public void StarCodesAreSpeedDials()
        {
            DialPlan p = Plan("{\"speedDials\":[\"sip:a@b\"]}");
            DialPlanStatus st;
            Assert.True(p.IsComplete("*1"));
            Assert.False(p.IsComplete("*2"));
            Assert.Equal("sip:a@b", p.Resolve("*1", out st));
            Assert.Null(p.Resolve("*2", out st));
            Assert.Equal(DialPlanStatus.NoSpeedDial, st);
            Assert.Null(p.Resolve("", out st));
            Assert.Equal(DialPlanStatus.Empty, st);
        }

        [Fact]
        public void DialerCollectsWithDeadlineAndHash()
        {
            var d = new Dialer(Plan("{\"dialPlan\":[{\"prefix\":\"7\",\"length\":3}]}"), 4000);
            Assert.Equal(DialerResult.None, d.Key('1', 0)); // not started
            d.Start();
            Assert.Equal(long.MaxValue, d.Deadline);
            Assert.Equal(DialerResult.None, d.Key('#', 0)); // # with nothing collected
            Assert.Equal(DialerResult.Collecting, d.Key('1', 100));
            Assert.Equal(DialerResult.Collecting, d.Key('2', 200));
            Assert.Equal(4200, d.Deadline);
            Assert.Equal(DialerResult.None, d.Tick(4199));
            Assert.Equal(DialerResult.Send, d.Tick(4200));
            Assert.Equal(DialerResult.Send, d.Key('#', 300));
            Assert.Equal("12", d.Take());
            Assert.False(d.Active);
            d.Start();
            d.Key('7', 0);
            d.Key('0', 0);
            Assert.Equal(DialerResult.Send, d.Key('1', 0)); // rule length reached
            d.Start();
            for (int i = 0; i < PhoneConfig.MaxDigits + 5; i++) d.Key('5', i);
            Assert.Equal(PhoneConfig.MaxDigits, d.Count);
        }

        [Fact]
        public void MissedCallsKeepTheNewestTen()
        {
            var m = new MissedCalls();
            for (int i = 0; i < 13; i++) m.Add("sip:c" + i + "@x", i);
            Assert.Equal(MissedCalls.Capacity, m.Count);
            Assert.Equal(13, m.Total);
            Assert.Equal("sip:c3@x", m.From(0));
            Assert.Equal("sip:c12@x", m.Newest);
            Assert.Equal(12, m.At(9));
            m.Acknowledge();
            Assert.Equal(0, m.Unseen);
            Assert.Equal(10, m.Count);
        }
    }
}
