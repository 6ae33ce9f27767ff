// Builds a tiny repository in a temp folder for gate tests: an Endpoint.nfproj (classic
// project with the generated-list markers, listing the files the test asks for), its
// packages.config, optionally tests/NFUnitTest/NFUnitTest.nfproj, and source files. Points the
// gate at the real stable listings (found from the real repository root via ../shared, or
// NF_API_DIR). Deletes the folder on Dispose.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Endpoint.Tools.NfGate;
using Endpoint.Tools.NfGate.Listing;

namespace Endpoint.Tests.Gate
{
    public sealed class FakeRepo : IDisposable
    {
        private static readonly Lazy<string> RealRoot = new Lazy<string>(() =>
            Tools.NfGate.Gate.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("no Endpoint.nfproj above " + AppContext.BaseDirectory));

        private static readonly Lazy<List<ListingPackage>> Listings = new Lazy<List<ListingPackage>>(() => ListingParser.LoadAll(ApiDir));

        /// <summary>The real repository root (folder with Endpoint.nfproj above the test assembly).</summary>
        public static string RealRepoRoot => RealRoot.Value;

        /// <summary>The stable listings folder the real repository uses.</summary>
        public static string ApiDir => Tools.NfGate.Gate.ResolveApiDir(RealRepoRoot, null);

        public string Root { get; }

        public FakeRepo()
        {
            Root = Path.Combine(Path.GetTempPath(), "nfgate-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Root);
        }

        /// <summary>Writes a source file (repo-relative path, forward slashes).</summary>
        public FakeRepo File(string relPath, string text)
        {
            string full = Path.Combine(Root, relPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full));
            System.IO.File.WriteAllText(full, text);
            return this;
        }

        public string Read(string relPath) => System.IO.File.ReadAllText(Path.Combine(Root, relPath));

        /// <summary>Writes Endpoint.nfproj listing the given files (null = every device file now on
        /// disk) and referencing the given packages (null = every stable listing package).</summary>
        public FakeRepo EndpointProject(IEnumerable<string> listed = null, IEnumerable<string> packageIds = null)
        {
            List<string> files = (listed ?? Tools.NfGate.Checks.FileListCheck.DeviceFiles(Root)).ToList();
            WriteProject("Endpoint.nfproj", "Endpoint", files.Select(f => "<Compile Include=\"" + f.Replace('/', '\\') + "\" />"), "", packageIds);
            return this;
        }

        /// <summary>Writes tests/NFUnitTest/NFUnitTest.nfproj with the given Compile item XML lines.</summary>
        public FakeRepo UnitTestProject(IEnumerable<string> itemXml, IEnumerable<string> packageIds = null)
        {
            WriteProject("tests/NFUnitTest/NFUnitTest.nfproj", "NFUnitTest", itemXml, "..\\..\\", packageIds);
            return this;
        }

        private void WriteProject(string relPath, string assembly, IEnumerable<string> items, string up, IEnumerable<string> packageIds)
        {
            List<ListingPackage> packages = Listings.Value
                .Where(p => packageIds == null || packageIds.Contains(p.PackageId, StringComparer.OrdinalIgnoreCase)).ToList();
            var sb = new StringBuilder();
            sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            sb.Append("<Project ToolsVersion=\"15.0\" DefaultTargets=\"Build\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n");
            sb.Append("  <PropertyGroup>\n    <OutputType>Library</OutputType>\n    <AssemblyName>" + assembly + "</AssemblyName>\n    <LangVersion>12</LangVersion>\n  </PropertyGroup>\n");
            sb.Append("  <ItemGroup>\n    <!-- BEGIN generated compile list -->\n");
            foreach (string item in items) sb.Append("    ").Append(item).Append('\n');
            sb.Append("    <!-- END generated compile list -->\n  </ItemGroup>\n  <ItemGroup>\n");
            foreach (ListingPackage p in packages)
            {
                sb.Append("    <Reference Include=\"" + p.AssemblyName + "\">\n      <HintPath>" + up + "packages\\" + p.PackageId + "." + p.Version +
                    "\\lib\\" + p.AssemblyName + ".dll</HintPath>\n    </Reference>\n");
            }
            sb.Append("  </ItemGroup>\n</Project>\n");
            File(relPath, sb.ToString());
            var pc = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n");
            foreach (ListingPackage p in packages)
            {
                pc.Append("  <package id=\"" + p.PackageId + "\" version=\"" + p.Version + "\" targetFramework=\"netnano1.0\" />\n");
            }
            pc.Append("</packages>\n");
            string dir = Path.GetDirectoryName(relPath).Replace('\\', '/');
            File((dir.Length > 0 ? dir + "/" : "") + "packages.config", pc.ToString());
        }

        /// <summary>Runs the gate on this repository against the real listings.</summary>
        public GateReport Run(bool sync = false) =>
            Tools.NfGate.Gate.Run(new GateOptions { RepoRoot = Root, ApiDir = ApiDir, Sync = sync });

        /// <summary>1-based lines of a file that contain a marker comment.</summary>
        public List<int> LinesWith(string relPath, string marker)
        {
            string[] lines = Read(relPath).Split('\n');
            var result = new List<int>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(marker, StringComparison.Ordinal)) result.Add(i + 1);
            }
            return result;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
                // best effort: temp folder
            }
        }
    }
}
