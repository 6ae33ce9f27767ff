// Adapts the speakerphone echo suppressor (Media/Echo, which needs the microphone frame and the
// speaker frame together) to the audio pump's hook (which sees playback and capture at
// different moments): the last played frame is kept and used for the next captured frame.
// Allocates one frame at construction only. Depends on Endpoint.Media.Audio and Media.Echo.
using Endpoint.Media.Audio;
using Endpoint.Media.Echo;

namespace Endpoint.App
{
    /// <summary>IEchoSuppressor over EchoSuppressor.</summary>
    public sealed class EchoSuppressorHook : IEchoSuppressor
    {
        private readonly EchoSuppressor _suppressor;
        private readonly short[] _lastPlayed = new short[AudioPump.FrameSamples];

        /// <summary>Wraps a suppressor.</summary>
        public EchoSuppressorHook(EchoSuppressor suppressor) { _suppressor = suppressor; }

        /// <inheritdoc/>
        public void OnPlayback(short[] speaker, int offset, int count, long nowMs)
        {
            int n = count < _lastPlayed.Length ? count : _lastPlayed.Length;
            System.Array.Copy(speaker, offset, _lastPlayed, 0, n);
        }

        /// <inheritdoc/>
        public void ProcessCapture(short[] mic, int offset, int count, long nowMs)
        {
            int n = count < _lastPlayed.Length ? count : _lastPlayed.Length;
            _suppressor.Process(mic, offset, _lastPlayed, 0, n);
        }
    }
}
