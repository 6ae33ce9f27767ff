// HMAC-SHA256 (RFC 2104 / FIPS 198-1) through the firmware's native implementation (mbedTLS via
// nanoFramework.System.Security.Cryptography.HMACSHA256). DEVICE-ONLY: not built on the desktop.
// Depends on nanoFramework.System.Security.Cryptography (HMACSHA256.HashData, native HashCore).
// Allocation: the native API can only take a whole array and return a new one, so every call
// allocates the 32-byte result (HMACSHA256.ComputeHash would allocate it twice: it also clones
// it, which is why this wrapper calls the static HashData) plus a count-byte copy of the input
// when offset/count do not cover the whole data array. Use ManagedHmacSha256 where a call per
// packet must not allocate; use this one where speed matters more than heap churn.
// The key is copied at construction (nanoFramework's HMACSHA256 keeps the caller's array and
// clears it on Dispose); Dispose clears the copy. Not thread-safe.
using System;
using System.Security.Cryptography;

namespace Endpoint.Crypto.Esp32
{
    /// <summary>HMAC-SHA256 computed by the device firmware; allocates 32 (+count) bytes per call.</summary>
    public sealed class NativeHmacSha256 : IHmacSha256, IDisposable
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacSize = 32;

        private byte[] _key;

        /// <summary>Keys the MAC with a private copy of key (any length).</summary>
        public NativeHmacSha256(byte[] key)
        {
            if (key == null) throw new ArgumentNullException("key");
            _key = new byte[key.Length];
            Array.Copy(key, 0, _key, 0, key.Length);
        }

        /// <summary>Writes the 32-byte MAC of data[offset, offset+count) to output[outputOffset, +32).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            if (_key == null) throw new ObjectDisposedException("NativeHmacSha256");
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException("offset");
            if (output == null) throw new ArgumentNullException("output");
            if (outputOffset < 0 || outputOffset > output.Length - MacSize) throw new ArgumentOutOfRangeException("outputOffset");
            byte[] input = data;
            if (offset != 0 || count != data.Length)
            {
                input = new byte[count];
                Array.Copy(data, offset, input, 0, count);
            }
            byte[] mac = HMACSHA256.HashData(_key, input);
            Array.Copy(mac, 0, output, outputOffset, MacSize);
        }

        /// <summary>Clears the key copy; later Compute calls throw ObjectDisposedException.</summary>
        public void Dispose()
        {
            if (_key != null)
            {
                Array.Clear(_key, 0, _key.Length);
                _key = null;
            }
        }
    }
}
