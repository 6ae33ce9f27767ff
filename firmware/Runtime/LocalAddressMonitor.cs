// Notices when the local IP address the SIP stack must advertise changes (new DHCP lease,
// Wi-Fi roaming to another network, interface switch), so the user agent can re-register with
// a new Contact (RFC 3261 §10.2.1; the UA also removes the old binding). Only meaningful when
// the SIP socket listens on the wildcard address: then the address to advertise is the one the
// OS picks for the route to the registrar (or outbound proxy), found by "connecting" a UDP
// socket there (no packet is sent) and reading its local end point, re-checked every period.
// A specific listen address never changes. Depends on System.Net.Sockets; part of the runtime
// (it owns a socket briefly per check). Limits: IPv4 targets given as IP literals; a name is not
// resolved here (the check then keeps the last address).
using System;
using System.Net;
using System.Net.Sockets;

namespace Endpoint.Runtime
{
    /// <summary>Tracks the local address used towards one target.</summary>
    public sealed class LocalAddressMonitor
    {
        private readonly bool _wildcard;
        private readonly IPEndPoint _target;
        private readonly int _periodMs;
        private long _nextCheck;
        private string _current;

        /// <summary>
        /// <paramref name="listen"/>: the bound address; <paramref name="target"/>: registrar or
        /// proxy (null: nothing to probe); <paramref name="periodMs"/>: how often to re-check.
        /// </summary>
        public LocalAddressMonitor(IPAddress listen, IPEndPoint target, int periodMs)
        {
            if (listen == null || periodMs < 1) throw new ArgumentException();
            _wildcard = listen.Equals(IPAddress.Any);
            _target = target;
            _periodMs = periodMs;
            _current = _wildcard && target != null ? Probe(target) : null;
            if (_current == null) _current = listen.ToString();
        }

        /// <summary>The address to advertise now.</summary>
        public string Current { get { return _current; } }

        /// <summary>True when the address can change at all (wildcard listen with a target).</summary>
        public bool Tracking { get { return _wildcard && _target != null; } }

        /// <summary>Makes the next <see cref="Check"/> probe at once (e.g. after a network event).</summary>
        public void CheckSoon() { _nextCheck = 0; }

        /// <summary>
        /// Re-probes when the period is over; true (with the new address) when it changed.
        /// A failed probe (no route right now) keeps the last address.
        /// </summary>
        public bool Check(long nowMs, out string changedTo)
        {
            changedTo = null;
            if (!Tracking || nowMs < _nextCheck) return false;
            _nextCheck = nowMs + _periodMs;
            string now = Probe(_target);
            if (now == null || now == _current) return false;
            _current = now;
            changedTo = now;
            return true;
        }

        /// <summary>The local address the OS would use to reach <paramref name="target"/>, or null.</summary>
        public static string Probe(IPEndPoint target)
        {
            Socket s = null;
            try
            {
                s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Connect(target);
                IPEndPoint local = (IPEndPoint)s.LocalEndPoint;
                if (local == null || local.Address.Equals(IPAddress.Any)) return null;
                return local.Address.ToString();
            }
            catch (Exception)
            {
                return null;
            }
            finally
            {
                if (s != null) s.Close();
            }
        }
    }
}
