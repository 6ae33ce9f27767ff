// No false positives: device code using many legitimate nanoFramework constructs (foreach over
// ArrayList and arrays, interpolation, lock, events with a named delegate, switch expression,
// extension method, Hashtable.Contains, StringBuilder, Socket/IPEndPoint and Thread in
// firmware/Runtime, Encoding.UTF8.GetString(b, 0, n), struct, interface, abstract class,
// exception filters, params, static readonly arrays, const, enum, init, nested classes) plus an
// NFUnitTest-style test class must pass the whole gate with zero violations.
using System.Linq;
using Endpoint.Tools.NfGate;
using Xunit;

namespace Endpoint.Tests.Gate
{
    public class CleanCodeTests
    {
        public const string CleanProtocolFile = @"// Clean device code.
using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Endpoint.Sip
{
    public delegate void PacketHandler(object sender, int length);

    public enum Mode : byte { Idle = 0, Ringing = 1, Talking = 2 }

    [Flags]
    public enum Caps { None = 0, Audio = 1, Video = 2 }

    public interface IClock { long NowMs { get; } }

    public abstract class Shape
    {
        public abstract int Area();
        public virtual string Describe() => ""shape "" + Area();
    }

    public sealed class Square : Shape
    {
        private readonly int _side;
        public Square(int side) { _side = side; }
        public override int Area() => _side * _side;
    }

    public struct Slice
    {
        public byte[] Buffer;
        public int Offset;
        public int Count;
        public Slice(byte[] b, int o, int c) { Buffer = b; Offset = o; Count = c; }
        public byte this[int i] => Buffer[Offset + i];
    }

    public static class CharExt
    {
        public static bool IsDigit(this char c) => c >= '0' && c <= '9';
    }

    public class Settings
    {
        public string Name { get; init; }
        public int Port { get; set; } = 5060;
        public class Limits { public const int Max = 3; }
    }

    public sealed class ProtocolError : Exception
    {
        public ProtocolError(string message) : base(message) { }
    }

    public class Clean
    {
        private static readonly byte[] Crlf = { 13, 10 };
        private static readonly string[] Names = { ""INVITE"", ""ACK"", ""BYE"" };
        private const int Limit = 16;
        private readonly object _lock = new object();
        private readonly ArrayList _items = new ArrayList();
        private readonly Hashtable _map = new Hashtable();

        public event PacketHandler Received;

        public int Sum(params int[] values)
        {
            int total = 0;
            foreach (int v in values) total += v;
            return total;
        }

        public string Run(long nowMs, byte[] b, int n)
        {
            foreach (object o in _items) { if (o == null) break; }
            foreach (string name in Names) { n += name.Length; }
            lock (_lock) { _items.Add(nowMs); }
            bool has = _map.Contains(""k"");
            var sb = new StringBuilder();
            sb.Append(""x="").Append(n).Append(' ');
            string text = Encoding.UTF8.GetString(b, 0, n);
            string msg = $""n={n} text={text} has={has}"";
            Mode m = n switch { 0 => Mode.Idle, 1 => Mode.Ringing, _ => Mode.Talking };
            switch (text)
            {
                case ""INVITE"": n++; break;
                case ""BYE"": n--; break;
                default: break;
            }
            try
            {
                if (n > Limit) throw new ProtocolError(""too long"");
            }
            catch (Exception e) when (e.Message != null)
            {
                Debug.WriteLine(""bad "" + e.Message);
            }
            Received?.Invoke(this, n);
            PacketHandler h = (s, len) => { n += len; };
            h(this, 1);
            Shape sq = new Square(3);
            var slice = new Slice(b, 0, n);
            int first = slice.Count > 0 ? slice[0] : -1;
            bool digit = '5'.IsDigit();
            int idx = text.IndexOf(""\r\n"");
            string sub = text.Length > 2 ? text.Substring(1) : text;
            int[][] jagged = new int[2][];
            jagged[0] = new int[] { 1, 2 };
            object boxed = 5;
            if (boxed is int i && i > 3) n += i;
            string[] parts = text.Split(',');
            long t = nowMs + Interlocked.Increment(ref n);
            TimeSpan ts = TimeSpan.FromMilliseconds(20);
            Settings s2 = new Settings { Name = ""a"", Port = 1 };
            int total = Sum(1, 2, 3);
            using (var ms = new System.IO.MemoryStream()) { ms.WriteByte(1); }
            return msg + sb.ToString() + (int)m + first + digit + idx + sub.ToUpper() + parts.Length + t + ts.Ticks +
                s2.Name + Settings.Limits.Max + Crlf.Length + sq.Area() + total + jagged.Length;
        }
    }
}
";

        public const string CleanRuntimeFile = @"// firmware/Runtime owns sockets, threads and clocks.
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Endpoint.Runtime
{
    public class UdpRunner
    {
        private Socket _socket;

        public void Start()
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Parse(""127.0.0.1""), 5060));
            var t = new Thread(Loop);
            t.Start();
            Thread.Sleep(10);
        }

        private void Loop()
        {
            var buffer = new byte[1500];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int n = _socket.ReceiveFrom(buffer, ref from);
            long now = System.Environment.TickCount64 + n;
        }
    }
}
";

        public const string CleanUnitTestFile = @"using nanoFramework.TestFramework;
using Endpoint.Sip;

namespace Endpoint.NFUnitTest.Sip
{
    [TestClass]
    public class CleanTests
    {
        [TestMethod]
        public static void SumAddsUp()
        {
            Assert.AreEqual(6, new Clean().Sum(1, 2, 3));
            Assert.IsTrue(new Square(2).Area() == 4, ""area"");
        }
    }
}
";

        [Fact]
        public void CleanDeviceCodePassesWithZeroViolations()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/Clean.cs", CleanProtocolFile)
                .File("firmware/Runtime/UdpRunner.cs", CleanRuntimeFile)
                .File("tests/NFUnitTest/Sip/CleanTests.cs", CleanUnitTestFile)
                .EndpointProject();
            repo.UnitTestProject(new[]
            {
                "<Compile Include=\"..\\..\\firmware\\Runtime\\UdpRunner.cs\"><Link>firmware\\Runtime\\UdpRunner.cs</Link></Compile>",
                "<Compile Include=\"..\\..\\firmware\\Sip\\Clean.cs\"><Link>firmware\\Sip\\Clean.cs</Link></Compile>",
                "<Compile Include=\"Sip\\CleanTests.cs\" />",
            });
            GateReport report = repo.Run();
            Assert.True(report.Clean, string.Join("\n", report.Violations));
            Assert.Equal(3, report.FilesChecked);
            // The walk really saw the APIs (the test is not vacuous).
            Assert.Contains("System.Text.Encoding::GetString(byte[], int, int)", report.UsedSymbols.Keys);
            Assert.Contains("System.Collections.Hashtable::Contains(object)", report.UsedSymbols.Keys);
            Assert.Contains("System.Net.Sockets.Socket::ReceiveFrom(byte[], ref EndPoint)", report.UsedSymbols.Keys);
            Assert.Contains("System.Threading.Monitor::Enter(Object)", report.UsedSymbols.Keys);
            Assert.Contains("nanoFramework.TestFramework", report.UsedPackages["tests/NFUnitTest/NFUnitTest.nfproj"]);
        }

        [Fact]
        public void EmittedDeviceAssemblyReferencesOnlyTheDeviceAssemblies()
        {
            using var repo = new FakeRepo()
                .File("firmware/Sip/Clean.cs", CleanProtocolFile)
                .File("firmware/Runtime/UdpRunner.cs", CleanRuntimeFile)
                .EndpointProject();
            byte[] dll = Tools.NfGate.Gate.EmitDeviceAssembly(repo.Root, FakeRepo.ApiDir);
            Assert.True(dll.Length > 1000);
            using var pe = new System.Reflection.PortableExecutable.PEReader(new System.IO.MemoryStream(dll));
            System.Reflection.Metadata.MetadataReader md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).OrderBy(x => x).ToList();
            Assert.Contains("mscorlib", refs);
            Assert.Contains("System.Net", refs);
            Assert.DoesNotContain(refs, r => r.StartsWith("System.Runtime", System.StringComparison.Ordinal) || r == "netstandard" || r == "System.Private.CoreLib");
        }
    }
}
