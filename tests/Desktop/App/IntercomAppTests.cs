using System;
using System.Collections.Generic;
using System.Linq;
using Endpoint.App;
using Endpoint.App.Intercom;
using Endpoint.Boards.Virtual;
using Endpoint.Config;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Tones;
using Xunit;

namespace Endpoint.Tests.App
{
    /// <summary>IntercomApp driven through a recording phone engine and the virtual intercom's simulated button, relay and LEDs.</summary>
    public class IntercomAppTests
    {
        private sealed class Unit
        {
            public readonly FakePhone Phone;
            public readonly IntercomApp App;
            public readonly VirtualRig Hw;
            private readonly bool _rigPolls;
            public long Now = 1000;

            public Unit(IntercomConfig ic, int slots = 2, bool appPolls = true)
            {
                var cfg = new EndpointConfig { Board = "virtual-intercom", Intercom = ic };
                cfg.Sip.Domain = "example.com";
                Phone = new FakePhone(cfg, slots);
                Hw = new VirtualRig(VirtualIntercomBoard.Definition, 8000, line => Phone.Log.Add(line), null);
                _rigPolls = !appPolls;
                App = new IntercomApp(ic, Hw.CallButton, Hw.Relay, Hw.Led("status"), Hw.Led("call"), appPolls);
                Phone.App = App;
                App.Start(Phone, Now);
                Run(50);
            }

            public List<string> Log { get { return Phone.Log; } }

            public void Run(int ms)
            {
                for (long end = Now + ms; Now < end;)
                {
                    Now += 10;
                    if (_rigPolls) Hw.Poll(Now);
                    Phone.Pump(Now);
                }
            }

            public void Press()
            {
                Hw.SetCallButton(true);
                Run(80);
                Hw.SetCallButton(false);
                Run(60);
            }

            public int Call(int i) { return 100 + i; }

            public void Digits(int call, string digits, DtmfSource source)
            {
                foreach (char d in digits) { Phone.Digit(call, d, source); Run(100); }
            }

            public int Count(string prefix) { return Log.Count(l => l.StartsWith(prefix)); }

            public string Last(string prefix) { return Log.LastOrDefault(l => l.StartsWith(prefix)); }
        }

        private static IntercomConfig Config(string mode, params string[] targets)
        {
            return new IntercomConfig
            {
                Targets = targets,
                Allow = new[] { "sip:flat1@example.com", "2002" },
                DoorCode = "1234",
                RelayPulseMs = 1500,
                Mode = mode,
                RingSeconds = 5,
            };
        }

        private static string Field(string line, string key)
        {
            foreach (string part in line.Split(' ')) if (part.StartsWith(key + "=")) return part.Substring(key.Length + 1);
            return null;
        }

        [Fact]
        public void SequentialRingsEachTargetForRingSecondsThenTheNext()
        {
            var u = new Unit(Config("sequential", "flat1", "flat2"));
            u.Press();
            Assert.Equal(new[] { "flat1" }, u.Phone.Dials);
            Assert.Contains("event intercom state=calling mode=sequential targets=2", u.Log);
            u.Phone.Ringing(u.Call(0));
            u.Run(4700);
            Assert.Single(u.Phone.Dials);
            u.Run(400);
            Assert.Contains("hangup call=100", u.Log);
            Assert.Equal(new[] { "flat1", "flat2" }, u.Phone.Dials);
            Assert.Equal(1, u.Phone.Busy()); // flat1 cancelled and released, flat2 ringing
            u.Phone.Ringing(u.Call(1));
            u.Run(5100);
            string un = u.Last("event intercom state=unavailable");
            Assert.Equal("no-answer", Field(un, "reason"));
            Assert.Equal(ToneTable.Get(ToneRegion.Etsi, ToneKind.Busy), u.Phone.PlayingTone);
            Assert.Equal(IntercomState.Unavailable, u.App.State);
            u.Run(IntercomApp.UnavailableToneMs + 100);
            Assert.Null(u.Phone.PlayingTone);
            Assert.Equal(IntercomState.Idle, u.App.State);
            Assert.Equal(0, u.Phone.Busy());
            Assert.Equal(2, u.Phone.Dials.Count);
        }

        [Fact]
        public void SequentialSkipsABusyTargetAndConnectsTheNext()
        {
            var u = new Unit(Config("sequential", "flat1", "flat2", "flat3"));
            u.Press();
            u.Phone.RemoteEnd(u.Call(0), "busy", 486);
            u.Run(20);
            Assert.Equal(new[] { "flat1", "flat2" }, u.Phone.Dials);
            u.Phone.Answered(u.Call(1));
            Assert.Equal(IntercomState.Connected, u.App.State);
            Assert.Contains("event intercom state=connected peer=sip:flat2 direction=out", u.Log);
            u.Run(30000);
            Assert.Equal(2, u.Phone.Dials.Count); // no further targets, no timeout while connected
            Assert.Equal(IntercomState.Connected, u.App.State);
        }

        [Fact]
        public void AllTargetsBusyGivesBusyToneAndUnavailable()
        {
            var u = new Unit(Config("sequential", "flat1", "flat2"));
            u.Press();
            u.Phone.RemoteEnd(u.Call(0), "busy", 486);
            u.Run(20);
            u.Phone.RemoteEnd(u.Call(1), "declined", 603);
            u.Run(20);
            Assert.Equal("busy", Field(u.Last("event intercom state=unavailable"), "reason"));
            Assert.Equal(ToneTable.Get(ToneRegion.Etsi, ToneKind.Busy), u.Phone.PlayingTone);
        }

        [Fact]
        public void NoDialableTargetGivesCongestionTone()
        {
            var u = new Unit(Config("sequential", "bad1", "bad2"));
            u.Phone.Undialable.Add("bad1");
            u.Phone.Undialable.Add("bad2");
            u.Press();
            Assert.Equal(new[] { "bad1", "bad2" }, u.Phone.Dials);
            Assert.Equal("failed", Field(u.Last("event intercom state=unavailable"), "reason"));
            Assert.Equal(ToneTable.Get(ToneRegion.Etsi, ToneKind.Congestion), u.Phone.PlayingTone);

            var none = new Unit(Config("sequential"));
            none.Press();
            Assert.Equal("no-targets", Field(none.Last("event intercom state=unavailable"), "reason"));
            Assert.Empty(none.Phone.Dials);
        }

        [Fact]
        public void ParallelRingsAllAndTheFirstAnswerWinsTheOthersAreCancelled()
        {
            var u = new Unit(Config("parallel", "flat1", "flat2", "flat3"), slots: 3);
            u.Press();
            Assert.Equal(new[] { "flat1", "flat2", "flat3" }, u.Phone.Dials);
            u.Phone.Ringing(u.Call(0));
            u.Phone.Ringing(u.Call(2));
            u.Phone.Answered(u.Call(1));
            Assert.Contains("hangup call=100", u.Log);
            Assert.Contains("hangup call=102", u.Log);
            Assert.DoesNotContain("hangup call=101", u.Log);
            u.Run(20);
            Assert.Equal(1, u.Phone.Busy());
            Assert.Equal(IntercomState.Connected, u.App.State);
            u.Digits(u.Call(1), "1234", DtmfSource.Rfc4733);
            Assert.Equal(1, u.App.DoorOpens);
            Assert.Equal("sip:flat2", Field(u.Last("event door state=open"), "by"));
        }

        [Fact]
        public void ParallelTimesOutAsAWholeAndCancelsEveryone()
        {
            var u = new Unit(Config("parallel", "flat1", "flat2"));
            u.Press();
            u.Run(4800);
            Assert.Equal(2, u.Phone.Busy());
            u.Run(400);
            Assert.Equal("no-answer", Field(u.Last("event intercom state=unavailable"), "reason"));
            Assert.Contains("hangup call=100", u.Log);
            Assert.Contains("hangup call=101", u.Log);
            u.Run(20);
            Assert.Equal(0, u.Phone.Busy());
            Assert.Equal(2, u.Phone.Dials.Count);
        }

        [Fact]
        public void ParallelWithFewerSlotsThanTargetsDialsTheRestAsSlotsFree()
        {
            var u = new Unit(Config("parallel", "flat1", "flat2", "flat3"), slots: 2);
            u.Press();
            Assert.Equal(new[] { "flat1", "flat2" }, u.Phone.Dials);
            u.Phone.RemoteEnd(u.Call(0), "busy", 486);
            u.Run(20);
            Assert.Equal(new[] { "flat1", "flat2", "flat3" }, u.Phone.Dials);
            u.Phone.RemoteEnd(u.Call(1), "busy", 486);
            u.Run(20);
            Assert.Equal(IntercomState.Calling, u.App.State); // flat3 still rings
            u.Phone.RemoteEnd(u.Call(2), "busy", 486);
            u.Run(20);
            Assert.Equal("busy", Field(u.Last("event intercom state=unavailable"), "reason"));
        }

        [Theory]
        [InlineData(DtmfSource.Rfc4733, "rfc4733")]
        [InlineData(DtmfSource.SipInfo, "info")]
        [InlineData(DtmfSource.InBand, "inband")]
        public void RightCodeFromAnAnsweredTargetPulsesTheRelay(DtmfSource source, string name)
        {
            var u = new Unit(Config("sequential", "flat1"), appPolls: false);
            u.Press();
            u.Phone.Answered(u.Call(0));
            u.Digits(u.Call(0), "123", source);
            Assert.Equal(0, u.Count("event relay"));
            u.Phone.Digit(u.Call(0), '4', source);
            int on = u.Log.IndexOf("event relay state=on");
            Assert.True(on >= 0, string.Join("\n", u.Log));
            string open = u.Last("event door state=open");
            Assert.Equal("sip:flat1", Field(open, "by"));
            Assert.Equal(name, Field(open, "source"));
            Assert.True(u.App.DoorOpen);
            Assert.Equal("event led name=status state=blink on=100 off=100 count=0", u.Last("event led name=status"));
            u.Run(1400);
            Assert.Equal(-1, u.Log.IndexOf("event relay state=off"));
            u.Run(200);
            int off = u.Log.IndexOf("event relay state=off");
            Assert.True(off > on);
            Assert.Contains("event door state=closed", u.Log);
            Assert.Equal("event led name=status state=on", u.Last("event led name=status"));
            Assert.Equal(1, u.App.DoorOpens);
        }

        [Fact]
        public void CodeMayFollowStrayDigitsAndOpensAgainLaterInTheCall()
        {
            var u = new Unit(Config("sequential", "flat1"));
            u.Press();
            u.Phone.Answered(u.Call(0));
            u.Digits(u.Call(0), "91234", DtmfSource.Rfc4733);
            Assert.Equal(1, u.App.DoorOpens);
            u.Run(2000);
            u.Digits(u.Call(0), "1234", DtmfSource.SipInfo);
            Assert.Equal(2, u.App.DoorOpens);
            Assert.Equal(2, u.Count("event relay state=on"));
        }

        [Fact]
        public void WrongCodesNeverOpenAndLockTheCallOut()
        {
            var u = new Unit(Config("sequential", "flat1"));
            u.Press();
            u.Phone.Answered(u.Call(0));
            u.Digits(u.Call(0), "1243", DtmfSource.Rfc4733);
            u.Digits(u.Call(0), "12#34", DtmfSource.Rfc4733); // '#' clears "12": "34" is no code
            Assert.Equal(0, u.Count("event relay"));
            u.Digits(u.Call(0), "999", DtmfSource.Rfc4733);   // 12 digits: budget of 3 attempts used up
            Assert.Contains(u.Log, l => l.StartsWith("event door state=locked"));
            u.Digits(u.Call(0), "1234", DtmfSource.Rfc4733);
            Assert.Equal(0, u.Count("event relay"));
            Assert.Equal(0, u.App.DoorOpens);
            // a new call gets a fresh budget
            u.Phone.RemoteEnd(u.Call(0), "remote hangup", 0);
            u.Run(100);
            u.Press();
            u.Phone.Answered(u.Call(1));
            u.Digits(u.Call(1), "1234", DtmfSource.Rfc4733);
            Assert.Equal(1, u.App.DoorOpens);
        }

        [Fact]
        public void AllowedCallerIsAutoAnsweredAndMayOpen()
        {
            var u = new Unit(Config("sequential", "flat1"));
            int call = u.Phone.Incoming("sip:flat1@Example.COM;transport=udp");
            Assert.Contains("answer call=" + call, u.Log);
            Assert.Equal(IntercomState.Connected, u.App.State);
            Assert.Contains(u.Log, l => l.StartsWith("event intercom state=connected") && l.Contains("direction=in"));
            u.Digits(call, "1234", DtmfSource.InBand);
            Assert.Equal(1, u.App.DoorOpens);
            u.Phone.RemoteEnd(call, "remote hangup", 0);
            Assert.Equal(IntercomState.Idle, u.App.State);

            int bare = u.Phone.Incoming("sip:2002@example.com:5080");
            Assert.Contains("answer call=" + bare, u.Log);
        }

        [Fact]
        public void CallerNotOnTheAllowListIsDeclinedAndNeverOpens()
        {
            var u = new Unit(Config("sequential", "flat1"));
            foreach (string peer in new[] { "sip:mallory@example.com", "sip:FLAT1@example.com", "sip:flat1@evil.example", "sip:2002@other.example" })
            {
                int call = u.Phone.Incoming(peer);
                Assert.Contains("reject call=" + call + " code=603", u.Log);
                Assert.DoesNotContain("answer call=" + call, u.Log);
                u.Phone.Digit(call, '1', DtmfSource.Rfc4733); // slot already released: nothing to feed
            }
            Assert.Equal(4, u.App.Refused);
            Assert.Equal(4, u.Count("event intercom state=refused"));
            Assert.Equal(IntercomState.Idle, u.App.State);

            // a call the console placed (not a target, not allow-listed) connects but its digits open nothing
            int console = u.Phone.Dial("sip:visitor@example.com", u.Now);
            u.Phone.Answered(console);
            u.Digits(console, "1234", DtmfSource.Rfc4733);
            Assert.Equal(0, u.Count("event relay"));
            Assert.Equal(0, u.App.DoorOpens);
        }

        [Fact]
        public void AllowedCallerWhileBusyGets486()
        {
            var u = new Unit(Config("sequential", "flat1"));
            u.Press();
            int call = u.Phone.Incoming("sip:flat1@example.com");
            Assert.Contains("reject call=" + call + " code=486", u.Log);
            Assert.Equal(IntercomState.Calling, u.App.State);
        }

        [Fact]
        public void ButtonDuringACallHangsUpUnlessConfiguredOtherwise()
        {
            var u = new Unit(Config("sequential", "flat1"));
            u.Press();
            u.Phone.Answered(u.Call(0));
            u.Press();
            Assert.Contains("hangup call=100", u.Log);
            Assert.Equal(IntercomState.Idle, u.App.State);
            u.Press(); // calling again
            Assert.Equal(IntercomState.Calling, u.App.State);
            u.Press(); // cancels
            Assert.Equal(IntercomState.Idle, u.App.State);
            Assert.Equal("cancelled", Field(u.Last("event intercom state=idle"), "reason"));
            Assert.Equal(0, u.Phone.Busy());

            IntercomConfig keep = Config("sequential", "flat1");
            keep.ButtonEndsCall = false;
            var k = new Unit(keep);
            k.Press();
            k.Phone.Answered(k.Call(0));
            k.Press();
            k.Run(100);
            Assert.Equal(IntercomState.Connected, k.App.State);
            Assert.DoesNotContain("hangup call=100", k.Log);
        }

        [Fact]
        public void ACancelledTargetThatAnswersLateIsHungUp()
        {
            var u = new Unit(Config("parallel", "flat1", "flat2"));
            u.Press();
            u.Phone.Answered(u.Call(0));
            Assert.Contains("hangup call=101", u.Log);
            u.Phone.Answered(u.Call(1)); // 200 crossed our CANCEL
            Assert.Equal(2, u.Log.Count(l => l == "hangup call=101"));
            u.Run(20);
            Assert.Equal(1, u.Phone.Busy());
            Assert.Equal(IntercomState.Connected, u.App.State);
        }

        [Fact]
        public void LedsFollowTheState()
        {
            var u = new Unit(Config("sequential", "flat1"));
            Assert.Equal("event led name=status state=on", u.Last("event led name=status"));
            u.Press();
            Assert.Equal("event led name=call state=blink on=250 off=250 count=0", u.Last("event led name=call"));
            u.Phone.Answered(u.Call(0));
            u.Run(20);
            Assert.Equal("event led name=call state=on", u.Last("event led name=call"));
            u.Phone.RemoteEnd(u.Call(0), "remote hangup", 0);
            u.Run(20);
            Assert.Equal("event led name=call state=off", u.Last("event led name=call"));
        }

        [Fact]
        public void StatusShowsStateAndCountersButNeverTheCode()
        {
            var u = new Unit(Config("sequential", "flat1", "flat2"));
            u.Press();
            var st = new EventLine("status");
            u.App.AddStatus(st);
            string s = st.ToString();
            Assert.Contains("intercom=calling", s);
            Assert.Contains("mode=sequential", s);
            Assert.Contains("ringing=flat1", s);
            Assert.Contains("door=closed", s);
            Assert.DoesNotContain("1234", s);
        }

        [Fact]
        public void ConsoleButtonWithoutSimulatedHardwareStartsACall()
        {
            var ic = Config("sequential", "flat1");
            var cfg = new EndpointConfig { Board = "virtual-intercom", Intercom = ic };
            var phone = new FakePhone(cfg, 2);
            var app = new IntercomApp(ic, null, null, null, null, true);
            phone.App = app;
            app.Start(phone, 0);
            Assert.True(app.OnCommand(Command.Parse("button", out _), 10));
            Assert.False(app.OnCommand(Command.Parse("key 5", out _), 10));
            Assert.Equal(new[] { "flat1" }, phone.Dials);
            phone.Answered(100);
            phone.Digit(100, '1', DtmfSource.Rfc4733);
            phone.Digit(100, '2', DtmfSource.Rfc4733);
            phone.Digit(100, '3', DtmfSource.Rfc4733);
            phone.Digit(100, '4', DtmfSource.Rfc4733);
            Assert.Equal(1, app.DoorOpens); // no relay: still reported
            Assert.Contains(phone.Log, l => l.StartsWith("event door state=open") && l.Contains("relay=none"));
        }
    }
}
