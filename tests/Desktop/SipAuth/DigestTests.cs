using System;
using Endpoint.Crypto;
using Endpoint.Sip.Auth;
using Xunit;

namespace Endpoint.Tests.SipAuth
{
    public class DigestTests
    {
        private sealed class FixedRandom : IRandomSource
        {
            private readonly Random _r = new Random(1);
            public void NextBytes(byte[] buf, int offset, int count) { for (int i = 0; i < count; i++) buf[offset + i] = (byte)_r.Next(256); }
        }

        private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

        [Theory]
        [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
        [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
        public void Rfc7616Section391Vectors(string algorithm, string expected)
        {
            DigestChallenge c = DigestChallenge.Parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm + ", nonce=\"" + Rfc7616Nonce + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", false);
            Assert.True(c.Usable, c.Error);
            var client = new DigestClient("Mufasa", "Circle of Life", new FixedRandom());
            IHashAlgorithm h = algorithm == "MD5" ? new Md5() : new Sha256();
            Assert.Equal(expected, client.Response(h, c, "GET", "/dir/index.html", "00000001", Rfc7616Cnonce, true));
        }

        [Fact]
        public void Rfc2617Vector()
        {
            DigestChallenge c = DigestChallenge.Parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", false);
            var client = new DigestClient("Mufasa", "Circle Of Life", new FixedRandom());
            Assert.Equal("6629fae49393a05397450978507c4ef1", client.Response(new Md5(), c, "GET", "/dir/index.html", "00000001", "0a4f113b", true));
        }

        [Fact]
        public void ChoosesTheStrongestOfSeveralChallenges()
        {
            var list = new[]
            {
                DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"", false),
                DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n3\", algorithm=SHA-512-256, qop=\"auth\"", false),
                DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"", false),
            };
            Assert.Equal("n2", DigestClient.SelectStrongest(list, 3).Nonce);
            Assert.Equal("n1", DigestClient.SelectStrongest(list, 2).Nonce);
        }

        [Fact]
        public void AuthorizationHeaderCountsNonceUseAndEchoesOpaque()
        {
            var client = new DigestClient("1001", "secret", new FixedRandom());
            var ch = new[] { DigestChallenge.Parse("Digest realm=\"127.0.0.1\", nonce=\"abc\", qop=\"auth\", algorithm=SHA-256, opaque=\"op\"", false) };
            Assert.Equal(DigestVerdict.Retry, client.OnChallenge(ch, 1, false));
            string a1 = client.Authorization("REGISTER", "sip:127.0.0.1");
            string a2 = client.Authorization("REGISTER", "sip:127.0.0.1");
            Assert.StartsWith("Digest username=\"1001\", realm=\"127.0.0.1\", nonce=\"abc\", uri=\"sip:127.0.0.1\", response=\"", a1);
            Assert.Contains("algorithm=SHA-256", a1);
            Assert.Contains("qop=auth, nc=00000001", a1);
            Assert.Contains("qop=auth, nc=00000002", a2);
            Assert.Contains("opaque=\"op\"", a1);
            // the response must verify with an independent computation
            string cnonce = Between(a1, "cnonce=\"", "\"");
            string resp = Between(a1, "response=\"", "\"");
            Assert.Equal(Sha256Hex(Sha256Hex("1001:127.0.0.1:secret") + ":abc:00000001:" + cnonce + ":auth:" + Sha256Hex("REGISTER:sip:127.0.0.1")), resp);
        }

        [Fact]
        public void StaleNonceIsRetriedButARepeatedChallengeMeansRejected()
        {
            var client = new DigestClient("1001", "wrong", new FixedRandom());
            var first = new[] { DigestChallenge.Parse("Digest realm=\"r\", nonce=\"a\"", false) };
            Assert.Equal(DigestVerdict.Retry, client.OnChallenge(first, 1, false));
            Assert.DoesNotContain("qop", client.Authorization("REGISTER", "sip:r"));
            var stale = new[] { DigestChallenge.Parse("Digest realm=\"r\", nonce=\"b\", stale=TRUE", false) };
            Assert.Equal(DigestVerdict.Retry, client.OnChallenge(stale, 1, true));
            Assert.Contains("nonce=\"b\"", client.Authorization("REGISTER", "sip:r"));
            var again = new[] { DigestChallenge.Parse("Digest realm=\"r\", nonce=\"c\"", false) };
            Assert.Equal(DigestVerdict.Rejected, client.OnChallenge(again, 1, true));
            Assert.Contains("credentials rejected", client.LastReason);
        }

        [Theory]
        [InlineData("Basic realm=\"x\"", "not a Digest challenge")]
        [InlineData("Digest nonce=\"n\"", "without realm")]
        [InlineData("Digest realm=\"r\"", "without nonce")]
        [InlineData("Digest realm=\"r, nonce=\"n\"", "parameter without '='")]
        [InlineData("Digest realm=\"r\", nonce=\"n", "unterminated quoted string")]
        [InlineData("Digest realm", "parameter without '='")]
        public void MalformedChallengesAreRejectedWithAReason(string header, string reason)
        {
            DigestChallenge c = DigestChallenge.Parse(header, true);
            Assert.False(c.Usable);
            Assert.Contains(reason, c.Error);
        }

        [Fact]
        public void UnsupportedOffersAreExplained()
        {
            var client = new DigestClient("u", "p", new FixedRandom());
            var intOnly = new[] { DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"", false) };
            Assert.Equal(DigestVerdict.Unsupported, client.OnChallenge(intOnly, 1, false));
            Assert.Contains("auth-int", client.LastReason);
            var sha512 = new[] { DigestChallenge.Parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", false) };
            Assert.Equal(DigestVerdict.Unsupported, client.OnChallenge(sha512, 1, false));
            Assert.Contains("SHA-512-256", client.LastReason);
            Assert.Equal(DigestVerdict.NoCredentials, new DigestClient("u", null, new FixedRandom()).OnChallenge(intOnly, 1, false));
        }

        [Fact]
        public void EscapedQuotesAndCaseInsensitiveNames()
        {
            DigestChallenge c = DigestChallenge.Parse("DIGEST REALM=\"a\\\"b\",NONCE=xyz ,  Algorithm=\"md5-sess\"", true);
            Assert.True(c.Usable, c.Error);
            Assert.Equal("a\"b", c.Realm);
            Assert.Equal("xyz", c.Nonce);
            Assert.Equal(DigestAlgorithm.Md5Sess, c.Algorithm);
            Assert.True(c.IsProxy);
        }

        private static string Between(string s, string a, string b)
        {
            int i = s.IndexOf(a, StringComparison.Ordinal) + a.Length;
            return s.Substring(i, s.IndexOf(b, i, StringComparison.Ordinal) - i);
        }

        private static string Sha256Hex(string s)
        {
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        }
    }
}
