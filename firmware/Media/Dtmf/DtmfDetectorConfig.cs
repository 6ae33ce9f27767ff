// Tunables of the in-band DTMF detector, with defaults from ITU-T Q.24 (and common practice):
// operate down to -36 dBm0 per tone, twist up to 8 dB with the low group louder ("normal",
// line loss attenuates the high group) and 4 dB with the high group louder ("reverse"),
// minimum tone 32 ms (40 ms must be detected, 23 ms must not), a pause is 20 ms of silence
// (10 ms interruptions are bridged, 40 ms pauses separate digits). Plain data; read once by
// the detector constructor. Depends on nothing.
namespace Endpoint.Media.Dtmf
{
    /// <summary>In-band DTMF detector settings.</summary>
    public sealed class DtmfDetectorConfig
    {
        /// <summary>Weakest tone (each of the two) accepted, dBm0 (default -36).</summary>
        public int MinLevelDbm0 = -36;

        /// <summary>Max dB the low-group tone may exceed the high-group tone (default 8).</summary>
        public double NormalTwistDb = 8.0;

        /// <summary>Max dB the high-group tone may exceed the low-group tone (default 4).</summary>
        public double ReverseTwistDb = 4.0;

        /// <summary>Max level of any other tone of the same group relative to the strongest, dB below (default 8).</summary>
        public double RelativePeakDb = 8.0;

        /// <summary>
        /// Minimum share of the signal power that the two tones must hold (default 0.42 = -3.8 dB);
        /// speech and music rarely concentrate this much power in two narrow DTMF bands.
        /// </summary>
        public double MinToneShare = 0.42;

        /// <summary>Minimum tone duration before a digit is reported, ms (default 32).</summary>
        public int MinDurationMs = 32;

        /// <summary>Silence that ends a digit so the next one (even the same) can be detected, ms (default 20).</summary>
        public int MinPauseMs = 20;

        /// <summary>A digit also ends after this long without being recognised (no silence in between), ms (default 40).</summary>
        public int MissEndMs = 40;
    }
}
