// Runs the virtual device (the built Endpoint.Host.dll) as a child process the way a user or
// script does: commands on stdin, events read from stdout, logs from stderr. Every wait is
// bounded; Dispose kills the process if it is still running.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Support
{
    public sealed class HostProcess : IDisposable
    {
        private readonly Process _p;
        private readonly List<string> _events = new List<string>();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly object _lock = new object();
        private int _scan;

        private HostProcess(Process p)
        {
            _p = p;
            _p.OutputDataReceived += (s, e) => { if (e.Data != null) lock (_lock) { _events.Add(e.Data); Monitor.PulseAll(_lock); } };
            _p.ErrorDataReceived += (s, e) => { if (e.Data != null) lock (_lock) { _stderr.AppendLine(e.Data); } };
            _p.BeginOutputReadLine();
            _p.BeginErrorReadLine();
        }

        public static string HostDll
        {
            get { return Path.Combine(AppContext.BaseDirectory, "Endpoint.Host.dll"); }
        }

        /// <summary>Starts the virtual device with the given arguments.</summary>
        public static HostProcess Start(params string[] args) { return StartWithEnvironment(null, args); }

        /// <summary>Starts the virtual device with extra environment variables (may be null).</summary>
        public static HostProcess StartWithEnvironment(System.Collections.Generic.IDictionary<string, string> env, params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            if (env != null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
            psi.ArgumentList.Add(HostDll);
            foreach (string a in args) psi.ArgumentList.Add(a);
            return new HostProcess(Process.Start(psi));
        }

        /// <summary>Starts the virtual device with a configuration written to a temporary file.</summary>
        public static HostProcess StartWithConfig(string json, out string path)
        {
            path = Path.Combine(Path.GetTempPath(), "endpoint-test-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            return Start("--config", path);
        }

        public void Send(string line)
        {
            _p.StandardInput.WriteLine(line);
            _p.StandardInput.Flush();
        }

        public void CloseInput() { _p.StandardInput.Close(); }

        public string Stderr { get { lock (_lock) return _stderr.ToString(); } }

        public List<string> Events { get { lock (_lock) return new List<string>(_events); } }

        /// <summary>Waits for the next event line (after those already consumed) starting with <paramref name="prefix"/>.</summary>
        public string WaitFor(string prefix, int timeoutMs = 10000)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            lock (_lock)
            {
                while (true)
                {
                    for (; _scan < _events.Count; _scan++)
                    {
                        if (_events[_scan].StartsWith(prefix, StringComparison.Ordinal)) return _events[_scan++];
                    }
                    int left = (int)(end - DateTime.UtcNow).TotalMilliseconds;
                    if (left <= 0) throw new TimeoutException("no '" + prefix + "' within " + timeoutMs + " ms; events:\n" + string.Join("\n", _events) + "\nstderr:\n" + _stderr);
                    Monitor.Wait(_lock, Math.Min(left, 200));
                }
            }
        }

        /// <summary>Waits for the process to exit; returns the exit code.</summary>
        public int WaitExit(int timeoutMs = 15000)
        {
            if (!_p.WaitForExit(timeoutMs)) throw new TimeoutException("host did not exit within " + timeoutMs + " ms; stderr:\n" + Stderr);
            _p.WaitForExit();
            return _p.ExitCode;
        }

        /// <summary>Value of key=value in an event line (handles quoted values).</summary>
        public static string Field(string line, string key)
        {
            string k = " " + key + "=";
            int i = line.IndexOf(k, StringComparison.Ordinal);
            if (i < 0) return null;
            i += k.Length;
            if (i < line.Length && line[i] == '"')
            {
                var sb = new StringBuilder();
                for (i++; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] == '\\' && i + 1 < line.Length) i++;
                    sb.Append(line[i]);
                }
                return sb.ToString();
            }
            int end = line.IndexOf(' ', i);
            return end < 0 ? line.Substring(i) : line.Substring(i, end - i);
        }

        public void Dispose()
        {
            try { if (!_p.HasExited) _p.Kill(true); } catch (InvalidOperationException) { }
            _p.Dispose();
        }
    }
}
