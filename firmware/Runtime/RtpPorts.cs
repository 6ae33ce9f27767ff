// IRtpPorts over real sockets: one RtpChannel per call, polled by the runtime loop.
// Runtime folder. Depends on RtpChannel and Endpoint.App.
using System.Net;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Rtp;

namespace Endpoint.Runtime
{
    /// <summary>The runtime's RTP sockets, at most <see cref="MaxChannels"/> at once.</summary>
    public sealed class RtpPorts : IRtpPorts
    {
        /// <summary>Most calls with media at once.</summary>
        public const int MaxChannels = 3;

        private readonly IPAddress _local;
        private readonly MediaConfig _config;
        private readonly RtpChannel[] _channels = new RtpChannel[MaxChannels];
        private readonly CallMedia[] _media = new CallMedia[MaxChannels];

        /// <summary>Creates the pool for a local address and the configured port range.</summary>
        public RtpPorts(IPAddress local, MediaConfig config)
        {
            _local = local;
            _config = config;
        }

        /// <inheritdoc/>
        public int Reserve(out string error)
        {
            for (int i = 0; i < MaxChannels; i++)
            {
                if (_channels[i] != null) continue;
                var ch = new RtpChannel();
                error = ch.Open(_local, _config.RtpPortMin, _config.RtpPortMax);
                if (error != null) return -1;
                _channels[i] = ch;
                return ch.Port;
            }
            error = "too many calls with media";
            return -1;
        }

        /// <inheritdoc/>
        public void Attach(int port, CallMedia media)
        {
            int i = Find(port);
            if (i >= 0) _media[i] = media;
        }

        /// <inheritdoc/>
        public void Send(int port, byte[] packet, int length, MediaEndpoint to)
        {
            int i = Find(port);
            if (i >= 0) _channels[i].SendRtp(packet, length, to);
        }

        /// <inheritdoc/>
        public void Release(int port)
        {
            int i = Find(port);
            if (i < 0) return;
            _channels[i].Close();
            _channels[i] = null;
            _media[i] = null;
        }

        /// <summary>Delivers received media and sends due RTCP reports.</summary>
        public void Poll(long nowMs, long wallClockMs, byte[] scratch)
        {
            for (int i = 0; i < MaxChannels; i++)
            {
                if (_channels[i] == null || _media[i] == null) continue;
                _channels[i].Poll(_media[i], nowMs, wallClockMs);
                var pump = _media[i].Pump;
                if (pump == null) continue;
                RtpSessionEvents ev = pump.Poll(nowMs);
                if ((ev & RtpSessionEvents.InactivityTimeout) != 0) _media[i].RtpTimedOut = true;
                if ((ev & RtpSessionEvents.RtcpDue) != 0)
                {
                    int n = pump.BuildRtcpReport(scratch, 0, scratch.Length, nowMs, wallClockMs);
                    if (n > 0) _channels[i].SendRtcp(scratch, n, pump.RtcpTarget);
                }
            }
        }

        /// <summary>Closes every channel.</summary>
        public void CloseAll()
        {
            for (int i = 0; i < MaxChannels; i++) if (_channels[i] != null) Release(_channels[i].Port);
        }

        private int Find(int port)
        {
            for (int i = 0; i < MaxChannels; i++) if (_channels[i] != null && _channels[i].Port == port) return i;
            return -1;
        }
    }
}
