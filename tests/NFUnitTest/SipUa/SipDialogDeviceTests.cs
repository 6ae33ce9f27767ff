// Device-portable checks of the dialog layer (RFC 3261 §12): a UAC dialog from a 2xx takes the
// remote tag, the Contact as remote target and the Record-Route set reversed; in-dialog requests
// use loose routing (Request-URI = remote target, Route = the set); a strict first route puts its
// URI in the Request-URI and the remote target last; a UAS dialog keeps Record-Route in order and
// adds its tag to the local identity; matching and CSeq ordering; too many routes is a status.
// nanoFramework TestFramework style: public static methods, no generics.
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.SipUa
{
    [TestClass]
    public class SipDialogDeviceTests
    {
        private const string Ok200 =
            "SIP/2.0 200 OK\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKd1\r\n" +
            "Record-Route: <sip:p2.example.com;lr>\r\n" +
            "Record-Route: <sip:p1.example.com;lr>\r\n" +
            "From: <sip:alice@example.com>;tag=a1\r\n" +
            "To: <sip:bob@example.com>;tag=b1\r\n" +
            "Call-ID: dlg-1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:bob@192.0.2.2:5062>\r\n" +
            "Content-Length: 0\r\n\r\n";

        /// <summary>Replaces the first occurrence (String.Replace does not exist on the device).</summary>
        private static string Swap(string s, string from, string to)
        {
            int i = s.IndexOf(from);
            return i < 0 ? s : s.Substring(0, i) + to + s.Substring(i + from.Length);
        }

        private static SipMessage Parse(string text)
        {
            SipMessage m = new SipMessage();
            byte[] b = SipAscii.Bytes(text);
            Assert.AreEqual((int)SipParseStatus.Ok, (int)m.Parse(b, 0, b.Length));
            return m;
        }

        private static SipDialog Uac()
        {
            SipDialog d = new SipDialog(new DialogLimits());
            d.CallId.SetAscii("dlg-1");
            d.LocalTag.SetAscii("a1");
            d.LocalHeader.SetAscii("<sip:alice@example.com>;tag=a1");
            d.RemoteHeader.SetAscii("<sip:bob@example.com>");
            d.RemoteTarget.SetAscii("sip:bob@example.com");
            d.StartUac(1);
            return d;
        }

        private static string Write(SipDialog d, SipMethod method)
        {
            SipWriter w = new SipWriter();
            byte[] buf = new byte[1024];
            w.Start(buf, 0, buf.Length);
            d.WriteRequestLine(w, method);
            d.WriteRoutes(w);
            d.WriteIdentity(w, d.NextLocalCSeq(), method);
            w.NoBody();
            return SipAscii.ToText(buf, new Slice(0, w.Length));
        }

        [TestMethod]
        public static void UacDialogFrom2xx_RouteSetReversed_LooseRouting()
        {
            SipDialog d = Uac();
            Assert.AreEqual((int)DialogStatus.Ok, (int)d.OnUacResponse(Parse(Ok200)));
            Assert.AreEqual((int)DialogState.Confirmed, (int)d.State);
            Assert.AreEqual("b1", d.RemoteTag.ToText());
            Assert.AreEqual("sip:bob@192.0.2.2:5062", d.RemoteTarget.ToText());
            Assert.AreEqual(2, d.Routes.Count);
            Assert.AreEqual("<sip:p1.example.com;lr>", SipAscii.ToText(d.Routes.Arena, d.Routes.Get(0)));
            Assert.AreEqual("<sip:p2.example.com;lr>", SipAscii.ToText(d.Routes.Arena, d.Routes.Get(1)));
            Assert.IsFalse(d.FirstRouteIsStrict);
            string bye = Write(d, SipMethod.Bye);
            Assert.IsTrue(bye.IndexOf("BYE sip:bob@192.0.2.2:5062 SIP/2.0\r\n") == 0);
            int r1 = bye.IndexOf("Route: <sip:p1.example.com;lr>");
            int r2 = bye.IndexOf("Route: <sip:p2.example.com;lr>");
            Assert.IsTrue(r1 > 0 && r2 > r1);
            Assert.IsTrue(bye.IndexOf("To: <sip:bob@example.com>;tag=b1\r\n") > 0);
            Assert.IsTrue(bye.IndexOf("CSeq: 2 BYE\r\n") > 0);
            byte[] hb;
            SipUri hop;
            Assert.IsTrue(d.GetNextHop(out hb, out hop));
            Assert.AreEqual("p1.example.com", SipAscii.ToText(hb, hop.Host));
        }

        [TestMethod]
        public static void StrictFirstRoute_RequestUriIsRoute_TargetLast()
        {
            SipDialog d = Uac();
            string strict = Swap(Ok200, "<sip:p1.example.com;lr>", "<sip:p1.example.com;maddr=192.0.2.9>");
            Assert.AreEqual((int)DialogStatus.Ok, (int)d.OnUacResponse(Parse(strict)));
            Assert.IsTrue(d.FirstRouteIsStrict);
            string bye = Write(d, SipMethod.Bye);
            Assert.IsTrue(bye.IndexOf("BYE sip:p1.example.com;maddr=192.0.2.9 SIP/2.0\r\n") == 0);
            int r2 = bye.IndexOf("Route: <sip:p2.example.com;lr>");
            int rt = bye.IndexOf("Route: <sip:bob@192.0.2.2:5062>");
            Assert.IsTrue(r2 > 0 && rt > r2);
            Assert.IsTrue(bye.IndexOf("Route: <sip:p1.example.com") < 0);
        }

        [TestMethod]
        public static void UasDialogFromInvite_RoutesInOrder_TagAdded_MatchAndCSeq()
        {
            string invite =
                "INVITE sip:bob@192.0.2.2:5062 SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP p2.example.com;branch=z9hG4bKp2\r\n" +
                "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKd1\r\n" +
                "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n" +
                "From: \"Alice\" <sip:alice@example.com>;tag=a1\r\n" +
                "To: <sip:bob@example.com>\r\n" +
                "Call-ID: dlg-2\r\n" +
                "CSeq: 7 INVITE\r\n" +
                "Contact: <sip:alice@192.0.2.1:5060>\r\n" +
                "Content-Length: 0\r\n\r\n";
            SipDialog d = new SipDialog(new DialogLimits());
            byte[] tag = SipAscii.Bytes("b9");
            Assert.AreEqual((int)DialogStatus.Ok, (int)d.InitUas(Parse(invite), tag, new Slice(0, 2)));
            Assert.AreEqual("<sip:bob@example.com>;tag=b9", d.LocalHeader.ToText());
            Assert.AreEqual("\"Alice\" <sip:alice@example.com>;tag=a1", d.RemoteHeader.ToText());
            Assert.AreEqual("<sip:p2.example.com;lr>", SipAscii.ToText(d.Routes.Arena, d.Routes.Get(0)));
            Assert.AreEqual(7L, d.RemoteCSeq);
            string bye = Write(d, SipMethod.Bye);
            Assert.IsTrue(bye.IndexOf("BYE sip:alice@192.0.2.1:5060 SIP/2.0\r\n") == 0);
            Assert.IsTrue(bye.IndexOf("Route: <sip:p2.example.com;lr>") < bye.IndexOf("Route: <sip:p1.example.com;lr>"));
            Assert.IsTrue(bye.IndexOf("CSeq: 1 BYE") > 0);

            string info = "INFO sip:bob@192.0.2.2:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKi\r\n" +
                          "From: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>;tag=b9\r\nCall-ID: dlg-2\r\nCSeq: 8 INFO\r\nContent-Length: 0\r\n\r\n";
            d.State = DialogState.Confirmed;
            SipMessage m = Parse(info);
            Assert.IsTrue(d.Matches(m));
            Assert.AreEqual((int)DialogStatus.Ok, (int)d.CheckRemoteCSeq(m));
            Assert.AreEqual((int)DialogStatus.CSeqOutOfOrder, (int)d.CheckRemoteCSeq(m));
            Assert.IsFalse(d.Matches(Parse(Swap(info, "tag=b9", "tag=zz"))));
        }

        [TestMethod]
        public static void TooManyRoutes_IsAStatus()
        {
            DialogLimits small = new DialogLimits();
            small.MaxRoutes = 1;
            SipDialog d = new SipDialog(small);
            d.CallId.SetAscii("dlg-1");
            d.LocalTag.SetAscii("a1");
            d.StartUac(1);
            Assert.AreEqual((int)DialogStatus.TooManyRoutes, (int)d.OnUacResponse(Parse(Ok200)));
            Assert.AreEqual((int)DialogState.None, (int)d.State);
            Assert.AreEqual(0, d.Routes.Count);
            Assert.AreEqual((int)DialogStatus.MissingTag, (int)Uac().OnUacResponse(Parse(Swap(Ok200, ";tag=b1", ""))));
        }
    }
}
