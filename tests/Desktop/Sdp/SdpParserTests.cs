using System;
using System.Text;
using Endpoint.Sdp;
using Xunit;

namespace Endpoint.Tests.Sdp
{
    public class SdpParserTests
    {
        private static SdpStatus Parse(string text, SdpSession s)
        {
            byte[] b = Encoding.ASCII.GetBytes(text);
            return SdpParser.Parse(b, 0, b.Length, s);
        }

        [Theory]
        [InlineData("", SdpStatus.Empty, 0)]
        [InlineData("\r\n\r\n", SdpStatus.Empty, 0)]
        [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", SdpStatus.BadVersion, 1)]
        [InlineData("v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\n", SdpStatus.BadVersion, 1)]
        [InlineData("v=0\r\ns=-\r\n", SdpStatus.MissingOrigin, 2)]
        [InlineData("v=0\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n", SdpStatus.MissingOrigin, 3)]
        [InlineData("v=0\r\no=- 1 IN IP4 1.2.3.4\r\n", SdpStatus.BadOrigin, 2)]
        [InlineData("v=0\r\no=- 1 v2 IN IP4 1.2.3.4\r\n", SdpStatus.BadOrigin, 2)]
        [InlineData("v=0\r\no=- 1 1 XX IP4 1.2.3.4\r\n", SdpStatus.BadOrigin, 2)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP5 1.2.3.4\r\n", SdpStatus.BadConnection, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4\r\n", SdpStatus.BadConnection, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nt=0\r\n", SdpStatus.BadTiming, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nt=now 0\r\n", SdpStatus.BadTiming, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio abc RTP/AVP 0\r\n", SdpStatus.BadMedia, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n", SdpStatus.BadMedia, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP PCMU\r\n", SdpStatus.BadMedia, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 128\r\n", SdpStatus.BadMedia, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000\r\n", SdpStatus.BadMedia, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nthis is not sdp\r\n", SdpStatus.MalformedLine, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", SdpStatus.BadVersion, 3)]
        [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=a 1 RTP/AVP 0\r\nm=a 1 RTP/AVP 0\r\nm=a 1 RTP/AVP 0\r\nm=a 1 RTP/AVP 0\r\nm=a 1 RTP/AVP 0\r\n", SdpStatus.TooManyMedia, 7)]
        public void MalformedInputsGiveStatusAndLine(string text, SdpStatus expected, int line)
        {
            var s = new SdpSession();
            Assert.Equal(expected, Parse(text, s));
            Assert.Equal(line, s.ErrorLine);
            Assert.NotEqual("Unknown", SdpStatusNames.Name(expected));
        }

        [Fact]
        public void LineTooLong()
        {
            var s = new SdpSession();
            string text = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\na=x:" + new string('y', 1100) + "\r\n";
            Assert.Equal(SdpStatus.LineTooLong, Parse(text, s));
            Assert.Equal(3, s.ErrorLine);
        }

        [Fact]
        public void BareLineFeedsTrailingBlanksAndUnknownLines()
        {
            var s = new SdpSession();
            string text = "v=0\no=jdoe 2890844526 2890842807 IN IP4 10.47.16.5 \ns=SDP Seminar\ni=A Seminar\nu=http://www.example.com/seminars/sdp.pdf\n" +
                          "e=j.doe@example.com (Jane Doe)\np=+1 617 555-6011\nc=IN IP4 224.2.17.12/127\nb=AS:64\nt=2873397496 2873404696\nr=7d 1h 0 25h\n" +
                          "z=2882844526 -1h\nk=prompt\nx=unknown type\na=recvonly\nm=audio 49170 RTP/AVP 0\ni=audio\nb=AS:32\na=foo\na=bar:baz\n" +
                          "m=video 51372/2 RTP/AVP 99\na=rtpmap:99 h263-1998/90000\n";
            Assert.Equal(SdpStatus.Ok, Parse(text, s));
            Assert.Equal("jdoe", s.OriginUser);
            Assert.Equal("2890844526", s.OriginSessionId);
            Assert.Equal(2890842807UL, s.OriginVersion);
            Assert.Equal("10.47.16.5", s.OriginAddress);
            Assert.Equal("SDP Seminar", s.SessionName);
            Assert.Equal("224.2.17.12", s.Connection.Address);
            Assert.Equal(2873397496UL, s.TimeStart);
            Assert.True(s.DirectionSet);
            Assert.Equal(SdpDirection.RecvOnly, s.Direction);
            Assert.Equal(2, s.MediaCount);
            Assert.Equal(SdpDirection.RecvOnly, s.Media[0].EffectiveDirection(s));
            Assert.Equal(51372, s.Media[1].Port);
            Assert.Equal(2, s.Media[1].PortCount);
            Assert.Equal("h263-1998", s.Media[1].EncodingName[0]);
            Assert.Equal(90000, s.Media[1].ClockRate[0]);
        }

        [Fact]
        public void RtpmapFmtpPtimeRtcpParsed()
        {
            var s = new SdpSession();
            byte[] b = SdpSamples.Bytes(SdpSamples.Baresip);
            Assert.Equal(SdpStatus.Ok, SdpParser.Parse(b, 0, b.Length, s));
            SdpMedia m = s.Media[0];
            Assert.Equal(6, m.FormatCount);
            Assert.Equal("opus", m.EncodingName[0]);
            Assert.Equal(48000, m.ClockRate[0]);
            Assert.Equal(2, m.Channels[0]);
            Assert.Equal("stereo=1;sprop-stereo=1", m.Fmtp[0]);
            Assert.Equal("0-15", m.Fmtp[5]);
            Assert.Equal(20, m.Ptime);
            Assert.Equal(-1, m.MaxPtime);
            Assert.Equal(10467, m.RtcpPort);
            Assert.Null(m.RtcpAddress);
            Assert.Equal(SdpCodecs.TelephoneEvent, SdpCodecs.Resolve(m, 5));
            Assert.Equal(SdpCodecs.Unknown, SdpCodecs.Resolve(m, 4)); // telephone-event/48000
        }

        [Fact]
        public void ExcessFormatsDroppedAndCounted()
        {
            var sb = new StringBuilder("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP");
            for (int i = 0; i < 20; i++) sb.Append(' ').Append(96 + i);
            sb.Append("\r\na=rtpmap:115 PCMU/8000\r\n");
            var s = new SdpSession();
            Assert.Equal(SdpStatus.Ok, Parse(sb.ToString(), s));
            Assert.Equal(SdpLimits.MaxFormats, s.Media[0].FormatCount);
            Assert.Equal(4, s.Media[0].FormatsDropped);
        }

        [Fact]
        public void ParseWriteParseRoundTrip()
        {
            foreach (string[] sample in new[] { SdpSamples.Baresip, SdpSamples.LinphoneWithVideo, SdpSamples.KamailioProxied, SdpSamples.Ipv6, SdpSamples.TwoAudio })
            {
                byte[] b = SdpSamples.Bytes(sample);
                var s1 = new SdpSession();
                Assert.Equal(SdpStatus.Ok, SdpParser.Parse(b, 0, b.Length, s1));
                byte[] out1 = new byte[2000];
                var w = new SdpWriter();
                Assert.Equal(SdpStatus.Ok, w.Write(s1, out1, 0, out1.Length, out int n1));
                var s2 = new SdpSession();
                Assert.Equal(SdpStatus.Ok, SdpParser.Parse(out1, 0, n1, s2));
                byte[] out2 = new byte[2000];
                Assert.Equal(SdpStatus.Ok, w.Write(s2, out2, 0, out2.Length, out int n2));
                Assert.Equal(SdpSamples.Text(out1, n1), SdpSamples.Text(out2, n2));
                Assert.Equal(s1.MediaCount, s2.MediaCount);
                for (int i = 0; i < s1.MediaCount; i++)
                {
                    Assert.Equal(s1.Media[i].FormatCount, s2.Media[i].FormatCount);
                    Assert.Equal(s1.Media[i].EffectiveConnection(s1).Address, s2.Media[i].EffectiveConnection(s2).Address);
                }
            }
        }

        [Fact]
        public void WriterReportsTooSmallForEveryShortCapacity()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            byte[] full = new byte[1500];
            Assert.Equal(SdpStatus.Ok, neg.CreateOffer(full, 0, full.Length, out int need));
            var w = new SdpWriter();
            byte[] dst = new byte[need + 8];
            for (int cap = 0; cap < need; cap++)
            {
                for (int i = 0; i < dst.Length; i++) dst[i] = 0xEE;
                Assert.Equal(SdpStatus.BufferTooSmall, w.Write(neg.LocalDescription, dst, 4, cap, out int n));
                Assert.Equal(0, n);
                for (int i = 4 + cap; i < dst.Length; i++) Assert.Equal(0xEE, dst[i]);
            }
            Assert.Equal(SdpStatus.Ok, w.Write(neg.LocalDescription, dst, 4, need, out int m));
            Assert.Equal(need, m);
        }

        private const string Punct = " =:/\r\n0123456789";

        [Fact]
        public void FuzzedInputsNeverThrow()
        {
            var rnd = new Random(4242);
            var s = new SdpSession();
            string[][] corpus = { SdpSamples.Baresip, SdpSamples.LinphoneWithVideo, SdpSamples.KamailioProxied, SdpSamples.Ipv6, SdpSamples.LegacyHold, SdpSamples.TwoAudio };
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            byte[] dst = new byte[1500];
            int ok = 0;
            for (int iter = 0; iter < 20000; iter++)
            {
                byte[] b = SdpSamples.Bytes(corpus[iter % corpus.Length]);
                int edits = 1 + rnd.Next(8);
                for (int e = 0; e < edits; e++)
                {
                    int p = rnd.Next(b.Length);
                    switch (rnd.Next(4))
                    {
                        case 0: b[p] = (byte)rnd.Next(256); break;
                        case 1: b[p] = (byte)Punct[rnd.Next(Punct.Length)]; break;
                        case 2: Array.Resize(ref b, p); break;
                        default: b[p] = b[rnd.Next(b.Length)]; break;
                    }
                    if (b.Length == 0) break;
                }
                if (SdpParser.Parse(b, 0, b.Length, s) == SdpStatus.Ok) ok++;
                neg.Reset();
                neg.ReceiveOffer(b, 0, b.Length, dst, 0, dst.Length, out _);
            }
            Assert.InRange(ok, 100, 19900); // both outcomes occur
        }
    }
}
