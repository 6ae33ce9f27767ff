// One call's RTP/RTCP session with one remote party (RFC 3550): validates incoming RTP
// (header, negotiated payload types, SSRC, Appendix A.1 sequence checks), keeps reception
// statistics and jitter (A.3, A.8), learns the remote's source address from validated packets
// only (symmetric RTP, RFC 4961 idea), builds SR/RR + SDES CNAME (+ BYE) reports on the RFC 3550
// 6.3 schedule (two-party simplification, see RtcpSchedule), computes round-trip time from
// LSR/DLSR (6.4.1), and reports RTP inactivity. Sans-IO: packets in, bytes out, time as nowMs,
// wall clock (for NTP timestamps) as a parameter.
// Depends on RtpHeader, RtpSender, RtpSourceState, RtcpCompound, RtcpWriter, RtcpSchedule,
// NtpTime, MediaEndpoint, IRandomSource. Does not know SIP, SDP, codecs, sockets or clocks.
// Limits: one remote source at a time. A new SSRC replaces the current one only after it passes
// A.1 probation and the current source has been silent for SourceSwitchHoldMs, so stray or
// garbage packets cannot take over the stream; an on-path attacker who sends well-formed,
// sequential RTP while the real source pauses still can (only SRTP prevents that).
namespace Endpoint.Media.Rtp
{
    /// <summary>Events returned by <see cref="RtpSession.Poll"/>, as bit flags.</summary>
    public enum RtpSessionEvents
    {
        /// <summary>Nothing to do.</summary>
        None = 0,
        /// <summary>An RTCP report is due: call BuildReport and send it.</summary>
        RtcpDue = 1,
        /// <summary>No valid RTP for InactivityTimeoutMs (reported once per silent period).</summary>
        InactivityTimeout = 2,
    }

    /// <summary>RTP/RTCP state of one call.</summary>
    public sealed class RtpSession
    {
        private readonly RtpHeader _header;      // the three from an RtpWorkspace (may be shared)
        private readonly RtcpCompound _rtcp;
        private readonly RtcpWriter _writer;
        private readonly RtpSourceState _active = new RtpSourceState();
        private readonly RtpSourceState _candidate = new RtpSourceState();
        private readonly RtcpSchedule _schedule;
        private readonly RtpSender _sender;
        private readonly byte[] _cname;
        private readonly int _clockRate;
        private MediaEndpoint _rtpTarget;
        private MediaEndpoint _rtcpTarget;
        private bool _started;
        private long _lastRtpMs;
        private bool _timeoutReported;
        private uint _lastSrFrom;
        private uint _lastSrMiddle;
        private long _lastSrArrivalMs;
        private bool _haveSr;
        private uint _packetsAtReport;
        private int _quietReports = 2;

        /// <summary>
        /// A session with a random SSRC and the given CNAME (RFC 3550 6.5.1; 1..255 bytes, copied).
        /// </summary>
        public RtpSession(IRandomSource random, int clockRate, byte[] cname, int cnameOff, int cnameLen)
            : this(random, clockRate, cname, cnameOff, cnameLen, null) { }

        /// <summary>
        /// As above, with its parse/write scratch from <paramref name="workspace"/> (shared by the
        /// sessions of one thread; null makes a private one).
        /// </summary>
        public RtpSession(IRandomSource random, int clockRate, byte[] cname, int cnameOff, int cnameLen, RtpWorkspace workspace)
        {
            if (cname == null || cnameLen <= 0 || cnameLen > 255) throw new System.ArgumentException("cname");
            if (workspace == null) workspace = new RtpWorkspace();
            _header = workspace.Header;
            _rtcp = workspace.Rtcp;
            _writer = workspace.Writer;
            _clockRate = clockRate;
            _sender = new RtpSender(random, clockRate);
            _schedule = new RtcpSchedule(random);
            _cname = new byte[cnameLen];
            System.Array.Copy(cname, cnameOff, _cname, 0, cnameLen);
            AudioPayloadType = 0;
            EventPayloadType = -1;
            InactivityTimeoutMs = 30000;
            SourceSwitchHoldMs = 60;
            RoundTripMs = -1;
        }

        /// <summary>Negotiated audio payload type accepted on receive (0..127).</summary>
        public int AudioPayloadType { get; set; }
        /// <summary>Negotiated telephone-event payload type accepted on receive, or -1.</summary>
        public int EventPayloadType { get; set; }
        /// <summary>RTP inactivity timeout in ms; 0 disables it (e.g. while on hold).</summary>
        public int InactivityTimeoutMs { get; set; }
        /// <summary>How long the current source must be silent before another SSRC may replace it (ms).</summary>
        public int SourceSwitchHoldMs { get; set; }

        /// <summary>The send side (SSRC, sequence, counts).</summary>
        public RtpSender Sender { get { return _sender; } }
        /// <summary>The current remote source (InUse false until one passed probation).</summary>
        public RtpSourceState Remote { get { return _active; } }
        /// <summary>Header of the last RTP packet passed to ReceiveRtp (valid when it returned an accepted status, until a session sharing the workspace reads the next).</summary>
        public RtpHeader LastHeader { get { return _header; } }
        /// <summary>Content of the last RTCP packet passed to ReceiveRtcp (until a session sharing the workspace reads the next).</summary>
        public RtcpCompound LastRtcp { get { return _rtcp; } }
        /// <summary>The RTCP schedule.</summary>
        public RtcpSchedule Schedule { get { return _schedule; } }

        /// <summary>Where to send RTP: the SDP address until a validated packet shows another source address.</summary>
        public MediaEndpoint RtpTarget { get { return _rtpTarget; } }
        /// <summary>Where to send RTCP: the SDP address until a validated RTCP packet from the remote source shows another.</summary>
        public MediaEndpoint RtcpTarget { get { return _rtcpTarget; } }
        /// <summary>How many times the RTP target was re-learned from incoming packets.</summary>
        public int TargetChanges { get; private set; }

        /// <summary>Last measured round-trip time in ms, or -1 before any.</summary>
        public int RoundTripMs { get; private set; }
        /// <summary>True once the remote source sent RTCP BYE.</summary>
        public bool RemoteBye { get; private set; }
        /// <summary>RTP packets accepted.</summary>
        public int RtpAccepted { get; private set; }
        /// <summary>RTP packets rejected (any reason).</summary>
        public int RtpRejected { get; private set; }
        /// <summary>RTCP packets rejected by the validity checks.</summary>
        public int RtcpRejected { get; private set; }
        /// <summary>Time of the last accepted RTP packet (ms).</summary>
        public long LastRtpMs { get { return _lastRtpMs; } }

        /// <summary>Starts (or restarts) the session at call setup with the SDP-negotiated targets.</summary>
        public void Start(long nowMs, MediaEndpoint rtpTarget, MediaEndpoint rtcpTarget)
        {
            _rtpTarget = rtpTarget;
            _rtcpTarget = rtcpTarget;
            _active.Clear();
            _candidate.Clear();
            _started = true;
            _lastRtpMs = nowMs;
            _timeoutReported = false;
            _haveSr = false;
            _packetsAtReport = _sender.PacketCount;
            _quietReports = 2;
            RemoteBye = false;
            RoundTripMs = -1;
            TargetChanges = 0;
            _schedule.Start(nowMs);
        }

        /// <summary>Stops accepting packets.</summary>
        public void Stop() { _started = false; }

        /// <summary>Changes the send targets (e.g. after a re-INVITE); learning continues from there.</summary>
        public void SetTargets(MediaEndpoint rtpTarget, MediaEndpoint rtcpTarget)
        {
            _rtpTarget = rtpTarget;
            _rtcpTarget = rtcpTarget;
        }

        /// <summary>
        /// Validates one received RTP packet from <paramref name="from"/>. On an accepted status
        /// (Ok, NewSource, Resynced) <see cref="LastHeader"/> describes it and the packet should be
        /// played (NewSource/Resynced: flush the jitter buffer first). Other statuses say why it was dropped.
        /// </summary>
        public RtpStatus ReceiveRtp(byte[] buf, int off, int len, MediaEndpoint from, long nowMs)
        {
            if (!_started) return Reject(RtpStatus.NotStarted);
            RtpStatus s = _header.Read(buf, off, len);
            if (s != RtpStatus.Ok) return Reject(s);
            int pt = _header.PayloadType;
            if (pt != AudioPayloadType && pt != EventPayloadType) return Reject(RtpStatus.UnexpectedPayloadType);
            int seq = _header.SequenceNumber;
            RtpStatus result;
            if (_active.InUse && _header.Ssrc == _active.Ssrc)
            {
                SequenceVerdict v = _active.UpdateSequence(seq);
                if (v == SequenceVerdict.BadSequence) return Reject(RtpStatus.BadSequence);
                if (v == SequenceVerdict.Probation) return Reject(RtpStatus.Probation);
                result = v == SequenceVerdict.Resynced ? RtpStatus.Resynced : RtpStatus.Ok;
            }
            else
            {
                if (!_candidate.InUse || _candidate.Ssrc != _header.Ssrc) _candidate.Start(_header.Ssrc, seq);
                SequenceVerdict v = _candidate.UpdateSequence(seq);
                if (v == SequenceVerdict.Probation) return Reject(_active.InUse ? RtpStatus.ForeignSource : RtpStatus.Probation);
                if (v == SequenceVerdict.BadSequence) return Reject(_active.InUse ? RtpStatus.ForeignSource : RtpStatus.BadSequence);
                if (_active.InUse && nowMs - _active.LastValidMs < SourceSwitchHoldMs) return Reject(RtpStatus.ForeignSource);
                _active.CopyFrom(_candidate);
                _candidate.Clear();
                result = RtpStatus.NewSource;
            }
            _active.LastValidMs = nowMs;
            _lastRtpMs = nowMs;
            _timeoutReported = false;
            if (pt == AudioPayloadType) _active.UpdateJitter(_header.Timestamp, (uint)(nowMs * _clockRate / 1000));
            if (from.IsSet && !from.SameAs(_rtpTarget))
            {
                _rtpTarget = from;
                TargetChanges++;
            }
            RtpAccepted++;
            return result;
        }

        private RtpStatus Reject(RtpStatus s)
        {
            RtpRejected++;
            return s;
        }

        /// <summary>
        /// Processes one received compound RTCP packet: records SR times for LSR/DLSR, measures the
        /// round-trip time from report blocks about our SSRC (A = <paramref name="wallClockMs"/> as NTP),
        /// notes BYE, and learns the RTCP target when the sender is the current remote source.
        /// </summary>
        public RtpStatus ReceiveRtcp(byte[] buf, int off, int len, MediaEndpoint from, long nowMs, long wallClockMs)
        {
            if (!_started) return RtpStatus.NotStarted;
            RtpStatus s = _rtcp.Parse(buf, off, len);
            if (s != RtpStatus.Ok) { RtcpRejected++; return s; }
            bool fromRemote = _active.InUse && _rtcp.SenderSsrc == _active.Ssrc;
            if (_rtcp.IsSenderReport)
            {
                _haveSr = true;
                _lastSrFrom = _rtcp.SenderSsrc;
                _lastSrMiddle = NtpTime.Middle32(_rtcp.NtpTimestamp);
                _lastSrArrivalMs = nowMs;
            }
            uint a = NtpTime.Middle32(NtpTime.FromUnixMs(wallClockMs));
            for (int i = 0; i < _rtcp.BlockCount; i++)
            {
                RtcpReportBlock b = _rtcp.Blocks[i];
                if (b.Ssrc != _sender.Ssrc || b.LastSr == 0) continue;
                uint rtt = a - b.LastSr - b.DelaySinceLastSr;
                if ((int)rtt >= 0) RoundTripMs = NtpTime.UnitsToMs(rtt);
            }
            if (_rtcp.HasBye && _active.InUse && _rtcp.ByeIncludes(_active.Ssrc)) RemoteBye = true;
            if (fromRemote && from.IsSet) _rtcpTarget = from;
            return RtpStatus.Ok;
        }

        /// <summary>True when an RTCP report is due.</summary>
        public bool IsRtcpDue(long nowMs) { return _started && _schedule.IsDue(nowMs); }

        /// <summary>True when InactivityTimeoutMs is set and no valid RTP arrived for that long.</summary>
        public bool IsInactive(long nowMs)
        {
            return _started && InactivityTimeoutMs > 0 && nowMs - _lastRtpMs >= InactivityTimeoutMs;
        }

        /// <summary>Checks the timers: RTCP due and inactivity (the latter reported once per silent period).</summary>
        public RtpSessionEvents Poll(long nowMs)
        {
            RtpSessionEvents e = RtpSessionEvents.None;
            if (!_started) return e;
            if (_schedule.IsDue(nowMs)) e |= RtpSessionEvents.RtcpDue;
            if (!_timeoutReported && IsInactive(nowMs))
            {
                _timeoutReported = true;
                e |= RtpSessionEvents.InactivityTimeout;
            }
            return e;
        }

        /// <summary>The next time Poll has something to report (ms).</summary>
        public long NextDeadline(long nowMs)
        {
            long d = _schedule.NextMs;
            if (InactivityTimeoutMs > 0 && !_timeoutReported)
            {
                long t = _lastRtpMs + InactivityTimeoutMs;
                if (t < d) d = t;
            }
            return d < nowMs ? nowMs : d;
        }

        /// <summary>
        /// Builds SR (or RR before we sent anything) with a report block on the remote source, plus
        /// SDES CNAME, into buf[off, off+capacity), and schedules the next report. Returns the
        /// length, or -1 when the buffer is too small (100 bytes always suffice for CNAMEs up to 40 bytes).
        /// </summary>
        public int BuildReport(byte[] buf, int off, int capacity, long nowMs, long wallClockMs)
        {
            int n = BuildCompound(buf, off, capacity, nowMs, wallClockMs, false, null, 0, 0);
            _schedule.Sent(nowMs);
            return n;
        }

        /// <summary>Builds SR/RR + SDES + BYE (with an optional reason) to end the session. Returns the length or -1.</summary>
        public int BuildBye(byte[] buf, int off, int capacity, long nowMs, long wallClockMs, byte[] reason, int reasonOff, int reasonLen)
        {
            return BuildCompound(buf, off, capacity, nowMs, wallClockMs, true, reason, reasonOff, reasonLen);
        }

        private int BuildCompound(byte[] buf, int off, int capacity, long nowMs, long wallClockMs, bool bye, byte[] reason, int rOff, int rLen)
        {
            _writer.Begin(buf, off, capacity);
            // RFC 3550 6.4: an SR only while we sent data since the report before the previous one.
            if (_sender.PacketCount != _packetsAtReport) _quietReports = 0;
            else if (_quietReports < 2) _quietReports++;
            _packetsAtReport = _sender.PacketCount;
            if (_sender.HasSent && _quietReports < 2)
                _writer.SenderReport(_sender.Ssrc, NtpTime.FromUnixMs(wallClockMs), _sender.TimestampAt(nowMs), _sender.PacketCount, _sender.OctetCount);
            else
                _writer.ReceiverReport(_sender.Ssrc);
            if (_active.InUse)
            {
                uint lsr = 0, dlsr = 0;
                if (_haveSr && _lastSrFrom == _active.Ssrc)
                {
                    lsr = _lastSrMiddle;
                    dlsr = NtpTime.MsToUnits(nowMs - _lastSrArrivalMs);
                }
                _writer.ReportBlock(_active.Ssrc, _active.TakeFractionLost(), _active.CumulativeLost, _active.ExtendedMaxSequence, _active.Jitter, lsr, dlsr);
            }
            _writer.SdesCname(_sender.Ssrc, _cname, 0, _cname.Length);
            if (bye) _writer.Bye(_sender.Ssrc, reason, rOff, rLen);
            return _writer.Length;
        }
    }
}
