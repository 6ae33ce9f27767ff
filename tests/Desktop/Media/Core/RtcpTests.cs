// RTCP (RFC 3550 6.4-6.6, A.2): SR/RR/SDES/BYE build and parse round trips, compound validity
// checks, and the round-trip time from LSR/DLSR between two sessions.
using Endpoint.Media.Rtp;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class RtcpTests
    {
        private static readonly byte[] Cname = System.Text.Encoding.ASCII.GetBytes("alice@10.0.0.1");

        [Fact]
        public void SenderReportWithBlockSdesAndByeRoundTrip()
        {
            var w = new RtcpWriter();
            byte[] buf = new byte[200];
            w.Begin(buf, 4, 196);
            ulong ntp = 0xE1234567_89ABCDEFul;
            Assert.True(w.SenderReport(0x11111111, ntp, 123456, 50, 8000));
            Assert.True(w.ReportBlock(0x22222222, 25, -3, 0x0001FFFF, 77, 0xAABBCCDD, 0x00010000));
            Assert.True(w.SdesCname(0x11111111, Cname, 0, Cname.Length));
            byte[] reason = System.Text.Encoding.ASCII.GetBytes("bye");
            Assert.True(w.Bye(0x11111111, reason, 0, reason.Length));
            int n = w.Length;
            Assert.Equal(52 + 28 + 12, n); // SR + block, SDES 4 + (4+2+14+1 padded to 24), BYE 8 + (1+3 padded to 4)
            Assert.Equal(0, n % 4);

            var c = new RtcpCompound();
            Assert.Equal(RtpStatus.Ok, c.Parse(buf, 4, n));
            Assert.True(c.IsSenderReport);
            Assert.Equal(0x11111111u, c.SenderSsrc);
            Assert.Equal(ntp, c.NtpTimestamp);
            Assert.Equal(123456u, c.RtpTimestamp);
            Assert.Equal(50u, c.PacketCount);
            Assert.Equal(8000u, c.OctetCount);
            Assert.Equal(1, c.BlockCount);
            RtcpReportBlock b = c.Blocks[0];
            Assert.Equal(0x22222222u, b.Ssrc);
            Assert.Equal(25, b.FractionLost);
            Assert.Equal(-3, b.CumulativeLost);
            Assert.Equal(0x0001FFFFu, b.ExtendedHighestSequence);
            Assert.Equal(77u, b.Jitter);
            Assert.Equal(0xAABBCCDDu, b.LastSr);
            Assert.Equal(0x00010000u, b.DelaySinceLastSr);
            Assert.True(c.HasCname);
            Assert.Equal("alice@10.0.0.1", System.Text.Encoding.ASCII.GetString(buf, c.CnameOffset, c.CnameLength));
            Assert.True(c.HasBye);
            Assert.True(c.ByeIncludes(0x11111111));
        }

        [Fact]
        public void ReceiverReportRoundTripAndSmallBuffer()
        {
            var w = new RtcpWriter();
            byte[] buf = new byte[64];
            w.Begin(buf, 0, 64);
            w.ReceiverReport(7);
            w.ReportBlock(9, 0, 0, 100, 5, 0, 0);
            w.SdesCname(7, Cname, 0, Cname.Length);
            int n = w.Length;
            Assert.Equal(8 + 24 + 28, n);
            var c = new RtcpCompound();
            Assert.Equal(RtpStatus.Ok, c.Parse(buf, 0, n));
            Assert.False(c.IsSenderReport);
            Assert.Equal(7u, c.SenderSsrc);
            Assert.Equal(9u, c.Blocks[0].Ssrc);
            Assert.Equal(7u, c.CnameSsrc);

            w.Begin(buf, 0, 40);
            w.ReceiverReport(7);
            w.ReportBlock(9, 0, 0, 100, 5, 0, 0);
            Assert.False(w.SdesCname(7, Cname, 0, Cname.Length));
            Assert.Equal(-1, w.Length);
        }

        [Fact]
        public void InvalidCompoundPacketsAreRejected()
        {
            var w = new RtcpWriter();
            byte[] buf = new byte[128];
            w.Begin(buf, 0, 128);
            w.ReceiverReport(7);
            w.SdesCname(7, Cname, 0, Cname.Length);
            int n = w.Length;
            var c = new RtcpCompound();
            Assert.Equal(RtpStatus.Ok, c.Parse(buf, 0, n));
            Assert.Equal(RtpStatus.BadRtcp, c.Parse(buf, 0, n - 4));   // lengths do not add up
            Assert.Equal(RtpStatus.BadRtcp, c.Parse(buf, 8, n - 8));   // starts with SDES
            Assert.Equal(RtpStatus.TooShort, c.Parse(buf, 0, 4));
            byte[] copy = (byte[])buf.Clone();
            copy[0] = 0x40;                                            // version 1
            Assert.Equal(RtpStatus.BadRtcp, c.Parse(copy, 0, n));
            copy = (byte[])buf.Clone();
            copy[0] |= 0x20;                                           // padding on the first packet
            Assert.Equal(RtpStatus.BadRtcp, c.Parse(copy, 0, n));
            copy = (byte[])buf.Clone();
            copy[8 + 9] = 200;                                         // CNAME item length runs past the packet
            Assert.Equal(RtpStatus.BadRtcp, c.Parse(copy, 0, n));
            var rnd = new TestRandom(3);
            for (int k = 0; k < 5000; k++)                             // garbage never throws
            {
                int len = rnd.Next(120);
                for (int i = 0; i < len; i++) copy[i] = (byte)rnd.NextUInt32();
                if (len > 1) { copy[0] = (byte)(0x80 | (copy[0] & 0x1F)); copy[1] = 201; }
                c.Parse(copy, 0, len);
            }
        }

        [Fact]
        public void NtpConversion()
        {
            ulong ntp = NtpTime.FromUnixMs(1500);
            Assert.Equal((ulong)(NtpTime.UnixToNtpSeconds + 1), ntp >> 32);
            Assert.Equal(0x80000000u, (uint)ntp);
            Assert.Equal((uint)((((NtpTime.UnixToNtpSeconds + 1) & 0xFFFF) << 16) | 0x8000), NtpTime.Middle32(ntp));
            Assert.Equal(65536u, NtpTime.MsToUnits(1000));
            Assert.Equal(250, NtpTime.UnitsToMs(16384));
        }

        [Fact]
        public void RoundTripTimeFromLsrAndDlsr()
        {
            var ep = new MediaEndpoint(0x7F000001, 4000);
            var a = new RtpSession(new TestRandom(1), 8000, Cname, 0, Cname.Length);
            var b = new RtpSession(new TestRandom(2), 8000, Cname, 0, Cname.Length);
            a.Start(0, ep, ep);
            b.Start(0, ep, ep);
            byte[] pkt = new byte[200];
            long wall0 = 1_800_000_000_000L;   // both parties' wall clock at local time 0 (B's is 7 s off: it must not matter)
            long bWallOffset = 7000;
            // A sends two RTP packets so B validates A as its source and A sends an SR.
            for (int i = 0; i < 2; i++)
            {
                int h = a.Sender.WriteHeader(pkt, 0, 200, 0, i == 0, a.Sender.MediaTimestamp, 160, i * 20);
                a.Sender.AdvanceMedia(160);
                Assert.True(RtpStatusNames.IsAccepted(b.ReceiveRtp(pkt, 0, h + 160, ep, i * 20 + 30)) || i == 0);
            }
            Assert.True(b.Remote.InUse);
            // SR from A at t=1000, one-way delay 40 ms.
            int n = a.BuildReport(pkt, 0, 200, 1000, wall0 + 1000);
            Assert.True(n > 0);
            Assert.Equal(RtpStatus.Ok, b.ReceiveRtcp(pkt, 0, n, ep, 1040, wall0 + bWallOffset + 1040));
            // B answers 300 ms later with an RR carrying LSR/DLSR; another 40 ms back to A.
            n = b.BuildReport(pkt, 0, 200, 1340, wall0 + bWallOffset + 1340);
            var parsed = new RtcpCompound();
            Assert.Equal(RtpStatus.Ok, parsed.Parse(pkt, 0, n));
            Assert.Equal(a.Sender.Ssrc, parsed.Blocks[0].Ssrc);
            Assert.NotEqual(0u, parsed.Blocks[0].LastSr);
            Assert.Equal(RtpStatus.Ok, a.ReceiveRtcp(pkt, 0, n, ep, 1380, wall0 + 1380));
            Assert.InRange(a.RoundTripMs, 79, 81);
        }

        [Fact]
        public void SenderReportMapsRtpTimeAndTurnsIntoReceiverReportWhenSilent()
        {
            var ep = new MediaEndpoint(0x7F000001, 4000);
            var s = new RtpSession(new TestRandom(21), 8000, Cname, 0, Cname.Length);
            s.Start(0, ep, ep);
            byte[] b = new byte[200];
            var c = new RtcpCompound();
            Assert.Equal(RtpStatus.Ok, c.Parse(b, 0, s.BuildReport(b, 0, 200, 500, 0)));
            Assert.False(c.IsSenderReport);                         // nothing sent yet: RR
            uint ts = s.Sender.MediaTimestamp;
            s.Sender.WriteHeader(b, 0, 200, 0, true, ts, 160, 1000);
            // a telephone-event packet with an old timestamp must not disturb the mapping
            s.Sender.WriteHeader(b, 0, 200, 101, false, ts - 5000, 4, 1500);
            Assert.Equal(RtpStatus.Ok, c.Parse(b, 0, s.BuildReport(b, 0, 200, 2000, 0)));
            Assert.True(c.IsSenderReport);
            Assert.Equal(ts + 8000, c.RtpTimestamp);                 // 1 s after the frame at ts
            Assert.Equal(2u, c.PacketCount);
            Assert.Equal(164u, c.OctetCount);
            Assert.Equal(RtpStatus.Ok, c.Parse(b, 0, s.BuildReport(b, 0, 200, 7000, 0)));
            Assert.True(c.IsSenderReport);                          // sent within the last two intervals
            Assert.Equal(RtpStatus.Ok, c.Parse(b, 0, s.BuildReport(b, 0, 200, 12000, 0)));
            Assert.False(c.IsSenderReport);                         // silent for two intervals: RR
        }

        [Fact]
        public void ReportIntervalIsRandomizedAroundFiveSeconds()
        {
            var rnd = new TestRandom(11);
            var s = new RtcpSchedule(rnd);
            int min = int.MaxValue, max = 0;
            long sum = 0;
            for (int i = 0; i < 2000; i++)
            {
                s.Start(0);
                Assert.InRange(s.NextMs, 1250, 3750);
                s.Sent(10000);
                long d = s.NextMs - 10000;
                Assert.InRange(d, 2500, 7500);
                if (d < min) min = (int)d;
                if (d > max) max = (int)d;
                sum += d;
            }
            Assert.True(min < 2700 && max > 7300, "spread covers [0.5,1.5] x 5 s");
            Assert.InRange(sum / 2000, 4800, 5200);
        }
    }
}
