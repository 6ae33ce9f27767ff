// G.711: every 16-bit input and every code, both laws, both encoder modes, against the
// independent reference in G711Reference; anchors from the standard; round trips.
using Endpoint.Media.Codec;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class G711Tests
    {
        [Fact]
        public void ULawEncodeMatchesReferenceForAllInputsBothModes()
        {
            var compact = new PcmuCodec(G711EncoderMode.Compact);
            var table = new PcmuCodec(G711EncoderMode.Table);
            short[] pcm = new short[65536];
            for (int i = 0; i < 65536; i++) pcm[i] = (short)(i - 32768);
            byte[] a = new byte[65536], b = new byte[65536];
            Assert.Equal(65536, compact.Encode(pcm, 0, 65536, a, 0));
            Assert.Equal(65536, table.Encode(pcm, 0, 65536, b, 0));
            int bad = 0;
            for (int i = 0; i < 65536; i++)
            {
                int want = G711Reference.ULawCompress(pcm[i]);
                if (a[i] != want || b[i] != want || G711.LinearToULaw(pcm[i]) != want) bad++;
            }
            Assert.Equal(0, bad);
        }

        [Fact]
        public void ALawEncodeMatchesReferenceForAllInputsBothModes()
        {
            var compact = new PcmaCodec(G711EncoderMode.Compact);
            var table = new PcmaCodec(G711EncoderMode.Table);
            short[] pcm = new short[65536];
            for (int i = 0; i < 65536; i++) pcm[i] = (short)(i - 32768);
            byte[] a = new byte[65536], b = new byte[65536];
            compact.Encode(pcm, 0, 65536, a, 0);
            table.Encode(pcm, 0, 65536, b, 0);
            int bad = 0;
            for (int i = 0; i < 65536; i++)
            {
                int want = G711Reference.ALawCompress(pcm[i]);
                if (a[i] != want || b[i] != want || G711.LinearToALaw(pcm[i]) != want) bad++;
            }
            Assert.Equal(0, bad);
        }

        [Fact]
        public void DecodeMatchesReferenceForAllCodes()
        {
            byte[] codes = new byte[256];
            for (int i = 0; i < 256; i++) codes[i] = (byte)i;
            short[] u = new short[256], a = new short[256];
            Assert.Equal(256, new PcmuCodec().Decode(codes, 0, 256, u, 0));
            Assert.Equal(256, new PcmaCodec().Decode(codes, 0, 256, a, 0));
            for (int c = 0; c < 256; c++)
            {
                Assert.Equal(G711Reference.ULawExpand(c), u[c]);
                Assert.Equal(G711Reference.ALawExpand(c), a[c]);
                Assert.Equal(u[c], G711.ULawToLinear(c));
                Assert.Equal(a[c], G711.ALawToLinear(c));
            }
        }

        [Fact]
        public void KnownValuesFromTheStandard()
        {
            // mu-law: 0 -> 0xFF, full scale -> 0x80 / 0x00; A-law: 0 -> 0xD5, -1 -> 0x55, full scale -> 0xAA / 0x2A.
            Assert.Equal(0xFF, G711.LinearToULaw(0));
            Assert.Equal(0x7F, G711.LinearToULaw(-1));
            Assert.Equal(0x80, G711.LinearToULaw(32767));
            Assert.Equal(0x00, G711.LinearToULaw(-32768));
            Assert.Equal(0xD5, G711.LinearToALaw(0));
            Assert.Equal(0x55, G711.LinearToALaw(-1));
            Assert.Equal(0xAA, G711.LinearToALaw(32767));
            Assert.Equal(0x2A, G711.LinearToALaw(-32768));
            Assert.Equal(32124, G711.ULawToLinear(0x80));
            Assert.Equal(-32124, G711.ULawToLinear(0x00));
            Assert.Equal(0, G711.ULawToLinear(0xFF));
            Assert.Equal(0, G711.ULawToLinear(0x7F));
            Assert.Equal(32256, G711.ALawToLinear(0xAA));
            Assert.Equal(-32256, G711.ALawToLinear(0x2A));
            Assert.Equal(8, G711.ALawToLinear(0xD5));
            Assert.Equal(-8, G711.ALawToLinear(0x55));
        }

        [Fact]
        public void DecodeThenEncodeReturnsTheCode()
        {
            for (int c = 0; c < 256; c++)
            {
                int u = G711.LinearToULaw(G711.ULawToLinear(c));
                Assert.Equal(c == 0x7F ? 0xFF : c, u); // mu-law's negative zero decodes to 0, which encodes as positive zero
                Assert.Equal(c, G711.LinearToALaw(G711.ALawToLinear(c)));
            }
        }

        [Fact]
        public void FrameApiHonoursOffsetsAndCodecMetadata()
        {
            short[] pcm = new short[200];
            for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)(i * 97 - 9000);
            byte[] dst = new byte[200];
            for (int i = 0; i < dst.Length; i++) dst[i] = 0x11;
            var mu = new PcmuCodec();
            Assert.Equal(160, mu.Encode(pcm, 20, 160, dst, 5));
            Assert.Equal(0x11, dst[4]);
            Assert.Equal(0x11, dst[165]);
            for (int i = 0; i < 160; i++) Assert.Equal(G711Reference.ULawCompress(pcm[20 + i]), dst[5 + i]);
            short[] back = new short[200];
            mu.Decode(dst, 5, 160, back, 30);
            Assert.Equal(0, back[29]);
            for (int i = 0; i < 160; i++) Assert.Equal(G711Reference.ULawExpand(dst[5 + i]), back[30 + i]);
            Assert.Equal(0, mu.PayloadType);
            Assert.Equal("PCMU", mu.EncodingName);
            Assert.Equal(8000, mu.ClockRate);
            var a = new PcmaCodec();
            Assert.Equal(8, a.PayloadType);
            Assert.Equal("PCMA", a.EncodingName);
            Assert.Equal(160, a.SamplesForBytes(160));
        }

        [Fact]
        public void TableMemoryIsAccounted()
        {
            new PcmuCodec(G711EncoderMode.Table);
            new PcmaCodec(G711EncoderMode.Table);
            Assert.True(G711.ULawTableBuilt && G711.ALawTableBuilt);
            Assert.Equal(1024 + 256 + 16384 + 4096, G711.TableBytes);
        }
    }
}
