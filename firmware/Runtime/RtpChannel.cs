// The sockets of one call's media: an RTP socket on an even port and an RTCP socket on the
// next one, from the configured range (RFC 3550 §11). Received packets go to the call's media
// (which learns the peer's real source address: symmetric RTP); packets go out to the target
// the media chose. Runtime folder: owns sockets. The send endpoint object is cached and only
// rebuilt when the target changes; receiving needs an EndPoint from the socket API per packet.
// Depends on System.Net.Sockets, Endpoint.App.CallMedia and Endpoint.Media.Rtp.MediaEndpoint.
using System;
using System.Net;
using System.Net.Sockets;
using Endpoint.App;
using Endpoint.Media.Rtp;

namespace Endpoint.Runtime
{
    /// <summary>RTP + RTCP sockets for one call.</summary>
    public sealed class RtpChannel
    {
        private static int _nextPort;
        private readonly byte[] _rx = new byte[1500];
        private Socket _rtp;
        private Socket _rtcp;
        private EndPoint _any;
        private IPEndPoint _rtpTo;
        private MediaEndpoint _rtpToKey;
        private IPEndPoint _rtcpTo;
        private MediaEndpoint _rtcpToKey;

        /// <summary>The bound RTP port.</summary>
        public int Port { get; private set; }

        /// <summary>Packets that could not be sent.</summary>
        public int SendErrors { get; private set; }

        /// <summary>Binds the next free even/odd pair in [min, max]; returns an error or null.</summary>
        public string Open(IPAddress local, int min, int max)
        {
            if ((min & 1) == 1) min++;
            int pairs = (max - min + 1) / 2;
            if (pairs < 1) return "media.rtpPorts holds no even/odd port pair";
            _any = new IPEndPoint(local.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
            for (int i = 0; i < pairs; i++)
            {
                int port = min + 2 * ((_nextPort + i) % pairs);
                Socket rtp = null, rtcp = null;
                try
                {
                    rtp = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    rtp.Bind(new IPEndPoint(local, port));
                    rtcp = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    rtcp.Bind(new IPEndPoint(local, port + 1));
                    _rtp = rtp;
                    _rtcp = rtcp;
                    Port = port;
                    _nextPort = (_nextPort + i + 1) % pairs;
                    return null;
                }
                catch (SocketException)
                {
                    if (rtp != null) rtp.Close();
                    if (rtcp != null) rtcp.Close();
                }
            }
            return "no free RTP port pair in " + min + "-" + max;
        }

        /// <summary>Delivers every waiting RTP/RTCP datagram to the call's media.</summary>
        public void Poll(CallMedia media, long nowMs, long wallClockMs)
        {
            if (_rtp == null) return;
            try
            {
                int guard = 0;
                while (guard++ < 32 && _rtp.Poll(0, SelectMode.SelectRead))
                {
                    EndPoint from = _any;
                    int n = _rtp.ReceiveFrom(_rx, 0, _rx.Length, SocketFlags.None, ref from);
                    if (n > 0) media.OnRtp(_rx, 0, n, ToMedia((IPEndPoint)from), nowMs);
                }
                guard = 0;
                while (guard++ < 8 && _rtcp.Poll(0, SelectMode.SelectRead))
                {
                    EndPoint from = _any;
                    int n = _rtcp.ReceiveFrom(_rx, 0, _rx.Length, SocketFlags.None, ref from);
                    if (n > 0 && media.Pump != null) media.Pump.OnRtcpPacket(_rx, 0, n, ToMedia((IPEndPoint)from), nowMs, wallClockMs);
                }
            }
            catch (SocketException) { SendErrors++; }
        }

        /// <summary>Sends an RTP packet to the target.</summary>
        public void SendRtp(byte[] buf, int count, MediaEndpoint to)
        {
            if (_rtp == null || !to.IsSet) return;
            if (_rtpTo == null || !_rtpToKey.SameAs(to)) { _rtpTo = ToIp(to); _rtpToKey = to; }
            try { _rtp.SendTo(buf, 0, count, SocketFlags.None, _rtpTo); }
            catch (SocketException) { SendErrors++; }
        }

        /// <summary>Sends an RTCP packet to the target.</summary>
        public void SendRtcp(byte[] buf, int count, MediaEndpoint to)
        {
            if (_rtcp == null || !to.IsSet) return;
            if (_rtcpTo == null || !_rtcpToKey.SameAs(to)) { _rtcpTo = ToIp(to); _rtcpToKey = to; }
            try { _rtcp.SendTo(buf, 0, count, SocketFlags.None, _rtcpTo); }
            catch (SocketException) { SendErrors++; }
        }

        /// <summary>Closes both sockets.</summary>
        public void Close()
        {
            if (_rtp != null) { _rtp.Close(); _rtp = null; }
            if (_rtcp != null) { _rtcp.Close(); _rtcp = null; }
        }

        private static MediaEndpoint ToMedia(IPEndPoint ep)
        {
            byte[] b = ep.Address.GetAddressBytes();
            if (b.Length != 4) return new MediaEndpoint(0, 0);
            return new MediaEndpoint(((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3], ep.Port);
        }

        private static IPEndPoint ToIp(MediaEndpoint m)
        {
            return new IPEndPoint(new IPAddress(new byte[] { (byte)(m.Address >> 24), (byte)(m.Address >> 16), (byte)(m.Address >> 8), (byte)m.Address }), m.Port);
        }
    }
}
