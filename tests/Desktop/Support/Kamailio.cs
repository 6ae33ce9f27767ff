// A real Kamailio registrar/proxy for interop tests, from tests/Desktop/Interop/peers/kamailio.cfg,
// bound to 127.0.0.1 on a free port (UDP and TCP), in-memory location table, digest auth with
// one password for every user, MD5 or SHA-256 challenges. Stopped by PID on Dispose.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Support
{
    public sealed class Kamailio : IDisposable
    {
        public const string Password = "secret";
        private readonly PeerProcess _p;
        private readonly string _dir;

        public int Port { get; }

        public string Address { get { return "127.0.0.1:" + Port; } }

        public string Output { get { return _p.Output; } }

        private Kamailio(PeerProcess p, string dir, int port)
        {
            _p = p;
            _dir = dir;
            Port = port;
        }

        public static string RepoRoot
        {
            get
            {
                string d = AppContext.BaseDirectory;
                for (int i = 0; i < 10 && d != null; i++, d = Path.GetDirectoryName(d))
                {
                    if (File.Exists(Path.Combine(d, "Endpoint.nfproj"))) return d;
                }
                throw new InvalidOperationException("repository root (with Endpoint.nfproj) not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>Starts Kamailio with "MD5" or "SHA-256" challenges and waits until it answers OPTIONS.</summary>
        public static Kamailio Start(string algorithm, int maxExpires = 3600)
        {
            return Start(algorithm, maxExpires, "kamailio.cfg", 0);
        }

        /// <summary>
        /// Starts Kamailio with kamailio_media_relay.cfg: every call's SDP is rewritten through the
        /// rtpproxy control socket at udp:127.0.0.1:<paramref name="rtpproxyPort"/> (start the relay first).
        /// </summary>
        public static Kamailio StartWithMediaRelay(string algorithm, int rtpproxyPort)
        {
            return Start(algorithm, 3600, "kamailio_media_relay.cfg", rtpproxyPort);
        }

        private static Kamailio Start(string algorithm, int maxExpires, string configName, int rtpproxyPort)
        {
            int port = PeerProcess.FreePort();
            string dir = Path.Combine(Path.GetTempPath(), "kamailio-" + port + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            string cfg = File.ReadAllText(Path.Combine(RepoRoot, "tests/Desktop/Interop/peers", configName))
                .Replace("@RTPPROXY@", rtpproxyPort.ToString())
                .Replace("@PORT@", port.ToString())
                .Replace("@ALGORITHM@", algorithm)
                .Replace("@PASSWORD@", Password)
                .Replace("@MAXEXPIRES@", maxExpires.ToString());
            string path = Path.Combine(dir, "kamailio.cfg");
            File.WriteAllText(path, cfg);
            var p = PeerProcess.Start("kamailio", dir, "-f", path, "-DD", "-E", "-Y", dir, "-m", "64", "-M", "8");
            var k = new Kamailio(p, dir, port);
            if (!k.WaitReady(15000))
            {
                string output = p.Output;
                k.Dispose();
                throw new InvalidOperationException("kamailio did not start on " + port + ":\n" + output);
            }
            return k;
        }

        private bool WaitReady(int timeoutMs)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.ReceiveTimeout = 200;
            int localPort = ((IPEndPoint)s.LocalEndPoint).Port;
            byte[] buf = new byte[4096];
            for (int n = 0; DateTime.UtcNow < end; n++)
            {
                if (_p.HasExited) return false;
                string opt = "OPTIONS sip:127.0.0.1:" + Port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bKready" + n + "\r\n" +
                             "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p" + n + "\r\nTo: <sip:127.0.0.1>\r\nCall-ID: ready" + n + "@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
                byte[] b = Encoding.ASCII.GetBytes(opt);
                s.SendTo(b, new IPEndPoint(IPAddress.Loopback, Port));
                try
                {
                    int len = s.Receive(buf);
                    if (Encoding.ASCII.GetString(buf, 0, len).StartsWith("SIP/2.0 200")) return true;
                }
                catch (SocketException) { }
            }
            return false;
        }

        public void Dispose()
        {
            _p.Dispose();
            try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
