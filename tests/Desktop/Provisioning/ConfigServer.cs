// A tiny HTTP provisioning server for tests: TcpListener on 127.0.0.1 with an ephemeral port,
// answers every GET with the current document (Content-Length, Connection: close), counts the
// requests. Silent mode accepts connections and never answers (for timeouts). Every wait bounded.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Provisioning
{
    public sealed class ConfigServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Thread _thread;
        private volatile bool _stopped;
        private int _requests;

        public ConfigServer(string document)
        {
            Document = document;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _thread = new Thread(Loop) { IsBackground = true, Name = "config-server" };
            _thread.Start();
        }

        public int Port { get; }
        public string Url { get { return "http://127.0.0.1:" + Port + "/config/phone.json"; } }
        public volatile string Document;
        public volatile int Status = 200;
        public volatile bool Silent;
        public int Requests { get { return Volatile.Read(ref _requests); } }

        private void Loop()
        {
            while (!_stopped)
            {
                Socket s;
                try { s = _listener.AcceptSocket(); }
                catch (Exception) { return; }
                try { Serve(s); }
                catch (Exception) { }
                finally { s.Dispose(); }
            }
        }

        private void Serve(Socket s)
        {
            s.ReceiveTimeout = 5000;
            var head = new StringBuilder();
            var buf = new byte[1024];
            DateTime end = DateTime.UtcNow.AddSeconds(5);
            while (head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0 && DateTime.UtcNow < end)
            {
                int n = s.Receive(buf);
                if (n <= 0) return;
                head.Append(Encoding.ASCII.GetString(buf, 0, n));
            }
            Interlocked.Increment(ref _requests);
            if (Silent)
            {
                while (!_stopped && DateTime.UtcNow < end) Thread.Sleep(50);
                return;
            }
            byte[] body = Encoding.UTF8.GetBytes(Document);
            string reason = Status == 200 ? "OK" : "Error";
            byte[] h = Encoding.ASCII.GetBytes("HTTP/1.1 " + Status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
            s.Send(h);
            s.Send(body);
            s.Shutdown(SocketShutdown.Send);
        }

        public void Dispose()
        {
            _stopped = true;
            _listener.Stop();
            _thread.Join(2000);
        }
    }
}
