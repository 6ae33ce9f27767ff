// Benchmark entry: `dotnet run -c Release --project bench [-- FILTER]`.
using System;
using System.Reflection;

namespace Endpoint.Bench
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            var report = new BenchReport(args.Length > 0 ? args[0] : null);
            Type[] types = typeof(Program).Assembly.GetTypes();
            Array.Sort(types, (a, b) => string.CompareOrdinal(a.FullName, b.FullName));
            foreach (Type t in types)
            {
                if (!t.Name.EndsWith("Bench", StringComparison.Ordinal)) continue;
                MethodInfo run = t.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(BenchReport) }, null);
                if (run != null) run.Invoke(null, new object[] { report });
            }
            return 0;
        }
    }
}
