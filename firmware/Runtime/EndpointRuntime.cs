// The runtime loop: the one place (with the rest of firmware/Runtime) that owns sockets,
// threads and the clock. It binds the SIP transport (UDP + TCP), feeds received SIP messages,
// commands and time to the user agent and the application, flushes what they want sent,
// moves RTP, ticks the audio every 20 ms, and (when the app has an overlay client) pumps the
// overlay's HTTP requests through OverlayTransport and gives the client the wall clock. Same
// code on the device and on the virtual device. Depends on System.Net.Sockets,
// Environment.TickCount64, Endpoint.App, Endpoint.Sip.Ua and the transport classes here.
using System;
using System.Net;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;

namespace Endpoint.Runtime
{
    /// <summary>Runs one endpoint until its application finishes.</summary>
    public sealed class EndpointRuntime : ISipReceiver
    {
        private const int FrameMs = 20;
        private const int MaxWaitMs = 10;
        private readonly EndpointConfig _config;
        private readonly IEventSink _sink;
        private readonly CommandQueue _commands;
        private readonly SipSocketTransport _sip = new SipSocketTransport();
        private readonly byte[] _rtcpScratch = new byte[512];
        private RtpPorts _rtp;
        private UserAgent _ua;
        private IPAddress _localIp;
        private LocalAddressMonitor _address;
        private long _nextFrame;
        private long _nextKeepAlive;
        private long _wallOffset;
        private OverlayTransport _overlayNet;

        /// <summary>Creates a runtime for a validated configuration.</summary>
        public EndpointRuntime(EndpointConfig config, IEventSink sink, CommandQueue commands)
        {
            _config = config;
            _sink = sink;
            _commands = commands;
        }

        /// <summary>The bound local SIP endpoint, after <see cref="Bind"/>.</summary>
        public IPEndPoint LocalSip { get { return _sip.Local; } }

        /// <summary>The user agent, after <see cref="Bind"/>.</summary>
        public UserAgent UserAgent { get { return _ua; } }

        /// <summary>The runtime's RTP sockets, after <see cref="Bind"/>.</summary>
        public RtpPorts RtpPorts { get { return _rtp; } }

        /// <summary>Monotonic milliseconds.</summary>
        public static long Now() { return Environment.TickCount64; }

        /// <summary>Binds the SIP transport and creates the user agent; returns an error message or null.</summary>
        public string Bind(RuntimeRandom random, long unixMsNow)
        {
            HostPort listen = _config.Sip.Listen;
            try { _localIp = IPAddress.Parse(listen.Host); }
            catch (Exception) { return "sip.listen: \"" + listen.Host + "\" is not an IP address of this machine"; }
            string error = _sip.Open(_localIp, listen.Port);
            if (error != null) return "sip.listen: " + error;
            _address = new LocalAddressMonitor(_localIp, ProbeTarget(), 5000);
            UaConfig ua = UaConfig.FromSipConfig(_config.Sip, _address.Current, _sip.Local.Port);
            ua.EnsureCalls(EndpointApp.CallSlotsFor(_config)); // the intercom rings up to 4 targets at once
            _ua = new UserAgent(ua, random);
            _rtp = new RtpPorts(_localIp, _config.Media);
            _wallOffset = unixMsNow - Now();
            return null;
        }

        /// <summary>Registrar (or outbound proxy) as an end point when it is an IP literal, else null.</summary>
        private IPEndPoint ProbeTarget()
        {
            HostPort t = _config.Sip.OutboundProxy != null ? _config.Sip.OutboundProxy : _config.Sip.Registrar;
            if (t == null) return null;
            try { return new IPEndPoint(IPAddress.Parse(t.Host), t.Port); }
            catch (Exception) { return null; }
        }

        /// <summary>Re-checks the local address at once (the host calls this on a network change event).</summary>
        public void CheckLocalAddressSoon() { if (_address != null) _address.CheckSoon(); }

        /// <inheritdoc/>
        public void OnSipMessage(byte[] buf, int offset, int count, SipAddress source, long nowMs)
        {
            if (source.Transport == SipTransport.Udp) _ua.OnDatagram(buf, offset, count, source, nowMs);
            else _ua.OnStreamMessage(buf, offset, count, source, nowMs);
        }

        /// <summary>Runs the loop until the app finishes.</summary>
        public void Run(EndpointApp app)
        {
            long start = Now();
            if (app.Overlay != null)
            {
                // The overlay client (sans-IO) runs on this loop; its HTTP requests on OverlayTransport's workers.
                _overlayNet = new OverlayTransport();
                app.Overlay.SetWallClock((start + _wallOffset) / 1000, start);
            }
            app.Start(start);
            _sip.Flush(_ua.Outbox, start);
            _nextFrame = start + FrameMs;
            _nextKeepAlive = start + _config.Sip.KeepAliveSeconds * 1000L;
            bool sentQuit = false;
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
                    _sip.Flush(_ua.Outbox, now);
                }
                if (_commands.Drained && !sentQuit)
                {
                    sentQuit = true;
                    string unused;
                    app.OnCommand(Command.Parse("quit", out unused), now);
                }

                int wait = (int)(_nextFrame - now);
                long deadline = app.NextDeadline - now;
                if (deadline < wait) wait = (int)(deadline < 0 ? 0 : deadline);
                if (wait > MaxWaitMs) wait = MaxWaitMs;
                if (_overlayNet != null)
                {
                    _overlayNet.Pump(app.Overlay, now, MaxWaitMs); // start what commands asked for (lookups) now
                    if (_overlayNet.AwaitingShortRequest && wait > 1) wait = 1; // a lookup/POST answer is due within ms
                }
                if (wait < 0) wait = 0;
                _sip.Poll(wait, this, Now());

                now = Now();
                string changedTo;
                if (_address.Check(now, out changedTo)) _ua.OnLocalAddressChanged(changedTo, _sip.Local.Port, now); // re-registers with the new Contact
                if (_overlayNet != null) _overlayNet.Pump(app.Overlay, now, MaxWaitMs);
                app.OnTimer(now);
                _rtp.Poll(now, now + _wallOffset, _rtcpScratch);
                if (now >= _nextFrame)
                {
                    if (now - _nextFrame > 200) _nextFrame = now; // fell far behind (debugger, suspend): resynchronise
                    app.OnAudioFrame(now);
                    _nextFrame += FrameMs;
                }
                if (_config.Sip.Registrar != null && now >= _nextKeepAlive)
                {
                    _nextKeepAlive = now + _config.Sip.KeepAliveSeconds * 1000L;
                    SipAddress reg = SipAddress.FromHost(_config.Sip.OutboundProxy != null ? _config.Sip.OutboundProxy.Host : _config.Sip.Registrar.Host,
                        _config.Sip.OutboundProxy != null ? _config.Sip.OutboundProxy.Port : _config.Sip.Registrar.Port,
                        _config.Sip.Transport == "tcp" ? SipTransport.Tcp : SipTransport.Udp);
                    _sip.SendKeepAlive(reg, now);
                }
                _sip.Flush(_ua.Outbox, now);
            }
            _sip.Flush(_ua.Outbox, Now());
            _rtp.CloseAll();
            _sip.Close();
            if (_overlayNet != null) _overlayNet.Close(); // ends the listen streams' workers

        }
    }
}
