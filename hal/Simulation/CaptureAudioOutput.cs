// IAudioOutput that records every frame into memory and, optionally, streams it to a WAV file
// (host-only). Depends on IAudioOutput, WavWriter.
using System;
using System.Collections.Generic;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Records played frames.</summary>
    public sealed class CaptureAudioOutput : IAudioOutput, IDisposable
    {
        private readonly List<short> _samples = new List<short>();
        private readonly WavWriter _wav;

        /// <summary>Creates a sink at sampleRate; wav may be null.</summary>
        public CaptureAudioOutput(int sampleRate, WavWriter wav)
        {
            if (!AudioFrame.IsSupportedRate(sampleRate)) throw new ArgumentException("sample rate must be 8000 or 16000");
            SampleRate = sampleRate;
            FrameSamples = AudioFrame.Samples(sampleRate);
            _wav = wav;
        }

        /// <inheritdoc/>
        public int SampleRate { get; }
        /// <inheritdoc/>
        public int FrameSamples { get; }
        /// <summary>Frames written so far.</summary>
        public int FramesWritten { get; private set; }
        /// <summary>When false only the count is kept (long runs).</summary>
        public bool KeepSamples { get; set; } = true;

        /// <inheritdoc/>
        public int WriteFrame(short[] frame)
        {
            if (frame == null || frame.Length != FrameSamples) return AudioResult.BadFrame;
            if (KeepSamples) _samples.AddRange(frame);
            if (_wav != null) _wav.Write(frame, 0, frame.Length);
            FramesWritten++;
            return FrameSamples;
        }

        /// <summary>Everything recorded so far.</summary>
        public short[] ToArray() { return _samples.ToArray(); }

        /// <summary>Closes the WAV file, if any.</summary>
        public void Dispose() { if (_wav != null) _wav.Dispose(); }
    }
}
