// A view into a byte buffer: start index and length, nothing else (the buffer is held by whoever
// owns the message). The SIP parser (RFC 3261 §7) describes every field this way so that parsing
// never copies or allocates. Depends on nothing. A default Slice is empty (Start 0, Length 0):
// APIs that must tell "absent" from "present but empty" return a separate bool.
namespace Endpoint.Sip.Message
{
    /// <summary>A run of bytes inside some buffer: [Start, Start + Length).</summary>
    public struct Slice
    {
        /// <summary>Index of the first byte in the buffer.</summary>
        public int Start;

        /// <summary>Number of bytes.</summary>
        public int Length;

        /// <summary>Creates a slice.</summary>
        public Slice(int start, int length)
        {
            Start = start;
            Length = length;
        }

        /// <summary>Index just past the last byte.</summary>
        public int End { get { return Start + Length; } }

        /// <summary>True when the slice holds no bytes.</summary>
        public bool IsEmpty { get { return Length <= 0; } }

        /// <summary>An empty slice.</summary>
        public static Slice Empty { get { return new Slice(0, 0); } }

        /// <summary>The slice from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
        public static Slice FromTo(int start, int end)
        {
            return new Slice(start, end > start ? end - start : 0);
        }
    }
}
