// Helpers shared by the crypto/encoding desktop tests: ASCII bytes, hex, and a factory for each
// hash under test paired with desktop .NET's reference implementation.
using System;
using Endpoint.Crypto;

namespace Endpoint.Tests.Crypto
{
    internal static class CryptoTestUtil
    {
        public static byte[] Ascii(string s) => System.Text.Encoding.ASCII.GetBytes(s);

        public static string HexOf(byte[] b, int off, int count) => Convert.ToHexStringLower(b, off, count);

        public static string HexOf(byte[] b) => Convert.ToHexStringLower(b);

        public static byte[] FromHex(string s) => Convert.FromHexString(s);

        /// <summary>Our hash by name.</summary>
        public static BlockHash Create(string name) => name switch
        {
            "md5" => new Md5(),
            "sha1" => new Sha1(),
            "sha256" => new Sha256(),
            _ => throw new ArgumentException(name),
        };

        /// <summary>Desktop .NET's digest of data by name.</summary>
        public static byte[] Reference(string name, byte[] data, int off, int count) => name switch
        {
            "md5" => System.Security.Cryptography.MD5.HashData(new ReadOnlySpan<byte>(data, off, count)),
            "sha1" => System.Security.Cryptography.SHA1.HashData(new ReadOnlySpan<byte>(data, off, count)),
            "sha256" => System.Security.Cryptography.SHA256.HashData(new ReadOnlySpan<byte>(data, off, count)),
            _ => throw new ArgumentException(name),
        };

        public static int SizeOf(string name) => ((IHashAlgorithm)Create(name)).HashSize;

        /// <summary>One-shot digest by our implementation, as hex.</summary>
        public static string Digest(string name, byte[] data)
        {
            BlockHash h = Create(name);
            byte[] output = new byte[SizeOf(name)];
            h.Compute(data, 0, data.Length, output, 0);
            return HexOf(output);
        }
    }
}
