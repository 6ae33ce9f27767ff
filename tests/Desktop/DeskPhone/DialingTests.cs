// Desk phone dialing on simulated hardware: dial tone on hook off, digit collection with `#`
// and the inter-digit timeout, hook on abandoning, dial-plan rewriting, emergency numbers,
// blocked prefixes, redial, speed dials, DTMF during a call, volume keys.
using Endpoint.Media.Tones;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public class DialingTests
    {
        [Fact]
        public void HookOffGivesDialToneAndTheFirstDigitStopsIt()
        {
            var h = new DeskPhoneHarness();
            Assert.Null(h.Phone.PlayingTone);
            h.HookOff();
            Assert.Same(h.Tone(ToneKind.Dial), h.Phone.PlayingTone);
            Assert.Equal(1, h.Count("event dialtone"));
            Assert.True(h.App.Dialing);
            Assert.Equal(Endpoint.Hal.IndicatorState.On, h.Led("status").State);
            h.Keys("5");
            Assert.Null(h.Phone.PlayingTone);
            h.HookOn();
            Assert.False(h.App.Dialing);
            Assert.Equal(Endpoint.Hal.IndicatorState.Off, h.Led("status").State);
        }

        [Fact]
        public void HandsetLiftedBeforeTheFirstPollStillGivesDialTone()
        {
            var h = new DeskPhoneHarness(liftedAtBoot: true); // the driver primes "off-hook" without an event
            Assert.True(h.App.OffHook);
            Assert.Same(h.Tone(ToneKind.Dial), h.Phone.PlayingTone);
            Assert.Equal(1, h.Count("event dialtone"));
            h.HookOn();
            Assert.False(h.App.OffHook);
            Assert.Null(h.Phone.PlayingTone);
        }

        [Fact]
        public void InterDigitTimeoutSendsTheCollectedNumber()
        {
            var h = new DeskPhoneHarness("{\"interDigitMs\":3000}");
            h.HookOff();
            h.Keys("1002");
            h.Run(2500);
            Assert.Empty(h.Phone.Actions);
            h.Run(700);
            Assert.Equal(new[] { "dial 1002" }, h.Phone.Actions.ToArray());
            Assert.Contains("event digits number=1002 target=1002", h.Phone.Events);
            Assert.False(h.App.Dialing);
            Assert.Equal("1002", h.App.LastDialed);
        }

        [Fact]
        public void HashSendsAtOnceAndIsNotPartOfTheNumber()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("2001#");
            Assert.Equal(new[] { "dial 2001" }, h.Phone.Actions.ToArray());
        }

        [Fact]
        public void HookOnAbandonsDialing()
        {
            var h = new DeskPhoneHarness("{\"interDigitMs\":1000}");
            h.HookOff();
            h.Keys("12");
            h.HookOn();
            h.Run(3000);
            Assert.Empty(h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
            h.HookOff(); // a new dial tone, an empty number
            Assert.Same(h.Tone(ToneKind.Dial), h.Phone.PlayingTone);
            h.Keys("3#");
            Assert.Equal(new[] { "dial 3" }, h.Phone.Actions.ToArray());
        }

        [Fact]
        public void DialPlanRulesRewriteTheNumber()
        {
            var h = new DeskPhoneHarness("{\"dialPlan\":[" +
                "{\"prefix\":\"0\",\"strip\":1,\"prepend\":\"+49\"}," +
                "{\"prefix\":\"2\",\"host\":\"127.0.0.1:5070\"}," +
                "{\"prefix\":\"8\",\"strip\":1,\"host\":\"home.example\",\"length\":4}]}");
            h.HookOff();
            h.Keys("0301234#");
            h.HookOn();
            h.HookOff();
            h.Keys("2001#");
            h.HookOn();
            h.HookOff();
            h.Keys("8555"); // complete at 4 digits: no # and no timeout
            Assert.Equal(new[] { "dial +49301234", "dial 2001@127.0.0.1:5070", "dial 555@home.example" }, h.Dials());
        }

        [Fact]
        public void EmergencyNumbersAreDialedAtOnceEvenWhenTheirPrefixIsBlocked()
        {
            var h = new DeskPhoneHarness("{\"blocked\":[\"1\",\"9\"],\"interDigitMs\":20000}");
            h.HookOff();
            h.Keys("112");
            Assert.Equal(new[] { "dial 112" }, h.Phone.Actions.ToArray());
            h.Phone.Ends(h.Phone.LastCall, "local hangup");
            h.HookOn();
            h.HookOff();
            h.Keys("911");
            Assert.Equal("dial 911", h.Dials()[1]);
            h.HookOn();

            h.HookOff();
            h.Keys("123#"); // blocked: refused with congestion tone, nothing dialed
            Assert.Equal(2, h.Dials().Length);
            Assert.Contains("event dial-refused number=123 reason=blocked", h.Phone.Events);
            Assert.Same(h.Tone(ToneKind.Congestion), h.Phone.PlayingTone);
            h.HookOn();
            Assert.Null(h.Phone.PlayingTone);
        }

        [Fact]
        public void RedialPlacesTheLastNumberAgain()
        {
            var h = new DeskPhoneHarness("{\"dialPlan\":[{\"prefix\":\"0\",\"strip\":1}]}");
            h.Function("redial");
            Assert.Contains("event dial-refused number=\"\" reason=nothing-to-redial", h.Phone.Events);
            h.HookOff();
            h.Keys("01002#");
            int first = h.Phone.LastCall;
            h.Phone.FarEndAnswers(first);
            h.HookOn();
            Assert.Contains("hangup " + first, h.Phone.Actions);
            h.Phone.Ends(first, "local hangup");
            h.HookOff();
            h.Function("redial");
            Assert.Equal("dial 1002", h.Phone.Actions[h.Phone.Actions.Count - 1]);
            Assert.Null(h.Phone.PlayingTone); // no dial tone under the call
            Assert.False(h.App.Dialing);
        }

        [Fact]
        public void SpeedDialKeysAndStarCodes()
        {
            var h = new DeskPhoneHarness("{\"speedDials\":[\"bob@10.0.0.2\",\"1003\"],\"dialPlan\":[{\"prefix\":\"1\",\"prepend\":\"9\"}]}");
            h.HookOff();
            h.Function("speed1");
            Assert.Equal("dial bob@10.0.0.2", h.Phone.Actions[0]);
            h.Phone.Ends(h.Phone.LastCall, "busy", 486);
            Assert.Same(h.Tone(ToneKind.Busy), h.Phone.PlayingTone);
            h.HookOn();
            h.HookOff();
            h.Keys("*2"); // complete at once; the entry goes through the dial plan
            Assert.Equal("dial 91003", h.Dials()[1]);
            h.HookOn();
            h.Function("speed3");
            Assert.Contains("event dial-refused number=speed3 reason=no-speed-dial", h.Phone.Events);
            Assert.Equal(2, h.Dials().Length);
        }

        [Fact]
        public void KeysDuringAConnectedCallAreSentAsDtmf()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1002#");
            int call = h.Phone.LastCall;
            h.Keys("9"); // still ringing at the far end: not a DTMF, not a new number
            h.Phone.FarEndAnswers(call);
            h.Keys("4*#");
            Assert.Equal(new[] { "dial 1002", "dtmf " + call + " 4", "dtmf " + call + " *", "dtmf " + call + " #" }, h.Phone.Actions.ToArray());
        }

        [Fact]
        public void VolumeKeysStepAndReport()
        {
            var h = new DeskPhoneHarness();
            h.Function("vol+");
            Assert.Equal(7, h.Phone.Volume);
            Assert.Equal("event volume level=7", h.Phone.Events[h.Phone.Events.Count - 1]);
            for (int i = 0; i < 6; i++) h.Function("vol+");
            Assert.Equal(10, h.Phone.Volume);
            h.Function("vol-");
            h.Function("vol-");
            Assert.Equal("event volume level=8", h.Phone.Events[h.Phone.Events.Count - 1]);
        }

        [Fact]
        public void FailedDialGivesCongestionTone()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1#");
            h.Phone.Ends(h.Phone.LastCall, "failed", 404);
            Assert.Same(h.Tone(ToneKind.Congestion), h.Phone.PlayingTone);
            h.Function("flash"); // flash while idle off-hook: fresh dial tone
            Assert.Same(h.Tone(ToneKind.Dial), h.Phone.PlayingTone);
        }
    }
}
