// Layering: a Socket (or Thread.Sleep, DateTime.UtcNow) in pure protocol code is caught, the
// same in firmware/Runtime is allowed; Endpoint.Sip referencing Endpoint.Media (and the reverse)
// is caught. Packages: using a listing package without its <Reference>/packages.config entry,
// or at another version, is caught.
using System.Linq;
using Endpoint.Tools.NfGate;
using Xunit;

namespace Endpoint.Tests.Gate
{
    public class LayeringAndPackageTests
    {
        private const string SocketUser = @"using System.Net.Sockets;
namespace NS
{
    public class SocketUser
    {
        public Socket Open() // <-
        {
            return new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); // <-
        }
    }
}
";

        private const string ClockUser = @"using System;
using System.Threading;
namespace Endpoint.Sdp
{
    public class ClockUser
    {
        public long M()
        {
            Thread.Sleep(1); // <-
            return DateTime.UtcNow.Ticks; // <-
        }
    }
}
";

        [Fact]
        public void SocketInProtocolCodeIsCaughtButAllowedInRuntime()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/SocketUser.cs", SocketUser.Replace("NS", "Endpoint.Sip"))
                .File("firmware/Runtime/SocketUser.cs", SocketUser.Replace("NS", "Endpoint.Runtime"))
                .File("firmware/Sdp/ClockUser.cs", ClockUser)
                .File("firmware/Sip/Esp32/SocketUser.cs", SocketUser.Replace("NS", "Endpoint.Sip.Esp32"))
                .EndpointProject();
            GateReport report = repo.Run();
            var sip = report.Violations.Where(v => v.File == "firmware/Sip/SocketUser.cs").ToList();
            Assert.Equal(repo.LinesWith("firmware/Sip/SocketUser.cs", "// <-"), sip.Select(v => v.Line).ToList());
            Assert.All(sip, v => Assert.Equal("NF301", v.Code));
            Assert.Contains(sip, v => v.Symbol == "System.Net.Sockets.Socket::.ctor");
            Assert.DoesNotContain(report.Violations, v => v.File == "firmware/Runtime/SocketUser.cs");
            Assert.DoesNotContain(report.Violations, v => v.File == "firmware/Sip/Esp32/SocketUser.cs");
            var clock = report.Violations.Where(v => v.File == "firmware/Sdp/ClockUser.cs").ToList();
            Assert.Contains(clock, v => v.Code == "NF301" && v.Symbol == "System.Threading.Thread::Sleep");
            Assert.Contains(clock, v => v.Code == "NF301" && v.Symbol == "System.DateTime::UtcNow");
            Assert.Equal(2, clock.Count);
        }

        [Fact]
        public void SipReferencingMediaAndMediaReferencingSipAreCaught()
        {
            using var repo = new FakeRepo()
                .File("firmware/Media/Codec.cs", "namespace Endpoint.Media { public class Codec { public int Rate = 8000; } }")
                .File("firmware/Sip/Dialog.cs", @"namespace Endpoint.Sip.Dialogs
{
    public class Dialog
    {
        public int Rate(Endpoint.Media.Codec c) => c.Rate; // <-
    }
}
")
                .File("firmware/Media/Rtp/Session.cs", @"using Endpoint.Sip.Dialogs; // <-
namespace Endpoint.Media.Rtp
{
    public class Session
    {
        public Dialog Owner; // <-
    }
}
")
                .File("firmware/App/Call.cs", @"using Endpoint.Sip.Dialogs;
using Endpoint.Media;
namespace Endpoint.App
{
    public class Call { public Dialog D; public Codec C; }
}
")
                .EndpointProject();
            GateReport report = repo.Run();
            var dialog = report.Violations.Where(v => v.File == "firmware/Sip/Dialog.cs").ToList();
            Violation d = Assert.Single(dialog);
            Assert.Equal("NF302", d.Code);
            Assert.Equal(repo.LinesWith("firmware/Sip/Dialog.cs", "// <-").Single(), d.Line);
            Assert.Contains("Endpoint.Media", d.Symbol);
            var session = report.Violations.Where(v => v.File == "firmware/Media/Rtp/Session.cs").ToList();
            Assert.Equal(repo.LinesWith("firmware/Media/Rtp/Session.cs", "// <-"), session.Select(v => v.Line).ToList());
            Assert.All(session, v => Assert.Equal("NF302", v.Code));
            // The application layer may join SIP and media.
            Assert.DoesNotContain(report.Violations, v => v.File == "firmware/App/Call.cs");
        }

        [Fact]
        public void MissingPackageReferenceAndConfigEntryAreCaught()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/Text.cs", "using System.Text; namespace Endpoint.Sip { public class T { public StringBuilder B = new StringBuilder(); } }")
                .EndpointProject(packageIds: new[] { "nanoFramework.CoreLibrary" });
            GateReport report = repo.Run();
            Assert.Contains(report.Violations, v => v.Code == "NF010" && v.File == "Endpoint.nfproj" && v.Symbol == "nanoFramework.System.Text");
            Assert.Contains(report.Violations, v => v.Code == "NF011" && v.File == "packages.config" && v.Symbol == "nanoFramework.System.Text");
            Assert.Equal(2, report.Violations.Count);
        }

        [Fact]
        public void WrongPackageVersionIsCaught()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/Empty.cs", "namespace Endpoint.Sip { public class E { } }")
                .EndpointProject(packageIds: new[] { "nanoFramework.CoreLibrary" });
            repo.File("packages.config", System.Text.RegularExpressions.Regex.Replace(repo.Read("packages.config"), "(<package [^>]*version=\")[^\"]*\"", "${1}0.0.1\""));
            GateReport report = repo.Run();
            Violation v = Assert.Single(report.Violations);
            Assert.Equal("NF012", v.Code);
            Assert.Equal("packages.config", v.File);
            Assert.Equal(3, v.Line);
        }
    }
}
