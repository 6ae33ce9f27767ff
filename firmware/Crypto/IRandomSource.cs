// A source of unpredictable bytes (branch ids, tags, cnonces, SSRCs, record ids), injected so
// protocol code stays deterministic under test. The device implementation draws from the
// ESP32 hardware RNG through the runtime; tests use a seeded generator. Depends on nothing.
namespace Endpoint.Crypto
{
    /// <summary>Fills buffers with random bytes.</summary>
    public interface IRandomSource
    {
        /// <summary>Writes <paramref name="count"/> random bytes to buf[offset..].</summary>
        void NextBytes(byte[] buf, int offset, int count);
    }
}
