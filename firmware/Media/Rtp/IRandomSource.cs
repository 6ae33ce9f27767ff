// A source of random 32-bit values, injected so protocol code stays deterministic under test.
// RFC 3550 section 5.1/8.1 want the SSRC and initial sequence number and timestamp random;
// section 6.3.1 randomizes the RTCP interval. Depends on nothing.
namespace Endpoint.Media.Rtp
{
    /// <summary>Random 32-bit values (the device adapter may use a hardware RNG).</summary>
    public interface IRandomSource
    {
        /// <summary>The next random value, all 32 bits used.</summary>
        uint NextUInt32();
    }
}
