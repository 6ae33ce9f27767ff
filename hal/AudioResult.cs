// Result codes of the frame-based audio calls. A non-negative value is the number of samples
// moved; a negative value is one of the codes below (a name table replaces enum ToString()).
// Depends on nothing.
namespace Endpoint.Hal
{
    /// <summary>Negative results of IAudioInput.ReadFrame / IAudioOutput.WriteFrame.</summary>
    public static class AudioResult
    {
        /// <summary>The source has no more audio (files and arrays that do not loop).</summary>
        public const int EndOfStream = -1;
        /// <summary>The frame array length does not equal FrameSamples.</summary>
        public const int BadFrame = -2;
        /// <summary>The device is closed or failed to open.</summary>
        public const int NotOpen = -3;
        /// <summary>The driver reported an error during the transfer.</summary>
        public const int DeviceError = -4;

        /// <summary>Text for a result: "ok (N samples)" or the error name.</summary>
        public static string Name(int result)
        {
            if (result >= 0) return "ok";
            switch (result)
            {
                case EndOfStream: return "end of stream";
                case BadFrame: return "bad frame length";
                case NotOpen: return "device not open";
                case DeviceError: return "device error";
                default: return "audio error " + result.ToString();
            }
        }
    }

    /// <summary>Audio frame geometry: PCM16 mono, 20 ms per frame.</summary>
    public static class AudioFrame
    {
        /// <summary>Frame duration in milliseconds.</summary>
        public const int DurationMs = 20;

        /// <summary>Samples in one 20 ms frame at a sample rate (160 at 8 kHz, 320 at 16 kHz).</summary>
        public static int Samples(int sampleRate) { return sampleRate / (1000 / DurationMs); }

        /// <summary>True for the two rates the endpoint supports: 8000 and 16000 Hz.</summary>
        public static bool IsSupportedRate(int sampleRate) { return sampleRate == 8000 || sampleRate == 16000; }
    }
}
