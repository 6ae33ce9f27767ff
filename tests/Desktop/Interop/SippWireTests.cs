// The virtual device against SIPp 3.6, checked on the wire from SIPp's message trace
// (-trace_msg -message_file, one timestamped entry per message received or sent):
// - a registrar offering MD5 and SHA-256 challenges together: the device must pick SHA-256,
//   answer with a new transaction, and its digest response must be the RFC 7616 value, which
//   this test recomputes from the nonce, realm, uri, cnonce and nc in the trace;
// - a server that never answers: the arrival times of the device's REGISTER (Timer E) and
//   INVITE (Timer A) copies must double from T1 (shortened to 200 ms via sip.t1), the REGISTER
//   ones capped at T2 (4 s), and Timer F/B (64*T1) must end them with the 408/timeout events.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    public class SippWireTests
    {
        private static string Scenario(string name) => Path.Combine(Kamailio.RepoRoot, "tests/Desktop/Interop/peers/sipp", name);

        internal sealed class TracedMessage
        {
            public DateTime At;
            public string Text;
            public bool Received;
            public string StartLine => Text.Substring(0, Text.IndexOf('\n')).TrimEnd('\r');
            public string Header(string name)
            {
                foreach (string line in Text.Split('\n'))
                {
                    string l = line.TrimEnd('\r');
                    if (l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return l.Substring(name.Length + 1).Trim();
                }
                return null;
            }
        }

        /// <summary>Splits a SIPp message log into its timestamped entries.</summary>
        internal static List<TracedMessage> ReadTrace(string path)
        {
            var list = new List<TracedMessage>();
            if (!File.Exists(path)) return list;
            string[] parts = Regex.Split(File.ReadAllText(path), @"^-{20,} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\s*$", RegexOptions.Multiline);
            for (int i = 1; i + 1 < parts.Length; i += 2)
            {
                string body = parts[i + 1];
                int nl = body.IndexOf("\n\n", StringComparison.Ordinal);
                string kind = body.TrimStart().Split('\n')[0];
                int start = body.IndexOf('\n', body.IndexOf(kind, StringComparison.Ordinal)) + 1;
                string text = body.Substring(start).TrimStart('\r', '\n');
                list.Add(new TracedMessage
                {
                    At = DateTime.ParseExact(parts[i], "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                    Received = kind.Contains("received", StringComparison.OrdinalIgnoreCase),
                    Text = text,
                });
            }
            return list;
        }

        private static string Param(string header, string name)
        {
            Match m = Regex.Match(header, @"(?:^|[\s,;])" + name + @"=(?:""([^""]*)""|([^,;\s]+))", RegexOptions.IgnoreCase);
            Assert.True(m.Success, name + " missing in " + header);
            return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        }

        private static string Sha256Hex(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();

        private static PeerProcess StartSipp(string scenario, int port, string log, string timeout)
        {
            return PeerProcess.Start("sipp", Path.GetTempPath(), "-sf", Scenario(scenario), "-m", "1", "-nostdin",
                "-i", "127.0.0.1", "-p", port.ToString(), "-trace_msg", "-message_file", log, "-timeout", timeout, "-timeout_error");
        }

        [Fact]
        public void RegistrarOffersMd5AndSha256_DeviceAnswersSha256WithCorrectDigest()
        {
            int port = PeerProcess.FreePort();
            string log = Path.Combine(Path.GetTempPath(), "sipp-dual-" + Guid.NewGuid().ToString("N") + ".log");
            using var sipp = StartSipp("registrar_dual.xml", port, log, "30s");
            Thread.Sleep(300);
            using var d = VirtualDevice.Start("1001", 0, ",\"registrar\":\"127.0.0.1:" + port + "\",\"password\":\"s3cret!\"");
            string reg = d.Host.WaitFor("event registered", 15000);
            Assert.Equal("60", HostProcess.Field(reg, "expires"));
            Assert.True(sipp.WaitExit(15000), "sipp did not finish:\n" + sipp.Output);
            Assert.True(sipp.ExitCode == 0, "sipp failed (" + sipp.ExitCode + "):\n" + sipp.Output);
            Assert.DoesNotContain("FAIL", sipp.Output);

            List<TracedMessage> trace = ReadTrace(log);
            var registers = trace.FindAll(m => m.Received && m.StartLine.StartsWith("REGISTER "));
            Assert.Equal(2, registers.Count);
            TracedMessage first = registers[0], second = registers[1];
            Assert.Null(first.Header("Authorization"));
            string auth = second.Header("Authorization");
            Assert.NotNull(auth);
            // a new transaction: other branch, CSeq + 1, same Call-ID
            Assert.NotEqual(Param(first.Header("Via"), "branch"), Param(second.Header("Via"), "branch"));
            Assert.Equal(long.Parse(first.Header("CSeq").Split(' ')[0]) + 1, long.Parse(second.Header("CSeq").Split(' ')[0]));
            Assert.Equal(first.Header("Call-ID"), second.Header("Call-ID"));

            // RFC 7616 §3.4.1 with qop=auth, SHA-256 (RFC 8760), values taken from the wire
            Assert.Equal("SHA-256", Param(auth, "algorithm"));
            string realm = Param(auth, "realm"), nonce = Param(auth, "nonce"), uri = Param(auth, "uri");
            string cnonce = Param(auth, "cnonce"), nc = Param(auth, "nc"), qop = Param(auth, "qop");
            Assert.Equal("sipp.test", realm);
            Assert.StartsWith("shanonce", nonce);
            Assert.Equal("op42", Param(auth, "opaque"));
            Assert.Equal("1001", Param(auth, "username"));
            Assert.Equal("auth", qop);
            Assert.Equal("00000001", nc);
            var challenge = trace.Find(m => !m.Received && m.StartLine.StartsWith("SIP/2.0 401"));
            Assert.Contains("nonce=\"" + nonce + "\"", challenge.Text);
            string ha1 = Sha256Hex("1001:" + realm + ":s3cret!");
            string ha2 = Sha256Hex("REGISTER:" + uri);
            string expected = Sha256Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
            Assert.Equal(expected, Param(auth, "response"));
            // and a wrong password would not have matched (the check can fail)
            Assert.NotEqual(Sha256Hex(Sha256Hex("1001:" + realm + ":wrong") + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2), Param(auth, "response"));
            File.Delete(log);
        }

        /// <summary>Gaps (ms) between successive copies of the first request whose start line begins with <paramref name="method"/>.</summary>
        private static List<double> Gaps(List<TracedMessage> trace, string method, out List<TracedMessage> copies)
        {
            copies = trace.FindAll(m => m.Received && m.StartLine.StartsWith(method + " "));
            Assert.True(copies.Count > 0, "no " + method + " in the trace");
            string branch = Param(copies[0].Header("Via"), "branch");
            copies = copies.FindAll(m => Param(m.Header("Via"), "branch") == branch);
            var gaps = new List<double>();
            for (int i = 1; i < copies.Count; i++) gaps.Add((copies[i].At - copies[i - 1].At).TotalMilliseconds);
            return gaps;
        }

        private static void Near(double expectedMs, double actualMs, string what)
        {
            double tol = expectedMs * 0.25 + 50;
            Assert.True(Math.Abs(actualMs - expectedMs) <= tol, what + ": expected " + expectedMs + " ms ± " + tol + ", got " + actualMs.ToString("0") + " ms");
        }

        [Fact]
        public void UnansweredRegisterAndInvite_RetransmitOnTimersEAndA_ThenTimeOut()
        {
            const int T1 = 200, T2 = 4000;
            int regPort = PeerProcess.FreePort(), uasPort = PeerProcess.FreePort();
            string regLog = Path.Combine(Path.GetTempPath(), "sipp-silent-reg-" + Guid.NewGuid().ToString("N") + ".log");
            string invLog = Path.Combine(Path.GetTempPath(), "sipp-silent-inv-" + Guid.NewGuid().ToString("N") + ".log");
            using var reg = StartSipp("silent_uas.xml", regPort, regLog, "40s");
            using var uas = StartSipp("silent_uas.xml", uasPort, invLog, "40s");
            Thread.Sleep(300);
            using var d = VirtualDevice.Start("1002", 0, ",\"registrar\":\"127.0.0.1:" + regPort + "\",\"password\":\"x\",\"t1\":" + T1);
            DateTime dialAt = DateTime.Now;
            d.Host.Send("dial silent@127.0.0.1:" + uasPort);

            // Timer F and Timer B are both 64*T1 = 12.8 s
            string failed = d.Host.WaitFor("event registration-failed", 64 * T1 + 8000);
            Assert.Equal("408", HostProcess.Field(failed, "code"));
            string ended = d.Host.WaitFor("event ended", 8000);
            Assert.Equal("408", HostProcess.Field(ended, "code"));
            Assert.Equal("timeout", HostProcess.Field(ended, "reason"));
            Thread.Sleep(300);

            // REGISTER: Timer E doubles from T1 and is capped at T2 (RFC 3261 §17.1.2.2)
            List<double> regGaps = Gaps(ReadTrace(regLog), "REGISTER", out List<TracedMessage> regCopies);
            var expectedE = new List<double>();
            for (double t = 0, iv = T1; t + iv < 64 * T1; t += iv, iv = Math.Min(2 * iv, T2)) expectedE.Add(iv);
            Assert.Equal(new List<double> { 200, 400, 800, 1600, 3200, 4000 }, expectedE); // the next copy would be after Timer F
            Assert.Equal(expectedE.Count, regGaps.Count);
            for (int i = 0; i < regGaps.Count; i++) Near(expectedE[i], regGaps[i], "REGISTER gap " + (i + 1));
            // the failure came at Timer F, 64*T1 after the first copy (SIPp's and our clocks differ only by the pipe latency)
            double span = (regCopies[regCopies.Count - 1].At - regCopies[0].At).TotalMilliseconds;
            Assert.True(span < 64 * T1, "copies kept coming after Timer F: " + span);

            // INVITE: Timer A doubles without a cap (§17.1.1.2) until Timer B
            List<double> invGaps = Gaps(ReadTrace(invLog), "INVITE", out List<TracedMessage> invCopies);
            var expectedA = new List<double>();
            for (double t = 0, iv = T1; t + iv < 64 * T1; t += iv, iv *= 2) expectedA.Add(iv);
            Assert.Equal(new List<double> { 200, 400, 800, 1600, 3200, 6400 }, expectedA);
            Assert.Equal(expectedA.Count, invGaps.Count);
            for (int i = 0; i < invGaps.Count; i++) Near(expectedA[i], invGaps[i], "INVITE gap " + (i + 1));
            double invEnd = (DateTime.Now - dialAt).TotalMilliseconds;
            Assert.True(invEnd >= 64 * T1 - 500, "call ended before Timer B: " + invEnd);
            File.Delete(regLog);
            File.Delete(invLog);
        }
    }
}
