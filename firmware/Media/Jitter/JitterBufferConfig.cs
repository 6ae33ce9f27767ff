// Settings of the adaptive jitter buffer: fixed capacity (slots x largest payload) chosen at
// call setup, playout-depth bounds and the adaptation constants. Depends on nothing.
namespace Endpoint.Media.Jitter
{
    /// <summary>Jitter buffer settings; read once by the JitterBuffer constructor.</summary>
    public sealed class JitterBufferConfig
    {
        /// <summary>Packet slots (fixed memory). Default 16: 320 ms of 20 ms packets, 640 ms of 40 ms packets.</summary>
        public int Slots = 16;
        /// <summary>Largest payload kept, bytes. Default 320: 40 ms of G.711.</summary>
        public int MaxPayloadBytes = 320;
        /// <summary>Samples per output frame (GetFrame size). Default 160: 20 ms at 8 kHz.</summary>
        public int FrameSamples = 160;
        /// <summary>Smallest target playout depth, ms.</summary>
        public int MinDepthMs = 20;
        /// <summary>Largest target playout depth, ms.</summary>
        public int MaxDepthMs = 200;
        /// <summary>Target depth = JitterFactor x RFC 3550 interarrival jitter (clamped to Min..Max), plus the late-packet boost.</summary>
        public int JitterFactor = 3;
        /// <summary>Frame mean absolute level below which a frame counts as silence (safe to drop or repeat).</summary>
        public int QuietLevel = 256;
        /// <summary>Frames of empty buffer before playout stops and waits to re-prime.</summary>
        public int ReprimeFrames = 10;
        /// <summary>Timestamp jump (ms) beyond which the buffer restarts.</summary>
        public int MaxJumpMs = 2000;
    }
}
