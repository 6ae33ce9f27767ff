// Known-answer tests: RFC 1321 appendix A.5 for MD5, FIPS 180 examples ("abc", the 448-bit and
// 896-bit messages, one million 'a') and the empty message for SHA-1 and SHA-256.
using Xunit;
using static Endpoint.Tests.Crypto.CryptoTestUtil;

namespace Endpoint.Tests.Crypto
{
    public class HashVectorTests
    {
        private const string M448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string M896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

        [Theory]
        [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
        [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
        [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
        [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
        [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
        [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
        [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
        public void Md5_Rfc1321Suite(string message, string expected)
        {
            Assert.Equal(expected, Digest("md5", Ascii(message)));
        }

        [Theory]
        [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
        [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
        [InlineData(M448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
        [InlineData(M896, "a49b2446a02c645bf419f995b67091253a04a259")]
        public void Sha1_FipsVectors(string message, string expected)
        {
            Assert.Equal(expected, Digest("sha1", Ascii(message)));
        }

        [Theory]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData(M448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [InlineData(M896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void Sha256_FipsVectors(string message, string expected)
        {
            Assert.Equal(expected, Digest("sha256", Ascii(message)));
        }

        [Theory]
        [InlineData("md5", "7707d6ae4e027c70eea2a935c2296f21")]
        [InlineData("sha1", "34aa973cd4c4daa4f61eeb2bdbad27316534016f")]
        [InlineData("sha256", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")]
        public void OneMillionA_OneShotAndStreamed(string name, string expected)
        {
            byte[] a = new byte[1000000];
            System.Array.Fill(a, (byte)'a');
            Assert.Equal(expected, Digest(name, a));

            // The same message streamed in 1000 updates of 1000 bytes through UpdateAscii.
            var h = Create(name);
            string thousand = new string('a', 1000);
            for (int i = 0; i < 1000; i++) h.UpdateAscii(thousand);
            byte[] output = new byte[SizeOf(name)];
            h.Final(output, 0);
            Assert.Equal(expected, HexOf(output));
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void FinalResets_SecondMessageIndependentOfFirst(string name)
        {
            var h = Create(name);
            byte[] output = new byte[SizeOf(name)];
            h.UpdateAscii("garbage that must not leak into the next digest");
            h.Final(output, 0);
            h.UpdateAscii("abc");
            h.Final(output, 0);
            Assert.Equal(Digest(name, Ascii("abc")), HexOf(output));

            h.UpdateAscii("more garbage");
            h.Reset();
            h.UpdateAscii("abc");
            h.Final(output, 0);
            Assert.Equal(Digest(name, Ascii("abc")), HexOf(output));
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void Compute_HonoursOffsetsAndLeavesSurroundingsUntouched(string name)
        {
            var h = Create(name);
            int size = SizeOf(name);
            byte[] data = Ascii("xxabcxx");
            byte[] output = new byte[size + 6];
            System.Array.Fill(output, (byte)0xEE);
            h.Compute(data, 2, 3, output, 3);
            Assert.Equal(Digest(name, Ascii("abc")), HexOf(output, 3, size));
            for (int i = 0; i < 3; i++) Assert.Equal(0xEE, output[i]);
            for (int i = 3 + size; i < output.Length; i++) Assert.Equal(0xEE, output[i]);
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void BadArguments_Throw(string name)
        {
            var h = Create(name);
            int size = SizeOf(name);
            Assert.Throws<System.ArgumentNullException>(() => h.Update(null, 0, 0));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => h.Update(new byte[4], 3, 2));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => h.Update(new byte[4], -1, 1));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => h.Final(new byte[size], 1));
            Assert.Throws<System.ArgumentNullException>(() => h.Final(null, 0));
            Assert.Throws<System.ArgumentNullException>(() => h.UpdateUtf8(null));
        }
    }
}
