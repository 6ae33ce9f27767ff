// A virtual desk phone (the real host program, board virtual-deskphone) for end-to-end tests,
// like Support/VirtualDevice but with a "phone" section in its configuration: a free SIP port, its
// own RTP range (47000-48999, apart from VirtualDevice's and baresip's), a looped tone as the
// microphone, the speaker recorded to out.wav. Also a per-block tone classifier for recordings.
using System;
using System.IO;
using Endpoint.Tests.Support;

namespace Endpoint.Tests.DeskPhone
{
    public sealed class DeskPhoneDevice : IDisposable
    {
        private static int _rtpBase = 47000 + (Environment.ProcessId % 50) * 40;
        private static readonly object Lock = new object();

        public HostProcess Host { get; }
        public string Dir { get; }
        public string Local { get; }
        public string OutputWav { get { return Path.Combine(Dir, "out.wav"); } }

        private DeskPhoneDevice(HostProcess host, string dir, string ready)
        {
            Host = host;
            Dir = dir;
            Local = HostProcess.Field(ready, "local");
        }

        /// <summary>Starts a desk phone; sipExtra/phoneJson are added to the "sip" object / as the "phone" section.</summary>
        public static DeskPhoneDevice Start(string user, double toneHz, string sipExtra = "", string phoneJson = null)
        {
            string dir = Path.Combine(Path.GetTempPath(), "vdesk-" + user + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            Audio.WriteTone(Path.Combine(dir, "in.wav"), toneHz, 2.0);
            int rtp;
            lock (Lock) { rtp = _rtpBase; _rtpBase += 20; if (_rtpBase > 48980) _rtpBase = 47000; }
            string json = "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\"" + sipExtra + "}," +
                          "\"media\":{\"rtpPorts\":\"" + rtp + "-" + (rtp + 19) + "\"},\"audio\":{\"input\":\"in.wav\",\"output\":\"out.wav\"}" +
                          (phoneJson == null ? "" : ",\"phone\":" + phoneJson) + "}";
            string cfg = Path.Combine(dir, "config.json");
            File.WriteAllText(cfg, json);
            HostProcess h = HostProcess.Start("--config", cfg);
            string ready = h.WaitFor("event ready", 15000);
            return new DeskPhoneDevice(h, dir, ready);
        }

        /// <summary>Presses keypad/function keys one by one (`key K` each).</summary>
        public void Keys(string keys)
        {
            foreach (char k in keys) Host.Send("key " + k);
        }

        /// <summary>Stops the device and returns its recorded speaker audio.</summary>
        public short[] StopAndRead()
        {
            Host.Send("quit");
            Host.WaitExit();
            return Audio.Read(OutputWav);
        }

        /// <summary>
        /// How many 40 ms blocks of the recording are dominated (more than half their energy) by
        /// a tone within 20 Hz of <paramref name="hz"/>.
        /// </summary>
        public static int BlocksOf(short[] s, double hz)
        {
            const int n = 320;
            int count = 0;
            for (int at = 0; at + n <= s.Length; at += n)
            {
                double energy = 0;
                for (int i = at; i < at + n; i++) energy += (double)s[i] * s[i];
                if (energy < n * 500.0 * 500.0) continue; // quiet block
                double best = 0;
                for (double f = hz - 20; f <= hz + 20; f += 5)
                {
                    double k = 2 * Math.Cos(2 * Math.PI * f / 8000), s1 = 0, s2 = 0;
                    for (int i = at; i < at + n; i++) { double s0 = s[i] + k * s1 - s2; s2 = s1; s1 = s0; }
                    double p = (s1 * s1 + s2 * s2 - k * s1 * s2) * 2 / n; // a pure tone gives its energy
                    if (p > best) best = p;
                }
                if (best > energy * 0.5) count++;
            }
            return count;
        }

        public void Dispose()
        {
            try { Host.Send("quit"); Host.WaitExit(8000); } catch (Exception) { }
            Host.Dispose();
            try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
