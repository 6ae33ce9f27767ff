// File-list rule and --sync: an unlisted device file and a listed-but-missing file are caught
// (with the right file and line); host-only folders (Simulation, Virtual) and bin/obj are not
// device files; NFUnitTest.nfproj links device files except Esp32 ones and lists its own tests;
// --sync rewrites the generated blocks so the gate passes afterwards, keeping the rest of the file.
using System.Linq;
using Endpoint.Tools.NfGate;
using Xunit;

namespace Endpoint.Tests.Gate
{
    public class FileListTests
    {
        private const string Tiny = "namespace Endpoint.Sip { public class A { } }";

        private static FakeRepo MakeRepo()
        {
            return new FakeRepo()
                .File("firmware/Sip/A.cs", Tiny)
                .File("firmware/Sip/B.cs", "namespace Endpoint.Sip { public class B { } }")
                .File("hal/Simulation/SimPort.cs", "namespace Endpoint.Hal.Simulation { public class SimPort { public System.Collections.Generic.List<int> L; } }")
                .File("boards/Virtual/VirtualBoard.cs", "namespace Endpoint.Boards.Virtual { public class VirtualBoard { } }")
                .File("hal/Esp32/Adapter.cs", "namespace Endpoint.Hal.Esp32 { public class Adapter { } }")
                .File("firmware/Sip/obj/Generated.cs", "namespace X { public class G<T> { } }")
                .File("tests/NFUnitTest/Sip/ATests.cs", "namespace Endpoint.NFUnitTest.Sip { public class ATests { } }");
        }

        [Fact]
        public void UnlistedAndMissingFilesAreCaught()
        {
            using FakeRepo repo = MakeRepo();
            repo.EndpointProject(new[] { "firmware/Sip/A.cs", "firmware/Sip/Gone.cs", "hal/Esp32/Adapter.cs" });
            repo.UnitTestProject(new[] { "<Compile Include=\"..\\..\\firmware\\Sip\\A.cs\"><Link>firmware\\Sip\\A.cs</Link></Compile>" });
            GateReport report = repo.Run();

            Violation unlisted = Assert.Single(report.Violations, v => v.Code == "NF002" && v.File == "firmware/Sip/B.cs" && v.Message.Contains("Endpoint.nfproj"));
            Assert.Equal(1, unlisted.Line);
            int goneLine = repo.LinesWith("Endpoint.nfproj", "Gone.cs").Single();
            Violation missing = Assert.Single(report.Violations, v => v.Code == "NF001" && v.File == "Endpoint.nfproj");
            Assert.Equal(goneLine, missing.Line);
            Assert.Contains("firmware\\Sip\\Gone.cs", missing.Symbol);
            // NFUnitTest must list B.cs and its own test file, but never the Esp32 adapter.
            Assert.Contains(report.Violations, v => v.Code == "NF002" && v.File == "firmware/Sip/B.cs" && v.Message.Contains("NFUnitTest.nfproj"));
            Assert.Contains(report.Violations, v => v.Code == "NF002" && v.File == "tests/NFUnitTest/Sip/ATests.cs");
            Assert.DoesNotContain(report.Violations, v => v.File.Contains("Simulation") || v.File.Contains("Virtual") || v.File.Contains("/obj/"));
            Assert.DoesNotContain(report.Violations, v => v.File == "hal/Esp32/Adapter.cs");
        }

        [Fact]
        public void HostOnlyFileListedInTheDeviceProjectIsCaught()
        {
            using FakeRepo repo = MakeRepo();
            repo.EndpointProject(new[] { "firmware/Sip/A.cs", "firmware/Sip/B.cs", "hal/Esp32/Adapter.cs", "hal/Simulation/SimPort.cs" });
            GateReport report = repo.Run();
            Violation v = Assert.Single(report.Violations, x => x.Code == "NF003");
            Assert.Equal(repo.LinesWith("Endpoint.nfproj", "SimPort.cs").Single(), v.Line);
        }

        [Fact]
        public void SyncRewritesBothProjectsAndTheGatePasses()
        {
            using FakeRepo repo = MakeRepo();
            repo.EndpointProject(new[] { "firmware/Sip/A.cs", "firmware/Sip/Gone.cs" });
            repo.UnitTestProject(new string[0]);
            string before = repo.Read("Endpoint.nfproj");
            Assert.False(repo.Run().Clean);

            GateReport synced = repo.Run(sync: true);
            Assert.True(synced.Clean, string.Join("\n", synced.Violations));
            Assert.Equal(new[] { "Endpoint.nfproj", "tests/NFUnitTest/NFUnitTest.nfproj" }, synced.Synced);

            string endpoint = repo.Read("Endpoint.nfproj");
            string expectedBlock =
                "    <!-- BEGIN generated compile list -->\n" +
                "    <Compile Include=\"firmware\\Sip\\A.cs\" />\n" +
                "    <Compile Include=\"firmware\\Sip\\B.cs\" />\n" +
                "    <Compile Include=\"hal\\Esp32\\Adapter.cs\" />\n" +
                "    <!-- END generated compile list -->\n";
            Assert.Contains(expectedBlock, endpoint);
            // Everything outside the block is byte-for-byte unchanged.
            int b0 = before.IndexOf("<!-- BEGIN"), e0 = before.IndexOf("<!-- END");
            int b1 = endpoint.IndexOf("<!-- BEGIN"), e1 = endpoint.IndexOf("<!-- END");
            Assert.Equal(before.Substring(0, b0), endpoint.Substring(0, b1));
            Assert.Equal(before.Substring(e0), endpoint.Substring(e1));

            string unit = repo.Read("tests/NFUnitTest/NFUnitTest.nfproj");
            Assert.Contains("<Compile Include=\"..\\..\\firmware\\Sip\\A.cs\"><Link>firmware\\Sip\\A.cs</Link></Compile>", unit);
            Assert.Contains("<Compile Include=\"Sip\\ATests.cs\" />", unit);
            Assert.DoesNotContain("hal\\Esp32", unit);
            Assert.DoesNotContain("Simulation", unit);

            // A second sync changes nothing.
            Assert.Empty(repo.Run(sync: true).Synced);
        }

        [Fact]
        public void PortableFileNeedingAnEsp32FileFailsInTheUnitTestProject()
        {
            using var repo = new FakeRepo()
                .File("hal/Esp32/Pins.cs", "namespace Endpoint.Hal.Esp32 { public static class Pins { public const int Led = 2; } }")
                .File("hal/Drivers/Led.cs", "namespace Endpoint.Hal.Drivers { public class Led { public int Pin = Endpoint.Hal.Esp32.Pins.Led; } } // <-")
                .EndpointProject();
            repo.UnitTestProject(new[] { "<Compile Include=\"..\\..\\hal\\Drivers\\Led.cs\"><Link>hal\\Drivers\\Led.cs</Link></Compile>" });
            GateReport report = repo.Run();
            Violation v = Assert.Single(report.Violations);
            Assert.Equal("hal/Drivers/Led.cs", v.File);
            Assert.Equal("NF204", v.Code);
            Assert.Contains("NFUnitTest.nfproj", v.Message);
            Assert.Contains("hal/Esp32/Pins.cs", v.Message);
        }
    }
}
