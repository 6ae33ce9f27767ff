// HMAC-SHA256 (RFC 2104 / FIPS 198-1) for the virtual device, over desktop .NET's HMACSHA256.
// HOST-ONLY: compiled into host/Host.csproj, never into the device image.
// Depends on System.Security.Cryptography (desktop .NET). Does not depend on the managed Sha256.
// Uses the span-based TryComputeHash, so a call allocates nothing once the instance is warm.
// Not thread-safe (one HMACSHA256 instance per object); Dispose releases the OS handle.
using System;
using System.Security.Cryptography;
using Endpoint.Crypto;

namespace Endpoint.Host.Crypto
{
    /// <summary>IHmacSha256 backed by System.Security.Cryptography.HMACSHA256 (desktop only).</summary>
    public sealed class DesktopHmacSha256 : IHmacSha256, IDisposable
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacSize = 32;

        private readonly HMACSHA256 _hmac;

        /// <summary>Keys the MAC with key (any length; the array is copied by .NET).</summary>
        public DesktopHmacSha256(byte[] key)
        {
            ArgumentNullException.ThrowIfNull(key);
            _hmac = new HMACSHA256(key);
        }

        /// <summary>Writes the 32-byte MAC of data[offset, offset+count) to output[outputOffset, +32).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            ArgumentNullException.ThrowIfNull(data);
            ArgumentNullException.ThrowIfNull(output);
            if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            if (outputOffset < 0 || outputOffset > output.Length - MacSize) throw new ArgumentOutOfRangeException(nameof(outputOffset));
            if (!_hmac.TryComputeHash(new ReadOnlySpan<byte>(data, offset, count), new Span<byte>(output, outputOffset, MacSize), out int written) || written != MacSize)
            {
                throw new InvalidOperationException("HMACSHA256 wrote " + written + " bytes");
            }
        }

        /// <summary>Releases the underlying HMACSHA256.</summary>
        public void Dispose()
        {
            _hmac.Dispose();
        }
    }
}
