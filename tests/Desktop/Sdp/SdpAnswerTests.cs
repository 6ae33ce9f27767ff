using System;
using Endpoint.Sdp;
using Xunit;

namespace Endpoint.Tests.Sdp
{
    public class SdpAnswerTests
    {
        internal static SdpConfig Config() => new SdpConfig
        {
            Username = "door",
            SessionId = "4711",
            LocalAddress = "192.168.1.77",
            LocalPort = 40000,
        };

        private static SdpSession ParseAnswer(byte[] buf, int n)
        {
            var s = new SdpSession();
            Assert.Equal(SdpStatus.Ok, SdpParser.Parse(buf, 0, n, s));
            return s;
        }

        private static SdpSession Answer(SdpNegotiator neg, string[] offer, SdpStatus expect = SdpStatus.Ok)
        {
            byte[] body = SdpSamples.Bytes(offer);
            byte[] dst = new byte[1500];
            SdpStatus st = neg.ReceiveOffer(body, 0, body.Length, dst, 0, dst.Length, out int n);
            Assert.Equal(expect, st);
            if (st != SdpStatus.Ok)
            {
                Assert.Equal(0, n);
                return null;
            }
            return ParseAnswer(dst, n);
        }

        [Fact]
        public void Baresip_PicksFirstSupportedInOfferOrder_AndTelephoneEvent8000()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.Baresip);
            SdpMediaResult r = neg.Result;
            Assert.True(r.Active);
            Assert.Equal(SdpCodecs.Pcmu, r.Codec);
            Assert.Equal("PCMU", r.CodecName);
            Assert.Equal(0, r.PayloadType);
            Assert.Equal(102, r.TelephoneEventPt);
            Assert.Equal(102, r.ReceiveTelephoneEventPt);
            Assert.Equal("192.168.1.42", r.RemoteAddress);
            Assert.Equal(10466, r.RemotePort);
            Assert.Equal(10467, r.RemoteRtcpPort);
            Assert.Equal(20, r.PtimeMs);
            Assert.True(r.CanSend && r.CanReceive);
            Assert.False(r.RemoteHold);

            Assert.Equal(1, a.MediaCount);
            SdpMedia m = a.Media[0];
            Assert.Equal(40000, m.Port);
            Assert.Equal("RTP/AVP", m.Proto);
            Assert.Equal(2, m.FormatCount);
            Assert.Equal(0, m.Formats[0]);
            Assert.Equal(102, m.Formats[1]);
            Assert.Equal("telephone-event", m.EncodingName[1]);
            Assert.Equal("0-15", m.Fmtp[1]);
            Assert.Equal(SdpDirection.SendRecv, m.EffectiveDirection(a));
            Assert.Equal("192.168.1.77", a.Connection.Address);
            Assert.Equal("door", a.OriginUser);
            Assert.Equal("4711", a.OriginSessionId);
        }

        [Fact]
        public void Linphone_VideoRejectedWithPortZero_MlineCountKept()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.LinphoneWithVideo);
            Assert.Equal(2, a.MediaCount);
            Assert.Equal("audio", a.Media[0].Type);
            Assert.Equal(40000, a.Media[0].Port);
            Assert.Equal("video", a.Media[1].Type);
            Assert.Equal(0, a.Media[1].Port);
            Assert.Equal("96 97", a.Media[1].FormatText);
            Assert.Equal(0, neg.Result.PayloadType);
            Assert.Equal(100, neg.Result.TelephoneEventPt);
            Assert.Equal(0, neg.Result.MediaIndex);
        }

        [Fact]
        public void Asterisk_OffererOrderWins_PcmaChosen()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.Asterisk(1235, "sendrecv"));
            Assert.Equal(SdpCodecs.Pcma, neg.Result.Codec);
            Assert.Equal(8, neg.Result.PayloadType);
            Assert.Equal(101, neg.Result.TelephoneEventPt);
            Assert.Equal(8, a.Media[0].Formats[0]);
            Assert.Equal("PCMA", a.Media[0].EncodingName[0]);
        }

        [Fact]
        public void Asterisk_HoldAndResume()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Asterisk(1235, "sendrecv"));
            Assert.Equal(SdpChange.Active, neg.Result.Changes & SdpChange.Active);

            SdpSession a = Answer(neg, SdpSamples.Asterisk(1236, "sendonly"));
            Assert.Equal(SdpDirection.RecvOnly, a.Media[0].Direction);
            Assert.True(neg.Result.RemoteHold);
            Assert.False(neg.Result.CanSend);
            Assert.True(neg.Result.CanReceive);
            Assert.Equal(SdpChange.Direction, neg.Result.Changes);

            a = Answer(neg, SdpSamples.Asterisk(1237, "inactive"));
            Assert.Equal(SdpDirection.Inactive, a.Media[0].Direction);
            Assert.True(neg.Result.RemoteHold);
            Assert.False(neg.Result.CanReceive);

            a = Answer(neg, SdpSamples.Asterisk(1238, "sendrecv"));
            Assert.Equal(SdpDirection.SendRecv, a.Media[0].Direction);
            Assert.False(neg.Result.RemoteHold);
            Assert.True(neg.Result.CanSend && neg.Result.CanReceive);
        }

        [Fact]
        public void RecvonlyOffer_AnsweredSendonly()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.Asterisk(1, "recvonly"));
            Assert.Equal(SdpDirection.SendOnly, a.Media[0].Direction);
            Assert.True(neg.Result.CanSend);
            Assert.False(neg.Result.CanReceive);
            Assert.False(neg.Result.RemoteHold);
        }

        [Fact]
        public void ReInviteWithNewAddressAndPort_ReportsAddressChange()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Asterisk(1, "sendrecv"));
            Answer(neg, SdpSamples.Asterisk(2, "sendrecv"));
            Assert.Equal(0, neg.Result.Changes);
            Answer(neg, SdpSamples.Asterisk(3, "sendrecv", "203.0.113.99", 17000));
            Assert.Equal(SdpChange.Address, neg.Result.Changes);
            Assert.Equal("203.0.113.99", neg.Result.RemoteAddress);
            Assert.Equal(17000, neg.Result.RemotePort);
            Assert.Equal(17001, neg.Result.RemoteRtcpPort);
        }

        [Fact]
        public void Sipp_MinimalOffer_NoTelephoneEvent()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.Sipp);
            Assert.Equal(-1, neg.Result.TelephoneEventPt);
            Assert.Equal(1, a.Media[0].FormatCount);
            Assert.Equal(0, a.Media[0].Formats[0]);
            Assert.Equal("127.0.0.1", neg.Result.RemoteAddress);
        }

        [Fact]
        public void KamailioProxied_MediaLevelConnectionAndRtcpAddress()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.KamailioProxied);
            SdpMediaResult r = neg.Result;
            Assert.Equal("198.51.100.7", r.RemoteAddress);
            Assert.Equal(35000, r.RemotePort);
            Assert.Equal(35001, r.RemoteRtcpPort);
            Assert.Equal("198.51.100.7", r.RemoteRtcpAddress);
            Assert.Equal(8, r.PayloadType);
        }

        [Fact]
        public void Ipv6Offer()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Ipv6);
            Assert.True(neg.Result.RemoteIpv6);
            Assert.Equal("2001:db8::10", neg.Result.RemoteAddress);
            Assert.Equal(0, neg.Result.PayloadType);
            Assert.Equal(101, neg.Result.TelephoneEventPt);
        }

        [Fact]
        public void DynamicPcmu_UnderstoodAndEchoedWithItsPayloadType()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.DynamicPcmu);
            Assert.Equal(SdpCodecs.Pcmu, neg.Result.Codec);
            Assert.Equal(96, neg.Result.PayloadType);
            Assert.Equal(97, neg.Result.TelephoneEventPt);
            Assert.Equal(30, neg.Result.PtimeMs);
            Assert.Equal(96, a.Media[0].Formats[0]);
            Assert.Equal("PCMU", a.Media[0].EncodingName[0]);
            Assert.Equal(97, a.Media[0].Formats[1]);
        }

        [Fact]
        public void LegacyNullAddressHold()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.LegacyHold);
            Assert.True(neg.Result.RemoteHold);
            Assert.False(neg.Result.CanSend);
            Assert.True(neg.Result.CanReceive);
            Assert.Equal(SdpDirection.RecvOnly, a.Media[0].Direction);
            Assert.Equal("0.0.0.0", neg.Result.RemoteAddress);
        }

        [Fact]
        public void NothingInCommon_NotAcceptable488_StateUnchanged()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Sipp);
            ulong version = neg.LastSentVersion;
            Answer(neg, SdpSamples.NothingInCommon, SdpStatus.NotAcceptable);
            Assert.Equal(488, SdpStatusNames.SipResponseCode(SdpStatus.NotAcceptable));
            Assert.True(neg.Result.Active);
            Assert.Equal("127.0.0.1", neg.Result.RemoteAddress);
            Assert.Equal(version, neg.LastSentVersion);
            Answer(neg, SdpSamples.VideoOnly, SdpStatus.NotAcceptable);
        }

        [Fact]
        public void SavpLineRejected_AvpLineAccepted()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.SavpThenAvp);
            Assert.Equal(2, a.MediaCount);
            Assert.Equal(0, a.Media[0].Port);
            Assert.Equal("RTP/SAVP", a.Media[0].Proto);
            Assert.Equal(40000, a.Media[1].Port);
            Assert.Equal(1, neg.Result.MediaIndex);
            Assert.Equal(4012, neg.Result.RemotePort);
        }

        [Fact]
        public void SecondAudioAndApplicationLinesRejected()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, SdpSamples.TwoAudio);
            Assert.Equal(3, a.MediaCount);
            Assert.Equal(40000, a.Media[0].Port);
            Assert.Equal(8, a.Media[0].Formats[0]);
            Assert.Equal(0, a.Media[1].Port);
            Assert.Equal(0, a.Media[2].Port);
            Assert.Equal("udp", a.Media[2].Proto);
            Assert.Equal("bfcp", a.Media[2].FormatText);
        }

        [Fact]
        public void AllStreamsDisabledByOfferer_AnswerAllZero_MediaInactive()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Sipp);
            string[] off = (string[])SdpSamples.Sipp.Clone();
            off[5] = "m=audio 0 RTP/AVP 0";
            SdpSession a = Answer(neg, off);
            Assert.Equal(0, a.Media[0].Port);
            Assert.False(neg.Result.Active);
            Assert.NotEqual(0, neg.Result.Changes & SdpChange.Active);
        }

        [Theory]
        [InlineData(null, null, 20)]
        [InlineData("a=ptime:10", null, 10)]
        [InlineData("a=ptime:30", null, 30)]
        [InlineData("a=ptime:40", null, 40)]
        [InlineData("a=ptime:60", null, 40)]
        [InlineData("a=ptime:5", null, 10)]
        [InlineData("a=ptime:20.0", null, 20)]
        [InlineData(null, "a=maxptime:10", 10)]
        [InlineData("a=ptime:30", "a=maxptime:20", 20)]
        public void PtimeNegotiation(string ptime, string maxptime, int expected)
        {
            var lines = new System.Collections.Generic.List<string>(SdpSamples.Sipp);
            if (ptime != null) lines.Add(ptime);
            if (maxptime != null) lines.Add(maxptime);
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, lines.ToArray());
            Assert.Equal(expected, neg.Result.PtimeMs);
            Assert.Equal(20, a.Media[0].Ptime);
        }

        [Fact]
        public void SessionLevelDirectionAppliesUnlessMediaOverrides()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a = Answer(neg, new[] { "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "a=sendonly", "m=audio 4000 RTP/AVP 0" });
            Assert.Equal(SdpDirection.RecvOnly, a.Media[0].Direction);
            Assert.True(neg.Result.RemoteHold);
            a = Answer(neg, new[] { "v=0", "o=- 1 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "a=sendonly", "m=audio 4000 RTP/AVP 0", "a=sendrecv" });
            Assert.Equal(SdpDirection.SendRecv, a.Media[0].Direction);
            Assert.False(neg.Result.RemoteHold);
        }

        [Fact]
        public void LocalHoldInAnswer()
        {
            var neg = new SdpNegotiator(Config());
            neg.LocalHold = true;
            SdpSession a = Answer(neg, SdpSamples.Sipp);
            Assert.Equal(SdpDirection.SendOnly, a.Media[0].Direction);
            Assert.True(neg.Result.LocalHold);
            Assert.True(neg.Result.CanSend);
            Assert.False(neg.Result.CanReceive);
            a = Answer(neg, SdpSamples.Asterisk(5, "sendonly"));
            Assert.Equal(SdpDirection.Inactive, a.Media[0].Direction);
        }

        [Fact]
        public void CodecConfigRestrictsChoice()
        {
            SdpConfig cfg = Config();
            cfg.Codecs = new[] { SdpCodecs.Pcma };
            var neg = new SdpNegotiator(cfg);
            Answer(neg, SdpSamples.Baresip);
            Assert.Equal(8, neg.Result.PayloadType);
            cfg.TelephoneEventPt = -1;
            SdpSession a = Answer(neg, SdpSamples.Baresip);
            Assert.Equal(-1, neg.Result.TelephoneEventPt);
            Assert.Equal(1, a.Media[0].FormatCount);
            Assert.NotEqual(0, neg.Result.Changes & SdpChange.TelephoneEvent);
        }

        [Fact]
        public void AnswerVersionGrowsByOnePerSdpSent()
        {
            var neg = new SdpNegotiator(Config());
            SdpSession a1 = Answer(neg, SdpSamples.Asterisk(1, "sendrecv"));
            SdpSession a2 = Answer(neg, SdpSamples.Asterisk(2, "sendonly"));
            SdpSession a3 = Answer(neg, SdpSamples.Asterisk(3, "sendrecv"));
            Assert.Equal(1UL, a1.OriginVersion);
            Assert.Equal(2UL, a2.OriginVersion);
            Assert.Equal(3UL, a3.OriginVersion);
            Assert.Equal(a1.OriginSessionId, a3.OriginSessionId);
            Assert.Equal(3UL, neg.LastSentVersion);
        }

        [Fact]
        public void ParseErrorOfOffer_MapsTo488_AndKeepsState()
        {
            var neg = new SdpNegotiator(Config());
            Answer(neg, SdpSamples.Sipp);
            Answer(neg, new[] { "v=0", "o=- 1 x IN IP4 1.2.3.4", "s=-", "m=audio 1 RTP/AVP 0" }, SdpStatus.BadOrigin);
            Assert.Equal(2, neg.ErrorLine);
            Assert.Equal(488, SdpStatusNames.SipResponseCode(SdpStatus.BadOrigin));
            Assert.True(neg.Result.Active);
        }

        [Fact]
        public void AnswerBufferTooSmall_NothingCommitted()
        {
            var neg = new SdpNegotiator(Config());
            byte[] body = SdpSamples.Bytes(SdpSamples.Baresip);
            byte[] dst = new byte[60];
            Assert.Equal(SdpStatus.BufferTooSmall, neg.ReceiveOffer(body, 0, body.Length, dst, 0, dst.Length, out int n));
            Assert.Equal(0, n);
            Assert.False(neg.Negotiated);
            Assert.Equal(0UL, neg.LastSentVersion);
        }
    }
}
