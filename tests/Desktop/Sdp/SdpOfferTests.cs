using System;
using Endpoint.Sdp;
using Xunit;

namespace Endpoint.Tests.Sdp
{
    public class SdpOfferTests
    {
        private static SdpSession Offer(SdpNegotiator neg)
        {
            byte[] dst = new byte[1500];
            Assert.Equal(SdpStatus.Ok, neg.CreateOffer(dst, 0, dst.Length, out int n));
            var s = new SdpSession();
            Assert.Equal(SdpStatus.Ok, SdpParser.Parse(dst, 0, n, s));
            return s;
        }

        private static SdpStatus Answer(SdpNegotiator neg, params string[] lines)
        {
            byte[] b = SdpSamples.Bytes(lines);
            return neg.ReceiveAnswer(b, 0, b.Length);
        }

        private static string[] AnswerLines(string mline, string dir = "a=sendrecv", params string[] extra)
        {
            var l = new System.Collections.Generic.List<string> { "v=0", "o=peer 99 1 IN IP4 192.0.2.200", "s=-", "c=IN IP4 192.0.2.200", "t=0 0", mline };
            l.AddRange(extra);
            if (dir != null) l.Add(dir);
            return l.ToArray();
        }

        [Fact]
        public void OfferContent()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            byte[] dst = new byte[1500];
            Assert.Equal(SdpStatus.Ok, neg.CreateOffer(dst, 0, dst.Length, out int n));
            string text = SdpSamples.Text(dst, n);
            Assert.Equal(
                "v=0\r\no=door 4711 1 IN IP4 192.168.1.77\r\ns=-\r\nc=IN IP4 192.168.1.77\r\nt=0 0\r\n" +
                "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
                "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n", text);
            Assert.True(neg.OfferPending);
        }

        [Fact]
        public void OfferFollowsConfigOrderAndIpv6()
        {
            SdpConfig cfg = SdpAnswerTests.Config();
            cfg.Codecs = new[] { SdpCodecs.Pcma, SdpCodecs.Pcmu };
            cfg.LocalIpv6 = true;
            cfg.LocalAddress = "2001:db8::77";
            cfg.TelephoneEventPt = 110;
            cfg.MaxPtimeMs = 40;
            SdpSession s = Offer(new SdpNegotiator(cfg));
            Assert.Equal(8, s.Media[0].Formats[0]);
            Assert.Equal(0, s.Media[0].Formats[1]);
            Assert.Equal(110, s.Media[0].Formats[2]);
            Assert.True(s.Connection.Ipv6);
            Assert.True(s.OriginIpv6);
            Assert.Equal("2001:db8::77", s.Connection.Address);
            Assert.Equal(40, s.Media[0].MaxPtime);
        }

        [Fact]
        public void AnswerSubset_PicksAnswerCodec()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            Offer(neg);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 8 101", "a=sendrecv", "a=rtpmap:101 telephone-event/8000", "a=ptime:30")));
            SdpMediaResult r = neg.Result;
            Assert.False(neg.OfferPending);
            Assert.Equal(SdpCodecs.Pcma, r.Codec);
            Assert.Equal(8, r.PayloadType);
            Assert.Equal(8, r.ReceivePayloadType);
            Assert.Equal(101, r.TelephoneEventPt);
            Assert.Equal("192.0.2.200", r.RemoteAddress);
            Assert.Equal(30000, r.RemotePort);
            Assert.Equal(30, r.PtimeMs);
            Assert.True(r.CanSend && r.CanReceive);
        }

        [Fact]
        public void AnswerWithOtherTelephoneEventPt_SendUsesAnswerPt()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            Offer(neg);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0 96", null, "a=rtpmap:96 telephone-event/8000")));
            Assert.Equal(96, neg.Result.TelephoneEventPt);
            Assert.Equal(101, neg.Result.ReceiveTelephoneEventPt);
        }

        [Fact]
        public void AnswerWithoutTelephoneEvent()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            Offer(neg);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0")));
            Assert.Equal(-1, neg.Result.TelephoneEventPt);
            Assert.Equal(-1, neg.Result.ReceiveTelephoneEventPt);
        }

        [Fact]
        public void AnswerFailures()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            Assert.Equal(SdpStatus.NoOfferPending, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0")));
            Offer(neg);
            Assert.Equal(SdpStatus.NotAcceptable, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 18", null, "a=rtpmap:18 G729/8000")));
            Assert.False(neg.OfferPending);
            Offer(neg);
            Assert.Equal(SdpStatus.NotAcceptable, Answer(neg, AnswerLines("m=audio 0 RTP/AVP 0")));
            Offer(neg);
            Assert.Equal(SdpStatus.AnswerMismatch, Answer(neg, "v=0", "o=p 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 1 RTP/AVP 0", "m=video 0 RTP/AVP 96"));
            Offer(neg);
            Assert.Equal(SdpStatus.AnswerMismatch, Answer(neg, AnswerLines("m=video 30000 RTP/AVP 96")));
            Offer(neg);
            Assert.Equal(SdpStatus.MissingOrigin, Answer(neg, "v=0", "s=-", "m=audio 1 RTP/AVP 0"));
            Assert.False(neg.Negotiated);
        }

        [Fact]
        public void Glare_OfferWhileOfferPending()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            Offer(neg);
            byte[] body = SdpSamples.Bytes(SdpSamples.Sipp);
            byte[] dst = new byte[1500];
            Assert.Equal(SdpStatus.OfferPending, neg.ReceiveOffer(body, 0, body.Length, dst, 0, dst.Length, out _));
            Assert.Equal(491, SdpStatusNames.SipResponseCode(SdpStatus.OfferPending));
            neg.CancelOffer();
            Assert.Equal(SdpStatus.Ok, neg.ReceiveOffer(body, 0, body.Length, dst, 0, dst.Length, out _));
        }

        [Fact]
        public void HoldReInviteAndResume_VersionIncrements()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            SdpSession o1 = Offer(neg);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0 101", "a=sendrecv", "a=rtpmap:101 telephone-event/8000")));

            neg.LocalHold = true;
            SdpSession o2 = Offer(neg);
            Assert.Equal(SdpDirection.SendOnly, o2.Media[0].Direction);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0 101", "a=recvonly", "a=rtpmap:101 telephone-event/8000")));
            Assert.True(neg.Result.LocalHold);
            Assert.False(neg.Result.RemoteHold);
            Assert.True(neg.Result.CanSend);
            Assert.False(neg.Result.CanReceive);
            Assert.Equal(SdpChange.Direction, neg.Result.Changes);

            neg.LocalHold = false;
            SdpSession o3 = Offer(neg);
            Assert.Equal(SdpDirection.SendRecv, o3.Media[0].Direction);
            Assert.Equal(SdpStatus.Ok, Answer(neg, AnswerLines("m=audio 30000 RTP/AVP 0 101", "a=sendrecv", "a=rtpmap:101 telephone-event/8000")));
            Assert.True(neg.Result.CanReceive);
            Assert.Equal(1UL, o1.OriginVersion);
            Assert.Equal(2UL, o2.OriginVersion);
            Assert.Equal(3UL, o3.OriginVersion);
            Assert.Equal(o1.OriginSessionId, o3.OriginSessionId);
        }

        [Fact]
        public void ReOfferKeepsMlineLayoutOfSession()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            byte[] body = SdpSamples.Bytes(SdpSamples.SavpThenAvp);
            byte[] dst = new byte[1500];
            Assert.Equal(SdpStatus.Ok, neg.ReceiveOffer(body, 0, body.Length, dst, 0, dst.Length, out _));
            neg.LocalHold = true;
            SdpSession o = Offer(neg);
            Assert.Equal(2, o.MediaCount);
            Assert.Equal(0, o.Media[0].Port);
            Assert.Equal("RTP/SAVP", o.Media[0].Proto);
            Assert.Equal(40000, o.Media[1].Port);
            Assert.Equal(SdpDirection.SendOnly, o.Media[1].Direction);
            Assert.Equal(2UL, o.OriginVersion);
            // the answer must keep both lines; the audio one is index 1
            Assert.Equal(SdpStatus.Ok, Answer(neg, "v=0", "o=- 9 10 IN IP4 192.0.2.30", "s=-", "c=IN IP4 192.0.2.30", "t=0 0",
                "m=audio 0 RTP/SAVP 0", "m=audio 4012 RTP/AVP 0", "a=recvonly"));
            Assert.Equal(1, neg.Result.MediaIndex);
            Assert.False(neg.Result.CanReceive);
        }

        [Fact]
        public void OfferBufferTooSmall_NoStateChange()
        {
            var neg = new SdpNegotiator(SdpAnswerTests.Config());
            byte[] dst = new byte[100];
            Assert.Equal(SdpStatus.BufferTooSmall, neg.CreateOffer(dst, 0, dst.Length, out int n));
            Assert.Equal(0, n);
            Assert.False(neg.OfferPending);
            SdpSession s = Offer(neg);
            Assert.Equal(1UL, s.OriginVersion);
        }

        [Fact]
        public void TwoEnginesNegotiateWithEachOther()
        {
            SdpConfig ca = SdpAnswerTests.Config();
            SdpConfig cb = SdpAnswerTests.Config();
            cb.LocalAddress = "192.168.1.88";
            cb.LocalPort = 50000;
            cb.Codecs = new[] { SdpCodecs.Pcma };
            cb.TelephoneEventPt = 96;
            var a = new SdpNegotiator(ca);
            var b = new SdpNegotiator(cb);
            byte[] offer = new byte[1500], answer = new byte[1500];
            Assert.Equal(SdpStatus.Ok, a.CreateOffer(offer, 0, offer.Length, out int no));
            Assert.Equal(SdpStatus.Ok, b.ReceiveOffer(offer, 0, no, answer, 0, answer.Length, out int na));
            Assert.Equal(SdpStatus.Ok, a.ReceiveAnswer(answer, 0, na));
            Assert.Equal(8, a.Result.PayloadType);
            Assert.Equal(8, b.Result.PayloadType);
            Assert.Equal(101, a.Result.TelephoneEventPt);
            Assert.Equal(101, b.Result.TelephoneEventPt);
            Assert.Equal("192.168.1.88", a.Result.RemoteAddress);
            Assert.Equal(50000, a.Result.RemotePort);
            Assert.Equal("192.168.1.77", b.Result.RemoteAddress);
            Assert.Equal(40000, b.Result.RemotePort);
        }
    }
}
