// Base64 (RFC 4648): §10 vectors, agreement with Convert.ToBase64String for lengths 0..300 and
// round trips through both Decode overloads, every malformed-input category rejected with its
// own code and position, and the destination-too-small path writing nothing.
using System;
using Endpoint.TextEncoding;
using Xunit;
using static Endpoint.Tests.Crypto.CryptoTestUtil;

namespace Endpoint.Tests.Crypto
{
    public class Base64Tests
    {
        [Theory]
        [InlineData("", "")]
        [InlineData("f", "Zg==")]
        [InlineData("fo", "Zm8=")]
        [InlineData("foo", "Zm9v")]
        [InlineData("foob", "Zm9vYg==")]
        [InlineData("fooba", "Zm9vYmE=")]
        [InlineData("foobar", "Zm9vYmFy")]
        public void Rfc4648Section10(string plain, string encoded)
        {
            byte[] p = Ascii(plain);
            Assert.Equal(encoded, Base64.EncodeToString(p, 0, p.Length));
            byte[] dst = new byte[Base64.MaxDecodedLength(encoded.Length)];
            int n = Base64.Decode(encoded, dst, 0);
            Assert.Equal(plain, System.Text.Encoding.ASCII.GetString(dst, 0, n));
        }

        [Fact]
        public void Lengths0To300_MatchConvert_AndRoundTrip()
        {
            var rng = new Random(4648);
            for (int len = 0; len <= 300; len++)
            {
                byte[] src = new byte[len + 4];
                rng.NextBytes(src);
                int off = rng.Next(5);
                string expected = Convert.ToBase64String(src, off, len);
                Assert.Equal(expected.Length, Base64.EncodedLength(len));

                byte[] enc = new byte[expected.Length + 3];
                int w = Base64.Encode(src, off, len, enc, 3);
                Assert.Equal(expected.Length, w);
                Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(enc, 3, w));
                Assert.Equal(expected, Base64.EncodeToString(src, off, len));

                byte[] dec = new byte[Base64.MaxDecodedLength(w) + 2];
                Assert.True(dec.Length - 2 >= len);
                int r = Base64.Decode(enc, 3, w, dec, 2);
                Assert.Equal(len, r);
                Assert.Equal(HexOf(src, off, len), HexOf(dec, 2, r));

                Array.Clear(dec);
                int errorPosition;
                r = Base64.Decode(expected, dec, 0, out errorPosition);
                Assert.Equal(len, r);
                Assert.Equal(-1, errorPosition);
                Assert.Equal(HexOf(src, off, len), HexOf(dec, 0, r));
            }
        }

        [Theory]
        // Length not a multiple of 4.
        [InlineData("Zg=", CodecStatus.BadLength, -1)]
        [InlineData("Zm9vY", CodecStatus.BadLength, -1)]
        [InlineData("Zm9vYmFy\r\n", CodecStatus.BadLength, -1)]
        // Characters outside the alphabet (incl. whitespace and the URL-safe alphabet).
        [InlineData("Zm9-", CodecStatus.InvalidCharacter, 3)]
        [InlineData("Zm9_", CodecStatus.InvalidCharacter, 3)]
        [InlineData("Zm 9", CodecStatus.InvalidCharacter, 2)]
        [InlineData("Zm9vYm\nF", CodecStatus.InvalidCharacter, 6)]
        [InlineData("\0m9v", CodecStatus.InvalidCharacter, 0)]
        [InlineData("Zm9vYg*=", CodecStatus.InvalidCharacter, 6)]
        [InlineData("Zm9v\u0141m9v", CodecStatus.InvalidCharacter, 4)]   // low byte 0x41 is 'A': must not be truncated
        [InlineData("Zm9vZ\u00e99v", CodecStatus.InvalidCharacter, 5)]
        // Misplaced or excess padding.
        [InlineData("=Zm9", CodecStatus.BadPadding, 0)]
        [InlineData("Z=m9", CodecStatus.BadPadding, 1)]
        [InlineData("Zm=9", CodecStatus.BadPadding, 2)]
        [InlineData("Z===", CodecStatus.BadPadding, 1)]
        [InlineData("====", CodecStatus.BadPadding, 0)]
        [InlineData("Zg==Zg==", CodecStatus.BadPadding, 2)]
        [InlineData("Zm9v=Zg=", CodecStatus.BadPadding, 4)]
        [InlineData("Zm8=Zm9v", CodecStatus.BadPadding, 3)]
        // Non-zero bits under the padding (non-canonical).
        [InlineData("Zh==", CodecStatus.BadPadding, 1)]
        [InlineData("Zm9=", CodecStatus.BadPadding, 2)]
        public void Malformed_RejectedWithRightCodeAndPosition(string input, int code, int position)
        {
            byte[] dst = new byte[64];
            Array.Fill(dst, (byte)0x5A);
            int errorPosition;
            Assert.Equal(code, Base64.Decode(input, dst, 0, out errorPosition));
            Assert.Equal(position, errorPosition);
            Assert.NotEqual("ok", Base64.ErrorName(code));

            bool narrow = true;
            foreach (char c in input) narrow &= c <= 0xFF;
            if (narrow)
            {
                // Same through the byte overload, with the input at an offset.
                byte[] src = new byte[input.Length + 2];
                for (int i = 0; i < input.Length; i++) src[i + 2] = (byte)input[i];
                Assert.Equal(code, Base64.Decode(src, 2, input.Length, dst, 0, out errorPosition));
                Assert.Equal(position, errorPosition);
                Assert.Equal(code, Base64.Decode(src, 2, input.Length, dst, 0));
            }
        }

        [Fact]
        public void HighBytes_RejectedAsInvalidCharacter()
        {
            byte[] dst = new byte[8];
            for (int b = 0x80; b <= 0xFF; b++)
            {
                byte[] src = { (byte)'Z', (byte)'m', (byte)b, (byte)'v' };
                int errorPosition;
                Assert.Equal(CodecStatus.InvalidCharacter, Base64.Decode(src, 0, 4, dst, 0, out errorPosition));
                Assert.Equal(2, errorPosition);
            }
        }

        [Fact]
        public void DstTooSmall_WritesNothing()
        {
            byte[] dst = new byte[8];
            Array.Fill(dst, (byte)0x77);
            Assert.Equal(CodecStatus.DstTooSmall, Base64.Decode("Zm9vYmFy", dst, 3));  // needs 6, has 5
            Assert.Equal(CodecStatus.DstTooSmall, Base64.Decode("Zm9vYg==", dst, 5));  // needs 4, has 3
            foreach (byte b in dst) Assert.Equal(0x77, b);
            Assert.Equal(6, Base64.Decode("Zm9vYmFy", dst, 2));
            Assert.Equal(4, Base64.Decode("Zm9vYg==", dst, 4));

            byte[] enc = new byte[7];
            Array.Fill(enc, (byte)0x77);
            byte[] plain = Ascii("foob");
            Assert.Equal(CodecStatus.DstTooSmall, Base64.Encode(plain, 0, 4, enc, 0));  // needs 8
            foreach (byte b in enc) Assert.Equal(0x77, b);
        }

        [Fact]
        public void ErrorNames_AreDistinct()
        {
            int[] codes = { CodecStatus.InvalidCharacter, CodecStatus.BadPadding, CodecStatus.BadLength, CodecStatus.DstTooSmall };
            var names = new System.Collections.Generic.HashSet<string>();
            foreach (int c in codes) Assert.True(names.Add(Base64.ErrorName(c)), Base64.ErrorName(c));
            Assert.Equal("ok", Base64.ErrorName(5));
            Assert.Equal("unknown error", Base64.ErrorName(-99));
            Assert.Contains("padding", Base64.ErrorName(CodecStatus.BadPadding));
        }

        [Fact]
        public void Lengths_AreConsistent()
        {
            for (int n = 0; n <= 300; n++)
            {
                Assert.True(Base64.MaxDecodedLength(Base64.EncodedLength(n)) >= n);
                Assert.True(Base64.MaxDecodedLength(n) >= Math.Max(0, n / 4 * 3 - 2));
            }
            Assert.Equal(0, Base64.EncodedLength(0));
            Assert.Equal(4, Base64.EncodedLength(1));
            Assert.Equal(4, Base64.EncodedLength(3));
            Assert.Equal(8, Base64.EncodedLength(4));
            Assert.Throws<ArgumentOutOfRangeException>(() => Base64.EncodedLength(-1));
        }
    }
}
