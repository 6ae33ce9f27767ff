// Helpers for the device-portable crypto tests: ASCII bytes without System.Text, and a digest
// as lowercase hex through Endpoint.TextEncoding.Hex. Device code: nanoFramework stable APIs only.
using Endpoint.Crypto;
using Endpoint.TextEncoding;

namespace Endpoint.NFUnitTest.Crypto
{
    internal static class NfCryptoUtil
    {
        /// <summary>The bytes of an ASCII string (one byte per character).</summary>
        public static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }

        /// <summary>One-shot digest of an ASCII message, as lowercase hex.</summary>
        public static string Digest(BlockHash h, int size, string message)
        {
            byte[] data = Ascii(message);
            byte[] output = new byte[size];
            h.Compute(data, 0, data.Length, output, 0);
            return Hex.ToHexString(output);
        }

        /// <summary>A byte array of n copies of value.</summary>
        public static byte[] Repeat(byte value, int n)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = value;
            return b;
        }
    }
}
