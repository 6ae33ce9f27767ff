// SIP transport over real sockets (RFC 3261 §18): one UDP socket and one TCP listener on the
// configured listen address, outbound TCP connections reused per remote endpoint (RFC 5923
// style reuse without the alias parameter: responses and requests to an endpoint we already
// have a connection with go over it), stream framing per connection, RFC 5626 keep-alive
// (CRLFCRLF ping answered with CRLF pong), and flushing of the SIP outbox. Bounded: a fixed
// number of connections; the oldest idle one is closed to make room.
// Runtime folder: owns sockets. Depends on Endpoint.Sip.Message/Transaction and SocketAddresses.
using System;
using System.Net;
using System.Net.Sockets;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Runtime
{
    /// <summary>Receives complete SIP messages from the transport.</summary>
    public interface ISipReceiver
    {
        /// <summary>One datagram or one framed stream message, valid only during the call.</summary>
        void OnSipMessage(byte[] buf, int offset, int count, SipAddress source, long nowMs);
    }

    /// <summary>UDP + TCP SIP transport.</summary>
    public sealed class SipSocketTransport
    {
        private const int MaxConnections = 6;
        private const int IdleCloseMs = 300000;
        private static readonly byte[] Pong = { 13, 10 };
        private static readonly byte[] Ping = { 13, 10, 13, 10 };

        private readonly byte[] _rx = new byte[8192];
        private readonly TcpConnection[] _conns = new TcpConnection[MaxConnections];
        private Socket _udp;
        private Socket _listener;
        private EndPoint _any;

        /// <summary>Datagrams or stream bytes we could not deliver or send (for status/diagnostics).</summary>
        public int Errors { get; private set; }

        /// <summary>Last transport error text, for logs.</summary>
        public string LastError { get; private set; }

        /// <summary>The bound local endpoint.</summary>
        public IPEndPoint Local { get; private set; }

        /// <summary>Binds UDP and TCP on the address; port 0 picks one free port for both. Returns an error or null.</summary>
        public string Open(IPAddress address, int port)
        {
            for (int attempt = 0; attempt < 10; attempt++)
            {
                try
                {
                    _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    _udp.Bind(new IPEndPoint(address, port));
                    Local = (IPEndPoint)_udp.LocalEndPoint;
                }
                catch (SocketException e)
                {
                    Close();
                    return "cannot bind UDP " + address + ":" + port + " (" + e.Message + ")";
                }
                try
                {
                    _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    _listener.Bind(new IPEndPoint(address, Local.Port));
                    _listener.Listen(4);
                    _any = new IPEndPoint(address.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
                    return null;
                }
                catch (SocketException e)
                {
                    Close();
                    if (port != 0) return "cannot listen on TCP " + address + ":" + port + " (" + e.Message + ")";
                    // the free UDP port was taken on TCP: try another
                }
            }
            return "no port free for both UDP and TCP on " + address;
        }

        /// <summary>Waits up to <paramref name="waitMs"/> for input and delivers every complete message.</summary>
        public void Poll(int waitMs, ISipReceiver receiver, long nowMs)
        {
            if (_udp == null) return;
            int udpWaitUs = waitMs * 1000;
            if (HasTcp()) udpWaitUs = waitMs > 5 ? 5000 : waitMs * 1000;
            try
            {
                if (_udp.Poll(udpWaitUs, SelectMode.SelectRead)) ReceiveUdp(receiver, nowMs);
            }
            catch (SocketException e) { Fail("UDP receive: " + e.Message); }
            try
            {
                if (_listener.Poll(0, SelectMode.SelectRead)) Accept(nowMs);
            }
            catch (SocketException e) { Fail("TCP accept: " + e.Message); }
            for (int i = 0; i < _conns.Length; i++)
            {
                TcpConnection c = _conns[i];
                if (c == null) continue;
                if (!c.Service(_rx, receiver, nowMs)) { Drop(i); continue; }
                if (nowMs - c.LastUse > IdleCloseMs) Drop(i);
            }
        }

        /// <summary>Sends everything queued in the outbox.</summary>
        public void Flush(SipOutbox outbox, long nowMs)
        {
            while (outbox.Count > 0)
            {
                Send(outbox.PeekBuffer(), 0, outbox.PeekLength(), outbox.PeekDestination(), nowMs);
                outbox.Pop();
            }
        }

        /// <summary>Sends a NAT keep-alive (CRLFCRLF) to a peer over its transport.</summary>
        public void SendKeepAlive(SipAddress to, long nowMs)
        {
            Send(Ping, 0, Ping.Length, to, nowMs);
        }

        /// <summary>Sends bytes to a destination over UDP or TCP (connecting when needed).</summary>
        public bool Send(byte[] buf, int offset, int count, SipAddress to, long nowMs)
        {
            IPEndPoint ep = SocketAddresses.ToEndPoint(to);
            if (ep == null) { Fail("cannot resolve " + to.Host); return false; }
            try
            {
                if (to.Transport == SipTransport.Tcp)
                {
                    TcpConnection c = FindOrConnect(to, ep, nowMs);
                    if (c == null) return false;
                    if (!c.Send(buf, offset, count, nowMs)) { Drop(IndexOf(c)); Fail("TCP send to " + ep + " failed"); return false; }
                    return true;
                }
                _udp.SendTo(buf, offset, count, SocketFlags.None, ep);
                return true;
            }
            catch (SocketException e)
            {
                Fail("send to " + ep + ": " + e.Message);
                return false;
            }
        }

        /// <summary>Closes every socket.</summary>
        public void Close()
        {
            for (int i = 0; i < _conns.Length; i++) if (_conns[i] != null) Drop(i);
            if (_udp != null) { _udp.Close(); _udp = null; }
            if (_listener != null) { _listener.Close(); _listener = null; }
        }

        private void ReceiveUdp(ISipReceiver receiver, long nowMs)
        {
            EndPoint from = _any;
            int n = _udp.ReceiveFrom(_rx, 0, _rx.Length, SocketFlags.None, ref from);
            if (n <= 0) return;
            if (n <= 4 && IsCrlfOnly(_rx, n)) return; // a UDP keep-alive from a peer
            receiver.OnSipMessage(_rx, 0, n, SocketAddresses.FromEndPoint((IPEndPoint)from, SipTransport.Udp), nowMs);
        }

        private static bool IsCrlfOnly(byte[] b, int n)
        {
            for (int i = 0; i < n; i++) if (b[i] != 13 && b[i] != 10) return false;
            return true;
        }

        private void Accept(long nowMs)
        {
            Socket s = _listener.Accept();
            int slot = FreeSlot();
            var remote = (IPEndPoint)s.RemoteEndPoint;
            _conns[slot] = new TcpConnection(s, SocketAddresses.FromEndPoint(remote, SipTransport.Tcp), nowMs);
        }

        private TcpConnection FindOrConnect(SipAddress to, IPEndPoint ep, long nowMs)
        {
            for (int i = 0; i < _conns.Length; i++)
            {
                if (_conns[i] != null && _conns[i].Remote.SameEndpoint(to)) return _conns[i];
            }
            var s = new Socket(ep.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                s.SendTimeout = 3000;
                s.Connect(ep);
            }
            catch (SocketException e)
            {
                s.Close();
                Fail("TCP connect to " + ep + ": " + e.Message);
                return null;
            }
            int slot = FreeSlot();
            _conns[slot] = new TcpConnection(s, to, nowMs);
            return _conns[slot];
        }

        private bool HasTcp()
        {
            for (int i = 0; i < _conns.Length; i++) if (_conns[i] != null) return true;
            return false;
        }

        private int FreeSlot()
        {
            int oldest = 0;
            for (int i = 0; i < _conns.Length; i++)
            {
                if (_conns[i] == null) return i;
                if (_conns[i].LastUse < _conns[oldest].LastUse) oldest = i;
            }
            Drop(oldest);
            return oldest;
        }

        private int IndexOf(TcpConnection c)
        {
            for (int i = 0; i < _conns.Length; i++) if (_conns[i] == c) return i;
            return -1;
        }

        private void Drop(int i)
        {
            if (i < 0 || _conns[i] == null) return;
            _conns[i].Close();
            _conns[i] = null;
        }

        private void Fail(string what)
        {
            Errors++;
            LastError = what;
        }

        private sealed class TcpConnection
        {
            private readonly Socket _s;
            private readonly SipStreamFramer _framer = new SipStreamFramer();

            public TcpConnection(Socket s, SipAddress remote, long nowMs)
            {
                _s = s;
                Remote = remote;
                LastUse = nowMs;
            }

            public SipAddress Remote { get; }

            public long LastUse { get; private set; }

            // Reads what is available and delivers complete messages; false when the connection is gone.
            public bool Service(byte[] scratch, ISipReceiver receiver, long nowMs)
            {
                try
                {
                    while (_s.Poll(0, SelectMode.SelectRead))
                    {
                        int n = _s.Receive(scratch, 0, scratch.Length, SocketFlags.None);
                        if (n <= 0) return false;
                        LastUse = nowMs;
                        int off = 0;
                        while (off < n)
                        {
                            int took = _framer.Write(scratch, off, n - off);
                            off += took;
                            if (!Drain(receiver, nowMs)) return false;
                            if (took == 0 && off < n) return false;
                        }
                    }
                    return true;
                }
                catch (SocketException) { return false; }
            }

            private bool Drain(ISipReceiver receiver, long nowMs)
            {
                while (true)
                {
                    SipFrameStatus st = _framer.Next();
                    switch (st)
                    {
                        case SipFrameStatus.Message:
                            receiver.OnSipMessage(_framer.Buffer, _framer.MessageOffset, _framer.MessageLength, Remote, nowMs);
                            break;
                        case SipFrameStatus.KeepAlivePing:
                            Send(Pong, 0, Pong.Length, nowMs);
                            break;
                        case SipFrameStatus.KeepAlivePong:
                            break;
                        case SipFrameStatus.Fatal:
                            return false;
                        default:
                            return true;
                    }
                }
            }

            public bool Send(byte[] buf, int offset, int count, long nowMs)
            {
                try
                {
                    int sent = 0;
                    while (sent < count)
                    {
                        int n = _s.Send(buf, offset + sent, count - sent, SocketFlags.None);
                        if (n <= 0) return false;
                        sent += n;
                    }
                    LastUse = nowMs;
                    return true;
                }
                catch (SocketException) { return false; }
            }

            public void Close()
            {
                try { _s.Close(); } catch (SocketException) { }
            }
        }
    }
}
