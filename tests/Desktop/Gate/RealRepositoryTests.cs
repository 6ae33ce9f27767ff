// The gate on the REAL repository (root = the folder with Endpoint.nfproj above the test
// assembly): zero violations, compile lists current, and the device assembly emits. Also the
// gate's own soundness: the stand-ins resolve every listed type name, the listing parser reads
// the tricky line shapes, and the CLI's exit codes.
using System;
using System.IO;
using System.Linq;
using Endpoint.Tools.NfGate;
using Endpoint.Tools.NfGate.Listing;
using Endpoint.Tools.NfGate.StandIns;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.Gate
{
    public class RealRepositoryTests
    {
        private readonly ITestOutputHelper _output;

        public RealRepositoryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void RealRepositoryHasZeroViolations()
        {
            GateReport report = Tools.NfGate.Gate.Run(new GateOptions { RepoRoot = FakeRepo.RealRepoRoot, ApiDir = FakeRepo.ApiDir });
            foreach (Violation v in report.Violations) _output.WriteLine(v.ToString());
            _output.WriteLine(report.Summary());
            Assert.True(report.Clean, "nanoFramework gate violations in the real tree (run `dotnet run --project tools/NfGate -- --sync` for file lists):\n" +
                string.Join("\n", report.Violations));
            Assert.True(report.FilesChecked >= 1);
        }

        [Fact]
        public void RealDeviceAssemblyEmits()
        {
            byte[] dll = Tools.NfGate.Gate.EmitDeviceAssembly(FakeRepo.RealRepoRoot, FakeRepo.ApiDir);
            Assert.Equal((byte)'M', dll[0]);
            Assert.Equal((byte)'Z', dll[1]);
        }

        [Fact]
        public void StandInsResolveEveryListedTypeName()
        {
            StandInSet set = StandInSet.Load(FakeRepo.ApiDir);
            Assert.True(set.NameProblems.Count == 0, string.Join("\n", set.NameProblems));
            Assert.True(set.UnmappedEntries.Count == 0, string.Join("\n", set.UnmappedEntries));
            Assert.Equal(set.ListingEntries, set.MappedEntries);
            Assert.True(set.ListingEntries > 3000);
            Assert.Contains(set.Packages, p => p.IsCoreLibrary && p.AssemblyName == "mscorlib");
            // preview/ is never read
            Assert.DoesNotContain(set.Packages, p => p.Version.Contains("preview", StringComparison.Ordinal));
        }

        [Fact]
        public void ListingParserReadsTheTrickyLineShapes()
        {
            ListingPackage core = ListingParser.LoadAll(FakeRepo.ApiDir).Single(p => p.IsCoreLibrary);
            ListedType span = core.Types.Single(t => t.FullName == "System.SpanByte");
            Assert.Equal(new[] { "readonly", "ref" }, span.Modifiers);
            ListedMember conversion = span.Members.Single(m => m.Kind == "operator");
            Assert.Equal("operator implicit SpanByte", conversion.Name);
            Assert.Equal(new[] { "byte[]" }, conversion.Parameters);
            ListedMember indexer = span.Members.Single(m => m.Name == "this");
            Assert.Equal("System.SpanByte::this[int]", indexer.Signature);
            Assert.Equal("get; set;", indexer.Accessors);
            ListedType str = core.Types.Single(t => t.FullName == "System.String");
            ListedMember padLeft = str.Members.Single(m => m.Name == "PadLeft");
            Assert.Equal(new[] { "int", "char = ' '" }, padLeft.Parameters);
            Assert.Equal("System.String::PadLeft(int, char)", padLeft.Signature);
            ListedMember lessThan = core.Types.Single(t => t.FullName == "System.TimeSpan").Members.Single(m => m.Name == "operator <");
            Assert.True(lessThan.HasTag("static"));
            ListedType nested = core.Types.Single(t => t.FullName == "System.IO.IOException.IOExceptionErrorCode");
            Assert.Equal("System.IO.IOException", nested.DeclaringType.FullName);
            Assert.Equal("System.IO", nested.Namespace);
            ListedType attrUsage = core.Types.Single(t => t.FullName == "System.AttributeUsageAttribute");
            Assert.True(attrUsage.IsExcludeType);
            ListedMember local = core.Types.Single(t => t.FullName == "System.DateTimeKind").Members.Single(m => m.Name == "Local");
            Assert.Equal("2", local.Value);
            Assert.True(local.HasTag("OBSOLETE"));
            ListedMember maxValue = core.Types.Single(t => t.FullName == "System.Byte").Members.Single(m => m.Name == "MaxValue");
            Assert.Equal("0xFF", maxValue.Value);
        }

        [Fact]
        public void CliExitCodes()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/A.cs", "namespace Endpoint.Sip { public class A { public int? X; } }")
                .EndpointProject();
            var stdout = Console.Out;
            try
            {
                Console.SetOut(TextWriter.Null);
                Assert.Equal(2, Tools.NfGate.Program.Main(new[] { "--repo", repo.Root, "--api", Path.Combine(repo.Root, "no-such-listings") }));
                Assert.Equal(2, Tools.NfGate.Program.Main(new[] { "--bogus" }));
                Assert.Equal(1, Tools.NfGate.Program.Main(new[] { "--repo", repo.Root, "--api", FakeRepo.ApiDir }));
                repo.File("firmware/Sip/A.cs", "namespace Endpoint.Sip { public class A { public int X; } }");
                Assert.Equal(0, Tools.NfGate.Program.Main(new[] { "--repo", repo.Root, "--api", FakeRepo.ApiDir }));
            }
            finally
            {
                Console.SetOut(stdout);
            }
        }
    }
}
