// Device-portable media checks: G.711 known codes and round trips, RTP header write/read.
// nanoFramework TestFramework style (public static test methods, Assert subset only).
using Endpoint.Media.Codec;
using Endpoint.Media.Rtp;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Media
{
    [TestClass]
    public class MediaCoreTests
    {
        [TestMethod]
        public static void G711KnownCodes()
        {
            Assert.AreEqual((byte)0xFF, G711.LinearToULaw(0));
            Assert.AreEqual((byte)0x80, G711.LinearToULaw(32767));
            Assert.AreEqual((byte)0x00, G711.LinearToULaw(-32768));
            Assert.AreEqual((byte)0xD5, G711.LinearToALaw(0));
            Assert.AreEqual((byte)0x55, G711.LinearToALaw(-1));
            Assert.AreEqual((byte)0xAA, G711.LinearToALaw(32767));
            Assert.AreEqual((short)32124, G711.ULawToLinear(0x80));
            Assert.AreEqual((short)-32256, G711.ALawToLinear(0x2A));
            Assert.AreEqual((short)8, G711.ALawToLinear(0xD5));
        }

        [TestMethod]
        public static void G711FrameRoundTrip()
        {
            var mu = new PcmuCodec();
            var a = new PcmaCodec();
            byte[] codes = new byte[256];
            for (int i = 0; i < 256; i++) codes[i] = (byte)i;
            short[] pcm = new short[256];
            byte[] back = new byte[256];
            a.Decode(codes, 0, 256, pcm, 0);
            a.Encode(pcm, 0, 256, back, 0);
            for (int i = 0; i < 256; i++) Assert.AreEqual(codes[i], back[i]);
            mu.Decode(codes, 0, 256, pcm, 0);
            mu.Encode(pcm, 0, 256, back, 0);
            for (int i = 0; i < 256; i++) Assert.AreEqual(i == 0x7F ? (byte)0xFF : codes[i], back[i]);
        }

        [TestMethod]
        public static void RtpHeaderRoundTrip()
        {
            RtpHeader h = new RtpHeader();
            h.Marker = true;
            h.PayloadType = 101;
            h.SequenceNumber = 0xFFFE;
            h.Timestamp = 0x80000001;
            h.Ssrc = 0x12345678;
            h.CsrcCount = 1;
            h.Csrc[0] = 0xCAFEBABE;
            byte[] buf = new byte[40];
            int n = h.Write(buf, 2, 38);
            Assert.AreEqual(16, n);
            RtpHeader r = new RtpHeader();
            Assert.IsTrue(r.Read(buf, 2, n + 4) == RtpStatus.Ok);
            Assert.IsTrue(r.Marker);
            Assert.AreEqual(101, r.PayloadType);
            Assert.AreEqual(0xFFFE, r.SequenceNumber);
            Assert.AreEqual((uint)0x80000001, r.Timestamp);
            Assert.AreEqual((uint)0x12345678, r.Ssrc);
            Assert.AreEqual((uint)0xCAFEBABE, r.Csrc[0]);
            Assert.AreEqual(18, r.PayloadOffset);
            Assert.AreEqual(4, r.PayloadLength);
            Assert.IsTrue(r.Read(buf, 2, 11) == RtpStatus.TooShort);
            buf[2] = 0x40;
            Assert.IsTrue(r.Read(buf, 2, n) == RtpStatus.BadVersion);
            Assert.AreEqual("BadVersion", RtpStatusNames.Get(RtpStatus.BadVersion));
        }
    }
}
