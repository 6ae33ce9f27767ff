// What the gate reports: one Violation per problem (file:line:col, NFnnn code, kind, symbol,
// message), the catalogue of codes, and the GateReport that Gate.Run returns. Pure data.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Endpoint.Tools.NfGate
{
    /// <summary>One gate finding.</summary>
    public sealed class Violation
    {
        /// <summary>Repository-relative path with forward slashes.</summary>
        public string File { get; init; }

        /// <summary>1-based line (1 when the problem concerns a whole file).</summary>
        public int Line { get; init; }

        /// <summary>1-based column.</summary>
        public int Column { get; init; }

        /// <summary>NFnnn code, see <see cref="Codes"/>.</summary>
        public string Code { get; init; }

        /// <summary>Short kind id, e.g. generic-use, api-missing.</summary>
        public string Kind { get; init; }

        /// <summary>The offending symbol or text (listing form where there is one).</summary>
        public string Symbol { get; init; }

        public string Message { get; init; }

        /// <summary>`path:line:col: NFnnn kind: symbol — message`.</summary>
        public override string ToString() =>
            File + ":" + Line + ":" + Column + ": " + Code + " " + Kind + ": " + Symbol + " \u2014 " + Message;

        /// <summary>Duplicate key: the same problem reported twice on one line counts once.</summary>
        internal string Key => File + "|" + Line + "|" + Code + "|" + (OnePerLine(Code) ? "" : Symbol);

        // Constructs like `List<int> x = new List<int>()` would otherwise report once per mention.
        private static bool OnePerLine(string code) =>
            code.StartsWith("NF1", StringComparison.Ordinal) || code == Codes.ExcludeType.Code;
    }

    /// <summary>The violation codes and kinds.</summary>
    public static class Codes
    {
        // File lists and packages (nfproj / packages.config)
        public static readonly (string Code, string Kind) FileMissing = ("NF001", "file-missing");
        public static readonly (string Code, string Kind) FileUnlisted = ("NF002", "file-unlisted");
        public static readonly (string Code, string Kind) FileNotDevice = ("NF003", "file-not-device");
        public static readonly (string Code, string Kind) FileLink = ("NF004", "file-link");
        public static readonly (string Code, string Kind) ProjectXml = ("NF005", "project-xml");
        public static readonly (string Code, string Kind) PackageReference = ("NF010", "package-reference");
        public static readonly (string Code, string Kind) PackageConfig = ("NF011", "package-config");
        public static readonly (string Code, string Kind) PackageVersion = ("NF012", "package-version");

        // Language subset
        public static readonly (string Code, string Kind) GenericUse = ("NF101", "generic-use");
        public static readonly (string Code, string Kind) GenericDeclaration = ("NF102", "generic-declaration");
        public static readonly (string Code, string Kind) Async = ("NF103", "async");
        public static readonly (string Code, string Kind) Linq = ("NF104", "linq");
        public static readonly (string Code, string Kind) Dynamic = ("NF105", "dynamic");
        public static readonly (string Code, string Kind) Tuple = ("NF106", "tuple");
        public static readonly (string Code, string Kind) Record = ("NF107", "record");
        public static readonly (string Code, string Kind) Yield = ("NF108", "yield");
        public static readonly (string Code, string Kind) StackAlloc = ("NF109", "stackalloc");
        public static readonly (string Code, string Kind) Decimal = ("NF110", "decimal");
        public static readonly (string Code, string Kind) MultiDimArray = ("NF111", "multidim-array");
        public static readonly (string Code, string Kind) Unsafe = ("NF112", "unsafe");

        // API
        public static readonly (string Code, string Kind) ApiMissing = ("NF201", "api-missing");
        public static readonly (string Code, string Kind) ApiUnlisted = ("NF202", "api-unlisted");
        public static readonly (string Code, string Kind) ExcludeType = ("NF203", "exclude-type");
        public static readonly (string Code, string Kind) CompileError = ("NF204", "compile-error");
        public static readonly (string Code, string Kind) EnumToString = ("NF205", "enum-tostring");

        // Layering
        public static readonly (string Code, string Kind) LayerApi = ("NF301", "layer-api");
        public static readonly (string Code, string Kind) LayerDependency = ("NF302", "layer-dependency");
    }

    /// <summary>Result of one gate run.</summary>
    public sealed class GateReport
    {
        public List<Violation> Violations { get; } = new List<Violation>();

        /// <summary>Listing symbols the device code uses (listing form) -> package id, per project.</summary>
        public SortedDictionary<string, string> UsedSymbols { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Package ids whose symbols the device code uses, per nfproj (relative path).</summary>
        public SortedDictionary<string, SortedSet<string>> UsedPackages { get; } = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);

        /// <summary>Stand-in generation problems (unresolved/ambiguous listing type names); gate bugs.</summary>
        public List<string> StandInNameProblems { get; } = new List<string>();

        /// <summary>Listed constant values that could not be reproduced (informational).</summary>
        public List<string> StandInValueProblems { get; } = new List<string>();

        /// <summary>Declaration errors inside the stand-in compilations (informational).</summary>
        public List<string> StandInDeclarationProblems { get; } = new List<string>();

        /// <summary>Listing lines (types + members) and how many became stand-in symbols.</summary>
        public int StandInEntries { get; set; }

        public int StandInMapped { get; set; }

        /// <summary>Files rewritten by --sync.</summary>
        public List<string> Synced { get; } = new List<string>();

        /// <summary>Number of distinct device source files checked.</summary>
        public int FilesChecked { get; set; }

        public TimeSpan Elapsed { get; set; }

        public bool Clean => Violations.Count == 0;

        /// <summary>Violations of one code.</summary>
        public IEnumerable<Violation> OfCode(string code) => Violations.Where(v => v.Code == code);

        /// <summary>The final summary line printed by the CLI.</summary>
        public string Summary()
        {
            string byKind = string.Join(", ", Violations.GroupBy(v => v.Code + " " + v.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count()));
            return "nfgate: " + FilesChecked + " device files, " + Violations.Count + " violation(s)" +
                (byKind.Length > 0 ? " (" + byKind + ")" : "") + ", " + (int)Elapsed.TotalMilliseconds + " ms";
        }
    }

    /// <summary>Options of one gate run.</summary>
    public sealed class GateOptions
    {
        /// <summary>Repository root (folder containing Endpoint.nfproj).</summary>
        public string RepoRoot { get; set; }

        /// <summary>Listings folder; null = NF_API_DIR, else the nearest ancestor's shared/nanoframework-api.</summary>
        public string ApiDir { get; set; }

        /// <summary>Rewrite the generated compile lists before checking.</summary>
        public bool Sync { get; set; }

        public bool Verbose { get; set; }
    }
}
