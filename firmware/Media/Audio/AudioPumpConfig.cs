// Per-call media settings the application derives from the SDP offer/answer: payload types,
// packetization time, inactivity timeout, CNAME and jitter-buffer limits. Depends on
// JitterBufferConfig. Does not know SDP text.
using Endpoint.Media.Jitter;

namespace Endpoint.Media.Audio
{
    /// <summary>Settings read once by the AudioPump constructor (payload types may also be changed later).</summary>
    public sealed class AudioPumpConfig
    {
        /// <summary>Negotiated audio payload type; -1 means the codec's static one.</summary>
        public int AudioPayloadType = -1;
        /// <summary>Negotiated telephone-event payload type (RFC 4733), or -1 when not negotiated.</summary>
        public int TelephoneEventPayloadType = -1;
        /// <summary>20 ms frames per sent packet (ptime / 20): 1 or 2 typically.</summary>
        public int FramesPerPacket = 1;
        /// <summary>RTP inactivity timeout, ms (0 disables).</summary>
        public int InactivityTimeoutMs = 30000;
        /// <summary>RTCP CNAME (RFC 3550 6.5.1), ASCII bytes, 1..255; null makes "endpoint".</summary>
        public byte[] Cname;
        /// <summary>Jitter buffer settings; null uses the defaults.</summary>
        public JitterBufferConfig Jitter;
        /// <summary>Scratch shared with the other pumps of the same thread; null: the pump makes its own.</summary>
        public AudioPumpWorkspace Workspace;
    }
}
