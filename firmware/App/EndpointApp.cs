// The endpoint application: turns user commands into actions and actions into events.
// This first version carries the control contract (ready, status, quit, errors for commands
// whose behaviour is not built yet); the SIP user agent, media and the desk-phone/intercom
// logic plug in behind the same commands. Pure: no sockets, threads or clocks.
// Depends on Endpoint.Config and the App contract types.
using Endpoint.Config;

namespace Endpoint.App
{
    /// <summary>The application behind the control interface.</summary>
    public sealed class EndpointApp : IEndpointApp
    {
        private readonly EndpointConfig _config;
        private readonly IEventSink _sink;
        private readonly string _localSip;
        private bool _finished;

        /// <summary>Creates the app; <paramref name="localSip"/> is the bound "ip:port".</summary>
        public EndpointApp(EndpointConfig config, IEventSink sink, string localSip)
        {
            _config = config;
            _sink = sink;
            _localSip = localSip;
        }

        /// <inheritdoc/>
        public bool Finished { get { return _finished; } }

        /// <inheritdoc/>
        public long NextDeadline { get { return long.MaxValue; } }

        /// <summary>Our SIP URI as others can call it directly.</summary>
        public string SipUri { get { return "sip:" + _config.Sip.User + "@" + _localSip; } }

        /// <inheritdoc/>
        public void Start(long nowMs)
        {
            _sink.Log("board " + _config.Board + ", SIP on " + _localSip + (_config.Sip.Registrar != null ? ", registrar " + _config.Sip.Registrar : ", no registrar"));
            _sink.Event(new EventLine("ready").Add("sip", SipUri).Add("local", _localSip).Add("board", _config.Board).ToString());
        }

        /// <inheritdoc/>
        public void OnCommand(Command command, long nowMs)
        {
            switch (command.Name)
            {
                case "quit":
                    _sink.Event(new EventLine("stopped").Add("reason", "quit").ToString());
                    _finished = true;
                    return;
                case "status":
                    _sink.Event(new EventLine("status").Add("board", _config.Board).Add("sip", SipUri)
                        .Add("registrar", _config.Sip.Registrar == null ? "none" : _config.Sip.Registrar.ToString())
                        .Add("overlay", _config.Overlay == null ? "off" : _config.Overlay.Aor)
                        .Add("call", "idle").ToString());
                    return;
                default:
                    _sink.Event(new EventLine("error").Add("command", command.Name).Add("reason", "not available in this build yet").ToString());
                    return;
            }
        }

        /// <inheritdoc/>
        public void OnTimer(long nowMs) { }
    }
}
