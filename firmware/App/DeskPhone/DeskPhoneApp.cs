// The desk-phone personality (issue 5 item 4) on top of the phone engine (IPhone): handset hook,
// keypad, function keys and LEDs turned into calls. Off-hook gives dial tone, digits are
// collected (Dialer) and sent with `#`, the inter-digit timeout or when the dial plan says the
// number is complete (DialPlan: prefix rules, blocked prefixes, emergency numbers always
// allowed, `*N` speed dials); on-hook abandons dialing or hangs up. Redial, speed dials,
// do-not-disturb (incoming calls refused with 480, RFC 3261 21.4.18), hold/resume, call waiting
// (a second call is announced by the regional call-waiting tone while off-hook; `flash` holds the
// active call and takes the other), the local ringer with the regional cadence, volume keys
// and the missed-call list (MissedCalls). LEDs: "status" (lit off-hook or in a call, blinking
// with the ring cadence while ringing, slow blink while only a held call remains) and
// "message" (blinking while there are missed calls not yet seen; lit while do-not-disturb is on).
// This file: construction, the engine hooks and hardware polling; keys in DeskPhoneApp.Keys.cs,
// tone/LED state in DeskPhoneApp.State.cs.
// Depends on IPhone/IProductApp, Endpoint.Hal (IKeypad, IHookSwitch, IIndicator), Endpoint.Config
// (PhoneConfig) and Endpoint.Media.Tones. Pure: no sockets, threads or clocks (time is nowMs).
// Limits: the engine's two call slots (one active, one held or waiting).
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Tones;

namespace Endpoint.App.DeskPhone
{
    /// <summary>The desk-phone application.</summary>
    public sealed partial class DeskPhoneApp : IProductApp
    {
        /// <summary>How often the keypad, hook switch and LEDs are polled, ms.</summary>
        public const int PollIntervalMs = 10;

        /// <summary>SIP status for calls refused by do-not-disturb (480 Temporarily Unavailable).</summary>
        public const int DndRejectCode = 480;

        /// <summary>SIP status for a second call when call waiting is off (486 Busy Here).</summary>
        public const int BusyRejectCode = 486;

        private const int StateHangingUp = 1;

        private readonly IKeypad _keypad;
        private readonly IHookSwitch _hook;
        private readonly Lamp _statusLed;
        private readonly Lamp _messageLed;
        private readonly MissedCalls _missed = new MissedCalls();
        private IPhone _phone;
        private PhoneConfig _config;
        private DialPlan _plan;
        private Dialer _dialer;
        private ToneSpec _ringTone;
        private bool _offHook;
        private bool _dnd;
        private string _lastDialed;
        private long _nextPoll;
        private long _now;

        /// <summary>
        /// Creates the application over the board's keypad, hook switch and LEDs ("status",
        /// "message"); any of them may be null (the console `key`/`hook` commands then stand in).
        /// </summary>
        public DeskPhoneApp(IKeypad keypad, IHookSwitch hook, IIndicator statusLed, IIndicator messageLed)
        {
            _keypad = keypad;
            _hook = hook;
            _statusLed = new Lamp(statusLed);
            _messageLed = new Lamp(messageLed);
            if (_keypad != null) _keypad.KeyEvent += OnKeyEvent;
            if (_hook != null) _hook.HookChanged += OnHookChanged;
        }

        /// <inheritdoc/>
        public string Name { get { return "deskphone"; } }

        /// <summary>True while the handset is lifted.</summary>
        public bool OffHook { get { return _offHook; } }

        /// <summary>True while do-not-disturb is on.</summary>
        public bool Dnd { get { return _dnd; } }

        /// <summary>The missed-call list.</summary>
        public MissedCalls Missed { get { return _missed; } }

        /// <summary>The last number or target dialed (for redial), or null.</summary>
        public string LastDialed { get { return _lastDialed; } }

        /// <summary>True while digits are being collected.</summary>
        public bool Dialing { get { return _dialer != null && _dialer.Active; } }

        /// <summary>The local ring tone (valid after Start).</summary>
        public ToneSpec RingToneSpec { get { return _ringTone; } }

        /// <inheritdoc/>
        public void Start(IPhone phone, long nowMs)
        {
            if (phone == null) throw new System.ArgumentNullException("phone");
            _phone = phone;
            _now = nowMs;
            _config = phone.Config.Phone != null ? phone.Config.Phone : new PhoneConfig();
            _plan = new DialPlan(_config);
            _dialer = new Dialer(_plan, _config.InterDigitMs);
            _ringTone = RingTone.Create(phone.Region);
            _dnd = _config.Dnd;
            _offHook = false; // the hook level is read from the first polls (OnTimer)
            _nextPoll = nowMs;
            Refresh();
        }

        /// <inheritdoc/>
        public bool OnCommand(Command command, long nowMs)
        {
            if (_phone == null) return false;
            _now = nowMs;
            if (command.Name == "hook")
            {
                SetHook(command.Argument == "off", nowMs);
                return true;
            }
            if (command.Name == "key")
            {
                string k = command.Argument;
                if (k.Length == 1) Key(k[0], nowMs);
                else FunctionKey(k, nowMs);
                return true;
            }
            return false;
        }

        /// <inheritdoc/>
        public void OnIncoming(CallSlot slot, long nowMs)
        {
            _now = nowMs;
            if (_dnd)
            {
                _phone.Log("do-not-disturb: refusing call from " + slot.Peer);
                _phone.Reject(slot.Call, DndRejectCode, nowMs);
                return;
            }
            bool busy = _offHook || OtherCall(slot) != null;
            if (busy && !_config.CallWaiting)
            {
                _phone.Reject(slot.Call, BusyRejectCode, nowMs);
                return;
            }
            if (_offHook)
            {
                if (_dialer.Active) _dialer.Cancel();
                _failTone = null;
                _phone.Event(new EventLine("callwaiting").Add("call", slot.Call).Add("from", slot.Peer));
            }
            Refresh();
        }

        /// <inheritdoc/>
        public void OnCallChanged(CallSlot slot, long nowMs)
        {
            _now = nowMs;
            Refresh();
        }

        /// <inheritdoc/>
        public void OnEnded(CallSlot slot, string reason, int code, long nowMs)
        {
            _now = nowMs;
            _gone = slot;
            if (slot.Phase == CallPhase.Incoming)
            {
                _missed.Add(slot.Peer, nowMs);
                _phone.Event(new EventLine("missed").Add("from", slot.Peer).Add("count", _missed.Total));
            }
            else if (_offHook && slot.ProductState != StateHangingUp && !slot.LocalHold && OtherCall(slot) == null && !_dialer.Active)
            {
                // The call the user was on is over: tell the ear why (busy / failed / far end hung up).
                bool busy = code == 486 || code == 600 || code == 603 || slot.Phase == CallPhase.Connected;
                _failTone = ToneTable.Get(_phone.Region, busy ? ToneKind.Busy : ToneKind.Congestion);
            }
            Refresh();
            _gone = null;
        }

        /// <inheritdoc/>
        public void OnDigit(CallSlot slot, char digit, DtmfSource source, long nowMs)
        {
            // Digits from the far end are reported by the engine; a desk phone does nothing with them.
        }

        /// <inheritdoc/>
        public void OnTimer(long nowMs)
        {
            if (_phone == null) return;
            _now = nowMs;
            if (nowMs >= _nextPoll)
            {
                _nextPoll = nowMs + PollIntervalMs;
                if (_hook != null) _hook.Poll(nowMs);
                if (_keypad != null) _keypad.Poll(nowMs);
                // Follow the level, not only the change events: the hook driver's first sample
                // primes its state without an event (handset lifted at boot, or before the first poll).
                if (_hook != null && _hook.OffHook != _offHook) SetHook(_hook.OffHook, nowMs);
            }
            if (_dialer.Tick(nowMs) == DialerResult.Send) SendCollected(nowMs);
            _statusLed.Poll(nowMs);
            _messageLed.Poll(nowMs);
        }

        /// <inheritdoc/>
        public long NextDeadline
        {
            get
            {
                if (_phone == null) return long.MaxValue;
                long d = _dialer.Deadline;
                bool hardware = _keypad != null || _hook != null || _statusLed.Led != null || _messageLed.Led != null;
                if (hardware && _nextPoll < d) d = _nextPoll;
                return d;
            }
        }

        /// <inheritdoc/>
        public void AddStatus(EventLine status)
        {
            status.Add("hook", _offHook ? "off" : "on")
                  .Add("dnd", _dnd ? "on" : "off")
                  .Add("missed", _missed.Count)
                  .Add("missed-from", _missed.Newest)
                  .Add("volume", _phone == null ? 0 : _phone.Volume);
        }

        private void OnKeyEvent(char key, KeyAction action, long nowMs)
        {
            if (action == KeyAction.Down) Key(key, nowMs);
        }

        private void OnHookChanged(bool offHook, long nowMs)
        {
            SetHook(offHook, nowMs);
        }
    }
}
