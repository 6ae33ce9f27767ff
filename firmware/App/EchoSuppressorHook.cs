// Adapts the speakerphone echo suppressor (Media/Echo, which needs the microphone frame and the
// level of the speaker frame together) to the audio pump's hook (which sees playback and capture
// at different moments): the mean square of the last played frame is kept and used for the next
// captured frame. Allocates nothing. Depends on Endpoint.Media.Audio and Media.Echo.
using Endpoint.Media.Audio;
using Endpoint.Media.Echo;

namespace Endpoint.App
{
    /// <summary>IEchoSuppressor over EchoSuppressor.</summary>
    public sealed class EchoSuppressorHook : IEchoSuppressor
    {
        private readonly EchoSuppressor _suppressor;
        private long _lastPlayedPower;

        /// <summary>Wraps a suppressor.</summary>
        public EchoSuppressorHook(EchoSuppressor suppressor) { _suppressor = suppressor; }

        /// <inheritdoc/>
        public void OnPlayback(short[] speaker, int offset, int count, long nowMs)
        {
            int n = count < AudioPump.FrameSamples ? count : AudioPump.FrameSamples;
            _lastPlayedPower = EchoSuppressor.MeanSquare(speaker, offset, n);
        }

        /// <inheritdoc/>
        public void ProcessCapture(short[] mic, int offset, int count, long nowMs)
        {
            int n = count < AudioPump.FrameSamples ? count : AudioPump.FrameSamples;
            _suppressor.Process(mic, offset, n, _lastPlayedPower);
        }
    }
}
