// IntercomApp: calling the targets when the button is pressed.
//  - sequential: target i rings for ringSeconds; when it fails (busy, declined, error) or its time
//    runs out (then it is cancelled) target i+1 is called, in the next OnTimer turn so the engine
//    has released the finished slot. A target that cannot be dialed at all is skipped.
//  - parallel: every target is dialed at once (one call slot each; the engine sizes its slots with
//    EndpointApp.CallSlotsFor); ringSeconds bounds the whole attempt; the first to answer wins and
//    the others are cancelled.
// Nobody answered: `no-answer` when a target rang out, else `busy` when a target refused
// (486/600/603), else `failed` (errors only: congestion tone).
// A cancelled call that still gets answered (200 crossing our CANCEL) is hung up (OnCallChanged).
namespace Endpoint.App.Intercom
{
    public sealed partial class IntercomApp
    {
        private int _next;
        private int _current = -1;
        private int _currentCall = -1;
        private long _ringDeadline = long.MaxValue;
        private bool _advance;
        private bool _waitingForSlot;
        private bool _sawNoAnswer;
        private bool _sawBusy;

        private long CallingDeadline { get { return _advance ? 0 : _ringDeadline; } }

        private void StartCalling(long nowMs)
        {
            if (_cfg.Targets.Length == 0)
            {
                Unavailable("no-targets", nowMs);
                return;
            }
            _next = 0;
            _current = -1;
            _currentCall = -1;
            _waitingForSlot = false;
            _sawNoAnswer = false;
            _sawBusy = false;
            _ringDeadline = nowMs + _cfg.RingSeconds * 1000L;
            SetState(IntercomState.Calling);
            _phone.Event(new EventLine("intercom").Add("state", "calling").Add("mode", _cfg.Mode).Add("targets", _cfg.Targets.Length));
            Advance(nowMs);
        }

        private void CallingTimer(long nowMs)
        {
            if (_advance)
            {
                _advance = false;
                Advance(nowMs);
                if (_state != IntercomState.Calling) return;
            }
            if (nowMs < _ringDeadline) return;
            if (_cfg.Parallel || _currentCall < 0)
            {
                // parallel: the whole attempt rang out; sequential: no slot came free in time
                if (_cfg.Parallel) _sawNoAnswer = true;
                Unavailable(Outcome(), nowMs);
                return;
            }
            _sawNoAnswer = true;
            CallSlot s = _phone.FindCall(_currentCall);
            if (s != null) { s.ProductState = SlotAbandoned; _phone.Hangup(s.Call, nowMs); }
            _phone.Log("intercom: " + _cfg.Targets[_current] + " did not answer in " + _cfg.RingSeconds + " s");
            _currentCall = -1;
            _current = -1;
            Advance(nowMs);
        }

        /// <summary>Dials what can be dialed now; reports unavailable when nothing is left.</summary>
        private void Advance(long nowMs)
        {
            if (_cfg.Parallel)
            {
                while (_next < _cfg.Targets.Length && HasFreeSlot()) DialTarget(_next++, nowMs);
                if (CountAttempts() == 0 && _next >= _cfg.Targets.Length) Unavailable(Outcome(), nowMs);
                return;
            }
            if (_currentCall >= 0) return;
            while (_next < _cfg.Targets.Length)
            {
                if (!HasFreeSlot())
                {
                    // a cancelled call still holds the slot: wait (bounded by one ring time)
                    if (!_waitingForSlot) { _waitingForSlot = true; _ringDeadline = nowMs + _cfg.RingSeconds * 1000L; }
                    return;
                }
                _waitingForSlot = false;
                int index = _next++;
                int call = DialTarget(index, nowMs);
                if (call >= 0)
                {
                    _current = index;
                    _currentCall = call;
                    _ringDeadline = nowMs + _cfg.RingSeconds * 1000L;
                    return;
                }
            }
            Unavailable(Outcome(), nowMs);
        }

        private int DialTarget(int index, long nowMs)
        {
            int call = _phone.Dial(_cfg.Targets[index], nowMs);
            if (call < 0) return -1; // the engine reported why (ended/error event)
            CallSlot s = _phone.FindCall(call);
            if (s != null) s.ProductState = SlotAttempt;
            return call;
        }

        private void AttemptEnded(CallSlot slot, int code)
        {
            if (code == 486 || code == 600 || code == 603) _sawBusy = true;
            else if (code == 480 || code == 408) _sawNoAnswer = true;
            if (slot.Call == _currentCall)
            {
                _currentCall = -1;
                _current = -1;
            }
            _advance = true; // next target / nothing left: decided in OnTimer once the slot is free
        }

        /// <summary>Cancels every ringing attempt except <paramref name="keep"/>.</summary>
        private void AbandonAttempts(long nowMs, CallSlot keep)
        {
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s == keep || s.Phase == CallPhase.Free || s.ProductState != SlotAttempt) continue;
                s.ProductState = SlotAbandoned;
                _phone.Hangup(s.Call, nowMs);
            }
            _currentCall = -1;
            _current = -1;
            _advance = false;
            _waitingForSlot = false;
            _ringDeadline = long.MaxValue;
        }

        private void AbandonAttempts(long nowMs) { AbandonAttempts(nowMs, null); }

        private bool HasFreeSlot()
        {
            for (int i = 0; i < _phone.SlotCount; i++) if (_phone.Slot(i).Phase == CallPhase.Free) return true;
            return false;
        }

        private int CountAttempts()
        {
            int n = 0;
            for (int i = 0; i < _phone.SlotCount; i++)
            {
                CallSlot s = _phone.Slot(i);
                if (s.Phase != CallPhase.Free && s.ProductState == SlotAttempt) n++;
            }
            return n;
        }

        private string Outcome()
        {
            return _sawNoAnswer ? "no-answer" : _sawBusy ? "busy" : "failed";
        }
    }
}
