// Verdicts of JitterBuffer.Put. Depends on nothing.
namespace Endpoint.Media.Jitter
{
    /// <summary>What the jitter buffer did with a packet.</summary>
    public enum JitterPutResult
    {
        /// <summary>Stored for playout.</summary>
        Stored = 0,
        /// <summary>Stored after the buffer restarted (new SSRC, sequence or timestamp jump).</summary>
        StoredAfterReset = 1,
        /// <summary>Dropped: a copy was already received.</summary>
        Duplicate = 2,
        /// <summary>Dropped: its playout time has passed.</summary>
        Late = 3,
        /// <summary>Dropped: empty or larger than a slot.</summary>
        Refused = 4,
    }

    /// <summary>What GetFrame produced.</summary>
    public enum JitterFrameKind
    {
        /// <summary>Not playing yet (priming) or stopped: silence.</summary>
        Idle = 0,
        /// <summary>Decoded audio.</summary>
        Audio = 1,
        /// <summary>Concealment (packet lost or buffer empty).</summary>
        Concealed = 2,
        /// <summary>An inserted frame (depth growing).</summary>
        Inserted = 3,
    }
}
