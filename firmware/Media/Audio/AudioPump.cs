// The per-frame media pipeline of one call, with no knowledge of SIP or SDP text:
//   capture:  mic frame -> mute -> echo suppressor -> capture processor -> encode -> RTP packet
//   receive:  RTP packet -> session validation (RFC 3550 A.1, SSRC, payload type, symmetric RTP)
//             -> audio into the jitter buffer, telephone-events to the event sink
//   playback: jitter buffer (decode, concealment) -> playback processor -> volume -> speaker,
//             and the speaker frame to the echo suppressor as its reference
// plus RTCP reports/BYE through the session. Everything is allocated in the constructor; the
// per-frame and per-packet calls allocate nothing. The capture frame and the RTP parse/write
// scratch are used only inside one call and may be shared by the pumps of one thread
// (AudioPumpConfig.Workspace).
// Depends on IAudioCodec, RtpSession, JitterBuffer, VolumeTable and the hook interfaces.
// Does not know SIP, SDP, sockets, threads or clocks (time is nowMs; wall clock a parameter).
// Limits: 8 kHz, 160-sample (20 ms) frames; sample-addressable codecs (G.711).
using Endpoint.Media.Codec;
using Endpoint.Media.Jitter;
using Endpoint.Media.Rtp;

namespace Endpoint.Media.Audio
{
    /// <summary>One call's audio pipeline between microphone/speaker frames and RTP packets.</summary>
    public sealed class AudioPump
    {
        /// <summary>Samples per frame (20 ms at 8 kHz).</summary>
        public const int FrameSamples = 160;

        private static readonly byte[] _defaultCname = { (byte)'e', (byte)'n', (byte)'d', (byte)'p', (byte)'o', (byte)'i', (byte)'n', (byte)'t' };

        private readonly IAudioCodec _codec;
        private readonly RtpSession _session;
        private readonly JitterBuffer _jitter;
        private readonly short[] _capture;  // may be shared with other pumps of the same thread
        private readonly byte[] _payload;
        private readonly int _framesPerPacket;
        private readonly int _frameBytes;
        private int _framesInPacket;
        private uint _packetTs;
        private int _volumeDb;
        private bool _started;

        /// <summary>A pump for one call; allocates all its buffers here.</summary>
        public AudioPump(IAudioCodec codec, IRandomSource random, AudioPumpConfig config)
        {
            if (codec == null) throw new System.ArgumentNullException("codec");
            if (random == null) throw new System.ArgumentNullException("random");
            if (config == null) config = new AudioPumpConfig();
            if (config.FramesPerPacket < 1 || config.FramesPerPacket > 6) throw new System.ArgumentOutOfRangeException("FramesPerPacket");
            _codec = codec;
            byte[] cname = config.Cname != null && config.Cname.Length > 0 ? config.Cname : _defaultCname;
            AudioPumpWorkspace work = config.Workspace != null ? config.Workspace : new AudioPumpWorkspace();
            _session = new RtpSession(random, codec.ClockRate, cname, 0, cname.Length, work.Rtp);
            _session.AudioPayloadType = config.AudioPayloadType >= 0 ? config.AudioPayloadType : codec.PayloadType;
            _session.EventPayloadType = config.TelephoneEventPayloadType;
            _session.InactivityTimeoutMs = config.InactivityTimeoutMs;
            JitterBufferConfig jc = config.Jitter != null ? config.Jitter : new JitterBufferConfig();
            _jitter = new JitterBuffer(codec, jc);
            _framesPerPacket = config.FramesPerPacket;
            _frameBytes = codec.BytesForSamples(FrameSamples);
            _payload = new byte[_frameBytes * _framesPerPacket];
            _capture = work.CaptureFrame;
            SendAudio = true;
        }

        /// <summary>The codec.</summary>
        public IAudioCodec Codec { get { return _codec; } }
        /// <summary>RTP/RTCP state (statistics, targets, RTT, inactivity).</summary>
        public RtpSession Session { get { return _session; } }
        /// <summary>The jitter buffer (statistics, depth).</summary>
        public JitterBuffer Jitter { get { return _jitter; } }

        /// <summary>Largest RTP packet ProcessCapture writes (12 + payload), for sizing packetOut.</summary>
        public int MaxPacketBytes { get { return RtpHeader.FixedLength + _payload.Length; } }

        /// <summary>Microphone muted: silence is encoded and sent (the stream and NAT bindings stay alive).</summary>
        public bool Muted { get; set; }

        /// <summary>When false, captured frames advance the RTP clock but no audio packet is produced (hold, or while sending DTMF events).</summary>
        public bool SendAudio { get; set; }

        /// <summary>Playback gain in dB, clamped to VolumeTable.MinDb..MaxDb (-40..+20).</summary>
        public int VolumeDb
        {
            get { return _volumeDb; }
            set { _volumeDb = VolumeTable.Clamp(value); }
        }

        /// <summary>Optional echo suppressor (null: none).</summary>
        public IEchoSuppressor EchoSuppressor { get; set; }
        /// <summary>Optional processor run on the capture frame after echo suppression (null: none).</summary>
        public IFrameProcessor CaptureProcessor { get; set; }
        /// <summary>Optional processor run on the playback frame before volume, e.g. a tone mixer (null: none).</summary>
        public IFrameProcessor PlaybackProcessor { get; set; }
        /// <summary>Receiver of telephone-event payloads (null: dropped).</summary>
        public IRtpEventSink EventSink { get; set; }

        /// <summary>Negotiated audio payload type (send and receive).</summary>
        public int AudioPayloadType
        {
            get { return _session.AudioPayloadType; }
            set { _session.AudioPayloadType = value; }
        }

        /// <summary>Negotiated telephone-event payload type, or -1.</summary>
        public int TelephoneEventPayloadType
        {
            get { return _session.EventPayloadType; }
            set { _session.EventPayloadType = value; }
        }

        /// <summary>RTP timestamp of the next captured frame (for telephone-event start times).</summary>
        public uint CurrentTimestamp { get { return _session.Sender.MediaTimestamp; } }

        /// <summary>Where RTP should be sent now (symmetric RTP).</summary>
        public MediaEndpoint RtpTarget { get { return _session.RtpTarget; } }

        /// <summary>Where RTCP should be sent now.</summary>
        public MediaEndpoint RtcpTarget { get { return _session.RtcpTarget; } }

        /// <summary>Starts the call's media at <paramref name="nowMs"/> with the SDP-negotiated remote addresses.</summary>
        public void Start(long nowMs, MediaEndpoint rtpTarget, MediaEndpoint rtcpTarget)
        {
            _session.Start(nowMs, rtpTarget, rtcpTarget);
            _jitter.Clear();
            _framesInPacket = 0;
            _session.Sender.StartTalkSpurt();
            _started = true;
        }

        /// <summary>Stops the media (packets are then ignored; capture produces nothing).</summary>
        public void Stop()
        {
            _session.Stop();
            _started = false;
        }

        /// <summary>
        /// Takes one 160-sample microphone frame (not modified). When a packet is complete (every
        /// FramesPerPacket frames) writes it to packetOut[0..packetLength) and returns true; the
        /// caller sends it to <see cref="RtpTarget"/>. packetOut needs MaxPacketBytes.
        /// </summary>
        public bool ProcessCapture(short[] micFrame, long nowMs, byte[] packetOut, out int packetLength)
        {
            packetLength = 0;
            if (!_started) return false;
            RtpSender sender = _session.Sender;
            if (!SendAudio)
            {
                sender.AdvanceMedia(FrameSamples);
                if (_framesInPacket > 0) { _framesInPacket = 0; }
                sender.StartTalkSpurt();
                return false;
            }
            if (Muted) System.Array.Clear(_capture, 0, FrameSamples);
            else System.Array.Copy(micFrame, 0, _capture, 0, FrameSamples);
            IEchoSuppressor es = EchoSuppressor;
            if (es != null) es.ProcessCapture(_capture, 0, FrameSamples, nowMs);
            IFrameProcessor cp = CaptureProcessor;
            if (cp != null) cp.Process(_capture, 0, FrameSamples, nowMs);
            if (_framesInPacket == 0) _packetTs = sender.MediaTimestamp;
            sender.NoteMediaTime(sender.MediaTimestamp, nowMs);
            _codec.Encode(_capture, 0, FrameSamples, _payload, _framesInPacket * _frameBytes);
            sender.AdvanceMedia(FrameSamples);
            _framesInPacket++;
            if (_framesInPacket < _framesPerPacket) return false;
            _framesInPacket = 0;
            int payloadLen = _framesPerPacket * _frameBytes;
            bool marker = sender.TakeTalkSpurtMarker();
            int h = sender.WriteHeader(packetOut, 0, packetOut.Length, _session.AudioPayloadType, marker, _packetTs, payloadLen, nowMs);
            if (h < 0) return false;
            System.Array.Copy(_payload, 0, packetOut, h, payloadLen);
            packetLength = h + payloadLen;
            return true;
        }

        /// <summary>
        /// Writes one RFC 4733 telephone-event packet (payload supplied by the DTMF sender) with our
        /// SSRC and the next sequence number into packetOut[outOff..]. Returns its length, or -1 when
        /// no telephone-event payload type is negotiated or the buffer is too small.
        /// </summary>
        public int WriteTelephoneEvent(byte[] payload, int off, int len, uint timestamp, bool marker, long nowMs, byte[] packetOut, int outOff)
        {
            int pt = _session.EventPayloadType;
            if (pt < 0 || payload == null || packetOut == null) return -1;
            int h = _session.Sender.WriteHeader(packetOut, outOff, packetOut.Length - outOff, pt, marker, timestamp, len, nowMs);
            if (h < 0) return -1;
            System.Array.Copy(payload, off, packetOut, outOff + h, len);
            return h + len;
        }

        /// <summary>
        /// One received datagram on the RTP port. Accepted audio goes to the jitter buffer,
        /// accepted telephone-events to <see cref="EventSink"/>. Returns the session's verdict;
        /// <see cref="RtpStatus.IsRtcp"/> means an RTCP packet on a multiplexed port (pass it to OnRtcpPacket).
        /// </summary>
        public RtpStatus OnRtpPacket(byte[] buf, int off, int len, MediaEndpoint from, long nowMs)
        {
            RtpStatus s = _session.ReceiveRtp(buf, off, len, from, nowMs);
            if (!RtpStatusNames.IsAccepted(s)) return s;
            if (s != RtpStatus.Ok) _jitter.Flush();
            RtpHeader h = _session.LastHeader;
            if (h.PayloadType == _session.AudioPayloadType)
            {
                if (h.PayloadLength == 0) return RtpStatus.EmptyPayload;
                _jitter.Put(buf, h.PayloadOffset, h.PayloadLength, h.SequenceNumber, h.Timestamp, h.Ssrc, nowMs);
            }
            else
            {
                IRtpEventSink sink = EventSink;
                if (sink != null) sink.OnTelephoneEvent(buf, h.PayloadOffset, h.PayloadLength, h.Timestamp, h.Marker, nowMs);
            }
            return s;
        }

        /// <summary>Fills the 160-sample speaker frame for the next 20 ms. Call once per frame period.</summary>
        public JitterFrameKind ProducePlayback(long nowMs, short[] speakerFrame)
        {
            JitterFrameKind k = _jitter.GetFrame(nowMs, speakerFrame, 0);
            IFrameProcessor pp = PlaybackProcessor;
            if (pp != null) pp.Process(speakerFrame, 0, FrameSamples, nowMs);
            VolumeTable.Apply(speakerFrame, 0, FrameSamples, _volumeDb);
            IEchoSuppressor es = EchoSuppressor;
            if (es != null) es.OnPlayback(speakerFrame, 0, FrameSamples, nowMs);
            return k;
        }

        /// <summary>One received RTCP datagram (RTT, BYE, RTCP target learning).</summary>
        public RtpStatus OnRtcpPacket(byte[] buf, int off, int len, MediaEndpoint from, long nowMs, long wallClockMs)
        {
            return _session.ReceiveRtcp(buf, off, len, from, nowMs, wallClockMs);
        }

        /// <summary>Timer check: RtcpDue (call BuildRtcpReport and send to RtcpTarget) and InactivityTimeout.</summary>
        public RtpSessionEvents Poll(long nowMs) { return _session.Poll(nowMs); }

        /// <summary>Next time Poll has something to report (ms).</summary>
        public long NextDeadline(long nowMs) { return _session.NextDeadline(nowMs); }

        /// <summary>Builds the periodic SR/RR + SDES report. Returns its length or -1 if the buffer is too small.</summary>
        public int BuildRtcpReport(byte[] buf, int off, int capacity, long nowMs, long wallClockMs)
        {
            return _session.BuildReport(buf, off, capacity, nowMs, wallClockMs);
        }

        /// <summary>Builds the final SR/RR + SDES + BYE. Returns its length or -1.</summary>
        public int BuildRtcpBye(byte[] buf, int off, int capacity, long nowMs, long wallClockMs)
        {
            return _session.BuildBye(buf, off, capacity, nowMs, wallClockMs, null, 0, 0);
        }
    }
}
