// Adaptive playout (jitter) buffer for one RTP audio stream, pull model: the audio loop calls
// GetFrame every 20 ms, the network side calls Put per packet. Fixed memory: Slots slots of one
// frame of encoded audio each (a packet longer than a frame, e.g. 40 ms, is stored as frame-sized
// pieces in consecutive-timestamp slots; 16 slots x 160 bytes hold 320 ms of G.711 whatever the
// packet size), one frame of concealment history and a 2 ms cross-fade scratch; nothing is
// allocated per packet or per frame.
//  - Reordering: packets are found by timestamp; any arrival order before playout works.
//  - Duplicates: a 64-packet bitmap behind the highest sequence number.
//  - Late packets (whose audio was already played or concealed) are dropped and raise the
//    target depth by one frame at once (grow fast); the raise decays by 2.5 ms per second.
//  - Depth target: JitterFactor x the RFC 3550 A.8 interarrival jitter the buffer measures
//    itself, clamped to MinDepthMs..MaxDepthMs. The measured depth (audio buffered at each
//    pull, smoothed 1/16) is steered into target +- one frame by dropping a frame (preferably
//    a quiet one, with a 2 ms cross-fade) or inserting a concealment frame (preferably after a
//    quiet one). The same mechanism absorbs sender clock drift.
//  - Loss: a missing frame with later audio buffered is concealed (PacketLossConcealer) and
//    skipped; an empty buffer is concealed while playout holds (the depth grows by a frame);
//    after ReprimeFrames empty frames playout stops and restarts on the next packet.
//  - SSRC change, sequence jumps (>1000 forward, or two sequential packets >100 behind) and
//    timestamp jumps beyond MaxJumpMs flush and restart the buffer.
// Depends on IAudioCodec (sample-addressable, e.g. G.711), PacketLossConcealer, JitterStats,
// JitterBufferConfig. Does not know RTP parsing, sockets, SIP or clocks (time is nowMs).
using Endpoint.Media.Codec;

namespace Endpoint.Media.Jitter
{
    /// <summary>Adaptive jitter buffer with loss concealment and drift correction.</summary>
    public sealed class JitterBuffer
    {
        private const int CrossFade = PacketLossConcealer.FadeSamples;
        private const int MaxForwardSeqJump = 1000;
        private const int MaxBackwardSeq = 100;

        private readonly IAudioCodec _codec;
        private readonly int _nSlots;
        private readonly int _maxPayload;
        private readonly int _frame;
        private readonly int _slotBytes;
        private readonly byte[] _data;      // slot i at [i * _slotBytes, (i + 1) * _slotBytes)
        private readonly uint[] _ts;        // first timestamp of each slot's audio
        private readonly int[] _dur;        // samples in each slot; 0 = free
        private readonly short[] _fade = new short[CrossFade];
        private readonly PacketLossConcealer _plc;
        private readonly JitterStats _stats = new JitterStats();
        private readonly int _clock;
        private readonly int _minDelay;
        private readonly int _maxDelay;
        private readonly int _factor;
        private readonly int _quiet;
        private readonly int _reprimeFrames;
        private readonly int _maxJump;
        private int _count;

        private bool _hasSsrc;
        private uint _ssrc;
        private bool _hasSeq;
        private int _highSeq;
        private ulong _seen;
        private int _staleNext = -1;

        private bool _priming;
        private long _startAtMs;
        private bool _playing;
        private uint _playTs;
        private uint _highEnd;
        private int _emptyRun;

        private bool _haveTransit;
        private int _lastTransit;
        private int _jitter16;
        private int _boost;
        private int _boostClock;
        private int _avail16;
        private int _cooldown;
        private int _dropWait;
        private int _insertWait;

        /// <summary>A buffer decoding with <paramref name="codec"/>; all memory is allocated here.</summary>
        public JitterBuffer(IAudioCodec codec, JitterBufferConfig config)
        {
            if (codec == null) throw new System.ArgumentNullException("codec");
            if (config == null) config = new JitterBufferConfig();
            if (config.Slots < 2 || config.MaxPayloadBytes < 1 || config.FrameSamples < CrossFade * 2) throw new System.ArgumentException("config");
            _codec = codec;
            _nSlots = config.Slots;
            _maxPayload = config.MaxPayloadBytes;
            _frame = config.FrameSamples;
            _clock = codec.ClockRate;
            _minDelay = MsToSamples(config.MinDepthMs);
            _maxDelay = MsToSamples(config.MaxDepthMs);
            _factor = config.JitterFactor;
            _quiet = config.QuietLevel;
            _reprimeFrames = config.ReprimeFrames;
            _maxJump = MsToSamples(config.MaxJumpMs);
            _slotBytes = codec.BytesForSamples(_frame);
            _data = new byte[_nSlots * _slotBytes];
            _ts = new uint[_nSlots];
            _dur = new int[_nSlots];
            _plc = new PacketLossConcealer(_frame);
        }

        private int MsToSamples(int ms) { return (int)((long)ms * _clock / 1000); }
        private int SamplesToMs(int s) { return (int)((long)s * 1000 / _clock); }

        /// <summary>Counters.</summary>
        public JitterStats Stats { get { return _stats; } }

        /// <summary>True while playing out (not priming or stopped).</summary>
        public bool IsPlaying { get { return _playing; } }

        /// <summary>Slots currently holding audio (a packet longer than a frame holds one per frame).</summary>
        public int BufferedPackets { get { return _count; } }

        /// <summary>Current depth: smoothed audio buffered at each pull, including the frame being played, ms.</summary>
        public int DepthMs { get { return _playing ? SamplesToMs(_avail16 >> 4) : 0; } }

        /// <summary>Audio buffered right now beyond the playout point, ms (unsmoothed; 0 when not playing).</summary>
        public int InstantDepthMs { get { return _playing ? SamplesToMs((int)(_highEnd - _playTs)) : 0; } }

        /// <summary>Target playout depth, ms.</summary>
        public int TargetMs { get { return SamplesToMs(Target()); } }

        /// <summary>Interarrival jitter measured by the buffer (RFC 3550 A.8), ms.</summary>
        public int JitterMs { get { return SamplesToMs(_jitter16 >> 4); } }

        /// <summary>Drops everything buffered and waits for the next packet to restart (e.g. new remote source).</summary>
        public void Flush()
        {
            _stats.Resets++;
            Restart();
        }

        /// <summary>Like Flush but not counted as a reset (call setup).</summary>
        public void Clear() { Restart(); }

        private void Restart()
        {
            for (int i = 0; i < _nSlots; i++) _dur[i] = 0;
            _count = 0;
            _hasSeq = false;
            _seen = 0;
            _staleNext = -1;
            _playing = false;
            _priming = false;
            _emptyRun = 0;
            _haveTransit = false;
            _cooldown = 0;
            _dropWait = 0;
            _insertWait = 0;
        }

        private int Target()
        {
            int t = _factor * (_jitter16 >> 4);
            if (t < _minDelay) t = _minDelay;
            if (t > _maxDelay) t = _maxDelay;
            t += _boost;
            return t > _maxDelay ? _maxDelay : t;
        }

        /// <summary>
        /// Offers one packet's payload buf[off, off+len) with its RTP sequence number, timestamp and SSRC,
        /// received at <paramref name="nowMs"/>. The payload is copied.
        /// </summary>
        public JitterPutResult Put(byte[] buf, int off, int len, int seq, uint timestamp, uint ssrc, long nowMs)
        {
            if (len <= 0 || len > _maxPayload) { _stats.Refused++; return JitterPutResult.Refused; }
            bool reset = false;
            if (_hasSsrc && ssrc != _ssrc) { _stats.Resets++; Restart(); reset = true; }
            _ssrc = ssrc;
            _hasSsrc = true;
            seq &= 0xFFFF;
            if (_hasSeq)
            {
                int d = ((seq - _highSeq + 32768) & 0xFFFF) - 32768;
                if (d > MaxForwardSeqJump) { _stats.Resets++; Restart(); reset = true; }
                else if (d < -MaxBackwardSeq)
                {
                    if (seq == _staleNext) { _stats.Resets++; Restart(); reset = true; }
                    else
                    {
                        _staleNext = (seq + 1) & 0xFFFF;
                        _stats.Late++;
                        return JitterPutResult.Late;
                    }
                }
                else if (d > 0)
                {
                    _seen = d >= 64 ? 1UL : (_seen << d) | 1UL;
                    _highSeq = seq;
                }
                else if (d == 0 || (-d < 64 && ((_seen >> -d) & 1UL) != 0))
                {
                    _stats.Duplicates++;
                    return JitterPutResult.Duplicate;
                }
                else if (-d >= 64) { _stats.Late++; Grow(); return JitterPutResult.Late; }
                else _seen |= 1UL << -d;
            }
            if (!_hasSeq)
            {
                _hasSeq = true;
                _highSeq = seq;
                _seen = 1UL;
            }
            _staleNext = -1;

            UpdateJitter(timestamp, nowMs);
            int dur = _codec.SamplesForBytes(len);
            uint end = timestamp + (uint)dur;
            if (_playing)
            {
                int rel = (int)(timestamp - _playTs);
                if (rel > _maxJump || rel + dur < -_maxJump) RestartWith(seq, ref reset);
                else if (rel + dur <= 0)
                {
                    _stats.Late++;
                    Grow();
                    return JitterPutResult.Late;
                }
            }
            else if (_count > 0)
            {
                // Priming: everything buffered stays within MaxJumpMs of each other, so that
                // wrap-around timestamp comparisons remain meaningful.
                int rel = (int)(timestamp - _highEnd);
                if (rel > _maxJump || rel < -_maxJump) RestartWith(seq, ref reset);
            }
            bool wasEmpty = _count == 0;
            for (int done = 0; done < dur; )
            {
                int n = dur - done > _frame ? _frame : dur - done;
                int slot = FreeSlot();
                System.Array.Copy(buf, off + _codec.BytesForSamples(done), _data, slot * _slotBytes, _codec.BytesForSamples(n));
                _ts[slot] = timestamp + (uint)done;
                _dur[slot] = n;
                _count++;
                done += n;
            }
            if (wasEmpty && !_playing) _highEnd = end;
            else if ((int)(end - _highEnd) > 0) _highEnd = end;
            if (!_playing && !_priming)
            {
                _priming = true;
                _startAtMs = nowMs + SamplesToMs(Target());
            }
            _stats.Received++;
            return reset ? JitterPutResult.StoredAfterReset : JitterPutResult.Stored;
        }

        private void RestartWith(int seq, ref bool reset)
        {
            _stats.Resets++;
            Restart();
            reset = true;
            _hasSeq = true;
            _highSeq = seq;
            _seen = 1UL;
        }

        private void Grow()
        {
            _boost += _frame;
            if (_boost > _maxDelay) _boost = _maxDelay;
            _boostClock = 0;
        }

        private void UpdateJitter(uint timestamp, long nowMs)
        {
            int transit = (int)((uint)(nowMs * _clock / 1000) - timestamp);
            if (!_haveTransit)
            {
                _haveTransit = true;
                _lastTransit = transit;
                return;
            }
            int d = transit - _lastTransit;
            _lastTransit = transit;
            if (d < 0) d = -d;
            if (d > _maxDelay * 2) d = _maxDelay * 2; // one outlier (pause, restart) must not blow the estimate
            _jitter16 += d - ((_jitter16 + 8) >> 4);
        }

        private int FreeSlot()
        {
            int oldest = -1;
            for (int i = 0; i < _nSlots; i++)
            {
                if (_dur[i] == 0) return i;
                if (oldest < 0 || (int)(_ts[i] - _ts[oldest]) < 0) oldest = i;
            }
            _dur[oldest] = 0;
            _count--;
            _stats.Overflows++;
            return oldest;
        }

        private int Covering(uint ts)
        {
            for (int i = 0; i < _nSlots; i++)
            {
                if ((uint)(ts - _ts[i]) < (uint)_dur[i]) return i; // a free slot (0 samples) covers nothing
            }
            return -1;
        }

        private void FreeConsumed()
        {
            for (int i = 0; i < _nSlots; i++)
            {
                if (_dur[i] != 0 && (int)(_playTs - (_ts[i] + (uint)_dur[i])) >= 0)
                {
                    _dur[i] = 0;
                    _count--;
                }
            }
        }

        // Decodes the frame starting at ts into dst[off..off+frame) from as many packets as it spans.
        // Returns false (dst untouched beyond what was filled, rest concealed) when the first sample is missing.
        private bool Fill(uint ts, short[] dst, int off)
        {
            int filled = 0;
            while (filled < _frame)
            {
                int s = Covering(ts + (uint)filled);
                if (s < 0)
                {
                    if (filled == 0) return false;
                    System.Array.Clear(dst, off + filled, _frame - filled); // gap inside a frame (mixed packet sizes): rare
                    return true;
                }
                int from = (int)(ts + (uint)filled - _ts[s]);
                int n = _dur[s] - from;
                if (n > _frame - filled) n = _frame - filled;
                int byteOff = _codec.BytesForSamples(from);
                _codec.Decode(_data, s * _slotBytes + byteOff, _codec.BytesForSamples(n), dst, off + filled);
                filled += n;
            }
            return true;
        }

        private bool Quiet(short[] f, int off) { return PacketLossConcealer.MeanAbs(f, off, _frame) < _quiet; }

        private void StartPlayout()
        {
            // Start at the oldest packet, but skip stale audio beyond the target depth.
            int target = Target();
            int pick = -1;
            for (int i = 0; i < _nSlots; i++)
            {
                if (_dur[i] == 0) continue;
                if ((int)(_highEnd - (_ts[i] + (uint)_dur[i])) > target) continue;
                if (pick < 0 || (int)(_ts[i] - _ts[pick]) < 0) pick = i;
            }
            if (pick < 0)
            {
                for (int i = 0; i < _nSlots; i++) if (_dur[i] != 0 && (pick < 0 || (int)(_ts[i] - _ts[pick]) > 0)) pick = i;
            }
            _playTs = _ts[pick];
            _playing = true;
            _priming = false;
            _emptyRun = 0;
            _avail16 = ((int)(_highEnd - _playTs)) << 4;
            _cooldown = 0;
            FreeConsumed();
        }

        /// <summary>
        /// Produces the next frame (FrameSamples samples) into output[off..]. Call every frame period.
        /// </summary>
        public JitterFrameKind GetFrame(long nowMs, short[] output, int off)
        {
            if (!_playing)
            {
                if (_priming && _count > 0 && nowMs >= _startAtMs) StartPlayout();
                else
                {
                    _plc.Conceal(output, off, _frame); // fades out whatever played last, then silence
                    return JitterFrameKind.Idle;
                }
            }
            _stats.Frames++;
            FreeConsumed();
            int avail = (int)(_highEnd - _playTs);
            _avail16 += avail - (_avail16 >> 4);
            if (_boost > 0 && ++_boostClock >= 50)
            {
                _boostClock = 0;
                _boost -= _frame / 8;
                if (_boost < 0) _boost = 0;
            }
            if (_cooldown > 0) _cooldown--;
            int excess = (_avail16 >> 4) - (Target() + _frame / 2);

            if (Covering(_playTs) < 0)
            {
                _plc.Conceal(output, off, _frame);
                _stats.Concealed++;
                if (_count > 0)
                {
                    _playTs += (uint)_frame; // lost (or late): skip it
                    _stats.Lost++;
                    _emptyRun = 0;
                }
                else
                {
                    _stats.Underruns++;     // empty: hold playout, the depth grows by this frame
                    _avail16 += _frame << 4;
                    if (++_emptyRun >= _reprimeFrames) { _playing = false; _priming = false; }
                }
                return JitterFrameKind.Concealed;
            }
            _emptyRun = 0;

            if (excess > _frame && _cooldown == 0 && Covering(_playTs + (uint)_frame) >= 0)
            {
                // Decode this frame into the output; if it is dropped, its start is kept for the cross-fade.
                Fill(_playTs, output, off);
                _dropWait++;
                if (Quiet(output, off) || excess > 3 * _frame || _dropWait > 100)
                {
                    System.Array.Copy(output, off, _fade, 0, CrossFade);
                    _playTs += (uint)_frame;
                    Fill(_playTs, output, off);
                    for (int i = 0; i < CrossFade; i++)
                        output[off + i] = (short)((output[off + i] * i + _fade[i] * (CrossFade - i)) / CrossFade);
                    _plc.Good(output, off);
                    _playTs += (uint)_frame;
                    _stats.Dropped++;
                    _avail16 -= _frame << 4;
                    _cooldown = 10;
                    _dropWait = 0;
                    return JitterFrameKind.Audio;
                }
                _plc.Good(output, off); // not dropped: play the frame already decoded
                _playTs += (uint)_frame;
                return JitterFrameKind.Audio;
            }
            else if (excess < -_frame && _cooldown == 0)
            {
                _insertWait++;
                if (_plc.HistoryLevel < _quiet || excess < -2 * _frame || _insertWait > 50)
                {
                    _plc.Conceal(output, off, _frame);
                    _stats.Inserted++;
                    _avail16 += _frame << 4;
                    _cooldown = 10;
                    _insertWait = 0;
                    return JitterFrameKind.Inserted;
                }
            }
            else
            {
                _dropWait = 0;
                _insertWait = 0;
            }

            Fill(_playTs, output, off);
            _plc.Good(output, off);
            _playTs += (uint)_frame;
            return JitterFrameKind.Audio;
        }
    }
}
