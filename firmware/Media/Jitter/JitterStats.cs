// Counters of the jitter buffer (what a call-quality screen or log shows). Depends on nothing.
namespace Endpoint.Media.Jitter
{
    /// <summary>Jitter buffer counters since construction (not cleared by restarts).</summary>
    public sealed class JitterStats
    {
        /// <summary>Packets stored.</summary>
        public int Received;
        /// <summary>Packets that arrived after their playout time (dropped).</summary>
        public int Late;
        /// <summary>Duplicate packets dropped.</summary>
        public int Duplicates;
        /// <summary>Frames played while their packet was missing (lost or not yet arrived) and later audio was buffered.</summary>
        public int Lost;
        /// <summary>Frames produced by concealment (loss and underrun).</summary>
        public int Concealed;
        /// <summary>Frames played while the buffer was empty (underrun; playout held).</summary>
        public int Underruns;
        /// <summary>Frames dropped to shrink the depth (adaptation, sender clock fast).</summary>
        public int Dropped;
        /// <summary>Frames inserted to grow the depth (adaptation, sender clock slow).</summary>
        public int Inserted;
        /// <summary>Packets evicted because every slot was full.</summary>
        public int Overflows;
        /// <summary>Packets refused (empty or larger than a slot).</summary>
        public int Refused;
        /// <summary>Restarts: SSRC change, sequence or timestamp jump, or Flush.</summary>
        public int Resets;
        /// <summary>Frames delivered while playing (all kinds).</summary>
        public int Frames;
    }
}
