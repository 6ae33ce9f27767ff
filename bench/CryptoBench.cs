// Crypto figures: time per call for 64-byte and 1024-byte inputs, throughput on 1024-byte inputs
// and managed bytes allocated per call, for the managed MD5, SHA-1, SHA-256 and HMAC-SHA256.
// Desktop JIT numbers: compare implementations and catch regressions; the device interpreter is
// roughly two orders of magnitude slower (see PLATFORM.md).
using Endpoint.Crypto;

namespace Endpoint.Bench
{
    public static class CryptoBench
    {
        public static void Run(BenchReport r)
        {
            byte[] data = new byte[1024];
            new System.Random(42).NextBytes(data);
            byte[] output = new byte[32];

            Md5 md5 = new Md5();
            Sha1 sha1 = new Sha1();
            Sha256 sha256 = new Sha256();
            ManagedHmacSha256 hmac = new ManagedHmacSha256(new byte[32]);

            Measure(r, "md5", n => md5.Compute(data, 0, n, output, 0));
            Measure(r, "sha1", n => sha1.Compute(data, 0, n, output, 0));
            Measure(r, "sha256", n => sha256.Compute(data, 0, n, output, 0));
            Measure(r, "hmacsha256", n => hmac.Compute(data, 0, n, output, 0));
        }

        private delegate void SizedBody(int count);

        private static void Measure(BenchReport r, string name, SizedBody body)
        {
            string prefix = "crypto." + name + ".";
            if (!r.Wants(prefix)) return;
            // Warm up until the JIT has promoted the code to its final tier (about half a second).
            long until = System.Environment.TickCount64 + 500;
            while (System.Environment.TickCount64 < until)
            {
                for (int i = 0; i < 100; i++) body(64);
                body(1024);
            }
            double ns64 = BenchReport.NanosPerCall(() => body(64), 20000);
            double ns1k = BenchReport.NanosPerCall(() => body(1024), 2000);
            r.Figure(prefix + "64B.ns", ns64, "ns");
            r.Figure(prefix + "1KiB.ns", ns1k, "ns");
            r.Figure(prefix + "1KiB.MBps", 1024.0 * 1000.0 / ns1k, "MB/s");
            double a64 = BenchReport.BytesPerCall(() => body(64), 10000);
            double a1k = BenchReport.BytesPerCall(() => body(1024), 2000);
            r.Figure(prefix + "alloc", System.Math.Max(a64, a1k), "B/call");
        }
    }
}
