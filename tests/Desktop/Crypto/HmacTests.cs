// HMAC-SHA256: RFC 4231 test cases 1-7 for the managed and the desktop implementation, and the
// managed one against .NET's HMACSHA256 on random keys (0..200 bytes, across the 64-byte block
// edge where keys get hashed) and random data, including offsets and in-place output.
using System;
using Endpoint.Crypto;
using Endpoint.Host.Crypto;
using Xunit;
using static Endpoint.Tests.Crypto.CryptoTestUtil;

namespace Endpoint.Tests.Crypto
{
    public class HmacTests
    {
        private static string Repeat(string hexByte, int n)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < n; i++) sb.Append(hexByte);
            return sb.ToString();
        }

        // key hex, data hex, expected MAC hex (case 5 is truncated to 128 bits by the RFC).
        public static TheoryData<string, string, string, string> Rfc4231Cases()
        {
            var d = new TheoryData<string, string, string, string>();
            d.Add("1", Repeat("0b", 20), HexOf(Ascii("Hi There")), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            d.Add("2", HexOf(Ascii("Jefe")), HexOf(Ascii("what do ya want for nothing?")), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            d.Add("3", Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
            d.Add("4", "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
            d.Add("5", Repeat("0c", 20), HexOf(Ascii("Test With Truncation")), "a3b6167473100ee06e0c796c2955552b");
            d.Add("6", Repeat("aa", 131), HexOf(Ascii("Test Using Larger Than Block-Size Key - Hash Key First")), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
            d.Add("7", Repeat("aa", 131), HexOf(Ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
            return d;
        }

        private static void CheckCase(IHmacSha256 mac, string dataHex, string expected)
        {
            byte[] data = FromHex(dataHex);
            byte[] output = new byte[32];
            mac.Compute(data, 0, data.Length, output, 0);
            Assert.Equal(expected, HexOf(output, 0, expected.Length / 2));
            // Twice on the same instance: keyed state must survive a call.
            Array.Clear(output);
            mac.Compute(data, 0, data.Length, output, 0);
            Assert.Equal(expected, HexOf(output, 0, expected.Length / 2));
        }

        [Theory]
        [MemberData(nameof(Rfc4231Cases))]
        public void Managed_Rfc4231(string testCase, string keyHex, string dataHex, string expected)
        {
            Assert.NotNull(testCase);
            CheckCase(new ManagedHmacSha256(FromHex(keyHex)), dataHex, expected);
        }

        [Theory]
        [MemberData(nameof(Rfc4231Cases))]
        public void Desktop_Rfc4231(string testCase, string keyHex, string dataHex, string expected)
        {
            Assert.NotNull(testCase);
            using var mac = new DesktopHmacSha256(FromHex(keyHex));
            CheckCase(mac, dataHex, expected);
        }

        [Fact]
        public void Managed_RandomKeysAndData_MatchDotNet()
        {
            var rng = new Random(4231);
            byte[] output = new byte[40];
            for (int keyLen = 0; keyLen <= 200; keyLen++)
            {
                byte[] keyBuf = new byte[keyLen + 5];
                rng.NextBytes(keyBuf);
                int keyOff = rng.Next(6);
                byte[] key = new byte[keyLen];
                Array.Copy(keyBuf, keyOff, key, 0, keyLen);
                var managed = new ManagedHmacSha256(keyBuf, keyOff, keyLen);
                var whole = new ManagedHmacSha256(key);
                using var reference = new System.Security.Cryptography.HMACSHA256(key);
                for (int j = 0; j < 3; j++)
                {
                    int dataLen = rng.Next(300);
                    byte[] data = new byte[dataLen + 8];
                    rng.NextBytes(data);
                    int off = rng.Next(8);
                    string expected = HexOf(reference.ComputeHash(data, off, dataLen));
                    int outOff = rng.Next(9);
                    managed.Compute(data, off, dataLen, output, outOff);
                    Assert.True(expected == HexOf(output, outOff, 32), "key length " + keyLen + ", data length " + dataLen);
                    whole.Compute(data, off, dataLen, output, 0);
                    Assert.Equal(expected, HexOf(output, 0, 32));
                }
            }
        }

        [Fact]
        public void Managed_OutputMayOverlapInput()
        {
            byte[] key = Ascii("key");
            byte[] data = Ascii("The quick brown fox jumps over the lazy dog, twice over for length");
            string expected = HexOf(System.Security.Cryptography.HMACSHA256.HashData(key, data));
            new ManagedHmacSha256(key).Compute(data, 0, data.Length, data, 0);
            Assert.Equal(expected, HexOf(data, 0, 32));
        }

        [Fact]
        public void BadArguments_Throw()
        {
            var m = new ManagedHmacSha256(new byte[3]);
            Assert.Throws<ArgumentNullException>(() => new ManagedHmacSha256(null));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedHmacSha256(new byte[3], 2, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => m.Compute(new byte[3], 0, 3, new byte[31], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => m.Compute(new byte[3], 1, 3, new byte[32], 0));
            using var d = new DesktopHmacSha256(new byte[3]);
            Assert.Throws<ArgumentOutOfRangeException>(() => d.Compute(new byte[3], 0, 3, new byte[40], 9));
        }
    }
}
