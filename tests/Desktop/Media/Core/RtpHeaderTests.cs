// RTP header (RFC 3550 5.1): round trip, CSRC, extension skipping, padding, malformed input.
using Endpoint.Media.Rtp;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class RtpHeaderTests
    {
        private static byte[] Packet(params int[] bytes)
        {
            byte[] b = new byte[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) b[i] = (byte)bytes[i];
            return b;
        }

        [Fact]
        public void WriteThenReadRoundTripsAllFields()
        {
            var h = new RtpHeader { Marker = true, PayloadType = 8, SequenceNumber = 65535, Timestamp = 0xFFFFFFF0u, Ssrc = 0xDEADBEEFu, CsrcCount = 2 };
            h.Csrc[0] = 0x01020304; h.Csrc[1] = 0xA0B0C0D0;
            byte[] buf = new byte[100];
            int n = h.Write(buf, 3, 97);
            Assert.Equal(20, n);
            for (int i = 0; i < 10; i++) buf[3 + n + i] = (byte)(i + 1);
            var r = new RtpHeader();
            Assert.Equal(RtpStatus.Ok, r.Read(buf, 3, n + 10));
            Assert.True(r.Marker);
            Assert.False(r.Padding);
            Assert.False(r.Extension);
            Assert.Equal(8, r.PayloadType);
            Assert.Equal(65535, r.SequenceNumber);
            Assert.Equal(0xFFFFFFF0u, r.Timestamp);
            Assert.Equal(0xDEADBEEFu, r.Ssrc);
            Assert.Equal(2, r.CsrcCount);
            Assert.Equal(0xA0B0C0D0u, r.Csrc[1]);
            Assert.Equal(3 + 20, r.PayloadOffset);
            Assert.Equal(10, r.PayloadLength);
            Assert.Equal(0x80 | 2, buf[3]);
            Assert.Equal(0x88, buf[4]);
        }

        [Fact]
        public void ExtensionIsSkippedAndPaddingRemoved()
        {
            // V=2 P=1 X=1 CC=1, PT 0, seq 1, ts 2, ssrc 3, csrc 4, ext profile 0xBEDE len 1 word, 2 payload bytes, 2 padding.
            byte[] p = Packet(0xB1, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4,
                              0xBE, 0xDE, 0, 1, 9, 9, 9, 9,
                              0x55, 0x66, 0, 2);
            var r = new RtpHeader();
            Assert.Equal(RtpStatus.Ok, r.Read(p, 0, p.Length));
            Assert.True(r.Extension);
            Assert.Equal(0xBEDE, r.ExtensionProfile);
            Assert.Equal(20, r.ExtensionOffset);
            Assert.Equal(4, r.ExtensionLength);
            Assert.Equal(24, r.PayloadOffset);
            Assert.Equal(2, r.PayloadLength);
            Assert.Equal(2, r.PaddingLength);
            Assert.Equal(0x55, p[r.PayloadOffset]);
        }

        [Fact]
        public void MalformedPacketsAreRejectedWithAStatus()
        {
            var r = new RtpHeader();
            Assert.Equal(RtpStatus.TooShort, r.Read(new byte[11], 0, 11));
            Assert.Equal(RtpStatus.TooShort, r.Read(null, 0, 12));
            Assert.Equal(RtpStatus.TooShort, r.Read(new byte[12], 4, 12)); // runs past the array
            Assert.Equal(RtpStatus.BadVersion, r.Read(Packet(0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), 0, 12));
            Assert.Equal(RtpStatus.Truncated, r.Read(Packet(0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0), 0, 12)); // CC=1, no CSRC
            Assert.Equal(RtpStatus.Truncated, r.Read(Packet(0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE), 0, 14));
            Assert.Equal(RtpStatus.Truncated, r.Read(Packet(0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4), 0, 20));
            Assert.Equal(RtpStatus.BadPadding, r.Read(Packet(0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0), 0, 14)); // padding 0
            Assert.Equal(RtpStatus.BadPadding, r.Read(Packet(0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 3), 0, 14)); // more padding than payload
            Assert.Equal(RtpStatus.IsRtcp, r.Read(Packet(0x80, 200, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0), 0, 12));
            // exactly a header, padding consuming the whole payload: valid, empty payload
            Assert.Equal(RtpStatus.Ok, r.Read(Packet(0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2), 0, 14));
            Assert.Equal(0, r.PayloadLength);
        }

        [Fact]
        public void GarbageNeverThrows()
        {
            var rnd = new TestRandom(7);
            var r = new RtpHeader();
            byte[] b = new byte[64];
            int ok = 0;
            for (int n = 0; n < 20000; n++)
            {
                int len = rnd.Next(65);
                for (int i = 0; i < len; i++) b[i] = (byte)rnd.NextUInt32();
                if (r.Read(b, 0, len) == RtpStatus.Ok)
                {
                    ok++;
                    Assert.True(r.PayloadOffset + r.PayloadLength + r.PaddingLength == len);
                }
            }
            Assert.True(ok > 0);
        }

        [Fact]
        public void WriteRefusesSmallBuffersAndBadFields()
        {
            var h = new RtpHeader { PayloadType = 0 };
            Assert.Equal(-1, h.Write(new byte[11], 0, 11));
            Assert.Equal(-1, h.Write(new byte[20], 10, 20));
            h.PayloadType = 128;
            Assert.Equal(-1, h.Write(new byte[20], 0, 20));
        }

        [Fact]
        public void SenderUsesRandomStartAndCountsPackets()
        {
            var s = new RtpSender(new FixedRandom(0x11223344, 0xFFFF, 0x00000100), 8000);
            Assert.Equal(0x11223344u, s.Ssrc);
            Assert.Equal(0xFFFF, s.NextSequence);
            Assert.Equal(0x100u, s.MediaTimestamp);
            byte[] buf = new byte[200];
            Assert.True(s.TakeTalkSpurtMarker());
            Assert.False(s.TakeTalkSpurtMarker());
            Assert.Equal(12, s.WriteHeader(buf, 0, 200, 0, true, s.MediaTimestamp, 160, 1000));
            var r = new RtpHeader();
            Assert.Equal(RtpStatus.Ok, r.Read(buf, 0, 172));
            Assert.Equal(0xFFFF, r.SequenceNumber);
            Assert.True(r.Marker);
            Assert.Equal(0, s.NextSequence); // wrapped
            Assert.Equal(1u, s.PacketCount);
            Assert.Equal(160u, s.OctetCount);
            Assert.Equal(-1, s.WriteHeader(buf, 0, 100, 0, false, 0, 160, 1000));
            Assert.Equal(0x100u + 800, s.TimestampAt(1100)); // 100 ms later at 8 kHz
        }
    }
}
