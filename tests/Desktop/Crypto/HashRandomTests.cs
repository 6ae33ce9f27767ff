// Differential tests against desktop .NET's MD5/SHA1/SHA256: every input length 0..1000 from a
// seeded Random, hashed one-shot and streamed in random chunks (mixing Update, UpdateByte), and
// the string overloads (UpdateAscii, UpdateUtf8 incl. surrogate pairs and lone surrogates)
// against System.Text.Encoding's bytes.
using System;
using Endpoint.Crypto;
using Xunit;
using static Endpoint.Tests.Crypto.CryptoTestUtil;

namespace Endpoint.Tests.Crypto
{
    public class HashRandomTests
    {
        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void EveryLength0To1000_OneShotAndChunked_MatchDotNet(string name)
        {
            var rng = new Random(1321 + name.Length);
            BlockHash h = Create(name);
            int size = SizeOf(name);
            byte[] output = new byte[size];
            byte[] buf = new byte[1000 + 16];
            for (int len = 0; len <= 1000; len++)
            {
                int off = rng.Next(16);
                rng.NextBytes(buf);
                string expected = HexOf(Reference(name, buf, off, len));

                h.Compute(buf, off, len, output, 0);
                Assert.True(expected == HexOf(output), name + " one-shot, length " + len);

                int pos = off, end = off + len;
                while (pos < end)
                {
                    int n = Math.Min(end - pos, rng.Next(4) == 0 ? 1 + rng.Next(200) : rng.Next(70));
                    if (n == 1 && rng.Next(2) == 0) h.UpdateByte(buf[pos]);
                    else h.Update(buf, pos, n);
                    pos += n;
                }
                h.Final(output, 0);
                Assert.True(expected == HexOf(output), name + " chunked, length " + len);
            }
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void UpdateUtf8_MatchesDotNetUtf8Encoder(string name)
        {
            var rng = new Random(7616);
            BlockHash h = Create(name);
            byte[] output = new byte[SizeOf(name)];
            for (int round = 0; round < 400; round++)
            {
                int len = rng.Next(150);
                char[] chars = new char[len];
                for (int i = 0; i < len; i++)
                {
                    switch (rng.Next(6))
                    {
                        case 0: chars[i] = (char)rng.Next(0x80); break;
                        case 1: chars[i] = (char)(0x80 + rng.Next(0x800 - 0x80)); break;
                        case 2: chars[i] = (char)(0x800 + rng.Next(0xD800 - 0x800)); break;
                        case 3: chars[i] = (char)(0xE000 + rng.Next(0x10000 - 0xE000)); break;
                        case 4: chars[i] = (char)(0xD800 + rng.Next(0x400)); break; // high surrogate, maybe unpaired
                        default: chars[i] = (char)(0xDC00 + rng.Next(0x400)); break; // low surrogate, maybe unpaired
                    }
                }
                string s = new string(chars);
                byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(s);
                string expected = HexOf(Reference(name, utf8, 0, utf8.Length));

                // Split the string across two UpdateUtf8 calls after some raw bytes, to cross block edges.
                int prefix = rng.Next(64);
                byte[] pre = new byte[prefix];
                rng.NextBytes(pre);
                int cut = rng.Next(len + 1);
                if (cut > 0 && cut < len && char.IsHighSurrogate(chars[cut - 1]) && char.IsLowSurrogate(chars[cut])) cut++;
                h.Update(pre, 0, prefix);
                h.UpdateUtf8(s.Substring(0, cut));
                h.UpdateUtf8(s.Substring(cut));
                h.Final(output, 0);
                byte[] all = new byte[prefix + utf8.Length];
                Array.Copy(pre, all, prefix);
                Array.Copy(utf8, 0, all, prefix, utf8.Length);
                Assert.True(HexOf(Reference(name, all, 0, all.Length)) == HexOf(output), "round " + round);

                h.UpdateUtf8(s);
                h.Final(output, 0);
                Assert.Equal(expected, HexOf(output));
            }
        }

        [Fact]
        public void UpdateUtf8_KnownMultibyteString()
        {
            // "ü€😀" plus a lone high surrogate at the end: C3 BC, E2 82 AC, F0 9F 98 80, EF BF BD.
            var h = new Sha256();
            byte[] output = new byte[32];
            h.UpdateUtf8("\u00FC\u20AC\uD83D\uDE00\uD800");
            h.Final(output, 0);
            byte[] expectedInput = FromHex("C3BCE282ACF09F9880EFBFBD");
            Assert.Equal(HexOf(Reference("sha256", expectedInput, 0, expectedInput.Length)), HexOf(output));
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha256")]
        public void UpdateAscii_DigestAuthStyleInput(string name)
        {
            // RFC 7616 §3.9.1 style A1 = username ":" realm ":" password, built piecewise.
            BlockHash h = Create(name);
            byte[] output = new byte[SizeOf(name)];
            h.UpdateAscii("Mufasa");
            h.UpdateByte((byte)':');
            h.UpdateAscii("http-auth@example.org");
            h.UpdateAscii(":");
            h.UpdateAscii("Circle of Life");
            h.Final(output, 0);
            byte[] a1 = Ascii("Mufasa:http-auth@example.org:Circle of Life");
            Assert.Equal(HexOf(Reference(name, a1, 0, a1.Length)), HexOf(output));
        }

        [Fact]
        public void UpdateAscii_NonAsciiThrowsAndAbsorbsNothing()
        {
            var h = new Md5();
            byte[] output = new byte[16];
            h.UpdateAscii("ab");
            Assert.Throws<ArgumentException>(() => h.UpdateAscii("c\u00E9"));
            h.UpdateAscii("c");
            h.Final(output, 0);
            Assert.Equal("900150983cd24fb0d6963f7d28e17f72", HexOf(output));
        }

        [Fact]
        public void InterfaceSelection_HashSizeMatchesConstants()
        {
            IHashAlgorithm[] all = { new Md5(), new Sha1(), new Sha256() };
            Assert.Equal(Md5.HashSize, all[0].HashSize);
            Assert.Equal(Sha1.HashSize, all[1].HashSize);
            Assert.Equal(Sha256.HashSize, all[2].HashSize);
            Assert.Equal(new[] { 16, 20, 32 }, new[] { all[0].HashSize, all[1].HashSize, all[2].HashSize });
        }
    }
}
