// IAudioInput that plays samples from an array (or a WAV file), once or looped (host-only). The
// last partial frame is zero-padded; after the end a non-looping source returns EndOfStream.
// Depends on IAudioInput, WavFile.
using System;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Frames from an array.</summary>
    public sealed class ArrayAudioInput : IAudioInput
    {
        private readonly short[] _samples;
        private readonly bool _loop;
        private int _pos;

        /// <summary>Creates a source at sampleRate (8000/16000) over samples.</summary>
        public ArrayAudioInput(short[] samples, int sampleRate, bool loop)
        {
            if (!AudioFrame.IsSupportedRate(sampleRate)) throw new ArgumentException("sample rate must be 8000 or 16000");
            _samples = samples ?? new short[0];
            _loop = loop && _samples.Length > 0;
            SampleRate = sampleRate;
            FrameSamples = AudioFrame.Samples(sampleRate);
        }

        /// <summary>Loads a PCM16 mono WAV file (8 or 16 kHz).</summary>
        public static ArrayAudioInput FromWav(string path, bool loop)
        {
            WavData d = WavFile.Read(path);
            return new ArrayAudioInput(d.Samples, d.SampleRate, loop);
        }

        /// <inheritdoc/>
        public int SampleRate { get; }
        /// <inheritdoc/>
        public int FrameSamples { get; }
        /// <summary>Frames delivered so far.</summary>
        public int FramesRead { get; private set; }

        /// <inheritdoc/>
        public int ReadFrame(short[] frame)
        {
            if (frame == null || frame.Length != FrameSamples) return AudioResult.BadFrame;
            if (!_loop && _pos >= _samples.Length) return AudioResult.EndOfStream;
            for (int i = 0; i < frame.Length; i++)
            {
                if (_pos >= _samples.Length)
                {
                    if (_loop) _pos = 0;
                    else
                    {
                        frame[i] = 0;
                        continue;
                    }
                }
                frame[i] = _samples[_pos++];
            }
            FramesRead++;
            return FrameSamples;
        }
    }
}
