// DeskPhoneApp: which local tone plays and how the LEDs look, derived from the hook, the dialer
// and the call slots every time something changes (Refresh), so no path can forget to stop a
// tone. Tones, in priority order:
//   on-hook : the ringer (regional cadence) while a call rings here and none is active; else none.
//   off-hook: call-waiting tone while a second call waits; dial tone until the first digit;
//             busy/congestion after a failed or finished call; else none (the engine plays
//             ringback for outgoing calls on its own).
// Only tones this application started are stopped; the engine's ringback is left alone.
using Endpoint.Media.Tones;

namespace Endpoint.App.DeskPhone
{
    public sealed partial class DeskPhoneApp
    {
        private const int HeldBlinkMs = 1000;
        private const int MissedBlinkOnMs = 200;
        private const int MissedBlinkOffMs = 1800;

        private ToneSpec _myTone;
        private ToneSpec _failTone;
        private CallSlot _gone; // the slot being released inside OnEnded: treated as free

        /// <summary>The tone this application wants playing now, or null.</summary>
        public ToneSpec WantedTone
        {
            get
            {
                CallSlot incoming = IncomingSlot();
                CallSlot live = LiveSlot();
                if (!_offHook) return incoming != null && live == null ? _ringTone : null;
                if (incoming != null) return ToneTable.Get(_phone.Region, ToneKind.CallWaiting);
                if (_dialer.Active) return _dialer.Count == 0 ? ToneTable.Get(_phone.Region, ToneKind.Dial) : null;
                if (live == null && HeldSlot() == null) return _failTone;
                return null;
            }
        }

        /// <summary>Brings the local tone and the LEDs in line with the current state.</summary>
        private void Refresh()
        {
            if (_phone == null) return;
            ToneSpec want = WantedTone;
            if (want != _myTone)
            {
                if (_myTone != null && _phone.PlayingTone == _myTone) _phone.StopTone();
                if (want != null) _phone.PlayTone(want);
                _myTone = want;
            }
            UpdateLeds();
        }

        private void UpdateLeds()
        {
            CallSlot incoming = IncomingSlot();
            CallSlot live = LiveSlot();
            if (incoming != null && !_offHook && live == null)
            {
                Cadence c = _ringTone.Cadence;
                if (c.SegmentCount >= 2) _statusLed.Blink(c.SegmentMs(0), c.SegmentMs(1));
                else _statusLed.Set(true);
            }
            else if (_offHook || live != null) _statusLed.Set(true);
            else if (HeldSlot() != null) _statusLed.Blink(HeldBlinkMs, HeldBlinkMs);
            else _statusLed.Set(false);

            if (_missed.Unseen > 0) _messageLed.Blink(MissedBlinkOnMs, MissedBlinkOffMs);
            else _messageLed.Set(_dnd);
        }

        /// <summary>The call the user is on: connected and not held, else an outgoing one not yet answered; never one being hung up.</summary>
        private CallSlot LiveSlot()
        {
            CallSlot pending = null;
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s == _gone || s.ProductState == StateHangingUp) continue;
                if (s.Phase == CallPhase.Connected && !s.LocalHold) return s;
                if ((s.Phase == CallPhase.Calling || s.Phase == CallPhase.Ringing) && pending == null) pending = s;
            }
            return pending;
        }

        /// <summary>A connected call we hold, or null.</summary>
        private CallSlot HeldSlot()
        {
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s != _gone && s.ProductState != StateHangingUp && s.Phase == CallPhase.Connected && s.LocalHold) return s;
            }
            return null;
        }

        /// <summary>An incoming call ringing here (or waiting), or null.</summary>
        private CallSlot IncomingSlot()
        {
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s != _gone && s.Phase == CallPhase.Incoming) return s;
            }
            return null;
        }

        /// <summary>Any call other than <paramref name="slot"/>, or null.</summary>
        private CallSlot OtherCall(CallSlot slot)
        {
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s != slot && s != _gone && s.Phase != CallPhase.Free) return s;
            }
            return null;
        }

        private int FreeSlots()
        {
            int n = 0;
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s == _gone || s.Phase == CallPhase.Free) n++;
            }
            return n;
        }
    }
}
