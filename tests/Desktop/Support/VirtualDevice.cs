// A virtual device under test: writes its config (with a free SIP port and its own RTP range),
// optional tone input, records its speaker, and runs the real host program.
using System;
using System.IO;

namespace Endpoint.Tests.Support
{
    public sealed class VirtualDevice : IDisposable
    {
        private static int _rtpBase = 30000 + (Environment.ProcessId % 50) * 200;
        private static readonly object Lock = new object();

        public HostProcess Host { get; }
        public string Dir { get; }
        public string Local { get; }
        public string SipUri { get; }
        public string OutputWav { get { return Path.Combine(Dir, "out.wav"); } }

        private VirtualDevice(HostProcess host, string dir, string ready)
        {
            Host = host;
            Dir = dir;
            Local = HostProcess.Field(ready, "local");
            SipUri = HostProcess.Field(ready, "sip");
        }

        /// <summary>Starts a device. <paramref name="sipExtra"/> is more of the "sip" object (without listen); <paramref name="rootExtra"/> more top-level members (",\"intercom\":{...}").</summary>
        public static VirtualDevice Start(string user, double toneHz, string sipExtra = "", string board = "virtual-deskphone", string mediaExtra = "", string rootExtra = "")
        {
            string dir = Path.Combine(Path.GetTempPath(), "vdev-" + user + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            string audio = "\"output\":\"out.wav\"";
            if (toneHz > 0)
            {
                Audio.WriteTone(Path.Combine(dir, "in.wav"), toneHz, 2.0);
                audio = "\"input\":\"in.wav\"," + audio;
            }
            int rtp;
            lock (Lock) { rtp = _rtpBase; _rtpBase += 20; }
            string json = "{\"board\":\"" + board + "\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\"" + sipExtra + "}," +
                          "\"media\":{\"rtpPorts\":\"" + rtp + "-" + (rtp + 19) + "\"" + mediaExtra + "},\"audio\":{" + audio + "}" + rootExtra + "}";
            string cfg = Path.Combine(dir, "config.json");
            File.WriteAllText(cfg, json);
            HostProcess h = HostProcess.Start("--config", cfg);
            string ready = h.WaitFor("event ready", 15000);
            return new VirtualDevice(h, dir, ready);
        }

        public void Dispose()
        {
            try { Host.Send("quit"); Host.WaitExit(8000); } catch (Exception) { }
            Host.Dispose();
        }
    }
}
