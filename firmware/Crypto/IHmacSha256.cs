// HMAC-SHA256 (RFC 2104, FIPS 198-1) behind a small interface, so protocol code signs and
// verifies without knowing whether the device's native implementation or a managed one runs.
// Depends on nothing. Implementations are keyed at construction.
namespace Endpoint.Crypto
{
    /// <summary>A keyed HMAC-SHA256 function.</summary>
    public interface IHmacSha256
    {
        /// <summary>Writes the 32-byte MAC of data[offset, offset+count) to output[outputOffset, +32).</summary>
        void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset);
    }
}
