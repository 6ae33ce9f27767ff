// RFC 4733 telephone-event receiver. Feed it the payload, RTP timestamp and marker of each packet
// that carries the negotiated telephone-event payload type; it reports each DTMF digit to an
// IDigitSink exactly once:
//  - on the first packet with the E bit, or
//  - when a packet with a newer event timestamp arrives and the previous event never ended, or
//  - from Poll when no packet of an unfinished event arrived for EventTimeoutMs;
// end-packet retransmissions and late packets of a reported event (same or older timestamp)
// are dropped, so lost start packets, lost end packets and duplicates are all tolerated.
// Long events split into segments (section 2.5.2.3: new timestamp, no marker, same event after a
// duration near 0xFFFF) continue the same digit. Events other than 0-15 are ignored.
// Depends on DtmfEvents/IDigitSink; no allocation; knows nothing of RTP headers or SDP.
namespace Endpoint.Media.Dtmf
{
    /// <summary>Turns telephone-event packets into digits.</summary>
    public sealed class Rfc4733Receiver
    {
        private readonly IDigitSink _sink;
        private readonly int _clockRate;
        private bool _active;
        private int _event;
        private uint _ts;
        private int _duration;       // of the current segment, timestamp units
        private long _durationBase;  // of earlier segments
        private long _lastPacketMs;
        private bool _haveReported;
        private uint _reportedTs;

        /// <summary>Creates a receiver reporting to <paramref name="sink"/> (may be null) for the given clock rate.</summary>
        public Rfc4733Receiver(IDigitSink sink, int clockRate)
        {
            _sink = sink;
            _clockRate = clockRate > 0 ? clockRate : 8000;
            EventTimeoutMs = 400;
        }

        /// <summary>Creates a receiver for telephone-event/8000.</summary>
        public Rfc4733Receiver(IDigitSink sink) : this(sink, 8000) { }

        /// <summary>An unfinished event with no packets for this long is reported by <see cref="Poll"/> (default 400 ms).</summary>
        public int EventTimeoutMs { get; set; }

        /// <summary>Number of digits reported so far.</summary>
        public int DigitCount { get; private set; }

        /// <summary>The last digit reported, or '\0'.</summary>
        public char LastDigit { get; private set; }

        /// <summary>The digit currently pressed (started, not yet reported), or '\0'.</summary>
        public char ActiveDigit { get { return _active ? DtmfEvents.ToChar(_event) : '\0'; } }

        /// <summary>When <see cref="Poll"/> next has work, or long.MaxValue.</summary>
        public long NextDeadline { get { return _active ? _lastPacketMs + EventTimeoutMs : long.MaxValue; } }

        /// <summary>Forgets all state (new call or new SSRC).</summary>
        public void Reset()
        {
            _active = false;
            _haveReported = false;
            _durationBase = 0;
        }

        /// <summary>
        /// Processes one telephone-event payload. Returns true when a digit was reported by this call.
        /// Payloads shorter than 4 bytes are ignored; only the first 4-byte block is used.
        /// </summary>
        public bool OnPacket(byte[] payload, int offset, int count, uint timestamp, bool marker, long nowMs)
        {
            if (payload == null || count < 4 || offset < 0 || offset + 4 > payload.Length) return false;
            int ev = payload[offset];
            bool end = (payload[offset + 1] & 0x80) != 0;
            int duration = (payload[offset + 2] << 8) | payload[offset + 3];
            if (ev > 15) return false;

            if (_haveReported && IsSameOrOlder(timestamp, _reportedTs)) return false;
            bool reported = false;
            if (_active && timestamp != _ts)
            {
                if (IsSameOrOlder(timestamp, _ts)) return false; // late packet from before the current event
                if (!marker && ev == _event && _duration >= 0xFF00)
                {
                    _durationBase += _duration; // next segment of a long event
                    _ts = timestamp;
                    _duration = 0;
                }
                else
                {
                    Report();
                    reported = true;
                }
            }
            if (!_active)
            {
                _active = true;
                _event = ev;
                _ts = timestamp;
                _duration = 0;
                _durationBase = 0;
            }
            if (duration > _duration) _duration = duration;
            _lastPacketMs = nowMs;
            if (end)
            {
                Report();
                reported = true;
            }
            return reported;
        }

        /// <summary>Reports an unfinished event whose packets stopped. Returns true when a digit was reported.</summary>
        public bool Poll(long nowMs)
        {
            if (!_active || nowMs - _lastPacketMs < EventTimeoutMs) return false;
            Report();
            return true;
        }

        // Same or up to 10 s older. A larger backward jump is a new timestamp base (new stream).
        private bool IsSameOrOlder(uint ts, uint reference)
        {
            int diff = (int)(ts - reference);
            return diff <= 0 && diff > -10 * _clockRate;
        }

        private void Report()
        {
            _active = false;
            _haveReported = true;
            _reportedTs = _ts;
            char c = DtmfEvents.ToChar(_event);
            long units = _durationBase + _duration;
            int ms = (int)(units * 1000 / _clockRate);
            DigitCount++;
            LastDigit = c;
            if (_sink != null) _sink.OnDigit(c, ms, DtmfSource.Rfc4733);
        }
    }
}
