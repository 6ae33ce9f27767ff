// Hex (RFC 4648 §8, lowercase out, either case in): agreement with Convert, round trips,
// rejection of odd lengths, non-hex characters (with position) and short destinations.
using System;
using Endpoint.TextEncoding;
using Xunit;
using static Endpoint.Tests.Crypto.CryptoTestUtil;

namespace Endpoint.Tests.Crypto
{
    public class HexTests
    {
        [Fact]
        public void RandomLengths_MatchConvert_AndRoundTrip()
        {
            var rng = new Random(16);
            for (int len = 0; len <= 200; len++)
            {
                byte[] src = new byte[len + 3];
                rng.NextBytes(src);
                int off = rng.Next(4);
                string expected = Convert.ToHexStringLower(src, off, len);
                Assert.Equal(expected, Hex.ToHexString(src, off, len));

                byte[] ascii = new byte[2 * len + 1];
                Assert.Equal(2 * len, Hex.WriteHex(src, off, len, ascii, 1));
                Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(ascii, 1, 2 * len));

                byte[] back = new byte[len];
                Assert.Equal(len, Hex.Parse(ascii, 1, 2 * len, back, 0));
                Assert.Equal(expected, HexOf(back));

                Array.Clear(back);
                Assert.Equal(len, Hex.Parse(expected.ToUpperInvariant(), back, 0));
                Assert.Equal(expected, HexOf(back));
            }
        }

        [Fact]
        public void KnownValues()
        {
            Assert.Equal("00ff10a5", Hex.ToHexString(new byte[] { 0x00, 0xFF, 0x10, 0xA5 }));
            byte[] b = new byte[3];
            Assert.Equal(3, Hex.Parse("aBcD0f", b, 0));
            Assert.Equal(new byte[] { 0xAB, 0xCD, 0x0F }, b);
        }

        [Theory]
        [InlineData("abc", CodecStatus.BadLength, -1)]
        [InlineData("0g", CodecStatus.InvalidCharacter, 1)]
        [InlineData("g0", CodecStatus.InvalidCharacter, 0)]
        [InlineData("00 1", CodecStatus.InvalidCharacter, 2)]
        [InlineData("0x12", CodecStatus.InvalidCharacter, 1)]
        [InlineData("12\u01313", CodecStatus.InvalidCharacter, 2)]  // low byte 0x31 is '1': must not be truncated
        [InlineData("1\u00c1", CodecStatus.InvalidCharacter, 1)]
        public void Malformed_Rejected(string input, int code, int position)
        {
            byte[] dst = new byte[8];
            int errorPosition;
            Assert.Equal(code, Hex.Parse(input, dst, 0, out errorPosition));
            Assert.Equal(position, errorPosition);
            Assert.NotEqual("ok", Hex.ErrorName(code));
        }

        [Fact]
        public void DstTooSmall_WritesNothing()
        {
            byte[] dst = new byte[4];
            Array.Fill(dst, (byte)0x77);
            Assert.Equal(CodecStatus.DstTooSmall, Hex.Parse("0102", dst, 3));
            Assert.Equal(CodecStatus.DstTooSmall, Hex.WriteHex(new byte[] { 1, 2 }, 0, 2, dst, 1));
            foreach (byte b in dst) Assert.Equal(0x77, b);
            Assert.Equal(4, Hex.WriteHex(new byte[] { 1, 2 }, 0, 2, dst, 0));
        }
    }
}
