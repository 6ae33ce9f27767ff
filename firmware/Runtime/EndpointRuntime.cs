// The runtime loop: the one place (with the rest of firmware/Runtime) that owns sockets,
// threads and the clock. It binds the SIP socket, feeds commands, received packets and time to
// the pure application and sleeps until the next deadline. Same code on the device and on the
// virtual device. Depends on System.Net.Sockets, Environment.TickCount64 and Endpoint.App.
using System;
using System.Net;
using System.Net.Sockets;
using Endpoint.App;
using Endpoint.Config;

namespace Endpoint.Runtime
{
    /// <summary>Runs one endpoint until its application finishes or input ends.</summary>
    public sealed class EndpointRuntime
    {
        private const int MaxWaitMs = 50;
        private readonly EndpointConfig _config;
        private readonly IEventSink _sink;
        private readonly CommandQueue _commands;
        private Socket _sip;

        /// <summary>Creates a runtime for a validated configuration.</summary>
        public EndpointRuntime(EndpointConfig config, IEventSink sink, CommandQueue commands)
        {
            _config = config;
            _sink = sink;
            _commands = commands;
        }

        /// <summary>The bound local SIP address, after <see cref="Bind"/>.</summary>
        public IPEndPoint LocalSip { get; private set; }

        /// <summary>The bound SIP socket (UDP), after <see cref="Bind"/>.</summary>
        public Socket SipSocket { get { return _sip; } }

        /// <summary>Monotonic milliseconds.</summary>
        public static long Now() { return Environment.TickCount64; }

        /// <summary>Binds the SIP UDP socket; returns an error message or null.</summary>
        public string Bind()
        {
            HostPort listen = _config.Sip.Listen;
            IPAddress addr;
            try { addr = IPAddress.Parse(listen.Host); }
            catch (Exception) { return "sip.listen: \"" + listen.Host + "\" is not an IP address of this machine"; }
            try
            {
                _sip = new Socket(addr.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                _sip.Bind(new IPEndPoint(addr, listen.Port));
                LocalSip = (IPEndPoint)_sip.LocalEndPoint;
                return null;
            }
            catch (SocketException e)
            {
                if (_sip != null) _sip.Close();
                _sip = null;
                return "sip.listen: cannot bind UDP " + listen + " (" + e.Message + ")";
            }
        }

        /// <summary>Runs the loop until the app finishes or input is closed and drained.</summary>
        public void Run(IEndpointApp app)
        {
            app.Start(Now());
            while (!app.Finished)
            {
                long now = Now();
                string line;
                while ((line = _commands.Dequeue()) != null)
                {
                    string error;
                    Command c = Command.Parse(line, out error);
                    if (c != null) app.OnCommand(c, now);
                    else if (error != null) _sink.Event(new EventLine("error").Add("reason", error).ToString());
                    if (app.Finished) break;
                }
                if (app.Finished) break;
                if (_commands.Drained)
                {
                    // Standard input closed without quit: behave as if quit was typed.
                    Command quit = Command.Parse("quit", out line);
                    app.OnCommand(quit, now);
                }
                app.OnTimer(now);
                long wait = app.NextDeadline - Now();
                if (wait > MaxWaitMs) wait = MaxWaitMs;
                if (wait < 1) wait = 1;
                System.Threading.Thread.Sleep((int)wait);
            }
            if (_sip != null) _sip.Close();
        }
    }
}
