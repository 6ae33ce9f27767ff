// A real baresip 1.0 as the far-end phone: headless (tone file as microphone via aufile, no
// sound card), registered to a test Kamailio, auto-answering, driven over its UDP console
// (cons module), recording what it decodes per call with the sndfile module. Optionally its
// ctrl_tcp module, whose JSON event stream (netstrings) shows what baresip saw, e.g. the
// CALL_DTMF_START events of received RFC 4733 digits (baresip prints no line for those).
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Support
{
    public sealed class Baresip : IDisposable
    {
        private readonly PeerProcess _p;
        private readonly int _consPort;
        private readonly StringBuilder _events = new StringBuilder();
        private TcpClient _ctrl;

        public string Dir { get; }
        public string Output { get { return _p.Output; } }

        private Baresip(PeerProcess p, string dir, int consPort)
        {
            _p = p;
            Dir = dir;
            _consPort = consPort;
        }

        /// <summary>Starts baresip as <paramref name="user"/> on the registrar, sending a tone, offering only <paramref name="codecs"/>.</summary>
        public static Baresip Start(string user, Kamailio registrar, double toneHz, string codecs, bool ctrlTcp = false)
        {
            string dir = Path.Combine(Path.GetTempPath(), "baresip-" + user + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path.Combine(dir, "rec"));
            Audio.WriteTone(Path.Combine(dir, "tone.wav"), toneHz, 30);
            int sip = PeerProcess.FreePort();
            while (!PortFree(sip + 1)) sip = PeerProcess.FreePort(); // baresip also binds TLS on sip+1
            int cons = PeerProcess.FreePort();
            int ctrl = ctrlTcp ? PeerProcess.FreePort() : 0;
            int rtp = 40000 + (Environment.ProcessId % 100) * 50;
            File.WriteAllText(Path.Combine(dir, "config"),
                "poll_method epoll\nsip_listen 127.0.0.1:" + sip + "\nsip_trans_def udp\n" +
                "audio_player aubridge,nil\naudio_source aufile," + Path.Combine(dir, "tone.wav") + "\naudio_alert aubridge,nil\n" +
                "module_path /usr/lib/baresip/modules\nmodule g711.so\nmodule aufile.so\nmodule aubridge.so\nmodule sndfile.so\nmodule cons.so\nmodule account.so\nmodule_app menu.so\n" +
                "cons_listen 127.0.0.1:" + cons + "\nsnd_path " + Path.Combine(dir, "rec") + "\nnet_interface 127.0.0.1\nrtp_ports " + rtp + "-" + (rtp + 49) + "\n" +
                (ctrlTcp ? "module_app ctrl_tcp.so\nctrl_tcp_listen 127.0.0.1:" + ctrl + "\n" : ""));
            File.WriteAllText(Path.Combine(dir, "accounts"),
                "<sip:" + user + "@127.0.0.1:" + registrar.Port + ";transport=udp>;auth_pass=" + Kamailio.Password + ";answermode=auto;regint=60;audio_codecs=" + codecs + "\n");
            var p = PeerProcess.Start("baresip", dir, "-f", dir);
            var b = new Baresip(p, dir, cons);
            if (!p.WaitOutput("200 OK", 15000))
            {
                string o = p.Output;
                b.Dispose();
                throw new InvalidOperationException("baresip did not register:\n" + o);
            }
            if (ctrlTcp) b.ListenEvents(ctrl);
            return b;
        }

        private static bool PortFree(int port)
        {
            try { using var l = new TcpListener(IPAddress.Loopback, port); l.Start(); return true; }
            catch (SocketException) { return false; }
        }

        /// <summary>Sends a console command such as "/dial sip:1001@127.0.0.1" or "/hangup".</summary>
        public void Command(string command)
        {
            using var u = new UdpClient();
            byte[] b = Encoding.ASCII.GetBytes(command + "\n");
            u.Send(b, b.Length, new IPEndPoint(IPAddress.Loopback, _consPort));
        }

        /// <summary>Sends raw console key presses (no newline), e.g. a DTMF digit during a call.</summary>
        public void Keys(string keys)
        {
            using var u = new UdpClient();
            byte[] b = Encoding.ASCII.GetBytes(keys);
            u.Send(b, b.Length, new IPEndPoint(IPAddress.Loopback, _consPort));
        }

        public bool WaitOutput(string text, int timeoutMs) { return _p.WaitOutput(text, timeoutMs); }

        private void ListenEvents(int port)
        {
            _ctrl = new TcpClient();
            _ctrl.Connect(IPAddress.Loopback, port);
            NetworkStream ns = _ctrl.GetStream();
            var t = new Thread(() =>
            {
                byte[] buf = new byte[4096];
                try
                {
                    int n;
                    while ((n = ns.Read(buf, 0, buf.Length)) > 0) lock (_events) _events.Append(Encoding.UTF8.GetString(buf, 0, n));
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
            });
            t.IsBackground = true;
            t.Start();
        }

        /// <summary>Everything ctrl_tcp sent so far (netstring-framed JSON events).</summary>
        public string Events { get { lock (_events) return _events.ToString(); } }

        /// <summary>How often <paramref name="text"/> occurs in the ctrl_tcp event stream.</summary>
        public int CountEvents(string text)
        {
            string all = Events;
            int n = 0;
            for (int i = all.IndexOf(text, StringComparison.Ordinal); i >= 0; i = all.IndexOf(text, i + text.Length, StringComparison.Ordinal)) n++;
            return n;
        }

        /// <summary>The decoded audio baresip recorded for the last call (what it heard from us).</summary>
        public short[] Heard()
        {
            string[] files = Directory.GetFiles(Path.Combine(Dir, "rec"), "*-dec.wav");
            if (files.Length == 0) throw new InvalidOperationException("baresip recorded nothing in " + Dir);
            Array.Sort(files);
            return Audio.Read(files[files.Length - 1]);
        }

        public void Dispose()
        {
            if (_ctrl != null) _ctrl.Dispose();
            _p.Dispose();
        }
    }
}
