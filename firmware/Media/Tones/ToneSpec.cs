// Description of one call-progress tone: one or two frequencies, mixed as a sum ("f1+f2") or as
// f1 amplitude-modulated by f2 ("f1 x f2" in ITU-T E.180 notation), a level per frequency in dBm0,
// and a Cadence. Plain immutable data. Depends on Cadence.
namespace Endpoint.Media.Tones
{
    /// <summary>How the two frequencies of a tone combine.</summary>
    public enum ToneMix
    {
        /// <summary>Only Frequency1.</summary>
        Single = 0,
        /// <summary>Frequency1 + Frequency2 (dual tone).</summary>
        Sum = 1,
        /// <summary>Frequency1 amplitude-modulated by Frequency2.</summary>
        Modulated = 2,
    }

    /// <summary>A call-progress tone.</summary>
    public sealed class ToneSpec
    {
        /// <summary>Creates a tone description.</summary>
        public ToneSpec(string name, int frequency1, int frequency2, ToneMix mix, int levelDbm0, Cadence cadence)
        {
            if (frequency1 <= 0 || frequency1 >= 4000) throw new System.ArgumentOutOfRangeException("frequency1");
            if (mix != ToneMix.Single && (frequency2 <= 0 || frequency2 >= 4000)) throw new System.ArgumentOutOfRangeException("frequency2");
            Name = name;
            Frequency1 = frequency1;
            Frequency2 = mix == ToneMix.Single ? 0 : frequency2;
            Mix = mix;
            LevelDbm0 = levelDbm0;
            Cadence = cadence == null ? Cadence.Continuous : cadence;
            ModulationDepthPercent = 50;
        }

        /// <summary>Short name for logs ("dial", "busy", ...).</summary>
        public string Name { get; private set; }

        /// <summary>First (or only, or carrier) frequency, Hz.</summary>
        public int Frequency1 { get; private set; }

        /// <summary>Second frequency (dual tone) or modulating frequency, Hz; 0 for a single tone.</summary>
        public int Frequency2 { get; private set; }

        /// <summary>How the frequencies combine.</summary>
        public ToneMix Mix { get; private set; }

        /// <summary>Level of each frequency component, dBm0 (for Modulated: of the carrier peak).</summary>
        public int LevelDbm0 { get; private set; }

        /// <summary>Modulation depth for ToneMix.Modulated, percent (default 50).</summary>
        public int ModulationDepthPercent { get; set; }

        /// <summary>On/off pattern.</summary>
        public Cadence Cadence { get; private set; }
    }
}
