// Command line of the nanoFramework gate:
//   dotnet run --project tools/NfGate -- [--repo DIR] [--api DIR] [--sync] [--verbose]
// Prints one line per violation (`path:line:col: NFnnn kind: symbol — message`) and a summary;
// exit 0 = clean, 1 = violations, 2 = usage or setup error (e.g. listings not found).
using System;
using System.IO;
using System.Linq;
using Endpoint.Tools.NfGate.Listing;

namespace Endpoint.Tools.NfGate
{
    public static class Program
    {
        private const string Usage =
            "usage: NfGate [--repo DIR] [--api DIR] [--sync] [--verbose]\n" +
            "  --repo DIR   repository root (folder with Endpoint.nfproj); default: walk up from the current folder\n" +
            "  --api DIR    nanoFramework API listings; default: $NF_API_DIR, else ../shared/nanoframework-api\n" +
            "               (the nearest ancestor of the repository holding shared/nanoframework-api)\n" +
            "  --sync       rewrite the generated compile lists of Endpoint.nfproj and NFUnitTest.nfproj first\n" +
            "  --verbose    also print stand-in soundness, used packages and timing";

        public static int Main(string[] args)
        {
            var options = new GateOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--repo" when i + 1 < args.Length:
                        options.RepoRoot = args[++i];
                        break;
                    case "--api" when i + 1 < args.Length:
                        options.ApiDir = args[++i];
                        break;
                    case "--sync":
                        options.Sync = true;
                        break;
                    case "--verbose":
                    case "-v":
                        options.Verbose = true;
                        break;
                    case "--help":
                    case "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        Console.Error.WriteLine("nfgate: unknown or incomplete argument '" + args[i] + "'");
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }
            if (options.RepoRoot == null)
            {
                options.RepoRoot = Gate.FindRepoRoot(Directory.GetCurrentDirectory());
                if (options.RepoRoot == null)
                {
                    Console.Error.WriteLine("nfgate: no Endpoint.nfproj in the current folder or above; use --repo DIR");
                    return 2;
                }
            }
            GateReport report;
            try
            {
                report = Gate.Run(options);
            }
            catch (GateSetupException e)
            {
                Console.Error.WriteLine("nfgate: setup error: " + e.Message);
                return 2;
            }
            foreach (string synced in report.Synced) Console.WriteLine("nfgate: synced " + synced);
            if (options.Verbose) PrintVerbose(report);
            foreach (Violation v in report.Violations) Console.WriteLine(v);
            Console.WriteLine(report.Summary());
            return report.Clean ? 0 : 1;
        }

        private static void PrintVerbose(GateReport report)
        {
            Console.WriteLine("nfgate: stand-ins declare " + report.StandInMapped + " of " + report.StandInEntries + " listing entries (types + members)");
            Console.WriteLine("nfgate: stand-in type-name problems (gate bugs, keep at 0): " + report.StandInNameProblems.Count);
            foreach (string p in report.StandInNameProblems) Console.WriteLine("  " + p);
            Console.WriteLine("nfgate: listed constant values not reproducible (they name library-internal constants; distinct placeholder values are used): " + report.StandInValueProblems.Count);
            foreach (string p in report.StandInValueProblems.Take(5)) Console.WriteLine("  " + p);
            if (report.StandInValueProblems.Count > 5) Console.WriteLine("  ...");
            Console.WriteLine("nfgate: stand-in declaration diagnostics (informational): " + report.StandInDeclarationProblems.Count);
            foreach (string p in report.StandInDeclarationProblems) Console.WriteLine("  " + p);
            foreach (var kv in report.UsedPackages)
            {
                Console.WriteLine("nfgate: " + kv.Key + " uses packages: " + string.Join(", ", kv.Value));
            }
            Console.WriteLine("nfgate: distinct listing symbols used: " + report.UsedSymbols.Count);
            foreach (var kv in report.UsedSymbols) Console.WriteLine("  " + kv.Key + "  [" + kv.Value + "]");
        }
    }
}
