// A virtual device with an "overlay" section, for the overlay end-to-end tests: its config file
// lives in a directory kept across restarts, so the host's overlay state store
// ("config.json.storage/", see host/OverlayHost.cs) survives a quit and a new start, like flash.
// Each start records the speaker to its own WAV (out-N.wav). Runs the real host program.
using System;
using System.Collections.Generic;
using System.IO;
using Endpoint.Tests.Support;

namespace Endpoint.Tests.Overlay
{
    internal sealed class OverlayDevice : IDisposable
    {
        private static int _rtpBase = 36000 + (Environment.ProcessId % 40) * 100;
        private static readonly object Lock = new object();
        private readonly string _json;
        private readonly Dictionary<string, string> _env;
        private int _starts;

        public string Name { get; }
        public string Dir { get; }
        public string ConfigPath { get { return Path.Combine(Dir, "config.json"); } }
        public HostProcess Host { get; private set; }
        public string Local { get; private set; }
        public string LastOutputWav { get { return Path.Combine(Dir, "out-" + _starts + ".wav"); } }

        /// <summary>Prepares (does not start) a device "user@home.example" on the given supernodes.</summary>
        public OverlayDevice(string user, double toneHz, string siteKeyBase64, string[] supernodes, string[] buddies, Dictionary<string, string> env = null)
        {
            Name = user;
            _env = env;
            Dir = Path.Combine(Path.GetTempPath(), "ovdev-" + user + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Dir);
            if (toneHz > 0) Audio.WriteTone(Path.Combine(Dir, "in.wav"), toneHz, 2.0);
            int rtp;
            lock (Lock) { rtp = _rtpBase; _rtpBase += 20; }
            _json = "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\"}," +
                    "\"media\":{\"rtpPorts\":\"" + rtp + "-" + (rtp + 19) + "\"}," +
                    "\"audio\":{" + (toneHz > 0 ? "\"input\":\"in.wav\"," : "") + "\"output\":\"OUT\"}," +
                    "\"overlay\":{\"aor\":\"" + user + "@home.example\",\"siteKey\":\"" + siteKeyBase64 + "\"," +
                    "\"supernodes\":[\"" + string.Join("\",\"", supernodes) + "\"],\"buddies\":[" +
                    (buddies.Length == 0 ? "" : "\"" + string.Join("\",\"", buddies) + "\"") + "]}}";
        }

        /// <summary>Starts (or restarts after Quit) the host and waits for `event ready`.</summary>
        public void Start()
        {
            _starts++;
            if (Host != null) Host.Dispose();
            File.WriteAllText(ConfigPath, _json.Replace("\"OUT\"", "\"out-" + _starts + ".wav\""));
            Host = HostProcess.StartWithEnvironment(_env, "--config", ConfigPath);
            Local = HostProcess.Field(Host.WaitFor("event ready", 20000), "local");
        }

        /// <summary>Sends quit and waits for the exit; returns the exit code.</summary>
        public int Quit()
        {
            Host.Send("quit");
            int code = Host.WaitExit(15000);
            return code;
        }

        public void Dispose()
        {
            if (Host != null)
            {
                try { Host.Send("quit"); Host.WaitExit(8000); } catch (Exception) { }
                Host.Dispose();
            }
        }
    }
}
