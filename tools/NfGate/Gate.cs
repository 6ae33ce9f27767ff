// Public entry points of the nanoFramework gate: Gate.Run runs every check (file lists and
// packages, API, language subset, layering) on Endpoint.nfproj and
// tests/NFUnitTest/NFUnitTest.nfproj; Gate.EmitDeviceAssembly compiles the Endpoint.nfproj files
// (Release) against the stand-ins and returns the IL DLL. Also locates the repository root and
// the listings folder. Used by the CLI (Program), the desktop tests and the bench.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Endpoint.Tools.NfGate.Checks;
using Endpoint.Tools.NfGate.Listing;
using Endpoint.Tools.NfGate.Projects;
using Endpoint.Tools.NfGate.StandIns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;

namespace Endpoint.Tools.NfGate
{
    /// <summary>The gate's library API.</summary>
    public static class Gate
    {
        /// <summary>Environment variable that overrides the listings folder.</summary>
        public const string ApiDirVariable = "NF_API_DIR";

        /// <summary>Runs all checks. Throws <see cref="GateSetupException"/> when the repository or
        /// the listings cannot be read.</summary>
        public static GateReport Run(GateOptions options)
        {
            var clock = Stopwatch.StartNew();
            string repo = Path.GetFullPath(options.RepoRoot ?? FindRepoRoot(Directory.GetCurrentDirectory()) ?? ".");
            if (!File.Exists(Path.Combine(repo, FileListCheck.EndpointProject)))
            {
                throw new GateSetupException("not a repository root (no " + FileListCheck.EndpointProject + "): " + repo);
            }
            StandInSet standIns = StandInSet.Load(ResolveApiDir(repo, options.ApiDir));
            var report = new GateReport();
            report.StandInNameProblems.AddRange(standIns.NameProblems);
            report.StandInValueProblems.AddRange(standIns.ValueProblems);
            report.StandInDeclarationProblems.AddRange(standIns.DeclarationProblems);
            report.StandInEntries = standIns.ListingEntries;
            report.StandInMapped = standIns.MappedEntries;

            var projectPaths = new List<string> { FileListCheck.EndpointProject };
            if (File.Exists(Path.Combine(repo, FileListCheck.UnitTestProject))) projectPaths.Add(FileListCheck.UnitTestProject);

            if (options.Sync)
            {
                foreach (string path in projectPaths)
                {
                    if (FileListCheck.Sync(NfProject.Load(repo, path))) report.Synced.Add(path);
                }
            }

            var violations = new List<Violation>();
            var analyzed = new Dictionary<string, FileAnalysis>(StringComparer.Ordinal);
            var apiCheck = new ApiCheck(standIns);
            foreach (string path in projectPaths)
            {
                NfProject project = NfProject.Load(repo, path);
                violations.AddRange(FileListCheck.Check(project));
                IEnumerable<string> shouldList = FileListCheck.ExpectedItems(repo, path).Select(e => e.RepoPath);
                DeviceCompilation device = DeviceCompilation.Create(project, standIns, shouldList);
                var usedPackages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                violations.AddRange(CheckCompilation(device, apiCheck, report, usedPackages, analyzed));
                report.UsedPackages[path] = usedPackages;
                violations.AddRange(PackageCheck.Check(project, standIns, usedPackages));
            }

            var unique = new HashSet<string>(StringComparer.Ordinal);
            foreach (Violation v in violations
                .OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Column).ThenBy(v => v.Code, StringComparer.Ordinal))
            {
                if (unique.Add(v.Key)) report.Violations.Add(v);
            }
            report.FilesChecked = analyzed.Count;
            report.Elapsed = clock.Elapsed;
            return report;
        }

        /// <summary>What one file contributes: its violations and the listing symbols/packages it uses.</summary>
        private sealed class FileAnalysis
        {
            public List<Violation> Violations { get; } = new List<Violation>();
            public Dictionary<string, string> UsedSymbols { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
            public HashSet<string> UsedPackages { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            /// <summary>"line|CSnnnn" of the compiler errors seen in the first project.</summary>
            public HashSet<string> ErrorKeys { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Other device files declaring symbols this file uses.</summary>
            public HashSet<string> DeclaringFiles { get; } = new HashSet<string>(StringComparer.Ordinal);
        }

        private static List<Violation> CheckCompilation(DeviceCompilation device, ApiCheck apiCheck, GateReport report,
            ISet<string> usedPackages, Dictionary<string, FileAnalysis> analyzed)
        {
            SyntaxTree[] trees = device.Compilation.SyntaxTrees.ToArray();
            var results = new FileAnalysis[trees.Length];
            var firstTime = trees.Select(t => !analyzed.ContainsKey(t.FilePath)).ToArray();
            var compiled = new HashSet<string>(trees.Select(t => t.FilePath), StringComparer.Ordinal);
            // A file analyzed in an earlier project binds the same way here unless a file it
            // depends on is missing from this project (e.g. an Esp32 file in NFUnitTest.nfproj).
            var recheck = trees.Select((t, i) => firstTime[i] || !analyzed[t.FilePath].DeclaringFiles.IsSubsetOf(compiled)).ToArray();
            // Semantic models are thread-safe; one model per tree serves the diagnostics and every
            // later query from the same bound trees.
            // Sequential by default: on the shared 2-core machines parallel Roslyn queries cost more
            // CPU than they save (measured); NFGATE_THREADS=N opts in.
            int threads = int.TryParse(Environment.GetEnvironmentVariable("NFGATE_THREADS"), out int n) && n > 0 ? n : 1;
            Parallel.For(0, trees.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                if (!recheck[i])
                {
                    results[i] = new FileAnalysis();
                    return;
                }
                SyntaxTree tree = trees[i];
                SemanticModel model = device.Compilation.GetSemanticModel(tree);
                var errors = model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource).ToList();
                results[i] = firstTime[i]
                    ? AnalyzeFile(model, apiCheck, errors, device.Compilation.Assembly)
                    : ContextErrors(model, errors, analyzed[tree.FilePath], device.Project.RelativePath);
            });
            var violations = new List<Violation>();
            for (int i = 0; i < trees.Length; i++)
            {
                string file = trees[i].FilePath;
                if (firstTime[i]) analyzed[file] = results[i];
                FileAnalysis a = analyzed[file];
                violations.AddRange(results[i].Violations);
                usedPackages.UnionWith(a.UsedPackages);
                foreach (KeyValuePair<string, string> kv in a.UsedSymbols) report.UsedSymbols[kv.Key] = kv.Value;
            }
            return violations;
        }

        // A file already analyzed in another project, some of whose dependencies this project
        // leaves out (e.g. an Esp32 file in NFUnitTest.nfproj): report the errors it only has here.
        private static FileAnalysis ContextErrors(SemanticModel model, List<Diagnostic> errors, FileAnalysis first, string project)
        {
            var a = new FileAnalysis();
            foreach (Diagnostic d in errors)
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                if (first.ErrorKeys.Contains(ErrorKey(d))) continue;
                a.Violations.Add(new Violation
                {
                    File = model.SyntaxTree.FilePath,
                    Line = span.StartLinePosition.Line + 1,
                    Column = span.StartLinePosition.Character + 1,
                    Code = Codes.CompileError.Code,
                    Kind = Codes.CompileError.Kind,
                    Symbol = d.Id,
                    Message = "does not compile in " + project + " (it needs " + string.Join(", ", first.DeclaringFiles.OrderBy(f => f, StringComparer.Ordinal)
                        .Where(f => !model.Compilation.SyntaxTrees.Any(t => t.FilePath == f))) + ", which that project leaves out): " + d.GetMessage(),
                });
            }
            return a;
        }

        private static string ErrorKey(Diagnostic d) => (d.Location.GetLineSpan().StartLinePosition.Line + 1) + "|" + d.Id;

        private static FileAnalysis AnalyzeFile(SemanticModel model, ApiCheck apiCheck, List<Diagnostic> errors, IAssemblySymbol deviceAssembly)
        {
            var a = new FileAnalysis();
            string file = model.SyntaxTree.FilePath;
            foreach (Diagnostic d in errors) a.ErrorKeys.Add(ErrorKey(d));
            List<Violation> language = LanguageSubsetWalker.Check(model, file);
            List<Violation> compileErrors = apiCheck.CheckDiagnostics(model, file, errors, ImportsLinq(model.SyntaxTree));
            // A construct outside the subset usually also fails to bind (Task, ValueTuple,
            // Nullable<T>...): keep the subset violation, fold the compiler errors of its line.
            var languageLines = new HashSet<int>(language.Select(v => v.Line));
            a.Violations.AddRange(language);
            a.Violations.AddRange(compileErrors.Where(v => !languageLines.Contains(v.Line) || v.Code == Codes.Linq.Code));
            List<IOperation> operations = SymbolReferences.Operations(model);
            List<SymbolUse> uses = SymbolReferences.Collect(model, operations);
            a.Violations.AddRange(EnumToStringCheck.Check(operations, file));
            foreach (SymbolUse use in uses)
            {
                if (use.Symbol is INamespaceSymbol) continue;
                foreach (Location l in use.Symbol.OriginalDefinition.Locations)
                {
                    if (l.IsInSource && l.SourceTree != model.SyntaxTree && model.Compilation.ContainsSyntaxTree(l.SourceTree)) a.DeclaringFiles.Add(l.SourceTree.FilePath);
                }
            }
            a.Violations.AddRange(apiCheck.CheckSymbols(uses, file, deviceAssembly, a.UsedSymbols, a.UsedPackages));
            a.Violations.AddRange(LayeringCheck.Check(model, file, uses));
            return a;
        }

        private static bool ImportsLinq(SyntaxTree tree) =>
            tree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>()
                .Any(u => (u.NamespaceOrType?.ToString() ?? "").StartsWith("System.Linq", StringComparison.Ordinal));

        /// <summary>Compiles exactly the Endpoint.nfproj files in Release against the stand-ins
        /// and returns the IL assembly bytes. Throws when the device code does not compile.</summary>
        public static byte[] EmitDeviceAssembly(string repoRoot, string apiDir)
        {
            string repo = Path.GetFullPath(repoRoot);
            StandInSet standIns = StandInSet.Load(ResolveApiDir(repo, apiDir));
            DeviceCompilation device = DeviceCompilation.Create(NfProject.Load(repo, FileListCheck.EndpointProject), standIns);
            using var stream = new MemoryStream();
            EmitResult result = device.Compilation.Emit(stream);
            if (!result.Success)
            {
                string errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
                throw new InvalidOperationException("device assembly does not compile against the nanoFramework stand-ins:" + Environment.NewLine + errors);
            }
            return stream.ToArray();
        }

        /// <summary>The listings folder: the explicit one, else $NF_API_DIR, else the first
        /// ancestor of the repository root (its parent first) holding shared/nanoframework-api.</summary>
        public static string ResolveApiDir(string repoRoot, string explicitDir)
        {
            if (!string.IsNullOrEmpty(explicitDir)) return Path.GetFullPath(explicitDir);
            string env = Environment.GetEnvironmentVariable(ApiDirVariable);
            if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
            for (DirectoryInfo d = Directory.GetParent(Path.GetFullPath(repoRoot)); d != null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "nanoframework-api");
                if (Directory.Exists(candidate)) return candidate;
            }
            return Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "nanoframework-api"));
        }

        /// <summary>Walks up from a folder to the one containing Endpoint.nfproj; null if none.</summary>
        public static string FindRepoRoot(string start)
        {
            for (DirectoryInfo d = new DirectoryInfo(Path.GetFullPath(start)); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, FileListCheck.EndpointProject))) return d.FullName;
            }
            return null;
        }
    }
}
