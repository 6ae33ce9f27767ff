// RFC 4733 telephone-event sender, sans-IO. Queue digits; the RTP layer asks NextPayload with the
// current time and the RTP timestamp its audio would carry now, and gets 4-byte event payloads
// to send with the telephone-event payload type:
//  - the first packet of an event has the marker bit; all packets of an event carry the RTP
//    timestamp of the event start (RFC 4733 section 2.3.1, 2.5.1.2);
//  - a packet every PacketIntervalMs, packet k carrying duration (k+1)*interval in timestamp
//    units, capped at the tone length;
//  - the final duration is sent with the E bit three times, one interval apart (section 2.5.1.4);
//  - the next digit starts no earlier than tone + gap after the previous start and after the last
//    end packet.
// Depends on DtmfEvents. Knows nothing of sockets, RTP headers or SDP; allocation-free after
// construction. Limits: 32 queued digits, tone length up to 8 s (16-bit duration field).
namespace Endpoint.Media.Dtmf
{
    /// <summary>Generates RFC 4733 event payloads for queued digits.</summary>
    public sealed class Rfc4733Sender
    {
        private const int QueueSize = 32;
        private readonly byte[] _queue = new byte[QueueSize];
        private int _head, _count;
        private int _toneMs = 120, _gapMs = 80, _intervalMs = 20, _volume = 10, _clockRate = 8000;

        private bool _active;
        private int _event;
        private long _startMs;
        private uint _eventTs;
        private int _k;            // index of the next packet of the current event
        private int _endsSent;
        private long _nextStartMs = long.MinValue;

        /// <summary>Tone length per digit, ms (40..8000, default 120).</summary>
        public int ToneMs { get { return _toneMs; } set { _toneMs = Clamp(value, 40, 8000); } }

        /// <summary>Silence between digits, ms (default 80, at least 0).</summary>
        public int GapMs { get { return _gapMs; } set { _gapMs = Clamp(value, 0, 10000); } }

        /// <summary>Update interval between packets, ms (the negotiated ptime; 10..100, default 20).</summary>
        public int PacketIntervalMs { get { return _intervalMs; } set { _intervalMs = Clamp(value, 10, 100); } }

        /// <summary>Volume field: power level as -dBm0, 0..63 (default 10).</summary>
        public int Volume { get { return _volume; } set { _volume = Clamp(value, 0, 63); } }

        /// <summary>RTP clock rate of the telephone-event format (default 8000).</summary>
        public int ClockRate { get { return _clockRate; } set { _clockRate = Clamp(value, 8000, 48000); } }

        /// <summary>Digits queued and not yet started.</summary>
        public int Pending { get { return _count; } }

        /// <summary>True while an event is being sent (audio packets should pause meanwhile).</summary>
        public bool Busy { get { return _active; } }

        /// <summary>True when nothing is queued or in progress.</summary>
        public bool Idle { get { return !_active && _count == 0; } }

        /// <summary>Queues one digit; false when it is not a DTMF digit or the queue is full.</summary>
        public bool Enqueue(char digit)
        {
            int ev = DtmfEvents.FromChar(digit);
            if (ev < 0 || _count >= QueueSize) return false;
            _queue[(_head + _count) % QueueSize] = (byte)ev;
            _count++;
            return true;
        }

        /// <summary>Queues all digits of a string, or none (false) when one is invalid or they do not fit.</summary>
        public bool Enqueue(string digits)
        {
            if (digits == null || digits.Length > QueueSize - _count) return false;
            for (int i = 0; i < digits.Length; i++)
            {
                if (DtmfEvents.FromChar(digits[i]) < 0) return false;
            }
            for (int i = 0; i < digits.Length; i++) Enqueue(digits[i]);
            return true;
        }

        /// <summary>Drops queued digits; an event in progress still ends properly with its end packets.</summary>
        public void ClearQueue()
        {
            _head = 0;
            _count = 0;
        }

        /// <summary>Time (ms) at which <see cref="NextPayload"/> has a packet, or long.MaxValue when idle.</summary>
        public long NextDueMs
        {
            get
            {
                if (_active) return _startMs + (long)_k * _intervalMs;
                if (_count > 0) return _nextStartMs;
                return long.MaxValue;
            }
        }

        /// <summary>
        /// If a packet is due at <paramref name="nowMs"/>, writes its 4-byte payload at dst[offset]
        /// and returns 4; otherwise returns 0. Call repeatedly until it returns 0 when catching up.
        /// <paramref name="rtpTimestampNow"/> is the RTP timestamp of the audio stream at this moment;
        /// it is latched as the event timestamp when an event starts.
        /// </summary>
        public int NextPayload(long nowMs, uint rtpTimestampNow, byte[] dst, int offset, out bool marker, out uint timestamp)
        {
            marker = false;
            timestamp = 0;
            if (dst == null || offset < 0 || offset + 4 > dst.Length) throw new System.ArgumentOutOfRangeException("offset");
            if (!_active)
            {
                if (_count == 0 || nowMs < _nextStartMs) return 0;
                _event = _queue[_head];
                _head = (_head + 1) % QueueSize;
                _count--;
                _active = true;
                _startMs = nowMs;
                _eventTs = rtpTimestampNow;
                _k = 0;
                _endsSent = 0;
            }
            if (nowMs < _startMs + (long)_k * _intervalMs) return 0;

            int perPacket = _intervalMs * (_clockRate / 1000);
            int total = _toneMs * (_clockRate / 1000);
            if (total > 65535) total = 65535;
            int duration = (_k + 1) * perPacket;
            bool end = duration >= total;
            if (end)
            {
                duration = total;
                _endsSent++;
            }
            marker = _k == 0;
            timestamp = _eventTs;
            dst[offset] = (byte)_event;
            dst[offset + 1] = (byte)((end ? 0x80 : 0) | (_volume & 0x3F));
            dst[offset + 2] = (byte)(duration >> 8);
            dst[offset + 3] = (byte)duration;
            _k++;
            if (_endsSent >= 3)
            {
                _active = false;
                long afterTone = _startMs + _toneMs + _gapMs;
                long afterLast = _startMs + (long)_k * _intervalMs;
                _nextStartMs = afterTone > afterLast ? afterTone : afterLast;
            }
            return 4;
        }

        private static int Clamp(int v, int lo, int hi)
        {
            return v < lo ? lo : (v > hi ? hi : v);
        }
    }
}
