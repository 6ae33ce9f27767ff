// An impairing media relay for tests, placed on the RTP path the way real deployments place a
// media relay: Kamailio's rtpproxy module rewrites the SDP of INVITEs / 200s (rtpproxy_offer /
// rtpproxy_answer) after asking this relay, over the rtpproxy control protocol (UDP text:
// "COOKIE V", "COOKIE VF date", "COOKIE U callid addr port fromtag", "COOKIE L callid addr port
// fromtag totag", "COOKIE D ..."), which port to advertise. The endpoints stay unmodified: each
// sends to the relay port in the SDP it received, and the relay forwards between them.
//
// Per call two "sides" (caller, callee), each with its own RTP/RTCP socket pair on 127.0.0.1:
// a side sends to and receives from its own pair; a packet arriving on side S's RTP socket goes
// out of the other side's RTP socket to that side's SDP address (so both ends see a consistent,
// symmetric peer). RTP is impaired in both directions: a seeded share is dropped and every
// other packet is held for a uniform random delay (which reorders); RTCP passes untouched.
// Limits: IPv4 loopback only, one audio stream per call, no latching, no notifications.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Endpoint.Tests.Support
{
    public sealed class ImpairingRtpProxy : IDisposable
    {
        private sealed class Side
        {
            public string Tag;
            public Socket Rtp;
            public Socket Rtcp;
            public IPEndPoint Peer; // where this side's endpoint receives (from its SDP)
        }

        private sealed class Session
        {
            public readonly Side[] Sides = new Side[2];
        }

        private struct Pending
        {
            public long DueTicks;
            public long Order;
            public byte[] Data;
            public Socket From;
            public IPEndPoint To;
        }

        private readonly Socket _control;
        private readonly Dictionary<string, Session> _sessions = new Dictionary<string, Session>();
        private readonly List<Pending> _queue = new List<Pending>();
        private readonly List<Thread> _threads = new List<Thread>();
        private readonly List<Socket> _sockets = new List<Socket>();
        private readonly object _lock = new object();
        private readonly Random _random;
        private readonly double _loss;
        private readonly int _minDelayMs, _maxDelayMs;
        private readonly StringBuilder _log = new StringBuilder();
        private volatile bool _stop;
        private long _order;

        /// <summary>Starts the relay: <paramref name="loss"/> (0..1) of RTP dropped, the rest delayed uniformly in [min, max] ms.</summary>
        public ImpairingRtpProxy(int seed, double loss, int minDelayMs, int maxDelayMs)
        {
            _random = new Random(seed);
            _loss = loss;
            _minDelayMs = minDelayMs;
            _maxDelayMs = maxDelayMs;
            _control = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _control.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            ControlPort = ((IPEndPoint)_control.LocalEndPoint).Port;
            Spawn(ControlLoop);
            Spawn(SendLoop);
        }

        /// <summary>UDP port of the rtpproxy control socket (Kamailio's rtpproxy_sock).</summary>
        public int ControlPort { get; }

        /// <summary>RTP packets received / dropped / forwarded so far, and forwarded after a later-arrived packet to the same place.</summary>
        public int Received, Dropped, Forwarded, Reordered;

        private readonly Dictionary<int, long> _lastOrder = new Dictionary<int, long>();
        private readonly Dictionary<Side, long> _lastArrival = new Dictionary<Side, long>();

        /// <summary>
        /// Longest pause between two RTP packets arriving from one endpoint, in ms: the sender's
        /// own hiccups (a starved process on a busy machine), which no impairment of ours caused.
        /// </summary>
        public long MaxArrivalGapMs;

        /// <summary>Longest time a delayed packet went out after it was due, in ms (the relay's own hiccups).</summary>
        public long MaxSendLatenessMs;

        /// <summary>Control commands and replies, for failure messages.</summary>
        public string Log { get { lock (_log) return _log.ToString(); } }

        private void Spawn(ThreadStart body)
        {
            var t = new Thread(body) { IsBackground = true };
            _threads.Add(t);
            t.Start();
        }

        private void ControlLoop()
        {
            byte[] buf = new byte[4096];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            while (!_stop)
            {
                int n;
                try { n = _control.ReceiveFrom(buf, ref from); }
                catch (SocketException) { continue; }
                catch (ObjectDisposedException) { return; }
                string cmd = Encoding.ASCII.GetString(buf, 0, n).Trim();
                string reply = Handle(cmd);
                lock (_log) _log.Append("> ").Append(cmd).Append("\n< ").Append(reply).Append('\n');
                try { _control.SendTo(Encoding.ASCII.GetBytes(reply + "\n"), from); }
                catch (SocketException) { }
                catch (ObjectDisposedException) { return; }
            }
        }

        private string Handle(string line)
        {
            string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Length < 2) return line + " E1";
            string cookie = w[0];
            char op = char.ToUpperInvariant(w[1][0]);
            switch (op)
            {
                case 'V':
                    // "V" asks for the protocol version; "VF <date>" for a capability: we have the basics.
                    return w[1].Length > 1 && char.ToUpperInvariant(w[1][1]) == 'F' ? cookie + " 1" : cookie + " 20040107";
                case 'U':
                case 'L':
                    {
                        if (w.Length < 6) return cookie + " E2";
                        string callId = w[2];
                        if (!IPAddress.TryParse(w[3], out IPAddress addr) || !int.TryParse(w[4], out int port)) return cookie + " E3";
                        string fromTag = Tag(w[5]);
                        string toTag = w.Length > 6 ? Tag(w[6]) : null;
                        // The SDP belongs to the request's sender for U (offer) and to the answerer for L.
                        string owner = op == 'U' ? fromTag : toTag;
                        lock (_lock)
                        {
                            if (!_sessions.TryGetValue(callId, out Session s))
                            {
                                if (op == 'L') return cookie + " E8";
                                s = new Session();
                                s.Sides[0] = NewSide(fromTag);
                                s.Sides[1] = NewSide(toTag);
                                _sessions[callId] = s;
                            }
                            int o = Find(s, owner);
                            if (o < 0) return cookie + " E8";
                            s.Sides[o].Peer = port == 0 || addr.Equals(IPAddress.Any) ? null : new IPEndPoint(addr, port);
                            // The owner's SDP goes to the other side, which must send to its own socket.
                            Side other = s.Sides[1 - o];
                            return cookie + " " + ((IPEndPoint)other.Rtp.LocalEndPoint).Port + " 127.0.0.1";
                        }
                    }
                case 'D':
                    return cookie + " 0";
                default:
                    return cookie + " 0";
            }
        }

        private static string Tag(string t)
        {
            int semi = t.IndexOf(';');
            return semi < 0 ? t : t.Substring(0, semi);
        }

        private static int Find(Session s, string tag)
        {
            if (s.Sides[0].Tag == tag) return 0;
            if (s.Sides[1].Tag == tag) return 1;
            if (s.Sides[1].Tag == null && tag != null) { s.Sides[1].Tag = tag; return 1; }
            return -1;
        }

        private Side NewSide(string tag)
        {
            var side = new Side { Tag = tag };
            for (int attempt = 0; attempt < 100 && side.Rtp == null; attempt++)
            {
                var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                int p = ((IPEndPoint)rtp.LocalEndPoint).Port;
                if ((p & 1) == 1 || p == 65535) { rtp.Dispose(); continue; }
                var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try { rtcp.Bind(new IPEndPoint(IPAddress.Loopback, p + 1)); }
                catch (SocketException) { rtp.Dispose(); rtcp.Dispose(); continue; }
                side.Rtp = rtp;
                side.Rtcp = rtcp;
            }
            if (side.Rtp == null) throw new InvalidOperationException("no even/odd port pair for the relay");
            _sockets.Add(side.Rtp);
            _sockets.Add(side.Rtcp);
            Spawn(() => Pump(side, true));
            Spawn(() => Pump(side, false));
            return side;
        }

        private Side Other(Side side)
        {
            lock (_lock)
            {
                foreach (Session s in _sessions.Values)
                {
                    if (s.Sides[0] == side) return s.Sides[1];
                    if (s.Sides[1] == side) return s.Sides[0];
                }
            }
            return null;
        }

        private void Pump(Side side, bool rtp)
        {
            Socket sock = rtp ? side.Rtp : side.Rtcp;
            byte[] buf = new byte[2048];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            while (!_stop)
            {
                int n;
                try { n = sock.ReceiveFrom(buf, ref from); }
                catch (SocketException) { continue; }
                catch (ObjectDisposedException) { return; }
                Side other = Other(side);
                IPEndPoint to;
                lock (_lock) to = other == null || other.Peer == null ? null : other.Peer;
                if (to == null) continue;
                byte[] data = new byte[n];
                Array.Copy(buf, data, n);
                Socket outSock = rtp ? other.Rtp : other.Rtcp;
                if (!rtp)
                {
                    try { outSock.SendTo(data, new IPEndPoint(to.Address, to.Port + 1)); } catch (SocketException) { } catch (ObjectDisposedException) { return; }
                    continue;
                }
                lock (_lock)
                {
                    long now = Environment.TickCount64;
                    if (_lastArrival.TryGetValue(side, out long prev) && now - prev > MaxArrivalGapMs) MaxArrivalGapMs = now - prev;
                    _lastArrival[side] = now;
                    Received++;
                    if (_random.NextDouble() < _loss) { Dropped++; continue; }
                    int delay = _minDelayMs + _random.Next(_maxDelayMs - _minDelayMs + 1);
                    _queue.Add(new Pending { DueTicks = Environment.TickCount64 + delay, Order = _order++, Data = data, From = outSock, To = to });
                    Monitor.PulseAll(_lock);
                }
            }
        }

        private void SendLoop()
        {
            while (!_stop)
            {
                Pending next;
                lock (_lock)
                {
                    int best = -1;
                    for (int i = 0; i < _queue.Count; i++)
                        if (best < 0 || _queue[i].DueTicks < _queue[best].DueTicks || (_queue[i].DueTicks == _queue[best].DueTicks && _queue[i].Order < _queue[best].Order)) best = i;
                    if (best < 0) { Monitor.Wait(_lock, 50); continue; }
                    long wait = _queue[best].DueTicks - Environment.TickCount64;
                    if (wait > 0) { Monitor.Wait(_lock, (int)Math.Min(wait, 50)); continue; }
                    next = _queue[best];
                    _queue.RemoveAt(best);
                    if (-wait > MaxSendLatenessMs) MaxSendLatenessMs = -wait;
                    Forwarded++;
                    if (_lastOrder.TryGetValue(next.To.Port, out long last) && last > next.Order) Reordered++;
                    else _lastOrder[next.To.Port] = next.Order;
                }
                try { next.From.SendTo(next.Data, next.To); }
                catch (SocketException) { }
                catch (ObjectDisposedException) { return; }
            }
        }

        public void Dispose()
        {
            _stop = true;
            lock (_lock) Monitor.PulseAll(_lock);
            _control.Dispose();
            lock (_lock) foreach (Socket s in _sockets) s.Dispose();
            foreach (Thread t in _threads) t.Join(1000);
        }
    }
}
