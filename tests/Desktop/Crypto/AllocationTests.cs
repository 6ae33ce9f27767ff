// Zero-allocation guarantee: after warm-up, 1,000 calls of each hash (one-shot, streamed and the
// string overloads), of ManagedHmacSha256 and DesktopHmacSha256, and of the Base64/Hex byte
// paths allocate no managed bytes on the calling thread.
using System;
using Endpoint.Crypto;
using Endpoint.TextEncoding;
using Endpoint.Host.Crypto;
using Xunit;

namespace Endpoint.Tests.Crypto
{
    public class AllocationTests
    {
        private delegate void Body(int i);

        private static long Allocated(Body body)
        {
            for (int i = 0; i < 200; i++) body(i);   // warm-up: JIT, tiering, static constructors
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++) body(i);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [Theory]
        [InlineData("md5")]
        [InlineData("sha1")]
        [InlineData("sha256")]
        public void Hash_NoAllocationPerCall(string name)
        {
            BlockHash h = CryptoTestUtil.Create(name);
            byte[] data = new byte[1100];
            new Random(1).NextBytes(data);
            byte[] output = new byte[32];
            string user = "user:realm.example.org:s\u00e9cr\u00e8t \uD83D\uDE00";
            Assert.Equal(0, Allocated(i => h.Compute(data, i % 7, 1 + i, output, 0)));
            Assert.Equal(0, Allocated(i =>
            {
                h.Update(data, 0, i % 100);
                h.UpdateByte((byte)i);
                h.UpdateAscii("user:realm:pass");
                h.UpdateUtf8(user);
                h.Final(output, 0);
            }));
        }

        [Fact]
        public void ManagedHmac_NoAllocationPerCall()
        {
            var mac = new ManagedHmacSha256(new byte[100]);
            byte[] data = new byte[1100];
            byte[] output = new byte[32];
            Assert.Equal(0, Allocated(i => mac.Compute(data, 0, 1 + i, output, 0)));
        }

        [Fact]
        public void DesktopHmac_NoAllocationPerCall()
        {
            using var mac = new DesktopHmacSha256(new byte[20]);
            byte[] data = new byte[1100];
            byte[] output = new byte[32];
            Assert.Equal(0, Allocated(i => mac.Compute(data, 0, 1 + i, output, 0)));
        }

        [Fact]
        public void Codecs_NoAllocationPerCall()
        {
            byte[] plain = new byte[300];
            new Random(2).NextBytes(plain);
            byte[] enc = new byte[400];
            byte[] dec = new byte[300];
            byte[] hex = new byte[600];
            const string config = "c2VjcmV0IGtleSBmcm9tIGNvbmZpZw==";
            Assert.Equal(0, Allocated(i =>
            {
                int n = Base64.Encode(plain, 0, i % 300, enc, 0);
                Base64.Decode(enc, 0, n, dec, 0);
                Base64.Decode(config, dec, 0);
                n = Hex.WriteHex(plain, 0, i % 300, hex, 0);
                Hex.Parse(hex, 0, n, dec, 0);
            }));
        }
    }
}
