// Packet loss concealment by repeat-with-fade (the simple end of ITU-T G.711 Appendix I's
// family: it repeats the last good 20 ms instead of a pitch period, which avoids the per-loss
// pitch search an interpreter cannot afford). The first concealed frame is a full-level
// repeat, the second fades 100% -> 50%, the third 50% -> 0, then silence. The start of a
// concealment is ramped from the last played sample and the first good frame after a loss is
// cross-faded from the concealment signal, both over 16 samples (2 ms), to avoid clicks.
// Depends on nothing. Fixed memory (one frame of history); allocates nothing after construction.
namespace Endpoint.Media.Jitter
{
    /// <summary>Generates concealment audio from the last good frame.</summary>
    public sealed class PacketLossConcealer
    {
        /// <summary>Samples in the cross-fades.</summary>
        public const int FadeSamples = 16;

        private readonly short[] _history;
        private readonly int _frame;
        private bool _haveHistory;
        private int _pos;          // read position in the history for the next concealed sample
        private int _concealed;    // samples concealed in the current loss run

        /// <summary>A concealer for frames of <paramref name="frameSamples"/> samples.</summary>
        public PacketLossConcealer(int frameSamples)
        {
            _frame = frameSamples;
            _history = new short[frameSamples];
        }

        /// <summary>True while in a loss run (concealed samples since the last good frame).</summary>
        public bool InLoss { get { return _concealed > 0; } }

        /// <summary>Frames concealed in the current loss run (rounded up).</summary>
        public int LossFrames { get { return (_concealed + _frame - 1) / _frame; } }

        /// <summary>Forgets the history (next concealment is silence).</summary>
        public void Reset()
        {
            _haveHistory = false;
            _concealed = 0;
            _pos = 0;
        }

        // Gain (Q16) of the n-th concealed sample: 1 for the first frame, then 1 -> 0 over two frames.
        private int Gain(int n)
        {
            if (n < _frame) return 65536;
            int k = n - _frame;
            int span = 2 * _frame;
            if (k >= span) return 0;
            return (int)(65536L * (span - k) / span);
        }

        private int NextSample()
        {
            int s = (_history[_pos] * Gain(_concealed)) >> 16;
            _pos++;
            if (_pos == _frame) _pos = 0;
            _concealed++;
            return s;
        }

        /// <summary>Writes <paramref name="count"/> concealment samples at output[off..].</summary>
        public void Conceal(short[] output, int off, int count)
        {
            if (!_haveHistory || _concealed >= 3 * _frame)
            {
                System.Array.Clear(output, off, count);
                _concealed += count;
                return;
            }
            int start = _concealed;
            int last = _history[_frame - 1];
            for (int i = 0; i < count; i++)
            {
                int s = NextSample();
                if (start == 0 && i < FadeSamples) s = (s * i + last * (FadeSamples - i)) / FadeSamples;
                output[off + i] = (short)s;
            }
        }

        /// <summary>
        /// Called with a good frame about to be played: cross-fades its start from the concealment
        /// signal when a loss run just ended, then keeps the frame as history.
        /// </summary>
        public void Good(short[] frame, int off)
        {
            if (_concealed > 0 && _haveHistory)
            {
                for (int i = 0; i < FadeSamples; i++)
                {
                    int c = NextSample();
                    frame[off + i] = (short)((frame[off + i] * i + c * (FadeSamples - i)) / FadeSamples);
                }
            }
            System.Array.Copy(frame, off, _history, 0, _frame);
            _haveHistory = true;
            _pos = 0;
            _concealed = 0;
        }

        /// <summary>Mean absolute sample value of the history (0 when there is none).</summary>
        public int HistoryLevel { get { return _haveHistory ? MeanAbs(_history, 0, _frame) : 0; } }

        /// <summary>Mean absolute value of samples[off, off+count).</summary>
        public static int MeanAbs(short[] samples, int off, int count)
        {
            if (count <= 0) return 0;
            int sum = 0;
            int end = off + count;
            for (int i = off; i < end; i++)
            {
                int s = samples[i];
                sum += s < 0 ? -s : s;
            }
            return sum / count;
        }
    }
}
