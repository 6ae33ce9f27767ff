// Desk phone incoming calls on simulated hardware: the ringer with the regional cadence (tone
// and status LED), hook off answering, missed calls, do-not-disturb, hold, and call waiting
// with the call-waiting tone and `flash` switching between two calls.
using Endpoint.Hal;
using Endpoint.Media.Tones;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public class CallHandlingTests
    {
        [Fact]
        public void IncomingCallRingsWithTheRegionalCadenceUntilHookOffAnswers()
        {
            var h = new DeskPhoneHarness();
            int call = h.Phone.Incoming("sip:bob@x");
            ToneSpec ring = h.Phone.PlayingTone;
            Assert.Same(h.App.RingToneSpec, ring);
            Assert.Same(ToneTable.RingCadence(ToneRegion.Etsi), ring.Cadence);
            h.Run(20);
            Assert.Equal(IndicatorState.Blink, h.Led("status").State);
            Assert.Equal(1000, h.Led("status").OnMs);
            Assert.Equal(4000, h.Led("status").OffMs);

            h.HookOff();
            Assert.Contains("answer " + call, h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
            Assert.Equal(IndicatorState.On, h.Led("status").State);
            Assert.Equal(0, h.Count("event dialtone"));
        }

        [Fact]
        public void RingToneSoundsOnlyDuringTheOnPartsOfTheCadence()
        {
            foreach (ToneRegion region in new[] { ToneRegion.NorthAmerica, ToneRegion.UnitedKingdom })
            {
                var h = new DeskPhoneHarness(null, region);
                h.Phone.Incoming("sip:bob@x");
                var gen = new ToneGenerator();
                gen.Start(h.Phone.PlayingTone);
                Cadence c = ToneTable.RingCadence(region);
                var pcm = new short[8 * c.PeriodMs];
                for (int off = 0; off < pcm.Length; off += 160) gen.Fill(pcm, off, System.Math.Min(160, pcm.Length - off));
                int at = 0;
                for (int seg = 0; seg < c.SegmentCount; seg++)
                {
                    int len = c.SegmentMs(seg) * 8;
                    int peak = 0;
                    for (int i = at + 40; i < at + len - 40; i++) peak = System.Math.Max(peak, System.Math.Abs((int)pcm[i]));
                    if (seg % 2 == 0) Assert.True(peak > 3000, region + " segment " + seg + " should ring, peak " + peak);
                    else Assert.True(peak == 0, region + " segment " + seg + " should be silent, peak " + peak);
                    at += len;
                }
            }
        }

        [Fact]
        public void UnansweredCallIsMissedAndTheMessageLedBlinksUntilHookOff()
        {
            var h = new DeskPhoneHarness();
            int call = h.Phone.Incoming("sip:bob@x");
            h.Phone.Ends(call, "cancelled", 487);
            Assert.Null(h.Phone.PlayingTone);
            Assert.Contains("event missed from=sip:bob@x count=1", h.Phone.Events);
            Assert.Equal(1, h.App.Missed.Count);
            Assert.Equal("sip:bob@x", h.App.Missed.Newest);
            h.Run(20);
            Assert.Equal(IndicatorState.Blink, h.Led("message").State);
            Assert.Equal(IndicatorState.Off, h.Led("status").State);
            var st = new Endpoint.App.EventLine("status");
            h.App.AddStatus(st);
            Assert.Contains("missed=1 missed-from=sip:bob@x", st.ToString());
            h.HookOff();
            Assert.Equal(IndicatorState.Off, h.Led("message").State);
            Assert.Equal(1, h.App.Missed.Count); // seen, still listed
        }

        [Fact]
        public void DoNotDisturbRejectsWith480AndRecordsTheMissedCall()
        {
            var h = new DeskPhoneHarness();
            h.Function("dnd");
            Assert.Contains("event dnd state=on", h.Phone.Events);
            Assert.True(h.App.Dnd);
            int call = h.Phone.Incoming("sip:carol@x");
            Assert.Contains("reject " + call + " 480", h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
            Assert.Contains("event missed from=sip:carol@x count=1", h.Phone.Events);
            Assert.True(CallPhaseFree(h));
            h.Function("dnd");
            Assert.Contains("event dnd state=off", h.Phone.Events);
            h.Phone.Incoming("sip:carol@x");
            Assert.Same(h.App.RingToneSpec, h.Phone.PlayingTone);
        }

        [Fact]
        public void DoNotDisturbFromConfiguration()
        {
            var h = new DeskPhoneHarness("{\"dnd\":true}");
            int call = h.Phone.Incoming("sip:carol@x");
            Assert.Contains("reject " + call + " 480", h.Phone.Actions);
            h.Run(20);
            Assert.Equal(IndicatorState.Blink, h.Led("message").State);
        }

        [Fact]
        public void HoldKeyHoldsAndResumes()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1002#");
            int call = h.Phone.LastCall;
            h.Phone.FarEndAnswers(call);
            h.Function("hold");
            Assert.True(h.Phone.FindCall(call).LocalHold);
            h.Function("hold");
            Assert.False(h.Phone.FindCall(call).LocalHold);
            Assert.Equal(new[] { "dial 1002", "hold " + call, "resume " + call }, h.Phone.Actions.ToArray());
        }

        [Fact]
        public void CallWaitingToneAndFlashSwitchBetweenTwoCalls()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1002#");
            int first = h.Phone.LastCall;
            h.Phone.FarEndAnswers(first);
            Assert.Null(h.Phone.PlayingTone);

            int second = h.Phone.Incoming("sip:carol@x");
            Assert.Contains("event callwaiting call=" + second + " from=sip:carol@x", h.Phone.Events);
            Assert.Same(h.Tone(ToneKind.CallWaiting), h.Phone.PlayingTone);
            Assert.DoesNotContain("answer " + second, h.Phone.Actions);

            h.Function("flash"); // hold the first, take the second
            Assert.True(h.Phone.FindCall(first).LocalHold);
            Assert.Equal(Endpoint.App.CallPhase.Connected, h.Phone.FindCall(second).Phase);
            Assert.Null(h.Phone.PlayingTone);
            int afterFirstFlash = h.Phone.Actions.Count;
            Assert.Equal(new[] { "hold " + first, "answer " + second }, h.Phone.Actions.GetRange(afterFirstFlash - 2, 2).ToArray());

            h.Function("flash"); // swap back
            Assert.False(h.Phone.FindCall(first).LocalHold);
            Assert.True(h.Phone.FindCall(second).LocalHold);
            h.Keys("5"); // DTMF goes to the active (first) call
            Assert.Equal("dtmf " + first + " 5", h.Phone.Actions[h.Phone.Actions.Count - 1]);

            h.Phone.Ends(first, "remote hangup"); // the active call ends: the other stays held, no busy tone
            Assert.True(h.Phone.FindCall(second).LocalHold);
            Assert.Null(h.Phone.PlayingTone);
            h.Function("flash");
            Assert.False(h.Phone.FindCall(second).LocalHold);
            Assert.Equal("resume " + second, h.Phone.Actions[h.Phone.Actions.Count - 1]);
        }

        [Fact]
        public void HookOnHangsUpTheActiveCallAndTheWaitingOneRings()
        {
            var h = new DeskPhoneHarness();
            h.Phone.EndOnHangup = false; // the BYE takes a while: the ringer starts before the call is gone
            h.HookOff();
            h.Keys("1002#");
            int first = h.Phone.LastCall;
            h.Phone.FarEndAnswers(first);
            int second = h.Phone.Incoming("sip:carol@x");
            h.HookOn();
            Assert.Contains("hangup " + first, h.Phone.Actions);
            Assert.Same(h.App.RingToneSpec, h.Phone.PlayingTone); // re-ring on hook
            h.Phone.Ends(first, "local hangup");
            Assert.Same(h.App.RingToneSpec, h.Phone.PlayingTone);
            h.HookOff();
            Assert.Contains("answer " + second, h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
        }

        [Fact]
        public void HookOnLeavesTheHeldCallHeldAndHookOffResumesIt()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1002#");
            int first = h.Phone.LastCall;
            h.Phone.FarEndAnswers(first);
            h.Function("flash"); // hold, dial tone for a second call
            Assert.True(h.Phone.FindCall(first).LocalHold);
            Assert.Same(h.Tone(ToneKind.Dial), h.Phone.PlayingTone);
            h.Keys("1003#");
            int second = h.Phone.LastCall;
            h.Phone.FarEndAnswers(second);
            h.HookOn();
            Assert.Contains("hangup " + second, h.Phone.Actions);
            Assert.DoesNotContain("hangup " + first, h.Phone.Actions);
            h.Phone.Ends(second, "local hangup");
            Assert.True(h.Phone.FindCall(first).LocalHold);
            h.Run(20);
            Assert.Equal(IndicatorState.Blink, h.Led("status").State);
            h.HookOff();
            Assert.False(h.Phone.FindCall(first).LocalHold);
            Assert.Equal(2, h.Count("event dialtone")); // hook off resumed: no new dial tone
        }

        [Fact]
        public void SecondCallIsRefusedWhenCallWaitingIsOff()
        {
            var h = new DeskPhoneHarness("{\"callWaiting\":false}");
            h.HookOff();
            h.Keys("1002#");
            h.Phone.FarEndAnswers(h.Phone.LastCall);
            int second = h.Phone.Incoming("sip:carol@x");
            Assert.Contains("reject " + second + " 486", h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
        }

        [Fact]
        public void CallArrivingDuringDialToneIsAnnouncedAndFlashTakesIt()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("12");
            int call = h.Phone.Incoming("sip:dave@x");
            Assert.False(h.App.Dialing); // the half-dialed number is dropped
            Assert.Same(h.Tone(ToneKind.CallWaiting), h.Phone.PlayingTone);
            Assert.Contains("event callwaiting call=" + call + " from=sip:dave@x", h.Phone.Events);
            h.Run(6000); // no timeout dials the dropped digits
            Assert.Empty(h.Dials());
            h.Function("flash");
            Assert.Contains("answer " + call, h.Phone.Actions);
            Assert.Null(h.Phone.PlayingTone);
        }

        [Fact]
        public void FarEndHangupLeavesBusyToneUntilHookOn()
        {
            var h = new DeskPhoneHarness();
            h.HookOff();
            h.Keys("1002#");
            int call = h.Phone.LastCall;
            h.Phone.FarEndAnswers(call);
            h.Phone.Ends(call, "remote hangup");
            Assert.Same(h.Tone(ToneKind.Busy), h.Phone.PlayingTone);
            h.Keys("3"); // no dialing without a new dial tone
            Assert.Single(h.Dials());
            h.HookOn();
            Assert.Null(h.Phone.PlayingTone);
        }

        private static bool CallPhaseFree(DeskPhoneHarness h)
        {
            return h.Phone.Slot(0).Phase == Endpoint.App.CallPhase.Free && h.Phone.Slot(1).Phase == Endpoint.App.CallPhase.Free;
        }
    }
}
