// The desk phone's local ringer sound: a 1000 Hz tone amplitude-modulated at 25 Hz (the trill
// of an electronic ringer, 25 Hz being the classic ringing-current frequency) played with the
// region's ringing cadence (ToneTable.RingCadence: ETSI/Germany 1 s on 4 s off, North America
// 2 s on 4 s off, UK 0.4-0.2-0.4-2.0 s). Louder than the call-progress tones (-10 dBm0): it has to
// be heard across the room. Built once per start-up. Depends on Endpoint.Media.Tones.
using Endpoint.Media.Tones;

namespace Endpoint.App.DeskPhone
{
    /// <summary>Ring tone specs by region.</summary>
    public static class RingTone
    {
        /// <summary>Carrier frequency, Hz.</summary>
        public const int CarrierHz = 1000;

        /// <summary>Trill (modulation) frequency, Hz.</summary>
        public const int TrillHz = 25;

        /// <summary>Level, dBm0.</summary>
        public const int LevelDbm0 = -10;

        /// <summary>A new ring tone spec for the region's ringing cadence.</summary>
        public static ToneSpec Create(ToneRegion region)
        {
            var t = new ToneSpec("ring", CarrierHz, TrillHz, ToneMix.Modulated, LevelDbm0, ToneTable.RingCadence(region));
            t.ModulationDepthPercent = 80;
            return t;
        }
    }
}
