// RtpSession: payload-type filter, SSRC handling, symmetric RTP latching only on validated
// packets, resync status, inactivity timeout, BYE.
using Endpoint.Media.Rtp;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class RtpSessionTests
    {
        private static readonly byte[] Cname = { (byte)'x' };
        private static readonly MediaEndpoint Sdp = MediaEndpoint.FromBytes(10, 0, 0, 2, 4000);
        private static readonly MediaEndpoint Nat = MediaEndpoint.FromBytes(203, 0, 113, 9, 61000);
        private static readonly MediaEndpoint Evil = MediaEndpoint.FromBytes(198, 51, 100, 66, 5000);

        private static int Rtp(byte[] b, uint ssrc, int seq, uint ts, int pt = 0)
        {
            RtpHeader.WriteFixed(b, 0, pt, false, seq, ts, ssrc, 0);
            return 12 + 160;
        }

        private static RtpSession Started(out byte[] buf)
        {
            var s = new RtpSession(new TestRandom(5), 8000, Cname, 0, 1);
            s.AudioPayloadType = 8;
            s.EventPayloadType = 101;
            s.Start(0, Sdp, Sdp);
            buf = new byte[200];
            return s;
        }

        [Fact]
        public void FirstSourceIsValidatedAndTargetLatched()
        {
            var s = Started(out byte[] b);
            Assert.Equal(RtpStatus.UnexpectedPayloadType, s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 0), Nat, 10));
            Assert.Equal(RtpStatus.Probation, s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 20));
            Assert.True(s.RtpTarget.SameAs(Sdp));  // nothing learned from a packet in probation
            Assert.Equal(RtpStatus.NewSource, s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 40));
            Assert.True(s.RtpTarget.SameAs(Nat));
            Assert.Equal(1, s.TargetChanges);
            Assert.Equal(RtpStatus.Ok, s.ReceiveRtp(b, 0, Rtp(b, 7, 102, 320, 101), Nat, 60)); // telephone-event PT
            Assert.Equal(7u, s.LastHeader.Ssrc);
            Assert.Equal(2, s.RtpAccepted);
        }

        [Fact]
        public void GarbageAndForeignStreamsDoNotHijackTheTarget()
        {
            var s = Started(out byte[] b);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 0);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 20);
            var rnd = new TestRandom(99);
            long t = 20;
            for (int i = 0; i < 500; i++)
            {
                t += 20;
                Assert.Equal(RtpStatus.Ok, s.ReceiveRtp(b, 0, Rtp(b, 7, 102 + i, (uint)(320 + 160 * i), 8), Nat, t));
                // random garbage from elsewhere
                for (int k = 0; k < 40; k++) b[k] = (byte)rnd.NextUInt32();
                s.ReceiveRtp(b, 0, 40, Evil, t + 1);
                // a well-formed sequential stream with another SSRC while the real one is alive
                Assert.Equal(RtpStatus.ForeignSource, s.ReceiveRtp(b, 0, Rtp(b, 0xBAD, 5000 + i, (uint)(160 * i), 8), Evil, t + 2));
                // the right SSRC but a wild sequence number (spoof attempt)
                Assert.False(RtpStatusNames.IsAccepted(s.ReceiveRtp(b, 0, Rtp(b, 7, (30000 + 7 * i) & 0xFFFF, 0, 8), Evil, t + 3)));
                Assert.True(s.RtpTarget.SameAs(Nat));
            }
            Assert.Equal(7u, s.Remote.Ssrc);
        }

        [Fact]
        public void NewSsrcTakesOverAfterTheOldSourceGoesQuiet()
        {
            var s = Started(out byte[] b);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 0);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 20);
            var moved = MediaEndpoint.FromBytes(203, 0, 113, 10, 62000);
            // old source stops at t=20; new SSRC from a new address (e.g. a PBX re-anchoring media)
            Assert.Equal(RtpStatus.ForeignSource, s.ReceiveRtp(b, 0, Rtp(b, 9, 1, 0, 8), moved, 40));
            Assert.Equal(RtpStatus.ForeignSource, s.ReceiveRtp(b, 0, Rtp(b, 9, 2, 160, 8), moved, 60));   // 40 ms quiet < 60 ms hold
            Assert.Equal(RtpStatus.NewSource, s.ReceiveRtp(b, 0, Rtp(b, 9, 3, 320, 8), moved, 80));
            Assert.Equal(9u, s.Remote.Ssrc);
            Assert.True(s.RtpTarget.SameAs(moved));
            Assert.Equal(RtpStatus.ForeignSource, s.ReceiveRtp(b, 0, Rtp(b, 7, 102, 320, 8), Nat, 90)); // the old one is now foreign
        }

        [Fact]
        public void SequenceRestartIsReportedAsResync()
        {
            var s = Started(out byte[] b);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 0);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 20);
            Assert.Equal(RtpStatus.BadSequence, s.ReceiveRtp(b, 0, Rtp(b, 7, 40000, 320, 8), Nat, 40));
            Assert.Equal(RtpStatus.Resynced, s.ReceiveRtp(b, 0, Rtp(b, 7, 40001, 480, 8), Nat, 60));
            Assert.Equal(RtpStatus.Ok, s.ReceiveRtp(b, 0, Rtp(b, 7, 40002, 640, 8), Nat, 80));
        }

        [Fact]
        public void InactivityTimeoutIsReportedOncePerSilence()
        {
            var s = Started(out byte[] b);
            s.InactivityTimeoutMs = 30000;
            s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 0);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 1000);
            s.Schedule.IntervalMs = 60000;
            Assert.True(s.BuildReport(b, 0, 200, 20000, 0) > 0);   // next report >= 50 s
            Assert.Equal(31000, s.NextDeadline(20000));           // so the inactivity deadline is next
            Assert.Equal(RtpSessionEvents.None, s.Poll(30999) & RtpSessionEvents.InactivityTimeout);
            Assert.Equal(RtpSessionEvents.InactivityTimeout, s.Poll(31000) & RtpSessionEvents.InactivityTimeout);
            Assert.Equal(RtpSessionEvents.None, s.Poll(40000) & RtpSessionEvents.InactivityTimeout);
            Assert.True(s.IsInactive(40000));
            s.ReceiveRtp(b, 0, Rtp(b, 7, 102, 320, 8), Nat, 40000);
            Assert.False(s.IsInactive(40001));
            Assert.Equal(RtpSessionEvents.InactivityTimeout, s.Poll(70000) & RtpSessionEvents.InactivityTimeout);
            s.InactivityTimeoutMs = 0; // hold: disabled
            Assert.False(s.IsInactive(1000000));
        }

        [Fact]
        public void RtcpDueAndByeFromRemote()
        {
            var s = Started(out byte[] b);
            Assert.Equal(RtpSessionEvents.None, s.Poll(1000) & RtpSessionEvents.RtcpDue);
            Assert.Equal(RtpSessionEvents.RtcpDue, s.Poll(3750) & RtpSessionEvents.RtcpDue);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 100, 0, 8), Nat, 0);
            s.ReceiveRtp(b, 0, Rtp(b, 7, 101, 160, 8), Nat, 20);
            var remote = new RtpSession(new FixedRandom(7, 1, 2, 3, 4), 8000, Cname, 0, 1); // SSRC 7
            remote.Start(0, Sdp, Sdp);
            int n = remote.BuildBye(b, 0, 200, 100, 0, null, 0, 0);
            var rtcpFrom = MediaEndpoint.FromBytes(203, 0, 113, 9, 61001);
            Assert.Equal(RtpStatus.Ok, s.ReceiveRtcp(b, 0, n, rtcpFrom, 100, 0));
            Assert.True(s.RemoteBye);
            Assert.True(s.RtcpTarget.SameAs(rtcpFrom));
            int m = s.BuildReport(b, 0, 200, 4000, 0);
            Assert.True(m > 0);
            Assert.Equal(-1, s.BuildReport(b, 0, 20, 4000, 0));
            Assert.True(s.Schedule.NextMs >= 4000 + 2500);
        }
    }
}
