// Overlay records on the device: a location record through a DHT value body and value line and
// back, and the main rejections (another key, altered, expired, replayed, other AOR).
using Endpoint.Overlay.Dht;
using Endpoint.Overlay.Records;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Overlay
{
    [TestClass]
    public class RecordDeviceTests
    {
        private const long Now = 1795252152;

        private static int Write(RecordSigner signer, byte[] buf, long seq, long expires, string aor)
        {
            LocationRecord r = new LocationRecord();
            r.Aor = aor;
            r.Seq = seq;
            r.Expires = expires;
            r.Online = true;
            r.Contacts = new string[] { "sip:alice@192.168.1.20:5060" };
            return new RecordWriter(signer).WriteLocation(buf, 0, r);
        }

        [TestMethod]
        public static void Location_ThroughValueLine_Verifies()
        {
            byte[] rec = new byte[RecordFormat.MaxRecordBytes];
            int n = Write(NfOverlayUtil.Signer(1), rec, 7, Now + 900, "alice@home.example");
            Assert.IsTrue(n > 0 && n < 200);
            byte[] body = new byte[DhtRequests.ValueBodyLength(n)];
            int bl = DhtRequests.WriteValueBody(body, 0, 12345678901234567890UL, rec, 0, n, 0);
            Assert.IsTrue(bl > 0);
            // The proxy answers with the id as a string; turn our body into that shape.
            string line = NfOverlayUtil.Text(body, 0, bl);
            line = "{\"data\":" + line.Substring(line.IndexOf("\"data\":") + 7, line.IndexOf(",\"type\"") - line.IndexOf("\"data\":") - 7) + ",\"id\":\"12345678901234567890\",\"type\":0}";
            byte[] lb = NfOverlayUtil.Bytes(line);
            DhtValueParser p = new DhtValueParser();
            Assert.AreEqual((int)DhtValueStatus.Ok, (int)p.Parse(lb, 0, lb.Length));
            Assert.AreEqual(12345678901234567890UL, p.Id);
            Assert.AreEqual(n, p.DataLength);
            RecordVerifier v = new RecordVerifier(NfOverlayUtil.Signer(1));
            Assert.AreEqual((int)RecordStatus.Ok, (int)v.Verify(p.Data, 0, p.DataLength, RecordFormat.KindLocation, "alice@home.example", Now));
            LocationRecord back = LocationRecord.Read(v.Reader);
            Assert.AreEqual("sip:alice@192.168.1.20:5060", back.Contacts[0]);
            Assert.AreEqual(7L, back.Seq);
        }

        [TestMethod]
        public static void Rejections()
        {
            byte[] rec = new byte[RecordFormat.MaxRecordBytes];
            RecordVerifier v = new RecordVerifier(NfOverlayUtil.Signer(1));
            int n = Write(NfOverlayUtil.Signer(2), rec, 5, Now + 900, "alice@home.example");
            Assert.AreEqual((int)RecordStatus.UnknownKey, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
            n = Write(NfOverlayUtil.Signer(1), rec, 5, Now + 900, "alice@home.example");
            Assert.AreEqual((int)RecordStatus.WrongAor, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "bob@home.example", Now));
            Assert.AreEqual((int)RecordStatus.Expired, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now + 900));
            Assert.AreEqual((int)RecordStatus.Ok, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
            rec[n - 40] ^= 1;
            Assert.AreNotEqual((int)RecordStatus.Ok, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
            n = Write(NfOverlayUtil.Signer(1), rec, 4, Now + 900, "alice@home.example");
            Assert.AreEqual((int)RecordStatus.Replayed, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
            n = Write(null, rec, 6, Now + 900, "alice@home.example");
            Assert.AreEqual((int)RecordStatus.Unsigned, (int)v.Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [TestMethod]
        public static void SeenIds_SurviveSerialization()
        {
            SeenIdSet s = new SeenIdSet(4);
            byte[] id = new byte[16];
            CountingRandom rnd = new CountingRandom(3);
            rnd.NextBytes(id, 0, 16);
            Assert.IsTrue(s.Add(id, 0));
            byte[] buf = new byte[s.SerializedMaxLength];
            int n = s.Serialize(buf, 0);
            SeenIdSet t = new SeenIdSet(4);
            Assert.IsTrue(t.Load(buf, 0, n));
            Assert.IsFalse(t.Add(id, 0));
        }
    }
}
