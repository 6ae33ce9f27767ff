// ManagedHmacSha256 on the device: RFC 4231 test cases 1 and 2, an input at an offset, and a
// key longer than the block (RFC 4231 case 6) to cover the hash-the-key-first path.
using Endpoint.Crypto;
using Endpoint.TextEncoding;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Crypto
{
    [TestClass]
    public class HmacSha256Tests
    {
        private static string Mac(byte[] key, byte[] data, int offset, int count)
        {
            IHmacSha256 mac = new ManagedHmacSha256(key);
            byte[] output = new byte[32];
            mac.Compute(data, offset, count, output, 0);
            return Hex.ToHexString(output);
        }

        [TestMethod]
        public static void Rfc4231_Case1()
        {
            byte[] data = NfCryptoUtil.Ascii("Hi There");
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                Mac(NfCryptoUtil.Repeat(0x0b, 20), data, 0, data.Length));
        }

        [TestMethod]
        public static void Rfc4231_Case2()
        {
            byte[] data = NfCryptoUtil.Ascii("what do ya want for nothing?");
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Mac(NfCryptoUtil.Ascii("Jefe"), data, 0, data.Length));
        }

        [TestMethod]
        public static void Rfc4231_Case2_AtOffset_AndRepeated()
        {
            byte[] data = NfCryptoUtil.Ascii("xxxwhat do ya want for nothing?yy");
            IHmacSha256 mac = new ManagedHmacSha256(NfCryptoUtil.Ascii("Jefe"));
            byte[] output = new byte[34];
            for (int round = 0; round < 2; round++)
            {
                mac.Compute(data, 3, 28, output, 2);
                Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.ToHexString(output, 2, 32));
            }
        }

        [TestMethod]
        public static void Rfc4231_Case6_LongKey()
        {
            byte[] data = NfCryptoUtil.Ascii("Test Using Larger Than Block-Size Key - Hash Key First");
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Mac(NfCryptoUtil.Repeat(0xaa, 131), data, 0, data.Length));
        }
    }
}
