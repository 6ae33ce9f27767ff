// In-band DTMF detector (ITU-T Q.23 frequencies, Q.24 acceptance) over 8 kHz PCM16 audio.
// Method: eight Goertzel filters run over 5 ms sub-blocks (40 samples); each filter combines its
// last L sub-block results coherently (phase-rotated sum) into a sliding window of about 24
// cycles of its own frequency (280 samples at 697 Hz down to 120 at 1633 Hz), so every filter
// has the same relative bandwidth: a tone 1.5 % off loses < 2.5 dB, 3.5 % off loses > 11 dB.
// Every 5 ms the strongest row and column are tested for: level (MinLevelDbm0), twist (normal /
// reverse), relative peak against the other tones of the group, and the share of the total
// signal power the pair holds (rejects speech/music). A 3.5 % deviation of one tone breaks the
// twist test, of both the share test. Timing uses a sub-block energy envelope: a digit is
// reported once after MinDurationMs of continuous signal with two consecutive hits, and ends
// after MinPauseMs of silence (or MissEndMs without hits), so a long tone is reported once and
// 10 ms drop-outs are bridged.
// Cost per sample: 8 multiply-adds + energy, float, whole-chunk loop with locals; per 5 ms:
// about 40 complex multiply-adds (the window's phase rotations come from a recurrence on one
// per-tone step, not from tables). Memory: the coefficients are static (shared by every call);
// an instance holds the resonator states and one ring of 7 complex sub-block results per tone
// (about 600 bytes of floats). No allocation after construction.
// Depends on DtmfDetectorConfig and IDigitSink. Knows nothing of RTP, codecs or frames sizes
// (any count per call). Limits: 8000 Hz only.
namespace Endpoint.Media.Dtmf
{
    /// <summary>Detects DTMF digits in 8 kHz 16-bit mono audio.</summary>
    public sealed class DtmfDetector
    {
        private const int Hop = 40;
        private const int Ring = 7;
        private const float ZeroDbm0Peak = 22657f; // peak of a 0 dBm0 sine in 16-bit PCM (G.711 mu-law scale)
        private const string Digits = "123A456B789C*0#D";
        private static readonly int[] Freqs = { 697, 770, 852, 941, 1209, 1336, 1477, 1633 };
        private static readonly int[] Blocks = { 7, 6, 6, 5, 4, 4, 3, 3 };

        // Per tone: Goertzel coefficient 2cos(w), cos(w), sin(w), and the rotation from one
        // sub-block to the next, e^(-i w Hop) (shared by every detector).
        private static readonly float[] Coef = new float[8];
        private static readonly float[] Cos = new float[8];
        private static readonly float[] Sin = new float[8];
        private static readonly float[] StepRe = new float[8];
        private static readonly float[] StepIm = new float[8];

        private readonly IDigitSink _sink;
        private readonly float[] _zRe = new float[8 * Ring];   // tone k's ring at [k * Ring, k * Ring + Ring)
        private readonly float[] _zIm = new float[8 * Ring];
        private readonly float[] _blockEnergy = new float[Ring];
        private readonly float[] _amp2 = new float[8];
        private readonly float[] _share = new float[8];
        private readonly float[] _s1 = new float[8];
        private readonly float[] _s2 = new float[8];

        static DtmfDetector()
        {
            for (int k = 0; k < 8; k++)
            {
                double w = 2 * System.Math.PI * Freqs[k] / 8000.0;
                Cos[k] = (float)System.Math.Cos(w);
                Sin[k] = (float)System.Math.Sin(w);
                Coef[k] = 2 * Cos[k];
                StepRe[k] = (float)System.Math.Cos(w * Hop);
                StepIm[k] = (float)-System.Math.Sin(w * Hop);
            }
        }

        private readonly float _minAmp2, _absFloor, _normalTwist, _reverseTwist, _relPeak, _minShare;
        private readonly int _minDurationSamples, _pauseBlocks, _missEndBlocks;

        private float _energy;
        private int _fill;
        private int _slot = Ring - 1;   // slot of the newest completed sub-block
        private long _blockCount;
        private bool _inRun;
        private long _runStart;         // sub-block index where the current signal run began
        private float _runLevel;
        private int _gapBlocks;
        private int _digit = -1;
        private int _prevHit = -1;
        private int _missBlocks;

        /// <summary>Creates a detector with default settings.</summary>
        public DtmfDetector(IDigitSink sink) : this(sink, new DtmfDetectorConfig()) { }

        /// <summary>Creates a detector reporting to <paramref name="sink"/> (may be null).</summary>
        public DtmfDetector(IDigitSink sink, DtmfDetectorConfig config)
        {
            if (config == null) throw new System.ArgumentNullException("config");
            _sink = sink;
            float minAmp = ZeroDbm0Peak * (float)System.Math.Pow(10, config.MinLevelDbm0 / 20.0);
            _minAmp2 = minAmp * minAmp;
            _absFloor = _minAmp2 / 4;
            _normalTwist = (float)System.Math.Pow(10, config.NormalTwistDb / 10.0);
            _reverseTwist = (float)System.Math.Pow(10, config.ReverseTwistDb / 10.0);
            _relPeak = (float)System.Math.Pow(10, config.RelativePeakDb / 10.0);
            _minShare = (float)config.MinToneShare;
            _minDurationSamples = config.MinDurationMs * 8;
            _pauseBlocks = (config.MinPauseMs * 8 + Hop - 1) / Hop;
            if (_pauseBlocks < 1) _pauseBlocks = 1;
            _missEndBlocks = (config.MissEndMs * 8 + Hop - 1) / Hop;
            if (_missEndBlocks < 1) _missEndBlocks = 1;
        }

        /// <summary>Number of digits reported so far.</summary>
        public int DigitCount { get; private set; }

        /// <summary>The last digit reported, or '\0'.</summary>
        public char LastDigit { get; private set; }

        /// <summary>The digit currently sounding (reported and not yet ended), or '\0'.</summary>
        public char CurrentDigit { get { return _digit >= 0 ? Digits[_digit] : '\0'; } }

        /// <summary>Clears all state (keeps settings and counters).</summary>
        public void Reset()
        {
            System.Array.Clear(_s1, 0, 8);
            System.Array.Clear(_s2, 0, 8);
            System.Array.Clear(_zRe, 0, _zRe.Length);
            System.Array.Clear(_zIm, 0, _zIm.Length);
            System.Array.Clear(_blockEnergy, 0, Ring);
            _energy = 0;
            _fill = 0;
            _inRun = false;
            _gapBlocks = 0;
            _digit = -1;
            _prevHit = -1;
            _missBlocks = 0;
        }

        /// <summary>Feeds samples (any count, e.g. one 160-sample frame). Digits go to the sink.</summary>
        public void Process(short[] samples, int offset, int count)
        {
            if (samples == null || offset < 0 || count < 0 || count > samples.Length - offset) throw new System.ArgumentOutOfRangeException("count");
            int i = offset, end = offset + count;
            while (i < end)
            {
                int n = Hop - _fill;
                if (n > end - i) n = end - i;
                Filter(samples, i, n);
                i += n;
                _fill += n;
                if (_fill == Hop)
                {
                    _fill = 0;
                    EndBlock();
                }
            }
        }

        // The per-sample loop: 8 Goertzel resonators and the energy, all in locals.
        private void Filter(short[] s, int from, int n)
        {
            float[] cf = Coef;
            float c0 = cf[0], c1 = cf[1], c2 = cf[2], c3 = cf[3], c4 = cf[4], c5 = cf[5], c6 = cf[6], c7 = cf[7];
            float a0 = _s1[0], a1 = _s1[1], a2 = _s1[2], a3 = _s1[3], a4 = _s1[4], a5 = _s1[5], a6 = _s1[6], a7 = _s1[7];
            float b0 = _s2[0], b1 = _s2[1], b2 = _s2[2], b3 = _s2[3], b4 = _s2[4], b5 = _s2[5], b6 = _s2[6], b7 = _s2[7];
            float e = _energy, t;
            int stop = from + n;
            for (int i = from; i < stop; i++)
            {
                float x = s[i];
                e += x * x;
                t = x + c0 * a0 - b0; b0 = a0; a0 = t;
                t = x + c1 * a1 - b1; b1 = a1; a1 = t;
                t = x + c2 * a2 - b2; b2 = a2; a2 = t;
                t = x + c3 * a3 - b3; b3 = a3; a3 = t;
                t = x + c4 * a4 - b4; b4 = a4; a4 = t;
                t = x + c5 * a5 - b5; b5 = a5; a5 = t;
                t = x + c6 * a6 - b6; b6 = a6; a6 = t;
                t = x + c7 * a7 - b7; b7 = a7; a7 = t;
            }
            _s1[0] = a0; _s1[1] = a1; _s1[2] = a2; _s1[3] = a3; _s1[4] = a4; _s1[5] = a5; _s1[6] = a6; _s1[7] = a7;
            _s2[0] = b0; _s2[1] = b1; _s2[2] = b2; _s2[3] = b3; _s2[4] = b4; _s2[5] = b5; _s2[6] = b6; _s2[7] = b7;
            _energy = e;
        }

        private void EndBlock()
        {
            _slot = _slot + 1 == Ring ? 0 : _slot + 1;
            for (int k = 0; k < 8; k++)
            {
                float s1 = _s1[k], s2 = _s2[k];
                _zRe[k * Ring + _slot] = s1 - s2 * Cos[k];
                _zIm[k * Ring + _slot] = s2 * Sin[k];
                _s1[k] = 0;
                _s2[k] = 0;
            }
            float blockEnergy = _energy;
            _blockEnergy[_slot] = blockEnergy;
            _energy = 0;
            long block = _blockCount++;

            bool active = Envelope(blockEnergy / Hop, block);
            int hit = Evaluate();
            if (_digit < 0)
            {
                long runSamples = (block + 1 - _runStart) * Hop;
                if (hit >= 0 && hit == _prevHit && active && _inRun && runSamples >= _minDurationSamples)
                {
                    _digit = hit;
                    _missBlocks = 0;
                    DigitCount++;
                    LastDigit = Digits[hit];
                    if (_sink != null) _sink.OnDigit(Digits[hit], (int)(runSamples / 8), DtmfSource.InBand);
                }
            }
            else if (!_inRun)
            {
                _digit = -1;
            }
            else if (hit == _digit)
            {
                _missBlocks = 0;
            }
            else if (++_missBlocks >= _missEndBlocks)
            {
                _digit = -1;
            }
            _prevHit = hit;
        }

        // Signal-run tracking on the sub-block mean square; returns whether this block is "signal".
        private bool Envelope(float e, long block)
        {
            if (!_inRun)
            {
                if (e < _absFloor) return false;
                _inRun = true;
                _runStart = block;
                _runLevel = e;
                _gapBlocks = 0;
                return true;
            }
            if (e >= _absFloor && e * 4 >= _runLevel)
            {
                _gapBlocks = 0;
                _runLevel = e > _runLevel ? e : _runLevel * 0.75f + e * 0.25f;
                return true;
            }
            if (++_gapBlocks >= _pauseBlocks) _inRun = false;
            return false;
        }

        // Tone tests on the current windows; returns the digit index 0..15 or -1.
        private int Evaluate()
        {
            for (int k = 0; k < 8; k++)
            {
                // Coherent sum over the last l sub-blocks, the j-th (oldest first) rotated by
                // e^(-i w Hop j); the rotation advances by one complex multiply per sub-block.
                int l = Blocks[k];
                float[] zr = _zRe, zi = _zIm;
                int ring = k * Ring;
                int slot = _slot - l + 1;
                if (slot < 0) slot += Ring;
                float wr = 0, wi = 0, en = 0, c = 1, d = 0, sr = StepRe[k], si = StepIm[k];
                for (int j = 0; j < l; j++)
                {
                    float a = zr[ring + slot], b = zi[ring + slot];
                    wr += a * c - b * d;
                    wi += a * d + b * c;
                    en += _blockEnergy[slot];
                    float nc = c * sr - d * si;
                    d = c * si + d * sr;
                    c = nc;
                    slot = slot + 1 == Ring ? 0 : slot + 1;
                }
                float p = wr * wr + wi * wi;
                float nk = l * Hop;
                _amp2[k] = 4 * p / (nk * nk);
                _share[k] = en > 0 ? 2 * p / (nk * en) : 0;
            }
            int row = 0, col = 4;
            for (int k = 1; k < 4; k++)
            {
                if (_amp2[k] > _amp2[row]) row = k;
                if (_amp2[k + 4] > _amp2[col]) col = k + 4;
            }
            float ar = _amp2[row], ac = _amp2[col];
            if (ar < _minAmp2 || ac < _minAmp2) return -1;
            if (ar > ac * _normalTwist || ac > ar * _reverseTwist) return -1;
            for (int k = 0; k < 4; k++)
            {
                if (k != row && _amp2[k] * _relPeak > ar) return -1;
                if (k + 4 != col && _amp2[k + 4] * _relPeak > ac) return -1;
            }
            if (_share[row] + _share[col] < _minShare) return -1;
            return row * 4 + (col - 4);
        }
    }
}
