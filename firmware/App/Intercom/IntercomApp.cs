// The door intercom personality on top of the phone engine (issue 5 item 5):
//  - Call button (debounced Down) while idle: calls `intercom.targets`, "sequential" (one after
//    another, each for `ringSeconds`) or "parallel" (all at once for `ringSeconds`, the first
//    answer wins, the others are cancelled). Pressed while calling or in a call: ends it when
//    `buttonEndsCall` (default true), else ignored. Nobody answered: the busy tone (congestion
//    when no call could be placed at all) plays for UnavailableToneMs, `event intercom state=unavailable`.
//  - Incoming calls: a headless door unit has nobody to pick up, so it never leaves a call
//    ringing. Callers matching `intercom.allow` (AllowList) are answered at once; others are
//    declined with 603 (RFC 3261 21.6.2: the callee will not take part, don't try elsewhere
//    here); allowed callers while the unit is busy get 486.
//  - Door code: on the connected call with an allowed party (an answered call to a target, or an
//    auto-answered allow-listed caller) every DTMF digit, whatever its source (RFC 4733, SIP INFO,
//    in-band), goes to DoorCode; when the digits end with `doorCode` the relay pulses for
//    `relayPulseMs` and `event door state=open by=PEER source=...` is reported. Digits on any other
//    call are ignored, so a caller who is not allowed can never open the door.
//  - LEDs through IntercomLeds; `status` fields through AddStatus.
// Events: `intercom state=calling mode=M targets=N`, `intercom state=connected peer=URI
// direction=out|in`, `intercom state=unavailable reason=no-answer|busy|failed|no-targets`,
// `intercom state=refused from=URI reason=not-allowed|busy`, `intercom state=idle [reason=...]`,
// `door state=open|closed|locked ...`.
// Per-call bookkeeping lives in CallSlot.ProductState (SlotAttempt/SlotAbandoned/SlotActive).
// Pure: time comes in as nowMs; hardware is polled here only when pollDrivers is set (on the
// virtual device the rig polls its drivers). Cold path: allocation only for events and logs.
// Depends on IPhone/IProductApp, Endpoint.Config.IntercomConfig, Endpoint.Hal (IButton, IRelay,
// IIndicator), Endpoint.Media.Tones, Endpoint.Media.Dtmf (DtmfSource). Not on SIP, SDP or RTP.
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Tones;

namespace Endpoint.App.Intercom
{
    /// <summary>Door intercom application.</summary>
    public sealed partial class IntercomApp : IProductApp
    {
        /// <summary>How long the busy/congestion tone plays when nobody answered.</summary>
        public const int UnavailableToneMs = 4000;
        /// <summary>Driver poll interval when this app owns the polling.</summary>
        public const int PollIntervalMs = 10;

        internal const int SlotAttempt = 1;
        internal const int SlotAbandoned = 2;
        internal const int SlotActive = 3;

        private readonly IntercomConfig _cfg;
        private readonly IButton _button;
        private readonly IRelay _relay;
        private readonly IIndicator _statusLed;
        private readonly IIndicator _callLed;
        private readonly bool _pollDrivers;
        private readonly IntercomLeds _leds;
        private readonly DoorCode _code;
        private IPhone _phone;
        private IntercomState _state;
        private bool _buttonPressed;
        private int _activeCall = -1;
        private string _activePeer;
        private long _toneEnd = long.MaxValue;
        private long _doorCloseAt = long.MaxValue;
        private long _nextPoll;
        private int _doorOpens;
        private int _refused;

        /// <summary>
        /// Creates the intercom over its hardware (any may be null) and configuration.
        /// pollDrivers: true when nobody else polls the button, relay and LEDs (real boards).
        /// </summary>
        public IntercomApp(IntercomConfig config, IButton button, IRelay relay, IIndicator statusLed, IIndicator callLed, bool pollDrivers)
        {
            if (config == null) throw new System.ArgumentNullException("config");
            _cfg = config;
            _button = button;
            _relay = relay;
            _statusLed = statusLed;
            _callLed = callLed;
            _pollDrivers = pollDrivers;
            _leds = new IntercomLeds(statusLed, callLed);
            _code = new DoorCode(config.DoorCode, config.CodeAttempts);
            if (_button != null) _button.ButtonEvent += OnButtonEvent;
        }

        /// <inheritdoc/>
        public string Name { get { return "intercom"; } }

        /// <summary>Current state.</summary>
        public IntercomState State { get { return _state; } }

        /// <summary>Times the door was opened since start.</summary>
        public int DoorOpens { get { return _doorOpens; } }

        /// <summary>Incoming calls refused since start.</summary>
        public int Refused { get { return _refused; } }

        /// <summary>True while the door relay pulse runs.</summary>
        public bool DoorOpen { get { return _doorCloseAt != long.MaxValue; } }

        /// <inheritdoc/>
        public void Start(IPhone phone, long nowMs)
        {
            _phone = phone;
            _nextPoll = nowMs;
            _leds.Show(_state, false);
            phone.Log("intercom: " + _cfg.Targets.Length + " target(s), " + _cfg.Mode + ", ring " + _cfg.RingSeconds + " s, " +
                      _cfg.Allow.Length + " allowed caller(s), door code " + (_code.Configured ? "set" : "not set") +
                      (_relay == null ? ", no relay" : ""));
        }

        /// <inheritdoc/>
        public bool OnCommand(Command command, long nowMs)
        {
            if (command.Name != "button") return false;
            OnButton(nowMs); // no simulated button: the console press goes straight to the app
            return true;
        }

        /// <inheritdoc/>
        public void OnIncoming(CallSlot slot, long nowMs)
        {
            if (!AllowList.Allows(_cfg.Allow, slot.Peer, _phone.Config.Sip.Domain))
            {
                Refuse(slot, 603, "not-allowed", nowMs);
                return;
            }
            if (_state == IntercomState.Calling || _state == IntercomState.Connected)
            {
                Refuse(slot, 486, "busy", nowMs);
                return;
            }
            if (_state == IntercomState.Unavailable) _phone.StopTone();
            slot.ProductState = SlotActive;
            _activeCall = slot.Call;
            _activePeer = slot.Peer;
            _code.Reset();
            SetState(IntercomState.Connected);
            if (!_phone.Answer(slot.Call, nowMs))
            {
                _activeCall = -1;
                _activePeer = null;
                SetState(IntercomState.Idle);
                return;
            }
            _phone.Event(new EventLine("intercom").Add("state", "connected").Add("peer", slot.Peer).Add("direction", "in"));
        }

        /// <inheritdoc/>
        public void OnCallChanged(CallSlot slot, long nowMs)
        {
            if (slot.Phase != CallPhase.Connected) return;
            switch (slot.ProductState)
            {
                case SlotAttempt:
                    if (_state == IntercomState.Calling) Connected(slot, nowMs);
                    else { slot.ProductState = SlotAbandoned; _phone.Hangup(slot.Call, nowMs); }
                    return;
                case SlotAbandoned:
                    _phone.Hangup(slot.Call, nowMs); // answered after we gave up on it
                    return;
                default:
                    return; // our auto-answered call, or a call placed from the console (never opens the door)
            }
        }

        /// <inheritdoc/>
        public void OnEnded(CallSlot slot, string reason, int code, long nowMs)
        {
            if (slot.ProductState == SlotActive && slot.Call == _activeCall)
            {
                _activeCall = -1;
                _activePeer = null;
                _code.Reset();
                SetState(IntercomState.Idle);
                _phone.Event(new EventLine("intercom").Add("state", "idle").Add("reason", reason));
                return;
            }
            if (slot.ProductState == SlotAttempt && _state == IntercomState.Calling) AttemptEnded(slot, code);
        }

        /// <inheritdoc/>
        public void OnDigit(CallSlot slot, char digit, DtmfSource source, long nowMs)
        {
            if (_state != IntercomState.Connected || slot.ProductState != SlotActive || slot.Call != _activeCall) return;
            DoorCodeResult r = _code.Feed(digit);
            if (r == DoorCodeResult.Open) OpenDoor(source, nowMs);
            else if (r == DoorCodeResult.Locked)
            {
                _phone.Event(new EventLine("door").Add("state", "locked").Add("by", _activePeer).Add("reason", "too many wrong digits"));
            }
        }

        /// <inheritdoc/>
        public void OnTimer(long nowMs)
        {
            if (_pollDrivers && nowMs >= _nextPoll)
            {
                _nextPoll = nowMs + PollIntervalMs;
                if (_button != null) _button.Poll(nowMs);
                if (_relay != null) _relay.Poll(nowMs);
                if (_statusLed != null) _statusLed.Poll(nowMs);
                if (_callLed != null) _callLed.Poll(nowMs);
            }
            if (_buttonPressed)
            {
                _buttonPressed = false;
                OnButton(nowMs);
            }
            if (_state == IntercomState.Calling) CallingTimer(nowMs);
            if (_state == IntercomState.Unavailable && nowMs >= _toneEnd)
            {
                _phone.StopTone();
                _toneEnd = long.MaxValue;
                SetState(IntercomState.Idle);
                _phone.Event(new EventLine("intercom").Add("state", "idle"));
            }
            if (nowMs >= _doorCloseAt)
            {
                _doorCloseAt = long.MaxValue;
                _leds.Show(_state, false);
                _phone.Event(new EventLine("door").Add("state", "closed"));
            }
        }

        /// <inheritdoc/>
        public long NextDeadline
        {
            get
            {
                long d = _doorCloseAt;
                if (_state == IntercomState.Unavailable && _toneEnd < d) d = _toneEnd;
                if (_state == IntercomState.Calling)
                {
                    long c = CallingDeadline;
                    if (c < d) d = c;
                }
                if (_buttonPressed) d = 0;
                if (_pollDrivers && _nextPoll < d) d = _nextPoll;
                return d;
            }
        }

        /// <inheritdoc/>
        public void AddStatus(EventLine status)
        {
            status.Add("intercom", IntercomLeds.Name(_state))
                  .Add("mode", _cfg.Mode)
                  .Add("targets", _cfg.Targets.Length)
                  .Add("door", DoorOpen ? "open" : "closed")
                  .Add("doorOpens", _doorOpens)
                  .Add("refused", _refused);
            if (_state == IntercomState.Calling && !_cfg.Parallel && _current >= 0) status.Add("ringing", _cfg.Targets[_current]);
        }

        private void OnButtonEvent(KeyAction action, long nowMs)
        {
            if (action == KeyAction.Down) _buttonPressed = true; // acted on in OnTimer, outside the driver's Poll
        }

        private void OnButton(long nowMs)
        {
            if (_phone == null) return;
            switch (_state)
            {
                case IntercomState.Idle:
                    StartCalling(nowMs);
                    return;
                case IntercomState.Unavailable:
                    _phone.StopTone();
                    _toneEnd = long.MaxValue;
                    StartCalling(nowMs);
                    return;
                case IntercomState.Calling:
                    if (!_cfg.ButtonEndsCall) return;
                    AbandonAttempts(nowMs);
                    SetState(IntercomState.Idle);
                    _phone.Event(new EventLine("intercom").Add("state", "idle").Add("reason", "cancelled"));
                    return;
                case IntercomState.Connected:
                    if (_cfg.ButtonEndsCall && _activeCall >= 0) _phone.Hangup(_activeCall, nowMs);
                    return;
            }
        }

        private void Refuse(CallSlot slot, int code, string why, long nowMs)
        {
            _refused++;
            string peer = slot.Peer;
            _phone.Reject(slot.Call, code, nowMs);
            _phone.Event(new EventLine("intercom").Add("state", "refused").Add("from", peer).Add("reason", why).Add("code", code));
        }

        private void Connected(CallSlot slot, long nowMs)
        {
            AbandonAttempts(nowMs, slot);
            slot.ProductState = SlotActive;
            _activeCall = slot.Call;
            _activePeer = slot.Peer;
            _code.Reset();
            SetState(IntercomState.Connected);
            _phone.Event(new EventLine("intercom").Add("state", "connected").Add("peer", slot.Peer).Add("direction", "out"));
        }

        private void OpenDoor(DtmfSource source, long nowMs)
        {
            _doorOpens++;
            if (_relay != null) _relay.Pulse(_cfg.RelayPulseMs, nowMs);
            _doorCloseAt = nowMs + _cfg.RelayPulseMs;
            _leds.Show(_state, true);
            string src = source == DtmfSource.Rfc4733 ? "rfc4733" : source == DtmfSource.SipInfo ? "info" : "inband";
            _phone.Event(new EventLine("door").Add("state", "open").Add("by", _activePeer).Add("source", src).Add("ms", _cfg.RelayPulseMs)
                .Add("relay", _relay == null ? "none" : null));
        }

        private void Unavailable(string reason, long nowMs)
        {
            AbandonAttempts(nowMs);
            ToneKind kind = reason == "failed" || reason == "no-targets" ? ToneKind.Congestion : ToneKind.Busy;
            _phone.PlayTone(ToneTable.Get(_phone.Region, kind));
            _toneEnd = nowMs + UnavailableToneMs;
            SetState(IntercomState.Unavailable);
            _phone.Event(new EventLine("intercom").Add("state", "unavailable").Add("reason", reason).Add("tone", ToneTable.KindName(kind)));
        }

        private void SetState(IntercomState s)
        {
            _state = s;
            _leds.Show(s, DoorOpen);
        }
    }
}
