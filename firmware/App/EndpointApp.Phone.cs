// EndpointApp: the IPhone side used by product applications (desk phone, intercom), the local
// tone mixed into the speaker (ringback here; dial, busy, call waiting from the products), the
// speaker volume, and the hardware console commands (`key`, `hook`, `button`).
// Depends on Endpoint.Media.Tones and the App contract types.
using Endpoint.Config;
using Endpoint.Media.Tones;

namespace Endpoint.App
{
    public sealed partial class EndpointApp
    {
        private const int DefaultVolume = 6;
        private static readonly string[] RegionKeys = { "us", "etsi", "uk", "de" };
        private readonly ToneGenerator _tone;
        private readonly short[] _toneFrame = new short[160];
        private readonly ToneRegion _region;
        private int _volume = DefaultVolume;

        /// <summary>
        /// Installs the product personality and, on the virtual device, the console-to-hardware
        /// injector. Call before <see cref="Start"/>; either may be null.
        /// </summary>
        public void Attach(IProductApp product, IInputInjector inputs)
        {
            _product = product;
            _inputs = inputs;
        }

        /// <summary>The product personality, or null.</summary>
        public IProductApp Product { get { return _product; } }

        /// <inheritdoc/>
        public EndpointConfig Config { get { return _config; } }

        /// <inheritdoc/>
        public ToneRegion Region { get { return _region; } }

        /// <inheritdoc/>
        public int SlotCount { get { return MaxCalls; } }

        /// <inheritdoc/>
        public CallSlot Slot(int index) { return _calls[index]; }

        /// <inheritdoc/>
        public CallSlot FindCall(int call) { return Find(call); }

        /// <inheritdoc/>
        public void PlayTone(ToneSpec tone)
        {
            if (tone == null) { StopTone(); return; }
            _tone.Start(tone);
        }

        /// <inheritdoc/>
        public void StopTone() { _tone.Stop(); }

        /// <inheritdoc/>
        public ToneSpec PlayingTone { get { return _tone.Active ? _tone.Current : null; } }

        /// <inheritdoc/>
        public int Volume
        {
            get { return _volume; }
            set
            {
                _volume = value < 0 ? 0 : value > 10 ? 10 : value;
                _tone.GainDb = (_volume - DefaultVolume) * 3;
            }
        }

        /// <inheritdoc/>
        public void Event(EventLine e) { _sink.Event(e.ToString()); }

        /// <inheritdoc/>
        public void Log(string text) { _sink.Log(text); }

        /// <summary>Region from `media.toneRegion` ("us", "etsi", "uk", "de").</summary>
        public static ToneRegion ParseRegion(string key)
        {
            for (int i = 0; i < RegionKeys.Length; i++) if (RegionKeys[i] == key) return (ToneRegion)i;
            return ToneRegion.Etsi;
        }

        private void StopRingback()
        {
            ToneSpec t = PlayingTone;
            if (t != null && t == ToneTable.Get(_region, ToneKind.Ringback)) _tone.Stop();
        }

        private void HardwareCommand(Command c, long nowMs)
        {
            if (_inputs != null && _inputs.CanInject(c))
            {
                string error = _inputs.Inject(c, nowMs);
                if (error != null) Error(c.Name, error);
                return;
            }
            if (_product == null || !_product.OnCommand(c, nowMs)) Error(c.Name, "board " + _config.Board + " has no such input");
        }

        /// <summary>Adds the local tone to a speaker frame (saturating); applies the volume to call audio.</summary>
        private void MixLocalTone(short[] frame)
        {
            int gainQ8 = VolumeGainQ8(_volume);
            bool tone = _tone.Active;
            if (!tone && gainQ8 == 256) return; // default volume, no local tone: nothing to do this frame
            if (tone) _tone.Fill(_toneFrame, 0, _toneFrame.Length);
            for (int i = 0; i < frame.Length; i++)
            {
                int v = gainQ8 == 256 ? frame[i] : (frame[i] * gainQ8) >> 8;
                if (tone) v += _toneFrame[i];
                frame[i] = (short)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
            }
        }

        /// <summary>Q8 linear gain for a volume step (3 dB per step around the default).</summary>
        private static int VolumeGainQ8(int volume)
        {
            // 256 * 10^((v-6)*3/20) for v = 0..10, rounded.
            switch (volume)
            {
                case 0: return 32;
                case 1: return 46;
                case 2: return 64;
                case 3: return 91;
                case 4: return 128;
                case 5: return 181;
                case 6: return 256;
                case 7: return 362;
                case 8: return 511;
                case 9: return 722;
                default: return 1020;
            }
        }
    }
}
