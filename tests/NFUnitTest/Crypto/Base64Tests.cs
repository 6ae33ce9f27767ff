// Base64 on the device: the RFC 4648 §10 vectors both ways, and one input per error class.
using Endpoint.TextEncoding;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Crypto
{
    [TestClass]
    public class Base64Tests
    {
        private static readonly string[] s_plain = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
        private static readonly string[] s_encoded = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };

        [TestMethod]
        public static void Rfc4648_Encode()
        {
            for (int i = 0; i < s_plain.Length; i++)
            {
                byte[] p = NfCryptoUtil.Ascii(s_plain[i]);
                Assert.AreEqual(s_encoded[i], Base64.EncodeToString(p, 0, p.Length));
                byte[] dst = new byte[Base64.EncodedLength(p.Length)];
                Assert.AreEqual(dst.Length, Base64.Encode(p, 0, p.Length, dst, 0));
                for (int k = 0; k < dst.Length; k++) Assert.AreEqual((int)s_encoded[i][k], (int)dst[k]);
            }
        }

        [TestMethod]
        public static void Rfc4648_Decode()
        {
            for (int i = 0; i < s_encoded.Length; i++)
            {
                byte[] dst = new byte[Base64.MaxDecodedLength(s_encoded[i].Length)];
                int n = Base64.Decode(s_encoded[i], dst, 0);
                Assert.AreEqual(s_plain[i].Length, n);
                for (int k = 0; k < n; k++) Assert.AreEqual((int)s_plain[i][k], (int)dst[k]);

                byte[] src = NfCryptoUtil.Ascii(s_encoded[i]);
                Assert.AreEqual(s_plain[i].Length, Base64.Decode(src, 0, src.Length, dst, 0));
            }
        }

        [TestMethod]
        public static void Malformed_Rejected()
        {
            byte[] dst = new byte[16];
            int pos;
            Assert.AreEqual(CodecStatus.BadLength, Base64.Decode("Zm9", dst, 0));
            Assert.AreEqual(CodecStatus.InvalidCharacter, Base64.Decode("Zm-v", dst, 0, out pos));
            Assert.AreEqual(2, pos);
            Assert.AreEqual(CodecStatus.BadPadding, Base64.Decode("Z=9v", dst, 0, out pos));
            Assert.AreEqual(1, pos);
            Assert.AreEqual(CodecStatus.BadPadding, Base64.Decode("Zh==", dst, 0));
            Assert.AreEqual(CodecStatus.DstTooSmall, Base64.Decode("Zm9vYmFy", dst, 11));
            Assert.AreEqual("bad padding", Base64.ErrorName(CodecStatus.BadPadding));
        }
    }
}
