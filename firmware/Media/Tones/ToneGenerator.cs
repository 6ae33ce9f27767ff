// Call-progress tone generator: fills 8 kHz PCM16 frames from a ToneSpec. Oscillators are 32-bit
// phase accumulators over a 256-entry Q15 sine table with linear interpolation (spurious
// products below -90 dB), so frequency is exact to 0.002 Hz and phase runs on across frames
// (no clicks at frame edges). The cadence runs in samples; each "on" burst fades in and out
// over 2 ms to avoid clicks. Integer arithmetic per sample, no allocation after construction
// (the sine table is built once per process). Depends on ToneSpec and Cadence only; knows
// nothing of codecs, RTP or audio devices. Limits: 8000 Hz mono.
namespace Endpoint.Media.Tones
{
    /// <summary>Generates tones frame by frame.</summary>
    public sealed class ToneGenerator
    {
        /// <summary>Peak of a 0 dBm0 sine in 16-bit PCM (G.711 mu-law scale: full scale is +3.17 dBm0).</summary>
        public const float ZeroDbm0Peak = 22657f;

        private const int RampSamples = 16;
        private static readonly short[] Sine = BuildSine();

        private ToneSpec _spec;
        private uint _ph1, _ph2, _inc1, _inc2;
        private int _amp, _depthQ15, _normQ15;
        private int _seg, _segPos, _segLen;
        private bool _finished;
        private int _gainDb;

        /// <summary>Extra gain applied to every tone, dB (negative = quieter; default 0).</summary>
        public int GainDb
        {
            get { return _gainDb; }
            set
            {
                _gainDb = value < -60 ? -60 : (value > 20 ? 20 : value);
                if (_spec != null) ComputeAmplitude();
            }
        }

        /// <summary>The tone being played, or null.</summary>
        public ToneSpec Current { get { return _spec; } }

        /// <summary>True while a tone plays (a one-shot cadence ends by itself).</summary>
        public bool Active { get { return _spec != null && !_finished; } }

        /// <summary>True while inside an "on" segment.</summary>
        public bool IsOn { get { return Active && (_seg < 0 || (_seg & 1) == 0); } }

        /// <summary>Starts <paramref name="spec"/> from the beginning of its cadence.</summary>
        public void Start(ToneSpec spec)
        {
            if (spec == null) throw new System.ArgumentNullException("spec");
            _spec = spec;
            _ph1 = 0;
            _ph2 = 0;
            _inc1 = Increment(spec.Frequency1);
            _inc2 = spec.Mix == ToneMix.Single ? 0 : Increment(spec.Frequency2);
            int depth = spec.ModulationDepthPercent < 0 ? 0 : (spec.ModulationDepthPercent > 100 ? 100 : spec.ModulationDepthPercent);
            _depthQ15 = depth * 32768 / 100;
            _normQ15 = (int)(32767.0 / (1.0 + depth / 100.0));
            ComputeAmplitude();
            _finished = false;
            _segPos = 0;
            if (spec.Cadence.IsContinuous)
            {
                _seg = -1;
                _segLen = int.MaxValue;
            }
            else
            {
                _seg = 0;
                _segLen = spec.Cadence.SegmentMs(0) * 8;
            }
        }

        /// <summary>Stops; further frames are silence.</summary>
        public void Stop()
        {
            _spec = null;
        }

        /// <summary>Writes <paramref name="count"/> samples at dst[offset] (silence when no tone plays).</summary>
        public void Fill(short[] dst, int offset, int count)
        {
            if (dst == null || offset < 0 || count < 0 || count > dst.Length - offset) throw new System.ArgumentOutOfRangeException("count");
            int i = offset, end = offset + count;
            while (i < end)
            {
                if (_spec == null || _finished)
                {
                    System.Array.Clear(dst, i, end - i);
                    return;
                }
                int n = end - i;
                if (_seg < 0)
                {
                    Generate(dst, i, n);
                    if (_segPos < RampSamples) Ramp(dst, i, n, _segPos, int.MaxValue);
                    _segPos = _segPos + n > RampSamples ? RampSamples : _segPos + n;
                    return;
                }
                int left = _segLen - _segPos;
                if (n > left) n = left;
                if ((_seg & 1) == 0)
                {
                    Generate(dst, i, n);
                    Ramp(dst, i, n, _segPos, _segLen);
                }
                else
                {
                    System.Array.Clear(dst, i, n);
                }
                i += n;
                _segPos += n;
                if (_segPos == _segLen) NextSegment();
            }
        }

        private void NextSegment()
        {
            Cadence c = _spec.Cadence;
            _seg++;
            _segPos = 0;
            if (_seg >= c.SegmentCount)
            {
                if (!c.Repeat)
                {
                    _finished = true;
                    return;
                }
                _seg = 0;
            }
            _segLen = c.SegmentMs(_seg) * 8;
        }

        private void Generate(short[] dst, int from, int n)
        {
            short[] t = Sine;
            uint p1 = _ph1, p2 = _ph2, i1 = _inc1, i2 = _inc2;
            int amp = _amp, stop = from + n;
            switch (_spec.Mix)
            {
                case ToneMix.Single:
                    for (int i = from; i < stop; i++)
                    {
                        int x = (int)(p1 >> 24), a = t[x];
                        int s = a + (((t[x + 1] - a) * (int)((p1 >> 8) & 0xFFFF)) >> 16);
                        dst[i] = (short)((s * amp) >> 15);
                        p1 += i1;
                    }
                    break;
                case ToneMix.Sum:
                    for (int i = from; i < stop; i++)
                    {
                        int x = (int)(p1 >> 24), a = t[x];
                        int s = a + (((t[x + 1] - a) * (int)((p1 >> 8) & 0xFFFF)) >> 16);
                        x = (int)(p2 >> 24);
                        a = t[x];
                        s += a + (((t[x + 1] - a) * (int)((p2 >> 8) & 0xFFFF)) >> 16);
                        int v = (s * amp) >> 15;
                        dst[i] = (short)(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
                        p1 += i1;
                        p2 += i2;
                    }
                    break;
                default:
                    int depth = _depthQ15, norm = _normQ15;
                    for (int i = from; i < stop; i++)
                    {
                        int x = (int)(p1 >> 24), a = t[x];
                        int c = ((a + (((t[x + 1] - a) * (int)((p1 >> 8) & 0xFFFF)) >> 16)) * amp) >> 15;
                        x = (int)(p2 >> 24);
                        a = t[x];
                        int m = a + (((t[x + 1] - a) * (int)((p2 >> 8) & 0xFFFF)) >> 16);
                        int env = ((32768 + ((depth * m) >> 15)) * norm) >> 15;
                        dst[i] = (short)((c * env) >> 15);
                        p1 += i1;
                        p2 += i2;
                    }
                    break;
            }
            _ph1 = p1;
            _ph2 = p2;
        }

        // Linear fade over the first and last RampSamples of a burst (segLen int.MaxValue: no end).
        private static void Ramp(short[] dst, int from, int n, int segPos, int segLen)
        {
            for (int j = 0; j < n; j++)
            {
                int pos = segPos + j;
                bool steady = pos >= RampSamples && (segLen == int.MaxValue || segLen - pos > RampSamples);
                if (steady)
                {
                    if (segLen == int.MaxValue) return;
                    int fadeOut = segLen - RampSamples - segPos; // run index where the fade-out starts
                    if (fadeOut > j) j = fadeOut - 1;
                    continue;
                }
                int g = pos < RampSamples ? pos : RampSamples;
                if (segLen != int.MaxValue && segLen - pos < g) g = segLen - pos;
                dst[from + j] = (short)(dst[from + j] * g / RampSamples);
            }
        }

        private void ComputeAmplitude()
        {
            double a = ZeroDbm0Peak * System.Math.Pow(10, (_spec.LevelDbm0 + _gainDb) / 20.0);
            _amp = a > 32767 ? 32767 : (int)(a + 0.5);
        }

        private static uint Increment(int hz)
        {
            return (uint)(hz * 4294967296.0 / 8000.0 + 0.5);
        }

        private static short[] BuildSine()
        {
            short[] t = new short[257];
            for (int i = 0; i <= 256; i++) t[i] = (short)System.Math.Round(32767 * System.Math.Sin(2 * System.Math.PI * i / 256));
            return t;
        }
    }
}
