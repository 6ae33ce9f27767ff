// One media description of SDP (RFC 8866 section 5.14): the m= line plus the attributes the
// phone uses: rtpmap, fmtp, ptime, maxptime, direction, rtcp (RFC 3605) and a media-level c=.
// Storage is preallocated for SdpLimits.MaxFormats formats; rtpmap/fmtp values are kept per
// format index. Depends on SdpConnection, SdpDirection, SdpLimits. Unknown attributes are not
// kept (the engine never echoes foreign attributes).
namespace Endpoint.Sdp
{
    /// <summary>A media description (m= section).</summary>
    public sealed class SdpMedia
    {
        /// <summary>Media type: "audio", "video", ...</summary>
        public string Type;

        /// <summary>Transport port; 0 means the stream is rejected or disabled.</summary>
        public int Port;

        /// <summary>Number of ports ("port/count"), normally 1.</summary>
        public int PortCount;

        /// <summary>Transport protocol, e.g. "RTP/AVP".</summary>
        public string Proto;

        /// <summary>The formats exactly as written after the proto (kept to echo rejected lines).</summary>
        public string FormatText;

        /// <summary>RTP payload type numbers in offer order (only for RTP protos).</summary>
        public readonly int[] Formats = new int[SdpLimits.MaxFormats];

        /// <summary>Number of valid entries in <see cref="Formats"/>.</summary>
        public int FormatCount;

        /// <summary>Formats that did not fit (beyond SdpLimits.MaxFormats) and were ignored.</summary>
        public int FormatsDropped;

        /// <summary>rtpmap encoding name per format index, or null when no rtpmap.</summary>
        public readonly string[] EncodingName = new string[SdpLimits.MaxFormats];

        /// <summary>rtpmap clock rate per format index (0 when no rtpmap).</summary>
        public readonly int[] ClockRate = new int[SdpLimits.MaxFormats];

        /// <summary>rtpmap channel count per format index (1 when absent).</summary>
        public readonly int[] Channels = new int[SdpLimits.MaxFormats];

        /// <summary>fmtp parameters per format index, or null.</summary>
        public readonly string[] Fmtp = new string[SdpLimits.MaxFormats];

        /// <summary>a=ptime in ms, or -1.</summary>
        public int Ptime;

        /// <summary>a=maxptime in ms, or -1.</summary>
        public int MaxPtime;

        /// <summary>Media-level direction, valid when <see cref="DirectionSet"/>.</summary>
        public SdpDirection Direction;

        /// <summary>True when a direction attribute was given at media level.</summary>
        public bool DirectionSet;

        /// <summary>Media-level connection (overrides the session-level one when present).</summary>
        public readonly SdpConnection Connection = new SdpConnection();

        /// <summary>a=rtcp port (RFC 3605), or -1.</summary>
        public int RtcpPort;

        /// <summary>a=rtcp address, or null when only a port was given.</summary>
        public string RtcpAddress;

        /// <summary>Creates an empty media description.</summary>
        public SdpMedia() { Reset(); }

        /// <summary>Clears every field.</summary>
        public void Reset()
        {
            Type = null;
            Port = 0;
            PortCount = 1;
            Proto = null;
            FormatText = null;
            FormatCount = 0;
            FormatsDropped = 0;
            for (int i = 0; i < SdpLimits.MaxFormats; i++)
            {
                EncodingName[i] = null;
                ClockRate[i] = 0;
                Channels[i] = 1;
                Fmtp[i] = null;
            }
            Ptime = -1;
            MaxPtime = -1;
            Direction = SdpDirection.SendRecv;
            DirectionSet = false;
            Connection.Reset();
            RtcpPort = -1;
            RtcpAddress = null;
        }

        /// <summary>Index of payload type <paramref name="pt"/> in <see cref="Formats"/>, or -1.</summary>
        public int IndexOfFormat(int pt)
        {
            for (int i = 0; i < FormatCount; i++)
            {
                if (Formats[i] == pt) return i;
            }
            return -1;
        }

        /// <summary>Appends a format with optional rtpmap/fmtp; false when full.</summary>
        public bool AddFormat(int pt, string encodingName, int clockRate, string fmtp)
        {
            if (FormatCount >= SdpLimits.MaxFormats) return false;
            int i = FormatCount++;
            Formats[i] = pt;
            EncodingName[i] = encodingName;
            ClockRate[i] = clockRate;
            Channels[i] = 1;
            Fmtp[i] = fmtp;
            return true;
        }

        /// <summary>True when the proto is an RTP profile (its formats are payload type numbers).</summary>
        public bool IsRtp
        {
            get { return Proto != null && Proto.IndexOf("RTP/") >= 0; }
        }

        /// <summary>The direction in force: media level, else session level, else sendrecv.</summary>
        public SdpDirection EffectiveDirection(SdpSession session)
        {
            if (DirectionSet) return Direction;
            return session != null && session.DirectionSet ? session.Direction : SdpDirection.SendRecv;
        }

        /// <summary>The connection in force: media level when present, else the session's.</summary>
        public SdpConnection EffectiveConnection(SdpSession session)
        {
            if (Connection.Present || session == null) return Connection;
            return session.Connection;
        }
    }
}
