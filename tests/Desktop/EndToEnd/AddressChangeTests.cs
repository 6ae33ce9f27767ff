// Re-registration after the local address changes, end to end on the running virtual device.
// Inside a private network namespace (so the device may listen on the wildcard address without
// touching the machine's network), the route to the registrar (127.0.0.5, a plain UDP socket in
// this test) is given a preferred source address, 127.0.0.2; the device registers with that
// address in Via and Contact. The test then moves the preferred source to 127.0.0.3, as a new
// DHCP lease or another Wi-Fi network would: within the runtime's re-check period (5 s) the
// device must send a fresh REGISTER from the new address, with the new Contact and the old
// binding removed (expires=0) in the same request. Also unit checks of LocalAddressMonitor.
using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Endpoint.Runtime;
using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.EndToEnd
{
    public class AddressChangeTests
    {
        private static void Ip(string args)
        {
            using var p = Process.Start(new ProcessStartInfo("ip", args) { UseShellExecute = false, RedirectStandardError = true });
            if (!p.WaitForExit(5000) || p.ExitCode != 0) throw new InvalidOperationException("ip " + args + " failed: " + p.StandardError.ReadToEnd());
        }

        private static string Header(string msg, string name)
        {
            foreach (string line in msg.Split("\r\n"))
                if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return line.Substring(name.Length + 1).Trim();
            return null;
        }

        /// <summary>Waits for the next REGISTER with a CSeq above <paramref name="afterCSeq"/> (skips retransmissions); returns its text and source.</summary>
        private static string NextRegister(Socket s, int timeoutMs, out IPEndPoint from, long afterCSeq = 0)
        {
            var buf = new byte[8192];
            DateTime end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (DateTime.UtcNow < end)
            {
                if (!s.Poll(50_000, SelectMode.SelectRead)) continue;
                EndPoint ep = new IPEndPoint(IPAddress.Any, 0);
                int n = s.ReceiveFrom(buf, ref ep);
                string text = Encoding.ASCII.GetString(buf, 0, n);
                if (!text.StartsWith("REGISTER ", StringComparison.Ordinal)) continue; // keep-alives
                if (CSeq(text) <= afterCSeq) continue; // a retransmission of one already answered
                from = (IPEndPoint)ep;
                return text;
            }
            throw new TimeoutException("no REGISTER within " + timeoutMs + " ms");
        }

        private static long CSeq(string msg) => long.Parse(Header(msg, "CSeq").Split(' ')[0]);

        private static void Ok(Socket s, string req, IPEndPoint to)
        {
            var sb = new StringBuilder("SIP/2.0 200 OK\r\n");
            foreach (string h in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
                sb.Append(h).Append(": ").Append(Header(req, h)).Append(h == "To" ? ";tag=reg1" : "").Append("\r\n");
            string contact = Header(req, "Contact");
            string first = contact.Substring(0, contact.IndexOf('>') + 1);
            if (!contact.Contains("expires=0", StringComparison.Ordinal) || contact.Contains(", ", StringComparison.Ordinal)) sb.Append("Contact: ").Append(first).Append(";expires=120\r\n");
            sb.Append("Content-Length: 0\r\n\r\n");
            s.SendTo(Encoding.ASCII.GetBytes(sb.ToString()), to);
        }

        [Fact]
        public void DeviceReRegistersFromTheNewAddress_AndRemovesTheOldBinding()
        {
            Overlay.DhtnodeInteropTests.InNetworkNamespace(() =>
            {
                Ip("route replace local 127.0.0.5 dev lo table local src 127.0.0.2");
                using var reg = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                reg.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.5"), 5060));
                string json = "{\"sip\":{\"listen\":\"0.0.0.0:5062\",\"user\":\"roamer\",\"domain\":\"example.com\",\"registrar\":\"127.0.0.5:5060\",\"expires\":120}," +
                              "\"media\":{\"rtpPorts\":\"41000-41019\"}}";
                using var host = HostProcess.StartWithConfig(json, out string cfgPath);
                host.WaitFor("event ready", 15000);

                string r1 = NextRegister(reg, 10000, out IPEndPoint from1);
                Assert.Equal("127.0.0.2", from1.Address.ToString());
                Assert.Equal("<sip:roamer@127.0.0.2:5062>", Header(r1, "Contact"));
                Assert.StartsWith("SIP/2.0/UDP 127.0.0.2:5062;", Header(r1, "Via"));
                Ok(reg, r1, from1);
                host.WaitFor("event registered", 5000);

                // the network changes under the device
                DateTime moved = DateTime.UtcNow;
                Ip("route replace local 127.0.0.5 dev lo table local src 127.0.0.3");
                string r2 = NextRegister(reg, 9000, out IPEndPoint from2, CSeq(r1));
                double after = (DateTime.UtcNow - moved).TotalMilliseconds;
                Assert.True(after < 7000, "re-registration took " + after + " ms");
                Assert.True(from2.Address.ToString() == "127.0.0.3", "second REGISTER from " + from2 + " after " + after + " ms:\n" + r2 + "\nevents:\n" + string.Join("\n", host.Events));
                Assert.StartsWith("SIP/2.0/UDP 127.0.0.3:5062;", Header(r2, "Via"));
                Assert.Equal("<sip:roamer@127.0.0.3:5062>, <sip:roamer@127.0.0.2:5062>;expires=0", Header(r2, "Contact"));
                Assert.Equal(Header(r1, "Call-ID"), Header(r2, "Call-ID"));
                Assert.True(long.Parse(Header(r2, "CSeq").Split(' ')[0]) > long.Parse(Header(r1, "CSeq").Split(' ')[0]));
                Ok(reg, r2, from2);
                host.WaitFor("event registered", 5000);

                host.Send("quit");
                string r3 = NextRegister(reg, 5000, out IPEndPoint from3, CSeq(r2)); // un-REGISTER of the current binding
                Assert.Equal("<sip:roamer@127.0.0.3:5062>;expires=0", Header(r3, "Contact"));
                Ok(reg, r3, from3);
                Assert.Equal(0, host.WaitExit(10000));
                System.IO.File.Delete(cfgPath);
            }, 60000);
        }

        [Fact]
        public void Monitor_FixedListenAddressNeverChanges_ProbeFindsTheRouteSource()
        {
            var target = new IPEndPoint(IPAddress.Loopback, 5060);
            Assert.Equal("127.0.0.1", LocalAddressMonitor.Probe(target));
            var fixedAddr = new LocalAddressMonitor(IPAddress.Parse("127.0.0.1"), target, 1);
            Assert.False(fixedAddr.Tracking);
            Assert.Equal("127.0.0.1", fixedAddr.Current);
            Assert.False(fixedAddr.Check(1000, out _));
            var wild = new LocalAddressMonitor(IPAddress.Any, target, 1000);
            Assert.True(wild.Tracking);
            Assert.Equal("127.0.0.1", wild.Current); // the route source, not 0.0.0.0
            Assert.False(wild.Check(5000, out string changed)); // same route: no change
            Assert.Null(changed);
            var noTarget = new LocalAddressMonitor(IPAddress.Any, null, 1000);
            Assert.False(noTarget.Tracking);
            Assert.Equal("0.0.0.0", noTarget.Current);
        }
    }
}
