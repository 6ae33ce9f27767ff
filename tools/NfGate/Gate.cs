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
            var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
            var apiCheck = new ApiCheck(standIns);
            foreach (string path in projectPaths)
            {
                NfProject project = NfProject.Load(repo, path);
                violations.AddRange(FileListCheck.Check(project));
                DeviceCompilation device = DeviceCompilation.Create(project, standIns);
                var usedPackages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                violations.AddRange(CheckCompilation(device, apiCheck, report, usedPackages, checkedFiles));
                report.UsedPackages[path] = usedPackages;
                violations.AddRange(PackageCheck.Check(project, standIns, usedPackages));
            }

            var unique = new HashSet<string>(StringComparer.Ordinal);
            foreach (Violation v in violations
                .OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Column).ThenBy(v => v.Code, StringComparer.Ordinal))
            {
                if (unique.Add(v.Key)) report.Violations.Add(v);
            }
            report.FilesChecked = checkedFiles.Count;
            report.Elapsed = clock.Elapsed;
            return report;
        }

        private static List<Violation> CheckCompilation(DeviceCompilation device, ApiCheck apiCheck, GateReport report,
            ISet<string> usedPackages, HashSet<string> checkedFiles)
        {
            var result = new List<Violation>();
            var diagnosticsByTree = device.Compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource)
                .GroupBy(d => d.Location.SourceTree)
                .ToDictionary(g => g.Key, g => g.ToList());
            foreach (SyntaxTree tree in device.Compilation.SyntaxTrees)
            {
                string file = tree.FilePath;
                SemanticModel model = device.Compilation.GetSemanticModel(tree);
                bool firstTime = checkedFiles.Add(file);
                var language = firstTime ? LanguageSubsetWalker.Check(model, file) : new List<Violation>();
                bool importsLinq = tree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>()
                    .Any(u => (u.NamespaceOrType?.ToString() ?? "").StartsWith("System.Linq", StringComparison.Ordinal));
                diagnosticsByTree.TryGetValue(tree, out List<Diagnostic> diagnostics);
                var compileErrors = apiCheck.CheckDiagnostics(model, file, diagnostics ?? new List<Diagnostic>(), importsLinq);
                // A construct outside the subset usually also fails to bind (Task, ValueTuple,
                // Nullable<T>...): keep the subset violation, fold the compiler errors of its line.
                var languageLines = new HashSet<int>(language.Select(v => v.Line));
                result.AddRange(language);
                result.AddRange(compileErrors.Where(v => !languageLines.Contains(v.Line) || v.Code == Codes.Linq.Code));
                List<SymbolUse> uses = SymbolReferences.Collect(model);
                var usedSymbols = new Dictionary<string, string>(StringComparer.Ordinal);
                result.AddRange(apiCheck.CheckSymbols(uses, file, device.Compilation.Assembly, usedSymbols, usedPackages));
                foreach (KeyValuePair<string, string> kv in usedSymbols) report.UsedSymbols[kv.Key] = kv.Value;
                if (firstTime) result.AddRange(LayeringCheck.Check(model, file, uses));
            }
            return result;
        }

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
