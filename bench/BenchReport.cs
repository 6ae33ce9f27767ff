// Prints benchmark figures one per line as `bench NAME value=V unit=U`, and offers the two
// measurements every figure here needs: time per call and managed bytes allocated per call.
using System;
using System.Diagnostics;

namespace Endpoint.Bench
{
    public delegate void BenchBody();

    public sealed class BenchReport
    {
        private readonly string _filter;

        public BenchReport(string filter) { _filter = filter; }

        public bool Wants(string name) { return _filter == null || name.Contains(_filter, StringComparison.OrdinalIgnoreCase); }

        public void Figure(string name, double value, string unit)
        {
            if (!Wants(name)) return;
            Console.WriteLine("bench " + name + " value=" + value.ToString(value >= 100 || value == Math.Floor(value) ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) + " unit=" + unit);
        }

        /// <summary>Median nanoseconds per call over several timed batches after warm-up.</summary>
        public static double NanosPerCall(BenchBody body, int callsPerBatch, int batches = 15)
        {
            for (int i = 0; i < callsPerBatch; i++) body();
            double[] samples = new double[batches];
            for (int b = 0; b < batches; b++)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < callsPerBatch; i++) body();
                long t1 = Stopwatch.GetTimestamp();
                samples[b] = (t1 - t0) * 1e9 / Stopwatch.Frequency / callsPerBatch;
            }
            Array.Sort(samples);
            return samples[batches / 2];
        }

        /// <summary>Managed bytes allocated per call on this thread, after warm-up.</summary>
        public static double BytesPerCall(BenchBody body, int calls)
        {
            for (int i = 0; i < 16; i++) body();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++) body();
            long after = GC.GetAllocatedBytesForCurrentThread();
            return (double)(after - before) / calls;
        }

        /// <summary>Bytes still reachable from a root created by <paramref name="make"/>, after a full GC.</summary>
        public static long RetainedBytes(Func<object> make)
        {
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            long before = GC.GetTotalMemory(true);
            object root = make();
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            long after = GC.GetTotalMemory(true);
            GC.KeepAlive(root);
            return after - before;
        }
    }
}
