// Plants ONE violation per file in a tiny fake repository (one file per case, all in one gate
// run) and asserts the gate reports it with the right code, file AND line; every violation in
// a planted file must sit on a line marked `// <-` (so nothing else in the file is reported).
using System;
using System.Collections.Generic;
using System.Linq;
using Endpoint.Tools.NfGate;
using Xunit;

namespace Endpoint.Tests.Gate
{
    public sealed class PlantedRepoFixture : IDisposable
    {
        public FakeRepo Repo { get; } = new FakeRepo();

        public GateReport Report { get; }

        public PlantedRepoFixture()
        {
            foreach (PlantedCase c in PlantedViolationTests.AllCases) Repo.File(c.Path, c.Source);
            Repo.EndpointProject();
            Report = Repo.Run();
        }

        public void Dispose() => Repo.Dispose();
    }

    public sealed class PlantedCase
    {
        public string Name { get; init; }
        public string Code { get; init; }
        public string Path { get; init; }
        public string Source { get; init; }
        public string SymbolContains { get; init; }
        public override string ToString() => Name;
    }

    public class PlantedViolationTests : IClassFixture<PlantedRepoFixture>
    {
        private readonly PlantedRepoFixture _fixture;

        public PlantedViolationTests(PlantedRepoFixture fixture)
        {
            _fixture = fixture;
        }

        // Wraps member-level code in a class; `usings` go on top.
        private static PlantedCase Member(string name, string code, string member, string usings = "", string symbol = null, string folder = "firmware/Planted") =>
            new PlantedCase
            {
                Name = name,
                Code = code,
                SymbolContains = symbol,
                Path = folder + "/" + name + ".cs",
                Source = "using System;\nusing System.Collections;\nusing System.Text;\n" + usings +
                         "namespace Endpoint.Planted\n{\n    public class " + name + "\n    {\n" + member + "\n    }\n}\n",
            };

        private static PlantedCase TopLevel(string name, string code, string decl, string symbol = null) =>
            new PlantedCase
            {
                Name = name,
                Code = code,
                SymbolContains = symbol,
                Path = "firmware/Planted/" + name + ".cs",
                Source = "using System;\nnamespace Endpoint.Planted\n{\n" + decl + "\n}\n",
            };

        public static readonly PlantedCase[] AllCases =
        {
            Member("ListOfInt", "NF101", "        public void M() { System.Collections.Generic.List<int> l = null; } // <-"),
            Member("NullableInt", "NF101", "        public int? Maybe; // <-"),
            Member("ActionOfInt", "NF101", "        public void M() { Action<int> a = x => { }; } // <-"),
            Member("InferredGenericCall", "NF101",
                "        public static T Id<T>(T x) => x; // <-\n        public int M() { return Id(5); } // <-"),
            Member("AnonymousType", "NF101", "        public object M() { return new { A = 1 }; } // <-"),
            Member("GenericMethodDecl", "NF102", "        public void Swap<T>(T a, T b) { } // <-"),
            TopLevel("GenericClassDecl", "NF102", "    public class GenericClassDecl<T> { } // <-"),
            Member("AsyncAwait", "NF103", "        public async void Go() { await Go2(); } // <-\n        private object Go2() => null;"),
            Member("LinqQuery", "NF104", "        public object M(int[] a) { return from x in a select x; } // <-"),
            Member("LinqMethod", "NF104", "        public int M(int[] a) { return a.First(); } // <-", usings: "using System.Linq; // <-\n"),
            Member("DynamicUse", "NF105", "        public void M() { dynamic d = 1; } // <-"),
            Member("TupleLiteral", "NF106", "        public void M() { var t = (1, 2); } // <-"),
            Member("Deconstruction", "NF106", "        public void M() { var (a, b) = (1, 2); } // <-"),
            TopLevel("RecordDecl", "NF107", "    public record RecordDecl(int X); // <-"),
            Member("YieldReturn", "NF108", "        public IEnumerable M() { yield return 1; } // <-"),
            Member("StackAlloc", "NF109", "        public void M() { var s = stackalloc byte[4]; } // <-"),
            Member("DecimalUse", "NF110", "        public void M() { decimal d = 1m; } // <-"),
            Member("MultiDimArray", "NF111", "        public void M() { int[,] g = new int[2, 2]; } // <-"),
            Member("UnsafeBlock", "NF112", "        public void M() { int v = 1; unsafe { int* p = &v; } } // <-"),
            Member("PointerParam", "NF112", "        public unsafe void M(int* p) { } // <-"),
            Member("StringReplace", "NF201", "        public string M() { return \"abc\".Replace(\"a\", \"b\"); } // <-", symbol: "System.String::Replace(String, String)"),
            Member("GetStringOneArg", "NF201", "        public string M(byte[] b) { return Encoding.UTF8.GetString(b); } // <-", symbol: "System.Text.Encoding::GetString(byte[])"),
            Member("HashtableContainsKey", "NF201", "        public bool M(Hashtable h) { return h.ContainsKey(\"k\"); } // <-", symbol: "System.Collections.Hashtable::ContainsKey"),
            Member("StopwatchUse", "NF201", "        public void M() { var sw = Stopwatch.StartNew(); } // <-", usings: "using System.Diagnostics;\n", symbol: "Stopwatch"),
            Member("StringJoin", "NF201", "        public string M(string[] p) { return String.Join(\",\", p); } // <-", symbol: "System.String::Join"),
            Member("ToLowerInvariant", "NF201", "        public string M(string s) { return s.ToLowerInvariant(); } // <-", symbol: "System.String::ToLowerInvariant()"),
            Member("DateTimeNow", "NF201", "        public DateTime M() { return DateTime.Now; } // <-", symbol: "System.DateTime::Now"),
            Member("ObsoleteErrorMember", "NF201", "        public DateTimeKind M() { return DateTimeKind.Local; } // <-", symbol: "System.DateTimeKind::Local"),
            Member("ExcludeTypeMisuse", "NF203", "        public Type M() { return typeof(FlagsAttribute); } // <-", symbol: "System.FlagsAttribute"),
            Member("ExcludeTypeEnumValue", "NF203", "        public int M() { return (int)AttributeTargets.Class; } // <-", symbol: "System.AttributeTargets"),
            Member("GpioMissingMember", "NF201", "        public void M() { new GpioController().Toggle(1); } // <-",
                usings: "using System.Device.Gpio;\n", symbol: "System.Device.Gpio.GpioController::Toggle(int)", folder: "hal/Esp32"),
            Member("EnumToString", "NF205", "        public string M(DayOfWeek d) { return \"day \" + d; } // <-", symbol: "System.DayOfWeek"),
            Member("ForeachNoEnumerator", "NF201", "        public void M(byte[] b) { foreach (byte x in new SpanByte(b)) { } } // <-", symbol: "System.SpanByte::GetEnumerator()"),
        };

        public static IEnumerable<object[]> Cases() => AllCases.Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Cases))]
        public void PlantedViolationIsCaughtAtItsLine(string name)
        {
            PlantedCase c = AllCases.Single(x => x.Name == name);
            List<int> marked = _fixture.Repo.LinesWith(c.Path, "// <-");
            List<Violation> inFile = _fixture.Report.Violations.Where(v => v.File == c.Path).ToList();
            string all = string.Join("\n", inFile);
            Assert.True(inFile.Any(v => v.Code == c.Code && v.Line == marked.Last() && (c.SymbolContains == null || v.Symbol.Contains(c.SymbolContains, StringComparison.Ordinal))),
                "expected " + c.Code + " at " + c.Path + ":" + marked.Last() + (c.SymbolContains != null ? " naming " + c.SymbolContains : "") + ", got:\n" + all);
            Assert.All(inFile, v => Assert.Contains(v.Line, marked));
        }

        [Fact]
        public void ViolationLineHasTheDocumentedFormat()
        {
            Violation v = _fixture.Report.Violations.First(x => x.File.EndsWith("StringReplace.cs", StringComparison.Ordinal) && x.Code == "NF201");
            Assert.Matches(@"^firmware/Planted/StringReplace\.cs:\d+:\d+: NF201 api-missing: System\.String::Replace\(String, String\) \u2014 .+", v.ToString());
        }

        [Fact]
        public void UsedSymbolsAreRecordedWithTheirPackage()
        {
            // Encoding.UTF8 resolves (GetString(byte[]) does not): the property comes from System.Text.
            Assert.Equal("nanoFramework.System.Text", _fixture.Report.UsedSymbols["System.Text.Encoding::UTF8"]);
            Assert.Contains("nanoFramework.System.Device.Gpio", _fixture.Report.UsedPackages["Endpoint.nfproj"]);
        }
    }
}
