// Settings of the adaptive jitter buffer: fixed capacity (slots of one frame each) chosen at
// call setup, playout-depth bounds and the adaptation constants. Depends on nothing.
namespace Endpoint.Media.Jitter
{
    /// <summary>Jitter buffer settings; read once by the JitterBuffer constructor.</summary>
    public sealed class JitterBufferConfig
    {
        /// <summary>
        /// Frame slots (fixed memory: Slots x one frame of encoded audio). Default 16: 320 ms, i.e.
        /// MaxDepthMs plus the drop hysteresis (up to 3.5 frames above target), the frame playing
        /// and a burst; a 40 ms packet takes two slots.
        /// </summary>
        public int Slots = 16;
        /// <summary>Largest payload accepted, bytes (larger ones are refused). Default 320: 40 ms of G.711 (our maxptime).</summary>
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
