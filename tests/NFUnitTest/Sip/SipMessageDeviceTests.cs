// Device-portable checks of the SIP message layer (RFC 3261 §7): parse a request with compact and
// folded headers, reject a message without Call-ID with a usable 400 reason, write a response
// from a request and parse it back, frame two messages from one TCP piece. nanoFramework
// TestFramework style: public static methods, no generics.
using Endpoint.Sip.Message;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Sip
{
    [TestClass]
    public class SipMessageDeviceTests
    {
        private static byte[] Ascii(string s)
        {
            return SipAscii.Bytes(s);
        }

        private const string Options =
            "OPTIONS sip:u@example.com SIP/2.0\r\n" +
            "v: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKdev1;rport\r\n" +
            "f: \"Dev\" <sip:a@example.com>;tag=f1\r\n" +
            "t: <sip:u@example.com>\r\n" +
            "i: dev-1@example.com\r\n" +
            "CSeq: 10\r\n OPTIONS\r\n" +
            "l: 0\r\n" +
            "\r\n";

        [TestMethod]
        public static void ParsesCompactAndFoldedHeaders()
        {
            SipMessage m = new SipMessage();
            byte[] b = Ascii(Options);
            Assert.AreEqual((int)SipParseStatus.Ok, (int)m.Parse(b, 0, b.Length));
            Assert.AreEqual((int)SipMethod.Options, (int)m.Method);
            Assert.AreEqual("z9hG4bKdev1", m.Text(m.TopVia.Branch));
            Assert.IsTrue(m.TopVia.HasRport);
            Assert.AreEqual("f1", m.Text(m.From.Tag));
            Assert.AreEqual("dev-1@example.com", m.Text(m.CallId));
            Assert.AreEqual(10L, m.CSeq);
            Assert.AreEqual((int)SipMethod.Options, (int)m.CSeqMethod);
            Assert.AreEqual(0, m.ContentLength);
            Assert.IsTrue(m.CanAnswer);
        }

        [TestMethod]
        public static void MissingCallIdCannotBeAnswered()
        {
            SipMessage m = new SipMessage();
            byte[] b = Ascii("OPTIONS sip:u@example.com SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nf: <sip:a@b>;tag=1\r\nt: <sip:c@d>\r\nCSeq: 1 OPTIONS\r\n\r\n");
            Assert.AreEqual((int)SipParseStatus.Malformed, (int)m.Parse(b, 0, b.Length));
            Assert.AreEqual((int)SipError.MissingCallId, (int)m.Error);
            Assert.AreEqual("Missing Call-ID", m.ErrorReason);
            Assert.IsFalse(m.CanAnswer);
        }

        [TestMethod]
        public static void WritesResponseAndParsesItBack()
        {
            SipMessage req = new SipMessage();
            byte[] b = Ascii(Options);
            req.Parse(b, 0, b.Length);
            SipWriter w = new SipWriter();
            byte[] outBuf = new byte[512];
            w.Start(outBuf, 0, outBuf.Length);
            w.StatusLine(200, "OK");
            byte[] tag = Ascii("t9");
            byte[] rcv = Ascii("203.0.113.5");
            w.ResponseHeaders(req, tag, new Slice(0, tag.Length), rcv, new Slice(0, rcv.Length), 4000);
            w.NoBody();
            Assert.AreEqual((int)SipWriteStatus.Ok, (int)w.Status);
            SipMessage resp = new SipMessage();
            Assert.AreEqual((int)SipParseStatus.Ok, (int)resp.Parse(outBuf, 0, w.Length));
            Assert.AreEqual(200, resp.StatusCode);
            Assert.AreEqual("t9", resp.Text(resp.To.Tag));
            Assert.AreEqual(4000, resp.TopVia.Rport);
            Assert.AreEqual("203.0.113.5", resp.Text(resp.TopVia.Received));

            w.Start(outBuf, 0, 20);
            w.StatusLine(200, "OK");
            w.ResponseHeaders(req, tag, new Slice(0, tag.Length));
            Assert.AreEqual((int)SipWriteStatus.BufferTooSmall, (int)w.Status);
        }

        [TestMethod]
        public static void FramesTwoMessagesAndAPing()
        {
            byte[] one = Ascii(Options);
            byte[] all = new byte[one.Length * 2 + 4];
            System.Array.Copy(one, 0, all, 0, one.Length);
            all[one.Length] = 13; all[one.Length + 1] = 10; all[one.Length + 2] = 13; all[one.Length + 3] = 10;
            System.Array.Copy(one, 0, all, one.Length + 4, one.Length);
            SipStreamFramer f = new SipStreamFramer(2048);
            Assert.AreEqual(all.Length, f.Write(all, 0, all.Length));
            Assert.AreEqual((int)SipFrameStatus.Message, (int)f.Next());
            Assert.AreEqual(one.Length, f.MessageLength);
            Assert.AreEqual((int)SipFrameStatus.KeepAlivePing, (int)f.Next());
            Assert.AreEqual((int)SipFrameStatus.Message, (int)f.Next());
            Assert.AreEqual((int)SipFrameStatus.NeedMoreData, (int)f.Next());
        }
    }
}
