// RFC 4733 receiver: one report per event despite retransmissions, loss and reordering.
// Device-portable.
using Endpoint.Media.Dtmf;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Dtmf
{
    [TestClass]
    public class Rfc4733ReceiverTests
    {
        private static readonly byte[] Buf = new byte[4];

        private static bool Feed(Rfc4733Receiver r, int ev, bool end, int duration, uint ts, bool marker, long now)
        {
            Buf[0] = (byte)ev;
            Buf[1] = (byte)((end ? 0x80 : 0) | 10);
            Buf[2] = (byte)(duration >> 8);
            Buf[3] = (byte)duration;
            return r.OnPacket(Buf, 0, 4, ts, marker, now);
        }

        // A complete event: updates every 20 ms then three end packets.
        private static void Event(Rfc4733Receiver r, int ev, uint ts, long t0, int updates)
        {
            for (int i = 0; i < updates; i++) Feed(r, ev, false, 160 * (i + 1), ts, i == 0, t0 + 20 * i);
            for (int i = 0; i < 3; i++) Feed(r, ev, true, 160 * (updates + 1), ts, false, t0 + 20 * (updates + i));
        }

        [TestMethod]
        public static void CompleteEventReportedOnce()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Event(r, 5, 1000, 0, 5);
            Assert.AreEqual("5", rec.Digits);
            Assert.AreEqual(120, rec.LastDuration);
            Assert.AreEqual(DtmfSource.Rfc4733, rec.LastSource);
            Assert.IsFalse(r.Poll(10000), "nothing left");
            Assert.AreEqual("5", rec.Digits);
        }

        [TestMethod]
        public static void ReportsOnFirstEndPacket()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Assert.IsFalse(Feed(r, 11, false, 160, 500, true, 0));
            Assert.AreEqual('#', r.ActiveDigit);
            Assert.IsTrue(Feed(r, 11, true, 320, 500, false, 20));
            Assert.IsFalse(Feed(r, 11, true, 320, 500, false, 40));
            Assert.IsFalse(Feed(r, 11, true, 320, 500, false, 60));
            Assert.AreEqual("#", rec.Digits);
            Assert.AreEqual('\0', r.ActiveDigit);
        }

        [TestMethod]
        public static void SameDigitTwiceHasTwoTimestamps()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Event(r, 5, 1000, 0, 4);
            Event(r, 5, 2600, 200, 4);
            Assert.AreEqual("55", rec.Digits);
        }

        [TestMethod]
        public static void LostStartPacketsTolerated()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            // no marker packet: first seen is a continuation, then ends
            Feed(r, 3, false, 480, 7000, false, 40);
            Feed(r, 3, true, 800, 7000, false, 80);
            Assert.AreEqual("3", rec.Digits);
            // only end packets of the next event arrive
            Feed(r, 4, true, 960, 8600, false, 300);
            Feed(r, 4, true, 960, 8600, false, 320);
            Assert.AreEqual("34", rec.Digits);
        }

        [TestMethod]
        public static void LostEndPacketsReportedWhenNextEventStarts()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            for (int i = 0; i < 5; i++) Feed(r, 1, false, 160 * (i + 1), 100, i == 0, 20 * i);
            Assert.AreEqual("", rec.Digits);
            Assert.IsTrue(Feed(r, 2, false, 160, 1700, true, 200), "new timestamp closes the old event");
            Assert.AreEqual("1", rec.Digits);
            Assert.AreEqual(100, rec.LastDuration);
            Feed(r, 2, true, 480, 1700, false, 240);
            Assert.AreEqual("12", rec.Digits);
        }

        [TestMethod]
        public static void LostEndPacketsReportedByTimeout()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            r.EventTimeoutMs = 300;
            Feed(r, 9, false, 160, 100, true, 0);
            Feed(r, 9, false, 320, 100, false, 20);
            Assert.AreEqual(320L, r.NextDeadline);
            Assert.IsFalse(r.Poll(319));
            Assert.IsTrue(r.Poll(320));
            Assert.AreEqual("9", rec.Digits);
            // the late end packet of the same event must not report it again
            Assert.IsFalse(Feed(r, 9, true, 800, 100, false, 400));
            Assert.AreEqual("9", rec.Digits);
            Assert.AreEqual(long.MaxValue, r.NextDeadline);
        }

        [TestMethod]
        public static void LateOldPacketsIgnored()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Event(r, 6, 10000, 0, 3);
            Feed(r, 7, false, 160, 11000, true, 200);
            Assert.IsFalse(Feed(r, 6, true, 640, 10000, false, 210), "retransmitted end of the previous event");
            Assert.IsFalse(Feed(r, 6, false, 320, 9000, false, 215), "older stray packet");
            Feed(r, 7, true, 320, 11000, false, 220);
            Assert.AreEqual("67", rec.Digits);
        }

        [TestMethod]
        public static void TimestampWrapAround()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Event(r, 0, 0xFFFFFF00u, 0, 2);
            Event(r, 10, 0x00000200u, 200, 2);
            Assert.AreEqual("0*", rec.Digits);
        }

        [TestMethod]
        public static void NonDtmfEventsAndShortPayloadsIgnored()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Feed(r, 16, true, 800, 100, true, 0);
            Assert.IsFalse(r.OnPacket(new byte[] { 1, 0x80, 0 }, 0, 3, 200, true, 0));
            Assert.IsFalse(r.OnPacket(null, 0, 4, 200, true, 0));
            Assert.AreEqual("", rec.Digits);
            Assert.AreEqual(0, r.DigitCount);
        }

        [TestMethod]
        public static void LongEventSegmentsAreOneDigit()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            Feed(r, 8, false, 0xFFFF, 1000, true, 0);
            Feed(r, 8, false, 800, 1000 + 0xFFFF, false, 8200);
            Feed(r, 8, true, 1600, 1000 + 0xFFFF, false, 8300);
            Assert.AreEqual("8", rec.Digits);
            Assert.AreEqual((0xFFFF + 1600) / 8, rec.LastDuration);
        }

        [TestMethod]
        public static void SenderToReceiverLoop()
        {
            var rec = new DigitRecorder();
            var r = new Rfc4733Receiver(rec);
            var s = new Rfc4733Sender();
            Assert.IsTrue(s.Enqueue("1234567890*#ABCD"));
            byte[] buf = new byte[4];
            int packets = 0;
            for (long t = 0; t < 5000; t += 5)
            {
                bool m;
                uint ts;
                while (s.NextPayload(t, (uint)(t * 8), buf, 0, out m, out ts) == 4)
                {
                    packets++;
                    // drop every 4th packet to exercise loss handling
                    if (packets % 4 != 0) r.OnPacket(buf, 0, 4, ts, m, t);
                }
                r.Poll(t);
            }
            Assert.AreEqual("1234567890*#ABCD", rec.Digits);
            Assert.AreEqual(16 * 8, packets);
        }
    }
}
