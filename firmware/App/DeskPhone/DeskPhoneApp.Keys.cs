// DeskPhoneApp: the handset hook, the keypad digits and the function keys (redial, speed1..3,
// dnd, vol+, vol-, hold, flash) — what each does in each situation:
//   hook off: answer the ringing call; else resume the held call; else dial tone.
//   hook on : abandon dialing; hang up the active call (a held call stays held, a waiting call
//             starts ringing).
//   digit   : DTMF on the active connected call; else collected while dialing.
//   flash   : waiting call -> hold the active call (or drop an unanswered outgoing one) and answer
//             the waiting one; active + held -> swap; only held -> resume; only active -> hold
//             it and give dial tone for a second call; off-hook idle -> dial tone again.
//   hold    : hold the active call, or resume the held one.
//   redial / speedN: place the last number / speed dial N when no call is active.
using Endpoint.Media.Tones;

namespace Endpoint.App.DeskPhone
{
    public sealed partial class DeskPhoneApp
    {
        private static readonly string[] SpeedKeys = { "speed1", "speed2", "speed3" };

        /// <summary>The handset was lifted (true) or put down.</summary>
        public void SetHook(bool offHook, long nowMs)
        {
            if (_phone == null || offHook == _offHook) return;
            _offHook = offHook;
            _failTone = null;
            if (offHook)
            {
                _missed.Acknowledge();
                CallSlot incoming = IncomingSlot();
                CallSlot live = LiveSlot();
                CallSlot held = HeldSlot();
                if (incoming != null && live == null) _phone.Answer(incoming.Call, nowMs);
                else if (live != null) { } // lifted during a call placed with the handset down
                else if (held != null) _phone.Hold(held.Call, false, nowMs);
                else StartDialTone();
            }
            else
            {
                _dialer.Cancel();
                CallSlot live = LiveSlot();
                if (live != null) HangUp(live, nowMs);
            }
            Refresh();
        }

        /// <summary>A keypad key: 0-9, *, # (others ignored).</summary>
        public void Key(char key, long nowMs)
        {
            if (_phone == null) return;
            CallSlot live = LiveSlot();
            if (live != null && live.Phase == CallPhase.Connected)
            {
                _phone.SendDtmf(live.Call, key.ToString());
                return;
            }
            DialerResult r = _dialer.Key(key, nowMs);
            if (r == DialerResult.Send) SendCollected(nowMs);
            else if (r == DialerResult.Collecting) Refresh(); // the first digit ends dial tone
        }

        /// <summary>A named function key (see <see cref="Command"/>).</summary>
        public void FunctionKey(string name, long nowMs)
        {
            if (_phone == null) return;
            switch (name)
            {
                case "redial":
                    if (_lastDialed == null) { Refused("", "nothing-to-redial"); return; }
                    PlaceIfIdle(_lastDialed, nowMs);
                    return;
                case "dnd":
                    _dnd = !_dnd;
                    _phone.Event(new EventLine("dnd").Add("state", _dnd ? "on" : "off"));
                    Refresh();
                    return;
                case "vol+":
                case "vol-":
                    _phone.Volume = _phone.Volume + (name == "vol+" ? 1 : -1);
                    _phone.Event(new EventLine("volume").Add("level", _phone.Volume));
                    return;
                case "hold": HoldKey(nowMs); return;
                case "flash": Flash(nowMs); return;
            }
            for (int i = 0; i < SpeedKeys.Length; i++)
            {
                if (name != SpeedKeys[i]) continue;
                if (_plan.SpeedDial(i + 1) == null) { Refused(name, "no-speed-dial"); return; }
                PlaceIfIdle("*" + (i + 1), nowMs);
                return;
            }
            _phone.Event(new EventLine("error").Add("command", "key").Add("reason", "no function key '" + name + "' on a desk phone"));
        }

        private void HoldKey(long nowMs)
        {
            CallSlot live = LiveSlot();
            CallSlot held = HeldSlot();
            if (live != null && live.Phase == CallPhase.Connected) _phone.Hold(live.Call, true, nowMs);
            else if (live == null && held != null)
            {
                _dialer.Cancel();
                _failTone = null;
                _phone.Hold(held.Call, false, nowMs);
            }
            else _phone.Event(new EventLine("error").Add("command", "hold").Add("reason", "no call to hold or resume"));
            Refresh();
        }

        private void Flash(long nowMs)
        {
            CallSlot waiting = IncomingSlot();
            CallSlot live = LiveSlot();
            CallSlot held = HeldSlot();
            _failTone = null;
            if (waiting != null)
            {
                if (live != null && live.Phase == CallPhase.Connected) _phone.Hold(live.Call, true, nowMs);
                else if (live != null) HangUp(live, nowMs);
                _dialer.Cancel();
                _phone.Answer(waiting.Call, nowMs);
            }
            else if (live != null && held != null)
            {
                if (live.Phase == CallPhase.Connected) _phone.Hold(live.Call, true, nowMs);
                else HangUp(live, nowMs);
                _phone.Hold(held.Call, false, nowMs);
            }
            else if (held != null)
            {
                _dialer.Cancel();
                _phone.Hold(held.Call, false, nowMs);
            }
            else if (live != null && live.Phase == CallPhase.Connected)
            {
                if (_phone.Hold(live.Call, true, nowMs)) StartDialTone();
            }
            else if (live != null) HangUp(live, nowMs);
            else if (_offHook) StartDialTone();
            Refresh();
        }

        private void PlaceIfIdle(string dialed, long nowMs)
        {
            if (LiveSlot() != null || FreeSlots() == 0) { Refused(dialed, "line-busy"); return; }
            _dialer.Cancel();
            Place(dialed, nowMs);
        }

        private void SendCollected(long nowMs)
        {
            Place(_dialer.Take(), nowMs);
        }

        /// <summary>Runs a dialed string through the dial plan and calls the result.</summary>
        private void Place(string dialed, long nowMs)
        {
            DialPlanStatus st;
            string target = _plan.Resolve(dialed, out st);
            _phone.Event(new EventLine("digits").Add("number", dialed).Add("target", target));
            if (target == null)
            {
                Refused(dialed, DialPlan.Name(st));
                return;
            }
            _lastDialed = dialed;
            _failTone = null;
            Refresh(); // no dial tone under the engine's ringback
            int call = _phone.Dial(target, nowMs);
            if (call < 0 && _offHook) _failTone = ToneTable.Get(_phone.Region, ToneKind.Congestion);
            Refresh();
        }

        private void Refused(string dialed, string reason)
        {
            _phone.Event(new EventLine("dial-refused").Add("number", dialed).Add("reason", reason));
            if (_offHook && LiveSlot() == null && !_dialer.Active) _failTone = ToneTable.Get(_phone.Region, ToneKind.Congestion);
            Refresh();
        }

        private void HangUp(CallSlot slot, long nowMs)
        {
            slot.ProductState = StateHangingUp;
            _phone.Hangup(slot.Call, nowMs);
        }

        private void StartDialTone()
        {
            _failTone = null;
            _dialer.Start();
            _phone.Event(new EventLine("dialtone"));
        }
    }
}
