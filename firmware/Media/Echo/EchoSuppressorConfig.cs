// Settings of the speakerphone echo suppressor. Levels are in dBm0 of the mean signal power
// (0 dBm0 = sine of peak 22657 in 16-bit PCM). Plain data read at construction. Depends on nothing.
namespace Endpoint.Media.Echo
{
    /// <summary>Echo suppressor settings.</summary>
    public sealed class EchoSuppressorConfig
    {
        /// <summary>When false the microphone passes unchanged.</summary>
        public bool Enabled = true;

        /// <summary>Microphone attenuation while the far end talks, dB (0..60, default 30).</summary>
        public int AttenuationDb = 30;

        /// <summary>Attenuation kept during double talk (near end clearly louder), dB (default 0).</summary>
        public int DoubleTalkAttenuationDb;

        /// <summary>How long attenuation stays after far-end speech stops (echo tail), ms (default 150).</summary>
        public int HangoverMs = 150;

        /// <summary>Far-end (playback) level above which the far end counts as talking, dBm0 (default -40).</summary>
        public int FarThresholdDbm0 = -40;

        /// <summary>Near-end level below which the near end never counts as talking, dBm0 (default -40).</summary>
        public int NearThresholdDbm0 = -40;

        /// <summary>
        /// Double talk: the microphone must exceed the far-end envelope by this much, dB (default 6).
        /// Set it above the loudest acoustic echo relative to the playback signal.
        /// </summary>
        public int DoubleTalkMarginDb = 6;

        /// <summary>Time to ramp from no to full attenuation, ms (default 5).</summary>
        public int AttackMs = 5;

        /// <summary>Time to ramp from full to no attenuation, ms (default 50).</summary>
        public int ReleaseMs = 50;
    }
}
