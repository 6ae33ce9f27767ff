// SDP parse, answer and offer on the device: the core paths with a small memory footprint.
// Device-portable (no generics, only the listed Assert members).
using Endpoint.Sdp;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Sdp
{
    [TestClass]
    public class SdpDeviceTests
    {
        private static byte[] Bytes(string s)
        {
            return System.Text.Encoding.UTF8.GetBytes(s);
        }

        private static SdpConfig Config()
        {
            SdpConfig c = new SdpConfig();
            c.SessionId = "123";
            c.LocalAddress = "10.1.1.2";
            c.LocalPort = 4000;
            return c;
        }

        [TestMethod]
        public static void ParsesAsteriskStyleOffer()
        {
            byte[] b = Bytes("v=0\r\no=- 1234 1235 IN IP4 203.0.113.10\r\ns=Asterisk\r\nc=IN IP4 203.0.113.10\r\nt=0 0\r\n" +
                             "m=audio 16384 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
                             "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=maxptime:150\r\na=sendrecv\r\n");
            SdpSession s = new SdpSession();
            Assert.AreEqual((int)SdpStatus.Ok, (int)SdpParser.Parse(b, 0, b.Length, s));
            Assert.AreEqual(1235UL, s.OriginVersion);
            Assert.AreEqual(1, s.MediaCount);
            SdpMedia m = s.Media[0];
            Assert.AreEqual("audio", m.Type);
            Assert.AreEqual(16384, m.Port);
            Assert.AreEqual(3, m.FormatCount);
            Assert.AreEqual("telephone-event", m.EncodingName[2]);
            Assert.AreEqual("0-16", m.Fmtp[2]);
            Assert.AreEqual(150, m.MaxPtime);
            Assert.AreEqual(SdpCodecs.Pcma, SdpCodecs.Resolve(m, 0));
            Assert.AreEqual("203.0.113.10", m.EffectiveConnection(s).Address);
        }

        [TestMethod]
        public static void MalformedIsStatusNotException()
        {
            SdpSession s = new SdpSession();
            byte[] b = Bytes("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n");
            Assert.AreEqual((int)SdpStatus.BadMedia, (int)SdpParser.Parse(b, 0, b.Length, s));
            Assert.AreEqual(3, s.ErrorLine);
            b = new byte[] { 0xFF, 0x00, 0x3D, 0x0A };
            Assert.AreEqual((int)SdpStatus.MalformedLine, (int)SdpParser.Parse(b, 0, b.Length, s));
            b = Bytes("o=- 1 1 IN IP4 1.2.3.4\r\n");
            Assert.AreEqual((int)SdpStatus.BadVersion, (int)SdpParser.Parse(b, 0, b.Length, s));
            Assert.AreEqual((int)SdpStatus.Empty, (int)SdpParser.Parse(b, 0, 0, s));
            Assert.AreEqual("BadMedia", SdpStatusNames.Name(SdpStatus.BadMedia));
        }

        [TestMethod]
        public static void AnswersDynamicPcmuWithTelephoneEvent()
        {
            SdpNegotiator n = new SdpNegotiator(Config());
            byte[] offer = Bytes("v=0\r\no=gw 1 1 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\n" +
                                 "m=audio 20000 RTP/AVP 96 97\r\na=rtpmap:96 PCMU/8000\r\na=rtpmap:97 telephone-event/8000\r\n");
            byte[] dst = new byte[600];
            int len;
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.ReceiveOffer(offer, 0, offer.Length, dst, 0, dst.Length, out len));
            Assert.AreEqual(96, n.Result.PayloadType);
            Assert.AreEqual("PCMU", n.Result.CodecName);
            Assert.AreEqual(97, n.Result.TelephoneEventPt);
            Assert.AreEqual(20000, n.Result.RemotePort);
            string text = System.Text.Encoding.UTF8.GetString(dst, 0, len);
            Assert.Contains("m=audio 4000 RTP/AVP 96 97\r\n", text);
            Assert.Contains("a=rtpmap:96 PCMU/8000\r\n", text);
            Assert.Contains("a=rtpmap:97 telephone-event/8000\r\n", text);
            Assert.Contains("a=sendrecv\r\n", text);
        }

        [TestMethod]
        public static void RejectsVideoKeepsLineAndSays488WhenNothingFits()
        {
            SdpNegotiator n = new SdpNegotiator(Config());
            byte[] dst = new byte[600];
            int len;
            byte[] offer = Bytes("v=0\r\no=- 1 1 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\nm=video 5002 RTP/AVP 96\r\n");
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.ReceiveOffer(offer, 0, offer.Length, dst, 0, dst.Length, out len));
            Assert.Contains("m=video 0 RTP/AVP 96\r\n", System.Text.Encoding.UTF8.GetString(dst, 0, len));
            offer = Bytes("v=0\r\no=- 1 2 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\nm=audio 5000 RTP/AVP 18\r\n");
            SdpStatus st = n.ReceiveOffer(offer, 0, offer.Length, dst, 0, dst.Length, out len);
            Assert.AreEqual((int)SdpStatus.NotAcceptable, (int)st);
            Assert.AreEqual(488, SdpStatusNames.SipResponseCode(st));
            Assert.AreEqual(0, len);
        }

        [TestMethod]
        public static void OfferAnswerWithHold()
        {
            SdpNegotiator n = new SdpNegotiator(Config());
            byte[] dst = new byte[600];
            int len;
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.CreateOffer(dst, 0, dst.Length, out len));
            Assert.Contains("o=- 123 1 IN IP4 10.1.1.2\r\n", System.Text.Encoding.UTF8.GetString(dst, 0, len));
            byte[] ans = Bytes("v=0\r\no=- 9 9 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 6000 RTP/AVP 8\r\n");
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.ReceiveAnswer(ans, 0, ans.Length));
            Assert.AreEqual(8, n.Result.PayloadType);
            Assert.AreEqual(-1, n.Result.TelephoneEventPt);

            n.LocalHold = true;
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.CreateOffer(dst, 0, dst.Length, out len));
            string text = System.Text.Encoding.UTF8.GetString(dst, 0, len);
            Assert.Contains("o=- 123 2 IN IP4 10.1.1.2\r\n", text);
            Assert.Contains("a=sendonly\r\n", text);
            ans = Bytes("v=0\r\no=- 9 10 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 6000 RTP/AVP 8\r\na=recvonly\r\n");
            Assert.AreEqual((int)SdpStatus.Ok, (int)n.ReceiveAnswer(ans, 0, ans.Length));
            Assert.IsTrue(n.Result.LocalHold);
            Assert.IsTrue(n.Result.CanSend);
            Assert.IsFalse(n.Result.CanReceive);
            Assert.AreEqual(SdpChange.Direction, n.Result.Changes);
        }
    }
}
