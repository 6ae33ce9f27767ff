// RFC 4733 sender: exact packet sequence, timing, queueing. Device-portable.
using Endpoint.Media.Dtmf;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Dtmf
{
    [TestClass]
    public class Rfc4733SenderTests
    {
        // Runs the sender every ms from 0 to untilMs, RTP clock = 5000 + 8 * ms. Returns the packets
        // as rows: [timeMs, marker, timestamp, event, endBit, volume, duration].
        private static int Run(Rfc4733Sender s, int untilMs, long[][] rows)
        {
            byte[] buf = new byte[8];
            int n = 0;
            for (long t = 0; t <= untilMs; t++)
            {
                bool marker;
                uint ts;
                int guard = 0;
                while (s.NextPayload(t, (uint)(5000 + 8 * t), buf, 2, out marker, out ts) == 4)
                {
                    Assert.IsTrue(++guard < 10, "runaway");
                    rows[n++] = new long[] { t, marker ? 1 : 0, ts, buf[2], (buf[3] & 0x80) != 0 ? 1 : 0, buf[3] & 0x3F, (buf[4] << 8) | buf[5] };
                }
            }
            return n;
        }

        [TestMethod]
        public static void OneDigitExactSequence()
        {
            var s = new Rfc4733Sender();
            Assert.IsTrue(s.Enqueue('5'));
            long[][] rows = new long[40][];
            int n = Run(s, 1000, rows);
            Assert.AreEqual(8, n, "5 updates + 3 end packets");
            int[] durations = { 160, 320, 480, 640, 800, 960, 960, 960 };
            for (int i = 0; i < n; i++)
            {
                Assert.AreEqual((long)(i * 20), rows[i][0], "sent every 20 ms");
                Assert.AreEqual(i == 0 ? 1L : 0L, rows[i][1], "marker only on the first");
                Assert.AreEqual(5000L, rows[i][2], "same timestamp for the whole event");
                Assert.AreEqual(5L, rows[i][3], "event code");
                Assert.AreEqual(i >= 5 ? 1L : 0L, rows[i][4], "E bit on the last three");
                Assert.AreEqual(10L, rows[i][5], "volume");
                Assert.AreEqual((long)durations[i], rows[i][6], "duration");
            }
            Assert.IsTrue(s.Idle);
            Assert.AreEqual(long.MaxValue, s.NextDueMs);
        }

        [TestMethod]
        public static void DigitsAndGaps()
        {
            var s = new Rfc4733Sender();
            s.ToneMs = 100;
            s.GapMs = 60;
            Assert.IsTrue(s.Enqueue("*#D"));
            Assert.AreEqual(3, s.Pending);
            long[][] rows = new long[64][];
            int n = Run(s, 2000, rows);
            Assert.AreEqual(3 * (4 + 3), n);
            // second event starts at 100 + 60 = 160 ms with marker and its own timestamp
            Assert.AreEqual(160L, rows[7][0]);
            Assert.AreEqual(1L, rows[7][1]);
            Assert.AreEqual(5000L + 8 * 160, rows[7][2]);
            Assert.AreEqual(10L, rows[0][3]);
            Assert.AreEqual(11L, rows[7][3]);
            Assert.AreEqual(15L, rows[14][3]);
            Assert.AreEqual(320L, rows[14][0]);
            Assert.AreEqual(800L, rows[20][6], "final duration 100 ms");
        }

        [TestMethod]
        public static void GapNeverOverlapsEndPackets()
        {
            var s = new Rfc4733Sender();
            s.ToneMs = 60;
            s.GapMs = 0;
            s.Enqueue("11");
            long[][] rows = new long[32][];
            int n = Run(s, 1000, rows);
            Assert.AreEqual(10, n);
            // first event: packets at 0,20 (160,320), end 480 at 40,60,80; next start at 100
            Assert.AreEqual(80L, rows[4][0]);
            Assert.AreEqual(1L, rows[4][4]);
            Assert.AreEqual(100L, rows[5][0], "gap 0 still waits for the last end packet");
            Assert.AreEqual(1L, rows[5][1]);
        }

        [TestMethod]
        public static void PacketIntervalFollowsPtime()
        {
            var s = new Rfc4733Sender();
            s.PacketIntervalMs = 30;
            s.ToneMs = 90;
            s.Enqueue('0');
            long[][] rows = new long[16][];
            int n = Run(s, 1000, rows);
            Assert.AreEqual(2 + 3, n);
            Assert.AreEqual(240L, rows[0][6]);
            Assert.AreEqual(480L, rows[1][6]);
            Assert.AreEqual(720L, rows[2][6]);
            Assert.AreEqual(60L, rows[2][0]);
            Assert.AreEqual(120L, rows[4][0]);
        }

        [TestMethod]
        public static void CatchesUpWhenCalledLate()
        {
            var s = new Rfc4733Sender();
            s.Enqueue('9');
            byte[] buf = new byte[4];
            bool m;
            uint ts;
            Assert.AreEqual(4, s.NextPayload(0, 77, buf, 0, out m, out ts));
            Assert.AreEqual(20L, s.NextDueMs);
            int count = 0;
            while (s.NextPayload(95, 999, buf, 0, out m, out ts) == 4)
            {
                count++;
                Assert.AreEqual(77u, ts);
                Assert.IsFalse(m);
                Assert.IsTrue(count < 10);
            }
            Assert.AreEqual(4, count, "packets due at 20, 40, 60, 80");
            Assert.AreEqual(100L, s.NextDueMs);
        }

        [TestMethod]
        public static void RejectsInvalidDigitsAtomically()
        {
            var s = new Rfc4733Sender();
            Assert.IsFalse(s.Enqueue("12x4"));
            Assert.AreEqual(0, s.Pending);
            Assert.IsFalse(s.Enqueue('E'));
            Assert.IsTrue(s.Enqueue("abcd"));
            Assert.AreEqual(4, s.Pending);
            Assert.IsFalse(s.Enqueue("0123456789012345678901234567890"), "does not fit");
            Assert.AreEqual(4, s.Pending);
            s.ClearQueue();
            Assert.IsTrue(s.Idle);
        }
    }
}
