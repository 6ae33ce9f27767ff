// The virtual board's audio: the "audio.input" WAV (8 kHz mono 16-bit) looped as the
// microphone, silence without it; everything the speaker plays written to "audio.output" as
// the call runs. Relative paths are relative to the config file. Host-only.
using System;
using System.IO;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Simulation;

namespace Endpoint.Host
{
    public static class VirtualAudio
    {
        public static string Open(EndpointConfig config, string configPath, out IAudioInput mic, out IAudioOutput speaker)
        {
            mic = null;
            speaker = null;
            if (config.Audio == null) return null;
            string baseDir = configPath == null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configPath));
            if (config.Audio.Input != null)
            {
                string path = Path.Combine(baseDir, config.Audio.Input);
                try
                {
                    WavData wav = WavFile.Read(path);
                    if (wav.SampleRate != 8000) return (configPath ?? "config") + ": field 'audio.input': expected an 8 kHz mono 16-bit WAV, got " + wav.SampleRate + " Hz (" + path + ")";
                    mic = new ArrayAudioInput(wav.Samples, 8000, true);
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is FormatException || e is NotSupportedException)
                {
                    return (configPath ?? "config") + ": field 'audio.input': cannot read " + path + " (" + e.Message + ")";
                }
            }
            if (config.Audio.Output != null)
            {
                string path = Path.Combine(baseDir, config.Audio.Output);
                try
                {
                    var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
                    speaker = new CaptureAudioOutput(8000, new WavWriter(stream, 8000));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    return (configPath ?? "config") + ": field 'audio.output': cannot create " + path + " (" + e.Message + ")";
                }
            }
            return null;
        }
    }
}
