// SIP INFO DTMF bodies (application/dtmf-relay, application/dtmf). Device-portable.
using Endpoint.Media.Dtmf;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Dtmf
{
    [TestClass]
    public class DtmfInfoTests
    {
        private static DtmfInfoStatus Relay(string body, out char d, out int ms)
        {
            byte[] b = System.Text.Encoding.UTF8.GetBytes(body);
            return DtmfInfo.ParseRelay(b, 0, b.Length, out d, out ms);
        }

        [TestMethod]
        public static void CiscoStyleBody()
        {
            char d;
            int ms;
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)Relay("Signal=5\r\nDuration=160\r\n", out d, out ms));
            Assert.AreEqual('5', d);
            Assert.AreEqual(160, ms);
        }

        [TestMethod]
        public static void SpacesCaseAndBareLineFeeds()
        {
            char d;
            int ms;
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)Relay("signal= *\nduration = 250\n", out d, out ms));
            Assert.AreEqual('*', d);
            Assert.AreEqual(250, ms);
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)Relay("SIGNAL=#", out d, out ms));
            Assert.AreEqual('#', d);
            Assert.AreEqual(DtmfInfo.DefaultDurationMs, ms);
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)Relay("Duration=90\r\nSignal=d\r\n", out d, out ms));
            Assert.AreEqual('D', d);
            Assert.AreEqual(90, ms);
        }

        [TestMethod]
        public static void EventNumbersAccepted()
        {
            char d;
            int ms;
            Relay("Signal=10\r\n", out d, out ms);
            Assert.AreEqual('*', d);
            Relay("Signal=11\r\n", out d, out ms);
            Assert.AreEqual('#', d);
            Relay("Signal=15\r\n", out d, out ms);
            Assert.AreEqual('D', d);
        }

        [TestMethod]
        public static void BadBodies()
        {
            char d;
            int ms;
            Assert.AreEqual((int)DtmfInfoStatus.BadSignal, (int)Relay("Signal=!\r\nDuration=2000", out d, out ms));
            Assert.AreEqual((int)DtmfInfoStatus.BadSignal, (int)Relay("Signal=16", out d, out ms));
            Assert.AreEqual((int)DtmfInfoStatus.BadSignal, (int)Relay("Signal=", out d, out ms));
            Assert.AreEqual((int)DtmfInfoStatus.NoSignal, (int)Relay("Duration=100\r\n", out d, out ms));
            Assert.AreEqual((int)DtmfInfoStatus.NoSignal, (int)Relay("garbage without equals", out d, out ms));
            Assert.AreEqual((int)DtmfInfoStatus.Empty, (int)DtmfInfo.ParseRelay(new byte[0], 0, 0, out d, out ms));
            Assert.AreEqual('\0', d);
            Assert.AreEqual("BadSignal", DtmfInfo.Name(DtmfInfoStatus.BadSignal));
        }

        [TestMethod]
        public static void ApplicationDtmf()
        {
            char d;
            byte[] b = System.Text.Encoding.UTF8.GetBytes(" 7\r\n");
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)DtmfInfo.ParseDtmf(b, 0, b.Length, out d));
            Assert.AreEqual('7', d);
            b = System.Text.Encoding.UTF8.GetBytes("11");
            DtmfInfo.ParseDtmf(b, 0, b.Length, out d);
            Assert.AreEqual('#', d);
            b = System.Text.Encoding.UTF8.GetBytes("xy");
            Assert.AreEqual((int)DtmfInfoStatus.BadSignal, (int)DtmfInfo.ParseDtmf(b, 0, b.Length, out d));
        }

        [TestMethod]
        public static void DispatchByContentType()
        {
            char d;
            int ms;
            byte[] b = System.Text.Encoding.UTF8.GetBytes("Signal=3\r\nDuration=100\r\n");
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)DtmfInfo.Parse("Application/DTMF-Relay; charset=utf-8", b, 0, b.Length, out d, out ms));
            Assert.AreEqual('3', d);
            Assert.AreEqual(100, ms);
            Assert.AreEqual((int)DtmfInfoStatus.UnsupportedType, (int)DtmfInfo.Parse("text/plain", b, 0, b.Length, out d, out ms));
            byte[] one = System.Text.Encoding.UTF8.GetBytes("#");
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)DtmfInfo.Parse("application/dtmf", one, 0, 1, out d, out ms));
            Assert.AreEqual('#', d);
        }

        [TestMethod]
        public static void WriteThenParse()
        {
            byte[] buf = new byte[64];
            int n = DtmfInfo.WriteRelay('*', 160, buf, 3, 61);
            Assert.AreEqual("Signal=*\r\nDuration=160\r\n", System.Text.Encoding.UTF8.GetString(buf, 3, n));
            char d;
            int ms;
            Assert.AreEqual((int)DtmfInfoStatus.Ok, (int)DtmfInfo.ParseRelay(buf, 3, n, out d, out ms));
            Assert.AreEqual('*', d);
            Assert.AreEqual(160, ms);
            Assert.AreEqual(-1, DtmfInfo.WriteRelay('*', 160, buf, 0, 10), "too small");
            Assert.AreEqual(-1, DtmfInfo.WriteRelay('x', 160, buf, 0, 64), "not a digit");
            n = DtmfInfo.WriteRelay('0', 5, buf, 0, 64);
            Assert.AreEqual("Signal=0\r\nDuration=5\r\n", System.Text.Encoding.UTF8.GetString(buf, 0, n));
        }
    }
}
