// Compiles the files an .nfproj lists (plus those it should list), the way the device build does: C# 12, nullable
// context off, Release (optimize, no DEBUG symbol; NANOFRAMEWORK_1_0 and TRACE like the
// nanoFramework project system, plus the project's own DefineConstants), unsafe not allowed,
// and NO desktop reference at all: only the listing stand-ins. Any API the device lacks is then
// a compiler error at the device file's line. Always compiled as a library (an entry point is
// not required by the gate).
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Endpoint.Tools.NfGate.Projects;
using Endpoint.Tools.NfGate.StandIns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>A device project compiled against the stand-ins.</summary>
    public sealed class DeviceCompilation
    {
        /// <summary>Preprocessor symbols of a nanoFramework Release build.</summary>
        public static readonly string[] ReleaseSymbols = { "NANOFRAMEWORK_1_0", "TRACE" };

        public NfProject Project { get; private set; }

        public CSharpCompilation Compilation { get; private set; }

        /// <summary>Repository-relative paths of the compiled files (the tree file paths).</summary>
        public List<string> Files { get; } = new List<string>();

        /// <summary>Compiles the project's listed files, plus <paramref name="alsoCompile"/>
        /// (repo-relative): the gate passes the device files the project should list, so a stale
        /// list (already a file-list violation) does not hide their API problems or cascade into
        /// "type not found" errors.</summary>
        public static DeviceCompilation Create(NfProject project, StandInSet standIns, IEnumerable<string> alsoCompile = null)
        {
            var result = new DeviceCompilation { Project = project };
            var symbols = ReleaseSymbols.Concat(project.DefineConstants).Distinct().ToArray();
            var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Parse, SourceCodeKind.Regular, symbols);
            var trees = new List<SyntaxTree>();
            foreach (string repoPath in project.CompileItems.Select(i => i.RepoPath).Concat(alsoCompile ?? Enumerable.Empty<string>()))
            {
                string full = Path.Combine(project.RepoRoot, repoPath);
                if (!File.Exists(full) || result.Files.Contains(repoPath)) continue;
                string text = File.ReadAllText(full);
                trees.Add(CSharpSyntaxTree.ParseText(text, parse, path: repoPath, encoding: Encoding.UTF8));
                result.Files.Add(repoPath);
            }
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: false,
                deterministic: true);
            result.Compilation = CSharpCompilation.Create(project.AssemblyName, trees, standIns.References, options);
            return result;
        }
    }
}
