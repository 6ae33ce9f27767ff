// A corpus of malformed and tricky SIP messages (after the RFC 4475 torture-test categories:
// framing and Content-Length, missing mandatory headers, invalid Via, huge header counts and
// lines, non-UTF-8 bytes, unknown methods, folded and compact headers, escaped URIs, odd
// whitespace, bad versions, binary junk) sent to the RUNNING virtual device over UDP and over
// TCP (one connection per message, so a framing error cannot swallow the next case). Valid
// requests must be answered correctly, answerable invalid ones with the stated error, the rest
// dropped; afterwards the process still answers OPTIONS and `status`, and exits 0 on quit.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Endpoint.Tests.EndToEnd
{
    public class SipMalformedCorpusTests
    {
        private readonly ITestOutputHelper _out;
        public SipMalformedCorpusTests(ITestOutputHelper output) { _out = output; }

        /// <summary>One case: a message template and the expected status code per transport (0 = no answer).</summary>
        private sealed class Case
        {
            public string Name;
            public Func<Ctx, byte[]> Build;
            public int Udp;
            public int Tcp;
            public string ReasonContains;
        }

        private sealed class Ctx
        {
            public string Transport; // "UDP" / "TCP"
            public int Port;         // our socket's port (for Via)
            public string Device;    // "127.0.0.1:port"
            public int N;            // case number, unique per message
        }

        private static byte[] A(string s) => Encoding.Latin1.GetBytes(s.Replace("\r\n", "\n").Replace("\n", "\r\n"));

        private static string Via(Ctx c, string extra = "") => "Via: SIP/2.0/" + c.Transport + " 127.0.0.1:" + c.Port + ";branch=z9hG4bKcorpus" + c.Transport + c.N + ";rport" + extra + "\n";

        private static string Common(Ctx c, string method, string cseq = null) =>
            "Max-Forwards: 70\nFrom: <sip:tester@127.0.0.1>;tag=ft" + c.N + "\nTo: <sip:dev@" + c.Device + ">\n" +
            "Call-ID: corpus-" + c.Transport + "-" + c.N + "@127.0.0.1\nCSeq: " + (cseq ?? "1 " + method) + "\n";

        private static string Options(Ctx c, string extraHeaders = "", string uri = null) =>
            "OPTIONS " + (uri ?? "sip:dev@" + c.Device) + " SIP/2.0\n" + Via(c) + Common(c, "OPTIONS") + extraHeaders + "Content-Length: 0\n\n";

        private static List<Case> Corpus()
        {
            var k = new List<Case>();
            void Add(string name, int udp, int tcp, Func<Ctx, byte[]> build, string reason = null) => k.Add(new Case { Name = name, Udp = udp, Tcp = tcp, Build = build, ReasonContains = reason });

            // ---- valid but tricky: answered normally
            Add("plain OPTIONS", 200, 200, c => A(Options(c)));
            Add("compact header forms", 200, 200, c => A("OPTIONS sip:dev@" + c.Device + " SIP/2.0\nv: SIP/2.0/" + c.Transport + " 127.0.0.1:" + c.Port + ";branch=z9hG4bKcmp" + c.Transport + c.N + ";rport\n" +
                "Max-Forwards: 70\nf: <sip:tester@127.0.0.1>;tag=x" + c.N + "\nt: <sip:dev@" + c.Device + ">\ni: cmp-" + c.Transport + c.N + "\nCSeq: 1 OPTIONS\nl: 0\n\n"));
            Add("folded header lines", 200, 200, c => A(Options(c, "Subject: a subject\n  folded over\n\tthree lines\nX-Folded:\n value on the next line\n")));
            Add("case-insensitive names, odd whitespace", 200, 200, c => A(Options(c).Replace("Max-Forwards: 70", "mAX-fORWARDS   :    70").Replace("CSeq: 1 OPTIONS", "cseq:1    OPTIONS")));
            Add("escaped user in Request-URI", 200, 200, c => A(Options(c, "", "sip:%64%65v@" + c.Device)));
            Add("unknown headers with odd content", 200, 200, c => A(Options(c, "X-Weird: ;;,,\"\\\"quoted\\\"\",<>\nX-Empty:\nx-UPPER-lower: %00%ff\n")));
            Add("name-addr with quoted display name and escapes", 200, 200, c => A(Options(c).Replace("From: <sip:tester@127.0.0.1>", "From: \"Te\\\"st \\\\ er\" <sip:tester@127.0.0.1;transport=udp?X-H=1>")));
            Add("comma-separated multi-value headers", 200, 200, c => A(Options(c, "Supported: timer, replaces,path\nAccept: application/sdp, text/plain;q=0.5\n")));
            Add("non-UTF-8 bytes in a header value", 200, 200, c =>
            {
                byte[] b = A(Options(c, "Subject: QQQQ\n"));
                int at = Encoding.Latin1.GetString(b).IndexOf("QQQQ", StringComparison.Ordinal);
                b[at] = 0xC3; b[at + 1] = 0x28; b[at + 2] = 0xFE; b[at + 3] = 0xFF;
                return b;
            });
            Add("long but legal header (1000 bytes)", 200, 200, c => A(Options(c, "X-Long: " + new string('a', 1000) + "\n")));
            Add("unknown method", 405, 405, c => A("FOOBAR sip:dev@" + c.Device + " SIP/2.0\n" + Via(c) + Common(c, "FOOBAR") + "Content-Length: 0\n\n"));
            Add("unknown method with body", 405, 405, c => A("NEWMETHOD sip:dev@" + c.Device + " SIP/2.0\n" + Via(c) + Common(c, "NEWMETHOD") + "Content-Type: text/plain\nContent-Length: 5\n\nhello"));

            // ---- invalid but answerable: an error response naming the problem
            // over TCP the device simply waits for the rest of the body
            Add("Content-Length larger than the datagram", 400, 0, c => A(Options(c).Replace("Content-Length: 0", "Content-Length: 50")));
            // over TCP a Content-Length that cannot be read leaves no message boundary: the
            // connection is dropped (RFC 3261 §18.3), there is nothing to answer on
            Add("negative Content-Length", 400, 0, c => A(Options(c).Replace("Content-Length: 0", "Content-Length: -5")));
            Add("non-numeric Content-Length", 400, 0, c => A(Options(c).Replace("Content-Length: 0", "Content-Length: ten")));
            Add("CSeq method differs from the request method", 400, 400, c => A(Options(c).Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE")));
            Add("non-numeric CSeq", 400, 400, c => A(Options(c).Replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS")));
            Add("unsupported SIP version", 505, 505, c => A(Options(c).Replace(" SIP/2.0\n" + "Via", " SIP/7.0\nVia")));
            Add("200 header lines", 400, 400, c =>
            {
                var sb = new StringBuilder();
                for (int i = 0; i < 200; i++) sb.Append("X-H" + i + ": v\n");
                return A(Options(c, sb.ToString()));
            });
            Add("one 9000-byte header line", 400, 0, c => A(Options(c, "X-Huge: " + new string('h', 9000) + "\n")));
            Add("Max-Forwards not a number", 400, 400, c => A(Options(c).Replace("Max-Forwards: 70", "Max-Forwards: many")));

            // ---- not answerable: dropped (and counted), never answered
            Add("missing Call-ID", 0, 0, c => A(Options(c).Replace("Call-ID: corpus-" + c.Transport + "-" + c.N + "@127.0.0.1\n", "")));
            Add("missing Via", 0, 0, c => A(Options(c).Replace(Via(c), "")));
            Add("garbage Via", 0, 0, c => A(Options(c).Replace(Via(c), "Via: this is not a via\n")));
            Add("missing From", 0, 0, c => A(Options(c).Replace("From: <sip:tester@127.0.0.1>;tag=ft" + c.N + "\n", "")));
            Add("missing CSeq", 0, 0, c => A(Options(c).Replace("CSeq: 1 OPTIONS\n", "")));
            Add("request line with one token", 0, 0, c => A("OPTIONS\n" + Via(c) + Common(c, "OPTIONS") + "Content-Length: 0\n\n"));
            Add("stray response", 0, 0, c => A("SIP/2.0 200 OK\n" + Via(c) + Common(c, "OPTIONS") + "Content-Length: 0\n\n"));
            Add("binary junk", 0, 0, c => { var b = new byte[300]; new Random(c.N).NextBytes(b); b[0] = 0x80; return b; });
            Add("NUL bytes in the start line", 0, 0, c => { byte[] b = A(Options(c)); b[3] = 0; b[4] = 0; return b; });
            Add("ACK without a transaction", 0, 0, c => A("ACK sip:dev@" + c.Device + " SIP/2.0\n" + Via(c) + Common(c, "ACK") + "Content-Length: 0\n\n"));
            return k;
        }

        /// <summary>Status code of the first response in <paramref name="text"/>, or 0.</summary>
        private static int Code(string text)
        {
            if (text == null || !text.StartsWith("SIP/2.0 ", StringComparison.Ordinal) || text.Length < 11) return 0;
            return int.TryParse(text.Substring(8, 3), out int code) ? code : 0;
        }

        private static string UdpExchange(Socket s, IPEndPoint dev, byte[] msg, int waitMs)
        {
            s.SendTo(msg, dev);
            var buf = new byte[65536];
            DateTime end = DateTime.UtcNow.AddMilliseconds(waitMs);
            while (DateTime.UtcNow < end)
            {
                if (!s.Poll(20_000, SelectMode.SelectRead)) continue;
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = s.ReceiveFrom(buf, ref from);
                string text = Encoding.Latin1.GetString(buf, 0, n);
                if (text.StartsWith("SIP/2.0 1", StringComparison.Ordinal)) continue; // provisional: wait for the final
                return text;
            }
            return null;
        }

        [Fact]
        public void Corpus_OverUdpAndTcp_AnsweredOrDropped_ProcessSurvives()
        {
            using var d = VirtualDevice.Start("dev", 0);
            string[] hp = d.Local.Split(':');
            var dev = new IPEndPoint(IPAddress.Parse(hp[0]), int.Parse(hp[1]));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int udpPort = ((IPEndPoint)udp.LocalEndPoint).Port;
            var failures = new List<string>();
            int n = 0;
            foreach (Case k in Corpus())
            {
                // UDP
                var cu = new Ctx { Transport = "UDP", Port = udpPort, Device = d.Local, N = ++n };
                string r = UdpExchange(udp, dev, k.Build(cu), k.Udp == 0 ? 300 : 3000);
                Check(k, "UDP", k.Udp, r, failures);
                // TCP: one connection per case; Via names the connection's own port
                var ct = new Ctx { Transport = "TCP", Device = d.Local, N = ++n };
                string rt = TcpExchangeWithVia(dev, k, ct, k.Tcp == 0 ? 300 : 3000);
                Check(k, "TCP", k.Tcp, rt, failures);
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));

            // the process is alive and well
            var okCtx = new Ctx { Transport = "UDP", Port = udpPort, Device = d.Local, N = ++n };
            Assert.Equal(200, Code(UdpExchange(udp, dev, A(Options(okCtx)), 3000)));
            var okTcp = new Ctx { Transport = "TCP", Device = d.Local, N = ++n };
            Assert.Equal(200, Code(TcpExchangeWithVia(dev, new Case { Build = c => A(Options(c)) }, okTcp, 3000)));
            d.Host.Send("status");
            string status = d.Host.WaitFor("event status", 5000);
            Assert.Contains("sip=", status);
            d.Host.Send("quit");
            Assert.Equal(0, d.Host.WaitExit(10000));
            Assert.DoesNotContain("Unhandled", d.Host.Stderr);
        }

        private static string TcpExchangeWithVia(IPEndPoint dev, Case k, Ctx c, int waitMs)
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            c.Port = ((IPEndPoint)s.LocalEndPoint).Port;
            s.Connect(dev);
            s.Send(k.Build(c));
            var buf = new byte[65536];
            var got = new StringBuilder();
            DateTime end = DateTime.UtcNow.AddMilliseconds(waitMs);
            while (DateTime.UtcNow < end)
            {
                if (!s.Poll(20_000, SelectMode.SelectRead)) continue;
                int n;
                try { n = s.Receive(buf); } catch (SocketException) { break; }
                if (n == 0) break; // the device closed the connection
                got.Append(Encoding.Latin1.GetString(buf, 0, n));
                string t = got.ToString();
                int hdrEnd = t.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (hdrEnd > 0 && !t.StartsWith("SIP/2.0 1", StringComparison.Ordinal)) return t;
                if (hdrEnd > 0) got.Remove(0, hdrEnd + 4);
            }
            return got.Length > 0 ? got.ToString() : null;
        }

        private void Check(Case k, string transport, int expected, string response, List<string> failures)
        {
            int code = Code(response);
            string first = response == null ? "(nothing)" : response.Substring(0, Math.Max(0, response.IndexOf('\r')) is int e && e > 0 ? e : Math.Min(60, response.Length));
            _out.WriteLine(transport + " " + k.Name + " -> " + first);
            if (code != expected) { failures.Add(transport + " '" + k.Name + "': expected " + (expected == 0 ? "no answer" : expected.ToString()) + ", got " + first); return; }
            if (expected == 405 && !response.Contains("\r\nAllow: ", StringComparison.Ordinal)) failures.Add(transport + " '" + k.Name + "': 405 without Allow");
            if (k.ReasonContains != null && !first.Contains(k.ReasonContains, StringComparison.OrdinalIgnoreCase)) failures.Add(transport + " '" + k.Name + "': reason '" + first + "' does not mention " + k.ReasonContains);
        }
    }
}
