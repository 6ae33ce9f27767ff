// The endpoint application: joins the SIP user agent (Endpoint.Sip.Ua), each call's media
// (CallMedia: SDP + RTP + DTMF) and the user's commands, and reports what happens as events.
// It knows no sockets, threads or clocks: the runtime feeds it commands, time and audio
// frames, and owns the SIP transport and RTP sockets (IRtpPorts).
// Limits: two calls (one active, one ringing or held; up to four for an intercom ringing its
// targets in parallel, see CallSlotsFor); IPv4 media.
// Depends on Endpoint.Sip.Ua, Endpoint.Sdp (status codes), Endpoint.Hal (audio in/out),
// Endpoint.Config, and the App contract types.
using System.Text;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Tones;
using Endpoint.Sdp;
using Endpoint.Sip.Registration;
using Endpoint.Sip.Ua;

namespace Endpoint.App
{
    /// <summary>The application behind the control interface.</summary>
    public sealed partial class EndpointApp : IEndpointApp, ISlotDigitSink, IPhone
    {
        private const int DefaultMaxCalls = 2;
        private readonly int MaxCalls;
        private const int QuitTimeoutMs = 6000;

        private readonly EndpointConfig _config;
        private readonly IEventSink _sink;
        private readonly UserAgent _ua;
        private readonly IRtpPorts _ports;
        private readonly IAudioInput _mic;
        private readonly IAudioOutput _speaker;
        private readonly Endpoint.Media.Rtp.IRandomSource _random;
        private readonly string _localHost;
        private readonly int _localPort;
        private readonly CallSlot[] _calls;
        private readonly byte[] _sdp = new byte[CallMedia.MaxSdpBytes];
        private readonly short[] _micFrame = new short[160];
        private readonly short[] _speakerFrame = new short[160];
        private readonly short[] _silence = new short[160];
        private readonly byte[] _packet = new byte[512];
        private readonly EchoSuppressorConfig _echo;
        private readonly CallMediaWorkspace _mediaWork = new CallMediaWorkspace(); // scratch shared by all calls (one thread)
        private readonly SlotDigitSink[] _digitSinks;
        private IProductApp _product;
        private IInputInjector _inputs;
        private int _sessionCounter;
        private int _callCounter;
        private bool _quitting;
        private long _quitDeadline;
        private bool _finished;
        private long _now;

        /// <summary>Creates the app over a user agent, the runtime's RTP ports and the board's audio.</summary>
        public EndpointApp(EndpointConfig config, IEventSink sink, UserAgent ua, IRtpPorts ports, IAudioInput mic, IAudioOutput speaker,
                           Endpoint.Media.Rtp.IRandomSource random, string localHost, int localPort)
        {
            _config = config;
            _sink = sink;
            _ua = ua;
            _ports = ports;
            _mic = mic;
            _speaker = speaker;
            _random = random;
            _localHost = localHost;
            _localPort = localPort;
            MaxCalls = CallSlotsFor(config);
            _calls = new CallSlot[MaxCalls];
            _digitSinks = new SlotDigitSink[MaxCalls];
            for (int i = 0; i < MaxCalls; i++)
            {
                _calls[i] = new CallSlot();
                _digitSinks[i] = new SlotDigitSink(_calls[i], this);
            }
            _tone = new ToneGenerator();
            _region = ParseRegion(config.Media.ToneRegion);
            _echo = new EchoSuppressorConfig();
            _echo.Enabled = config.Media.EchoSuppression == 1 || (config.Media.EchoSuppression < 0 && config.Board.IndexOf("intercom") >= 0);
        }

        /// <summary>
        /// Call slots for a configuration: two (one active, one ringing or held), or one per
        /// target (up to IntercomConfig.MaxParallelTargets) for an intercom ringing its targets in parallel.
        /// </summary>
        public static int CallSlotsFor(EndpointConfig config)
        {
            IntercomConfig ic = config.Intercom;
            if (ic == null || !ic.Parallel || ic.Targets.Length <= DefaultMaxCalls) return DefaultMaxCalls;
            return ic.Targets.Length > IntercomConfig.MaxParallelTargets ? IntercomConfig.MaxParallelTargets : ic.Targets.Length;
        }

        /// <inheritdoc/>
        public bool Finished { get { return _finished; } }

        /// <inheritdoc/>
        public long NextDeadline
        {
            get
            {
                long d = _ua.NextDeadline;
                if (_product != null && _product.NextDeadline < d) d = _product.NextDeadline;
                if (_quitting && _quitDeadline < d) d = _quitDeadline;
                return d;
            }
        }

        /// <summary>Our SIP URI as others can call it directly.</summary>
        public string SipUri { get { return "sip:" + _config.Sip.User + "@" + HostPortText(_localHost, _localPort); } }

        /// <summary>The call that commands act on: the connected one, else a ringing/incoming one.</summary>
        public CallSlot Current
        {
            get
            {
                for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Connected && !_calls[i].LocalHold) return _calls[i];
                for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase != CallPhase.Free) return _calls[i];
                return null;
            }
        }

        /// <inheritdoc/>
        public void Start(long nowMs)
        {
            _now = nowMs;
            _sink.Log("board " + _config.Board + ", SIP on " + HostPortText(_localHost, _localPort) + " (" + _config.Sip.Transport + ")" +
                      (_config.Sip.Registrar != null ? ", registrar " + _config.Sip.Registrar : ", no registrar"));
            _sink.Event(new EventLine("ready").Add("sip", SipUri).Add("local", HostPortText(_localHost, _localPort)).Add("board", _config.Board).ToString());
            if (_config.Sip.Registrar != null) _ua.Register(nowMs);
            if (_product != null) _product.Start(this, nowMs);
            OverlayStart(nowMs); // overlay hook (EndpointApp.Overlay.cs)
        }

        /// <inheritdoc/>
        public void OnTimer(long nowMs)
        {
            _now = nowMs;
            _ua.OnTimer(nowMs);
            DrainEvents(nowMs);
            if (_inputs != null) _inputs.Poll(nowMs);
            if (_product != null && !_quitting) _product.OnTimer(nowMs);
            DrainEvents(nowMs);
            OverlayDrain(nowMs); // overlay hook
            if (_quitting)
            {
                bool callsGone = true;
                for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase != CallPhase.Free) callsGone = false;
                RegistrationState rs = _ua.RegistrationState;
                bool unregistered = rs == RegistrationState.Stopped || rs == RegistrationState.Idle;
                if ((callsGone && unregistered && OverlayQuitDone) || nowMs >= _quitDeadline)
                {
                    _sink.Event(new EventLine("stopped").Add("reason", "quit").ToString());
                    _finished = true;
                }
            }
        }

        /// <inheritdoc/>
        public void OnCommand(Command c, long nowMs)
        {
            _now = nowMs;
            if (_quitting) return;
            switch (c.Name)
            {
                case "quit": Quit(nowMs); break;
                case "status": Status(); break;
                case "dial": Dial(c.Argument, nowMs); break;
                case "answer": AnswerCommand(nowMs); break;
                case "hangup": HangupCommand(nowMs); break;
                case "hold": HoldCommand(true, nowMs); break;
                case "resume": HoldCommand(false, nowMs); break;
                case "dtmf": DtmfCommand(c.Argument); break;
                case "message": SendMessage(c.Argument, c.Text, nowMs); break;
                case "key":
                case "hook":
                case "button": HardwareCommand(c, nowMs); break;
                default: Error(c.Name, "not available on board " + _config.Board); break;
            }
            DrainEvents(nowMs);
        }

        /// <summary>One 20 ms audio period: microphone to the active call, the call to the speaker.</summary>
        public void OnAudioFrame(long nowMs)
        {
            _now = nowMs;
            if (_mic == null || _mic.ReadFrame(_micFrame) < 0) System.Array.Clear(_micFrame, 0, _micFrame.Length);
            CallSlot active = null;
            for (int i = 0; i < MaxCalls; i++)
            {
                CallSlot s = _calls[i];
                if (s.Media == null || s.Phase == CallPhase.Free) continue;
                if (s.Media.RtpTimedOut && s.Phase == CallPhase.Connected && !s.Media.OnHold)
                {
                    s.Media.RtpTimedOut = false;
                    _sink.Log("no RTP for " + _config.Media.RtpTimeoutSeconds + " s: ending call " + s.Call);
                    _ua.Hangup(s.UaCall, nowMs);
                    continue;
                }
                bool live = s.Phase == CallPhase.Connected && !s.LocalHold;
                int n = s.Media.Capture(live ? _micFrame : _silence, nowMs, _packet);
                if (n > 0 && s.Media.Pump != null) _ports.Send(s.Port, _packet, n, s.Media.Pump.RtpTarget);
                if (live && active == null) { active = s; s.Media.Playback(nowMs, _speakerFrame); }
                else s.Media.Playback(nowMs, _silence);
            }
            if (active == null) System.Array.Clear(_speakerFrame, 0, _speakerFrame.Length);
            MixLocalTone(_speakerFrame);
            if (_speaker != null) _speaker.WriteFrame(_speakerFrame);
        }

        /// <inheritdoc/>
        public void OnSlotDigit(CallSlot slot, char digit, int durationMs, DtmfSource source)
        {
            string src = source == DtmfSource.Rfc4733 ? "rfc4733" : source == DtmfSource.SipInfo ? "info" : "inband";
            _sink.Event(new EventLine("dtmf").Add("call", slot.Call).Add("digit", digit.ToString()).Add("source", src).ToString());
            if (_product != null && slot.Phase != CallPhase.Free) _product.OnDigit(slot, digit, source, _now);
        }

        private void Status()
        {
            CallSlot cur = Current;
            EventLine st = new EventLine("status").Add("board", _config.Board).Add("sip", SipUri)
                .Add("registrar", _config.Sip.Registrar == null ? "none" : _config.Sip.Registrar.ToString())
                .Add("registration", RegistrationSchedule.Name(_ua.RegistrationState))
                .Add("overlay", _config.Overlay == null ? "off" : _config.Overlay.Aor)
                .Add("call", cur == null ? "idle" : CallSlot.Name(cur.Phase))
                .Add("peer", cur == null ? null : cur.Peer);
            if (_product != null) { st.Add("app", _product.Name); _product.AddStatus(st); }
            _sink.Event(st.ToString());
            OverlayStatus(); // overlay hook: event overlay-status
        }

        private void Quit(long nowMs)
        {
            _quitting = true;
            _quitDeadline = nowMs + QuitTimeoutMs;
            for (int i = 0; i < MaxCalls; i++)
            {
                if (_calls[i].Phase != CallPhase.Free) HangupSlot(_calls[i], nowMs);
            }
            if (_config.Sip.Registrar != null) _ua.Unregister(nowMs);
            OverlayQuit(nowMs); // overlay hook: signed offline record
        }

        private void Error(string command, string reason)
        {
            _sink.Event(new EventLine("error").Add("command", command).Add("reason", reason).ToString());
        }

        private CallSlot FreeSlot()
        {
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Free) return _calls[i];
            return null;
        }

        private CallSlot Find(int call)
        {
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase != CallPhase.Free && _calls[i].Call == call) return _calls[i];
            return null;
        }

        private CallSlot FindUa(int uaCall)
        {
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase != CallPhase.Free && _calls[i].UaCall == uaCall) return _calls[i];
            return null;
        }

        private CallMedia NewMedia(CallSlot slot, out string error)
        {
            int port = _ports.Reserve(out error);
            if (port < 0) return null;
            _sessionCounter++;
            IDigitSink digits = null;
            for (int i = 0; i < MaxCalls; i++) if (_calls[i] == slot) digits = _digitSinks[i];
            var media = new CallMedia(_config.Media, _localHost, port, _sessionCounter.ToString(), _random, digits, _echo, _mediaWork);
            _ports.Attach(port, media);
            slot.Port = port;
            slot.Media = media;
            return media;
        }

        private void Release(CallSlot slot)
        {
            if (slot.Media != null) slot.Media.Stop();
            if (slot.Port >= 0) _ports.Release(slot.Port);
            slot.Clear();
        }

        /// <summary>"host:port" with IPv6 brackets.</summary>
        public static string HostPortText(string host, int port)
        {
            return (host.IndexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        private static string Text(byte[] b, int n) { return Encoding.UTF8.GetString(b, 0, n); }
    }
}
