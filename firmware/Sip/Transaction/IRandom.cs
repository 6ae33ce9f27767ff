// Source of randomness injected into protocol code (branch parameters, RFC 3261 §8.1.1.7 and
// §17.2.3 require them to be unique across space and time), so tests are deterministic and the
// device can back it with its hardware RNG. Depends on nothing.
namespace Endpoint.Sip.Transaction
{
    /// <summary>Fills buffers with random bytes (cryptographic quality on the device).</summary>
    public interface IRandom
    {
        /// <summary>Writes <paramref name="count"/> random bytes to buffer[offset..].</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
