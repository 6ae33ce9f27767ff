// Known-answer tests on the device: RFC 1321 A.5 (MD5) and the FIPS 180 examples for SHA-1 and
// SHA-256 (empty, "abc", 448-bit and 896-bit messages), one-shot and streamed across a block edge.
// The one-million-'a' vectors run in the desktop suite only (too slow for an interpreter).
using Endpoint.Crypto;
using Endpoint.TextEncoding;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Crypto
{
    [TestClass]
    public class HashVectorTests
    {
        private const string M448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string M896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

        [TestMethod]
        public static void Md5_Rfc1321Suite()
        {
            Md5 h = new Md5();
            Assert.AreEqual("d41d8cd98f00b204e9800998ecf8427e", NfCryptoUtil.Digest(h, Md5.HashSize, ""));
            Assert.AreEqual("0cc175b9c0f1b6a831c399e269772661", NfCryptoUtil.Digest(h, Md5.HashSize, "a"));
            Assert.AreEqual("900150983cd24fb0d6963f7d28e17f72", NfCryptoUtil.Digest(h, Md5.HashSize, "abc"));
            Assert.AreEqual("f96b697d7cb7938d525a2f31aaf161d0", NfCryptoUtil.Digest(h, Md5.HashSize, "message digest"));
            Assert.AreEqual("c3fcd3d76192e4007dfb496cca67e13b", NfCryptoUtil.Digest(h, Md5.HashSize, "abcdefghijklmnopqrstuvwxyz"));
            Assert.AreEqual("d174ab98d277d9f5a5611c2c9f419d9f", NfCryptoUtil.Digest(h, Md5.HashSize, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
            Assert.AreEqual("57edf4a22be3c955ac49da2e2107b67a", NfCryptoUtil.Digest(h, Md5.HashSize, "12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
        }

        [TestMethod]
        public static void Sha1_FipsVectors()
        {
            Sha1 h = new Sha1();
            Assert.AreEqual("da39a3ee5e6b4b0d3255bfef95601890afd80709", NfCryptoUtil.Digest(h, Sha1.HashSize, ""));
            Assert.AreEqual("a9993e364706816aba3e25717850c26c9cd0d89d", NfCryptoUtil.Digest(h, Sha1.HashSize, "abc"));
            Assert.AreEqual("84983e441c3bd26ebaae4aa1f95129e5e54670f1", NfCryptoUtil.Digest(h, Sha1.HashSize, M448));
            Assert.AreEqual("a49b2446a02c645bf419f995b67091253a04a259", NfCryptoUtil.Digest(h, Sha1.HashSize, M896));
        }

        [TestMethod]
        public static void Sha256_FipsVectors()
        {
            Sha256 h = new Sha256();
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", NfCryptoUtil.Digest(h, Sha256.HashSize, ""));
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", NfCryptoUtil.Digest(h, Sha256.HashSize, "abc"));
            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", NfCryptoUtil.Digest(h, Sha256.HashSize, M448));
            Assert.AreEqual("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1", NfCryptoUtil.Digest(h, Sha256.HashSize, M896));
        }

        [TestMethod]
        public static void Streamed_ThroughInterface_MatchesOneShot()
        {
            // The 896-bit message fed as ASCII string pieces, bytes and single bytes through
            // IHashAlgorithm, crossing the 64-byte block edge and the 56-byte padding edge.
            IHashAlgorithm[] all = { new Md5(), new Sha1(), new Sha256() };
            string[] expected =
            {
                "03dd8807a93175fb062dfb55dc7d359c",
                "a49b2446a02c645bf419f995b67091253a04a259",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
            };
            byte[] bytes = NfCryptoUtil.Ascii(M896);
            for (int k = 0; k < all.Length; k++)
            {
                IHashAlgorithm h = all[k];
                h.UpdateAscii(M896.Substring(0, 55));
                h.UpdateByte(bytes[55]);
                h.Update(bytes, 56, 9);
                h.UpdateUtf8(M896.Substring(65));
                byte[] output = new byte[h.HashSize];
                h.Final(output, 0);
                Assert.AreEqual(expected[k], Hex.ToHexString(output));
            }
        }

        [TestMethod]
        public static void UpdateUtf8_EncodesMultibyteCharacters()
        {
            // "\u00fc\u20ac" + U+1F600 as a surrogate pair is C3 BC E2 82 AC F0 9F 98 80 in UTF-8.
            Sha256 a = new Sha256();
            a.UpdateUtf8("\u00fc\u20ac\uD83D\uDE00");
            byte[] viaUtf8 = new byte[32];
            a.Final(viaUtf8, 0);
            byte[] raw = { 0xC3, 0xBC, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80 };
            byte[] viaBytes = new byte[32];
            a.Compute(raw, 0, raw.Length, viaBytes, 0);
            Assert.AreEqual(Hex.ToHexString(viaBytes), Hex.ToHexString(viaUtf8));
        }
    }
}
