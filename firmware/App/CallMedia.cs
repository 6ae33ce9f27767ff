// One call's media: joins SDP offer/answer (Endpoint.Sdp) to the RTP audio pump
// (Endpoint.Media.Audio) and the three ways DTMF arrives (RFC 4733 events, SIP INFO bodies,
// in-band tones) plus RFC 4733 sending and speakerphone echo suppression. It knows nothing of
// SIP: the SIP side hands it SDP bodies and INFO bodies. Pure: no sockets, threads or clocks
// (the runtime owns the RTP socket and the 20 ms tick and calls in with nowMs).
// Allocation: everything is created at call setup (and again only when a re-INVITE changes the
// codec); the per-frame and per-packet paths allocate nothing. Scratch that lives only inside
// one call (SDP parse/build, the capture frame, RTP/RTCP parse/write) comes from a
// CallMediaWorkspace that the app shares between its calls.
// Limits: IPv4 media only; one audio stream.
using Endpoint.Config;
using Endpoint.Media.Audio;
using Endpoint.Media.Codec;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Echo;
using Endpoint.Media.Rtp;
using Endpoint.Sdp;

namespace Endpoint.App
{
    /// <summary>Media state of one call.</summary>
    public sealed class CallMedia : IRtpEventSink, IDigitSink
    {
        /// <summary>Largest SDP body we write.</summary>
        public const int MaxSdpBytes = 1024;

        private const int DuplicateDigitWindowMs = 400;
        private readonly MediaConfig _config;
        private readonly IRandomSource _random;
        private readonly IDigitSink _digits;
        private readonly CallMediaWorkspace _work;
        private readonly SdpNegotiator _sdp;
        private readonly Rfc4733Sender _dtmfOut = new Rfc4733Sender();
        private readonly Rfc4733Receiver _dtmfIn;
        private readonly DtmfDetector _inBand;
        private readonly EchoSuppressorHook _echo;
        private readonly byte[] _eventPayload = new byte[4];
        private AudioPump _pump;
        private int _pumpCodec = -1;
        private bool _seenRfc4733;
        private char _lastDigit;
        private DtmfSource _lastSource;
        private long _lastDigitMs = -100000;
        private long _now;

        /// <summary>Creates the media state for a call on local RTP port <paramref name="rtpPort"/>, with its own scratch.</summary>
        public CallMedia(MediaConfig config, string localAddress, int rtpPort, string sessionId, IRandomSource random, IDigitSink digits, EchoSuppressorConfig echo)
            : this(config, localAddress, rtpPort, sessionId, random, digits, echo, null) { }

        /// <summary>
        /// Creates the media state for a call on local RTP port <paramref name="rtpPort"/>, using
        /// <paramref name="workspace"/> as scratch (shared by the calls of one thread; null makes a private one).
        /// </summary>
        public CallMedia(MediaConfig config, string localAddress, int rtpPort, string sessionId, IRandomSource random, IDigitSink digits, EchoSuppressorConfig echo, CallMediaWorkspace workspace)
        {
            _config = config;
            _work = workspace != null ? workspace : new CallMediaWorkspace();
            _random = random;
            _digits = digits;
            LocalRtpPort = rtpPort;
            var sc = new SdpConfig();
            sc.Username = "endpoint";
            sc.SessionId = sessionId;
            sc.LocalAddress = localAddress;
            sc.LocalPort = rtpPort;
            sc.Codecs = new int[config.Codecs.Length];
            for (int i = 0; i < config.Codecs.Length; i++) sc.Codecs[i] = config.Codecs[i] == "PCMA" ? SdpCodecs.Pcma : SdpCodecs.Pcmu;
            sc.TelephoneEventPt = config.DtmfPayloadType;
            sc.PtimeMs = config.PtimeMs;
            _sdp = new SdpNegotiator(sc, _work.Sdp);
            _dtmfIn = new Rfc4733Receiver(this);
            _inBand = new DtmfDetector(this);
            if (echo != null && echo.Enabled) _echo = new EchoSuppressorHook(new EchoSuppressor(echo));
        }

        /// <summary>Local RTP port (RTCP is the next port).</summary>
        public int LocalRtpPort { get; }

        /// <summary>The negotiated media, or null before offer/answer completed.</summary>
        public SdpMediaResult Negotiated { get { return _sdp.Negotiated ? _sdp.Result : null; } }

        /// <summary>The audio pump, or null before negotiation.</summary>
        public AudioPump Pump { get { return _pump; } }

        /// <summary>True while the far end or we hold the call.</summary>
        public bool OnHold { get { return _sdp.Negotiated && (_sdp.Result.LocalHold || _sdp.Result.RemoteHold); } }

        /// <summary>Set when no RTP arrived for media.rtpTimeout seconds; the app ends the call.</summary>
        public bool RtpTimedOut { get; set; }

        /// <summary>Microphone mute.</summary>
        public bool Muted { get; set; }

        /// <summary>Writes our SDP offer (initial, hold or resume per <paramref name="hold"/>).</summary>
        public SdpStatus CreateOffer(bool hold, byte[] dst, int offset, out int length)
        {
            _sdp.LocalHold = hold;
            return _sdp.CreateOffer(dst, offset, dst.Length - offset, out length);
        }

        /// <summary>Our offer was not answered (re-INVITE failed): keep the previous media.</summary>
        public void CancelOffer() { _sdp.CancelOffer(); }

        /// <summary>Takes the peer's offer, writes our answer and applies the result.</summary>
        public SdpStatus ReceiveOffer(byte[] body, int offset, int count, byte[] answer, int answerOffset, out int answerLength, long nowMs)
        {
            SdpStatus st = _sdp.ReceiveOffer(body, offset, count, answer, answerOffset, answer.Length - answerOffset, out answerLength);
            if (st == SdpStatus.Ok) Apply(nowMs);
            return st;
        }

        /// <summary>Takes the peer's answer to our offer and applies the result.</summary>
        public SdpStatus ReceiveAnswer(byte[] body, int offset, int count, long nowMs)
        {
            SdpStatus st = _sdp.ReceiveAnswer(body, offset, count);
            if (st == SdpStatus.Ok) Apply(nowMs);
            return st;
        }

        /// <summary>Queues digits to send as RFC 4733 events; false when the peer accepted no telephone-event.</summary>
        public bool SendDtmf(string digits)
        {
            if (_pump == null || _pump.TelephoneEventPayloadType < 0) return false;
            return _dtmfOut.Enqueue(digits);
        }

        /// <summary>A SIP INFO body (application/dtmf-relay or application/dtmf); true when it held a digit.</summary>
        public bool OnInfo(string contentType, byte[] body, int offset, int count)
        {
            char digit;
            int ms;
            if (DtmfInfo.Parse(contentType, body, offset, count, out digit, out ms) != DtmfInfoStatus.Ok) return false;
            OnDigit(digit, ms, DtmfSource.SipInfo);
            return true;
        }

        /// <summary>
        /// One 20 ms microphone frame: writes at most one RTP packet (audio, or a telephone-event
        /// while a digit is being sent). Returns the packet length or 0.
        /// </summary>
        public int Capture(short[] mic, long nowMs, byte[] packet)
        {
            _now = nowMs;
            if (_pump == null) return 0;
            _pump.Muted = Muted;
            if (_dtmfOut.Busy || _dtmfOut.Pending > 0)
            {
                bool marker;
                uint ts;
                int n = _dtmfOut.NextPayload(nowMs, _pump.CurrentTimestamp, _eventPayload, 0, out marker, out ts);
                if (n > 0) return _pump.WriteTelephoneEvent(_eventPayload, 0, n, ts, marker, nowMs, packet, 0);
                if (_dtmfOut.Busy) return 0; // between event packets: no audio while a digit plays
            }
            int len;
            return _pump.ProcessCapture(mic, nowMs, packet, out len) ? len : 0;
        }

        /// <summary>One 20 ms speaker frame (silence before negotiation); runs in-band DTMF detection on it.</summary>
        public void Playback(long nowMs, short[] speaker)
        {
            _now = nowMs;
            if (_pump == null)
            {
                System.Array.Clear(speaker, 0, speaker.Length);
                return;
            }
            _pump.ProducePlayback(nowMs, speaker);
            if (!_seenRfc4733) _inBand.Process(speaker, 0, speaker.Length);
            _dtmfIn.Poll(nowMs);
        }

        /// <summary>A datagram on our RTP port.</summary>
        public RtpStatus OnRtp(byte[] buf, int offset, int count, MediaEndpoint from, long nowMs)
        {
            _now = nowMs;
            if (_pump == null) return RtpStatus.Ok;
            return _pump.OnRtpPacket(buf, offset, count, from, nowMs);
        }

        /// <inheritdoc/>
        public void OnTelephoneEvent(byte[] payload, int off, int len, uint timestamp, bool marker, long nowMs)
        {
            _seenRfc4733 = true;
            _dtmfIn.OnPacket(payload, off, len, timestamp, marker, nowMs);
        }

        /// <inheritdoc/>
        public void OnDigit(char digit, int durationMs, DtmfSource source)
        {
            // A gateway may send the same key as RFC 4733 (or INFO) and as a tone: report one
            // digit once. Only a tone echoing a digit that just arrived another way is dropped;
            // the in-band detector separates its own repeated keys (5, pause, 5) itself.
            if (digit == _lastDigit && _now - _lastDigitMs < DuplicateDigitWindowMs && source == DtmfSource.InBand && _lastSource != DtmfSource.InBand) return;
            _lastDigit = digit;
            _lastSource = source;
            _lastDigitMs = _now;
            _digits.OnDigit(digit, durationMs, source);
        }

        /// <summary>Stops sending (the call ended).</summary>
        public void Stop()
        {
            if (_pump != null) _pump.Stop();
        }

        private void Apply(long nowMs)
        {
            SdpMediaResult r = _sdp.Result;
            if (!r.Active) { if (_pump != null) _pump.SendAudio = false; return; }
            if (_pump == null || r.Codec != _pumpCodec)
            {
                if (_pump != null) _pump.Stop();
                var pc = new AudioPumpConfig();
                pc.FramesPerPacket = r.PtimeMs >= 20 ? r.PtimeMs / 20 : 1;
                pc.InactivityTimeoutMs = _config.RtpTimeoutSeconds * 1000;
                pc.Workspace = _work.Audio;
                IAudioCodec codec = r.Codec == SdpCodecs.Pcma ? (IAudioCodec)new PcmaCodec() : new PcmuCodec();
                _pump = new AudioPump(codec, _random, pc);
                _pump.EventSink = this;
                if (_echo != null) _pump.EchoSuppressor = _echo;
                _pumpCodec = r.Codec;
                _pump.AudioPayloadType = r.PayloadType;
                _pump.TelephoneEventPayloadType = r.TelephoneEventPt;
                _pump.Start(nowMs, Target(r.RemoteAddress, r.RemotePort), Target(r.RemoteRtcpAddress != null ? r.RemoteRtcpAddress : r.RemoteAddress, r.RemoteRtcpPort > 0 ? r.RemoteRtcpPort : r.RemotePort + 1));
            }
            else
            {
                _pump.AudioPayloadType = r.PayloadType;
                _pump.TelephoneEventPayloadType = r.TelephoneEventPt;
                if ((r.Changes & SdpChange.Address) != 0)
                    _pump.Start(nowMs, Target(r.RemoteAddress, r.RemotePort), Target(r.RemoteRtcpAddress != null ? r.RemoteRtcpAddress : r.RemoteAddress, r.RemoteRtcpPort > 0 ? r.RemoteRtcpPort : r.RemotePort + 1));
            }
            _pump.SendAudio = r.CanSend;
        }

        /// <summary>Parses a dotted-quad IPv4 address into a media endpoint (unset when not IPv4).</summary>
        public static MediaEndpoint Target(string address, int port)
        {
            if (address == null || port <= 0) return new MediaEndpoint(0, 0);
            uint v = 0;
            int part = 0, dots = 0, digits = 0;
            for (int i = 0; i < address.Length; i++)
            {
                char c = address[i];
                if (c == '.')
                {
                    if (digits == 0 || part > 255) return new MediaEndpoint(0, 0);
                    v = (v << 8) | (uint)part;
                    part = 0; digits = 0; dots++;
                }
                else if (c >= '0' && c <= '9') { part = part * 10 + (c - '0'); digits++; if (digits > 3) return new MediaEndpoint(0, 0); }
                else return new MediaEndpoint(0, 0);
            }
            if (dots != 3 || digits == 0 || part > 255) return new MediaEndpoint(0, 0);
            v = (v << 8) | (uint)part;
            return new MediaEndpoint(v, port);
        }
    }
}
