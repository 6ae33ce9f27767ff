// Starts a real peer program (kamailio, sipp, baresip, dhtnode, turnserver) for an interop
// test, captures its output, and stops it by PID on Dispose. Every wait is bounded.
using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Support
{
    public sealed class PeerProcess : IDisposable
    {
        private readonly Process _p;
        private readonly StringBuilder _out = new StringBuilder();

        private PeerProcess(Process p)
        {
            _p = p;
            _p.OutputDataReceived += (s, e) => { if (e.Data != null) lock (_out) _out.AppendLine(e.Data); };
            _p.ErrorDataReceived += (s, e) => { if (e.Data != null) lock (_out) _out.AppendLine(e.Data); };
            _p.BeginOutputReadLine();
            _p.BeginErrorReadLine();
        }

        public string Output { get { lock (_out) return _out.ToString(); } }

        public bool HasExited { get { return _p.HasExited; } }

        public int Pid { get { return _p.Id; } }

        public static PeerProcess Start(string program, string workDir, params string[] args)
        {
            string path = Which(program);
            if (path == null) throw new InvalidOperationException(program + " is not installed; run tests/install-deps.sh (as root)");
            var psi = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workDir ?? Path.GetTempPath(),
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            return new PeerProcess(Process.Start(psi));
        }

        public void SendLine(string line)
        {
            _p.StandardInput.WriteLine(line);
            _p.StandardInput.Flush();
        }

        public bool WaitExit(int timeoutMs) { return _p.WaitForExit(timeoutMs); }

        public int ExitCode { get { return _p.ExitCode; } }

        /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
        public bool WaitOutput(string text, int timeoutMs)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (DateTime.UtcNow < end)
            {
                if (Output.Contains(text, StringComparison.Ordinal)) return true;
                if (_p.HasExited) return Output.Contains(text, StringComparison.Ordinal);
                Thread.Sleep(20);
            }
            return false;
        }

        public static string Which(string program)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                string p = Path.Combine(dir, program);
                if (File.Exists(p)) return p;
            }
            foreach (string dir in new[] { "/usr/sbin", "/sbin", "/usr/bin" })
            {
                string p = Path.Combine(dir, program);
                if (File.Exists(p)) return p;
            }
            return null;
        }

        /// <summary>A UDP and TCP port on 127.0.0.1 that was free a moment ago.</summary>
        public static int FreePort()
        {
            for (int attempt = 0; attempt < 50; attempt++)
            {
                var tcp = new TcpListener(IPAddress.Loopback, 0);
                tcp.Start();
                int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
                tcp.Stop();
                try
                {
                    using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                    return port;
                }
                catch (SocketException) { }
            }
            throw new InvalidOperationException("no free port found");
        }

        public void Dispose()
        {
            try
            {
                if (!_p.HasExited)
                {
                    _p.Kill(true);
                    _p.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException) { }
            _p.Dispose();
        }
    }
}
