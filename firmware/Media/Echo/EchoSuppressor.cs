// Speakerphone echo suppression for a hands-free intercom (a voice-switched, half-duplex-leaning
// scheme as in ITU-T P.340-style loudspeaking terminals; no adaptive filter). Per frame:
//  - far-end (playback) and near-end (microphone) mean power by integer sums of squares;
//  - a far-end envelope (peak hold, decaying 3 dB per 20 ms, slower than room reverberation)
//    bridges the echo path delay;
//  - far talking (above FarThresholdDbm0) arms a hangover (HangoverMs) for the echo tail;
//  - while far talks or the hangover runs, the microphone is attenuated by AttenuationDb unless
//    the near end is clearly louder than the far envelope (DoubleTalkMarginDb): double talk,
//    favouring the near end (DoubleTalkAttenuationDb);
//  - the attenuation moves at AttackMs / ReleaseMs rates and the gain is interpolated per sample
//    across the frame, so there are no steps.
// Integer arithmetic, no allocation after construction, any frame length. The microphone frame
// is modified in place; the playback frame is read only (pass the frame being played now).
// Depends on EchoSuppressorConfig only; knows nothing of codecs, RTP or audio devices.
namespace Endpoint.Media.Echo
{
    /// <summary>Attenuates the microphone while the far end talks.</summary>
    public sealed class EchoSuppressor
    {
        private const double ZeroDbm0Power = 22657.0 * 22657.0 / 2;
        private static readonly int[] GainTable = BuildGains(); // Q15 gain per whole dB, 0..61

        private readonly long _farThreshold, _nearThreshold;
        private readonly int _marginQ8;
        private readonly int _maxAtt16, _dtAtt16;      // attenuations in 1/16 dB
        private readonly int _attackPer640, _releasePer640; // 1/16 dB per 640 samples (80 ms)
        private readonly int _hangoverSamples;

        private long _farEnv;
        private int _hangoverLeft;
        private int _att16;

        /// <summary>Creates a suppressor.</summary>
        public EchoSuppressor(EchoSuppressorConfig config)
        {
            if (config == null) throw new System.ArgumentNullException("config");
            Enabled = config.Enabled;
            _farThreshold = (long)(ZeroDbm0Power * System.Math.Pow(10, config.FarThresholdDbm0 / 10.0));
            _nearThreshold = (long)(ZeroDbm0Power * System.Math.Pow(10, config.NearThresholdDbm0 / 10.0));
            _marginQ8 = (int)(256 * System.Math.Pow(10, config.DoubleTalkMarginDb / 10.0));
            int att = Clamp(config.AttenuationDb, 0, 60);
            _maxAtt16 = att * 16;
            _dtAtt16 = Clamp(config.DoubleTalkAttenuationDb, 0, att) * 16;
            int attack = config.AttackMs < 1 ? 1 : config.AttackMs;
            int release = config.ReleaseMs < 1 ? 1 : config.ReleaseMs;
            _attackPer640 = (_maxAtt16 * 80 + attack - 1) / attack;
            _releasePer640 = (_maxAtt16 * 80 + release - 1) / release;
            _hangoverSamples = Clamp(config.HangoverMs, 0, 5000) * 8;
        }

        /// <summary>When false, <see cref="Process"/> leaves the microphone unchanged (state keeps tracking).</summary>
        public bool Enabled { get; set; }

        /// <summary>Current attenuation, whole dB.</summary>
        public int AttenuationDb { get { return (_att16 + 8) >> 4; } }

        /// <summary>True when the last frame counted the far end as talking.</summary>
        public bool FarActive { get; private set; }

        /// <summary>True when the last frame was double talk (near end favoured).</summary>
        public bool DoubleTalk { get; private set; }

        /// <summary>True while suppression is wanted (far talking or hangover, no double talk).</summary>
        public bool Suppressing { get; private set; }

        /// <summary>Forgets all state (new call).</summary>
        public void Reset()
        {
            _farEnv = 0;
            _hangoverLeft = 0;
            _att16 = 0;
            FarActive = false;
            DoubleTalk = false;
            Suppressing = false;
        }

        /// <summary>
        /// Processes one frame: <paramref name="count"/> microphone samples at mic[micOffset]
        /// (modified in place) and the playback samples played at the same time.
        /// </summary>
        public void Process(short[] mic, int micOffset, short[] speaker, int speakerOffset, int count)
        {
            if (mic == null || speaker == null || count < 0 || micOffset < 0 || speakerOffset < 0
                || count > mic.Length - micOffset || count > speaker.Length - speakerOffset)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }
            if (count == 0) return;
            Suppress(mic, micOffset, count, MeanSquare(speaker, speakerOffset, count));
        }

        /// <summary>
        /// Like <see cref="Process"/>, with the playback frame given by its mean square
        /// (<see cref="MeanSquare"/>) instead of its samples: a caller that sees playback and
        /// capture at different moments keeps one number instead of a copy of the frame.
        /// </summary>
        public void Process(short[] mic, int micOffset, int count, long farMeanSquare)
        {
            if (mic == null || count < 0 || micOffset < 0 || count > mic.Length - micOffset) throw new System.ArgumentOutOfRangeException("count");
            if (count == 0) return;
            Suppress(mic, micOffset, count, farMeanSquare);
        }

        /// <summary>Mean of the squared samples of samples[offset, offset+count) (0 when count is 0).</summary>
        public static long MeanSquare(short[] samples, int offset, int count)
        {
            if (count <= 0) return 0;
            long sum = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int v = samples[i];
                sum += v * v;
            }
            return sum / count;
        }

        private void Suppress(short[] mic, int micOffset, int count, long far)
        {
            long near = MeanSquare(mic, micOffset, count);

            long decay = count >= 320 ? _farEnv : _farEnv * count / 320;
            _farEnv -= decay;
            if (far > _farEnv) _farEnv = far;

            // the hangover covers HangoverMs of audio after the last frame with far-end speech
            FarActive = far >= _farThreshold;
            bool farPhase = FarActive || _hangoverLeft > 0;
            if (FarActive) _hangoverLeft = _hangoverSamples;
            else if (_hangoverLeft > 0) _hangoverLeft = _hangoverLeft > count ? _hangoverLeft - count : 0;
            DoubleTalk = farPhase && near >= _nearThreshold && near * 256 > _farEnv * _marginQ8;
            Suppressing = farPhase && !DoubleTalk;
            int target = Suppressing ? _maxAtt16 : (DoubleTalk ? _dtAtt16 : 0);

            int g0 = Gain(_att16);
            if (target > _att16)
            {
                int step = (int)((long)_attackPer640 * count / 640);
                _att16 = _att16 + step >= target ? target : _att16 + step;
            }
            else if (target < _att16)
            {
                int step = (int)((long)_releasePer640 * count / 640);
                _att16 = _att16 - step <= target ? target : _att16 - step;
            }
            int g1 = Gain(_att16);
            if (!Enabled || (g0 == 32767 && g1 == 32767)) return;

            // gain interpolated from g0 to g1 across the frame, Q15 with 8 extra fraction bits
            int acc = g0 << 8;
            int stepG = ((g1 - g0) << 8) / count;
            int end = micOffset + count;
            for (int i = micOffset; i < end; i++)
            {
                acc += stepG;
                mic[i] = (short)((mic[i] * (acc >> 8)) >> 15);
            }
        }

        private static int Gain(int att16)
        {
            int idx = att16 >> 4, frac = att16 & 15;
            int a = GainTable[idx];
            return a + (((GainTable[idx + 1] - a) * frac) >> 4);
        }

        private static int[] BuildGains()
        {
            int[] t = new int[62];
            for (int i = 0; i < t.Length; i++) t[i] = (int)System.Math.Round(32767 * System.Math.Pow(10, -i / 20.0));
            return t;
        }

        private static int Clamp(int v, int lo, int hi)
        {
            return v < lo ? lo : (v > hi ? hi : v);
        }
    }
}
