// Signed overlay records: round trips, size budget, every rejection reason (unsigned, unknown
// alg, another key, forged/altered, wrong kind, other AOR, expired, too far, replayed, malformed
// at every truncation, oversized, unsupported version), forward compatibility with unknown
// fields, freshest choice, message and receipt records, the seen-id set's persistence, the
// replay table's bound, and AOR normalization.
using System;
using System.Text;
using Endpoint.Overlay.Records;
using Xunit;
using static Endpoint.Tests.Overlay.OverlayTestUtil;

namespace Endpoint.Tests.Overlay
{
    public class RecordTests
    {
        private const long Now = 1795252152; // a Unix time seen on the test machine

        private static RecordWriter OurWriter() => new RecordWriter(Signer(1));
        private static RecordVerifier OurVerifier() => new RecordVerifier(Signer(1));

        [Fact]
        public void Location_RoundTrip()
        {
            var r = Location("alice@home.example", 42, Now + 900, true, "sip:alice@192.168.1.20:5060", "sip:alice@203.0.113.7:5060");
            r.Transport = "tcp";
            byte[] rec = Write(OurWriter(), r);
            var v = OurVerifier();
            Assert.Equal(RecordStatus.Ok, v.Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            LocationRecord back = LocationRecord.Read(v.Reader);
            Assert.Equal("alice@home.example", back.Aor);
            Assert.Equal(new[] { "sip:alice@192.168.1.20:5060", "sip:alice@203.0.113.7:5060" }, back.Contacts);
            Assert.Equal("tcp", back.Transport);
            Assert.Equal(42, back.Seq);
            Assert.Equal(Now + 900, back.Expires);
            Assert.True(back.Online);
            Assert.InRange(rec.Length, 100, 200); // compact: well under the 600-byte DHT value budget
        }

        [Fact]
        public void Location_LargestRecordStaysUnder512()
        {
            string aor = new string('u', 60) + "@" + new string('h', 60) + ".example";
            string c = "sip:" + new string('c', 240);
            var r = Location(aor, long.MaxValue, Now + 900, true, c, c, c, c);
            var buf = new byte[2048];
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteLocation(buf, 0, r)); // 4 x 244-byte contacts do not fit
            r.Contacts = new[] { c };
            int n = OurWriter().WriteLocation(buf, 0, r);
            Assert.InRange(n, 300, RecordFormat.MaxRecordBytes);
            r.Contacts = new[] { "sip:" + new string('c', 300) };
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteLocation(buf, 0, r)); // one field over 255 bytes
            r.Contacts = new[] { "a", "b", "c", "d", "e" };
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteLocation(buf, 0, r)); // more than MaxContacts
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteLocation(new byte[50], 0, Location("a@b", 1, Now)));
        }

        [Fact]
        public void Offline_RecordWithoutContacts()
        {
            byte[] rec = Write(OurWriter(), Location("alice@home.example", 43, Now + 600, false));
            var v = OurVerifier();
            Assert.Equal(RecordStatus.Ok, v.Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.False(v.Reader.Online);
            Assert.Equal(0, v.Reader.ContactCount);
        }

        [Fact]
        public void Rejects_Unsigned()
        {
            byte[] rec = Write(new RecordWriter(null), Location("alice@home.example", 1, Now + 900));
            Assert.Equal(RecordStatus.Unsigned, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            // alg 0 with a signature field is unsigned too.
            var w = new RecordWriter(null);
            var buf = new byte[512];
            w.BeginRaw(buf, 0, RecordFormat.KindLocation);
            w.AddBytes(RecordFormat.FieldAlg, new byte[] { 0 }, 0, 1);
            AddLocationFields(w, "alice@home.example", 1, Now + 900);
            w.AddBytes(RecordFormat.FieldSig, new byte[32], 0, 32);
            int n = w.Finish();
            Assert.Equal(RecordStatus.Unsigned, OurVerifier().Verify(buf, 0, n, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        private static void AddLocationFields(RecordWriter w, string aor, long seq, long expires)
        {
            w.AddU63(RecordFormat.FieldSeq, seq);
            w.AddU63(RecordFormat.FieldExpires, expires);
            w.AddText(RecordFormat.FieldAor, aor);
            w.AddByte(RecordFormat.FieldState, 1);
            w.AddText(RecordFormat.FieldContact, "sip:x@1.2.3.4");
        }

        // A record with our key id and a correct HMAC but a different alg number.
        private static byte[] WithAlg(byte alg)
        {
            RecordSigner s = Signer(1);
            var w = new RecordWriter(null);
            var buf = new byte[512];
            w.BeginRaw(buf, 0, RecordFormat.KindLocation);
            var alg9 = new byte[9];
            alg9[0] = alg;
            Array.Copy(s.KeyId, 0, alg9, 1, 8);
            w.AddBytes(RecordFormat.FieldAlg, alg9, 0, 9);
            AddLocationFields(w, "alice@home.example", 1, Now + 900);
            int signed = w.Finish();
            var mac = new byte[32];
            s.Sign(buf, 0, signed, mac, 0);
            buf[signed] = RecordFormat.FieldSig;
            buf[signed + 1] = 32;
            Array.Copy(mac, 0, buf, signed + 2, 32);
            var rec = new byte[signed + 34];
            Array.Copy(buf, rec, rec.Length);
            return rec;
        }

        [Fact]
        public void Rejects_UnknownAlg_ButAcceptsTheSameBytesAsAlg1()
        {
            byte[] ed = WithAlg(RecordFormat.AlgEd25519Device);
            Assert.Equal(RecordStatus.UnknownAlg, OurVerifier().Verify(ed, 0, ed.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            byte[] other = WithAlg(77);
            Assert.Equal(RecordStatus.UnknownAlg, OurVerifier().Verify(other, 0, other.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            byte[] good = WithAlg(RecordFormat.AlgHmacSha256Site);
            Assert.Equal(RecordStatus.Ok, OurVerifier().Verify(good, 0, good.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_AnotherSitesKey()
        {
            byte[] rec = Write(new RecordWriter(Signer(2)), Location("alice@home.example", 1, Now + 900));
            Assert.Equal(RecordStatus.UnknownKey, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.NotEqual(Convert.ToHexString(Signer(1).KeyId), Convert.ToHexString(Signer(2).KeyId));
            Assert.Equal(Convert.ToHexString(Signer(1).KeyId), Convert.ToHexString(Signer(1).KeyId));
        }

        [Fact]
        public void Rejects_Forged_WrongKeyBehindOurKeyId()
        {
            // The forger copies our key id but can only sign with his own key.
            RecordSigner forger = Signer(3);
            byte[] rec = Write(new RecordWriter(forger), Location("alice@home.example", 99, Now + 900, true, "sip:alice@6.6.6.6"));
            Array.Copy(Signer(1).KeyId, 0, rec, 3 + 3, 8); // alg field: type, len, alg, then the key id
            var mac = new byte[32];
            forger.Sign(rec, 0, rec.Length - 34, mac, 0);
            Array.Copy(mac, 0, rec, rec.Length - 32, 32);
            Assert.Equal(RecordStatus.BadSignature, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_AlteredAnyByte()
        {
            byte[] rec = Write(OurWriter(), Location("alice@home.example", 5, Now + 900));
            for (int i = 0; i < rec.Length; i++)
            {
                byte[] t = (byte[])rec.Clone();
                t[i] ^= 0x01;
                RecordStatus s = OurVerifier().Verify(t, 0, t.Length, RecordFormat.KindLocation, "alice@home.example", Now);
                Assert.NotEqual(RecordStatus.Ok, s);
            }
            // Changing the contact keeps the structure valid: then only the MAC catches it.
            int at = Encoding.ASCII.GetString(rec).IndexOf("192.168", StringComparison.Ordinal);
            rec[at] = (byte)'2';
            Assert.Equal(RecordStatus.BadSignature, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_Expired_And_TooFar()
        {
            byte[] rec = Write(OurWriter(), Location("alice@home.example", 5, Now + 900));
            Assert.Equal(RecordStatus.Ok, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now + 899));
            Assert.Equal(RecordStatus.Expired, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now + 900));
            Assert.Equal(RecordStatus.Expired, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now + 100000));
            byte[] far = Write(OurWriter(), Location("alice@home.example", 5, Now + 3 * 86400));
            Assert.Equal(RecordStatus.ExpiryTooFar, OurVerifier().Verify(far, 0, far.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_Replayed_OlderSequence()
        {
            var w = OurWriter();
            byte[] s10 = Write(w, Location("alice@home.example", 10, Now + 900));
            byte[] s9 = Write(w, Location("alice@home.example", 9, Now + 950));
            byte[] s11 = Write(w, Location("alice@home.example", 11, Now + 900));
            byte[] bob3 = Write(w, Location("bob@home.example", 3, Now + 900));
            var v = OurVerifier();
            Assert.Equal(RecordStatus.Ok, v.Verify(s10, 0, s10.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(RecordStatus.Replayed, v.Verify(s9, 0, s9.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(RecordStatus.Ok, v.Verify(s10, 0, s10.Length, RecordFormat.KindLocation, "alice@home.example", Now)); // same record seen again
            Assert.Equal(RecordStatus.Ok, v.Verify(bob3, 0, bob3.Length, RecordFormat.KindLocation, "bob@home.example", Now)); // per AOR
            Assert.Equal(RecordStatus.Ok, v.Verify(s11, 0, s11.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(RecordStatus.Replayed, v.Verify(s10, 0, s10.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(11, v.Replay.Highest(Encoding.UTF8.GetBytes("alice@home.example"), 0, 18));
            // An invalid record never raises the floor.
            byte[] forged = Write(new RecordWriter(Signer(2)), Location("alice@home.example", 1000, Now + 900));
            Assert.Equal(RecordStatus.UnknownKey, v.Verify(forged, 0, forged.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(RecordStatus.Ok, v.Verify(s11, 0, s11.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_OtherAor_AndWrongKind()
        {
            byte[] rec = Write(OurWriter(), Location("mallory@home.example", 5, Now + 900));
            Assert.Equal(RecordStatus.WrongAor, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            byte[] msg = Write(OurWriter(), Message("bob@home.example", "alice@home.example", "hi"));
            Assert.Equal(RecordStatus.WrongKind, OurVerifier().Verify(msg, 0, msg.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            Assert.Equal(RecordStatus.WrongKind, OurVerifier().Verify(rec, 0, rec.Length, RecordFormat.KindInbox, "mallory@home.example", Now));
        }

        [Fact]
        public void Rejects_TruncatedAtEveryLength_Oversized_Version()
        {
            byte[] rec = Write(OurWriter(), Location("alice@home.example", 5, Now + 900));
            for (int n = 0; n < rec.Length; n++)
            {
                RecordStatus s = OurVerifier().Verify(rec, 0, n, RecordFormat.KindLocation, "alice@home.example", Now);
                Assert.True(s == RecordStatus.Malformed || s == RecordStatus.Unsigned, n + ": " + RecordStatusNames.Of(s));
            }
            var big = new byte[RecordFormat.MaxRecordBytes + 1];
            Array.Copy(rec, big, rec.Length);
            Assert.Equal(RecordStatus.Oversized, OurVerifier().Verify(big, 0, big.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            byte[] v2 = (byte[])rec.Clone();
            v2[1] = 2;
            Assert.Equal(RecordStatus.UnsupportedVersion, OurVerifier().Verify(v2, 0, v2.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            byte[] magic = (byte[])rec.Clone();
            magic[0] = (byte)'{';
            Assert.Equal(RecordStatus.Malformed, OurVerifier().Verify(magic, 0, magic.Length, RecordFormat.KindLocation, "alice@home.example", Now));
            var extra = new byte[rec.Length + 1];
            Array.Copy(rec, extra, rec.Length);
            Assert.Equal(RecordStatus.Malformed, OurVerifier().Verify(extra, 0, extra.Length, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Rejects_StructuralOddities()
        {
            RecordStatus Build(Action<RecordWriter> fields)
            {
                var w = new RecordWriter(Signer(1));
                var buf = new byte[512];
                w.Begin(buf, 0, RecordFormat.KindLocation);
                fields(w);
                int n = w.Finish();
                return OurVerifier().Verify(buf, 0, n, RecordFormat.KindLocation, "alice@home.example", Now);
            }
            Assert.Equal(RecordStatus.Ok, Build(w => AddLocationFields(w, "alice@home.example", 1, Now + 900)));
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddU63(RecordFormat.FieldSeq, 2); }));
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddText(RecordFormat.FieldAor, "x@y"); }));
            Assert.Equal(RecordStatus.Malformed, Build(w => AddLocationFields(w, "alice@home.example\r\nX", 1, Now + 900)));
            Assert.Equal(RecordStatus.Malformed, Build(w => { w.AddU63(RecordFormat.FieldSeq, 1); w.AddText(RecordFormat.FieldAor, "alice@home.example"); w.AddByte(RecordFormat.FieldState, 1); w.AddText(RecordFormat.FieldContact, "sip:x@y"); })); // no expiry
            Assert.Equal(RecordStatus.Malformed, Build(w => { w.AddU63(RecordFormat.FieldSeq, 1); w.AddU63(RecordFormat.FieldExpires, Now + 900); w.AddText(RecordFormat.FieldAor, "alice@home.example"); w.AddByte(RecordFormat.FieldState, 1); })); // online without contact
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddBytes(RecordFormat.FieldState, new byte[] { 1, 1 }, 0, 2); }));
            Assert.Equal(RecordStatus.Malformed, Build(w => { w.AddBytes(RecordFormat.FieldSeq, new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 1 }, 0, 8); w.AddU63(RecordFormat.FieldExpires, Now + 900); w.AddText(RecordFormat.FieldAor, "alice@home.example"); w.AddByte(RecordFormat.FieldState, 0); }));
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddBytes(RecordFormat.FieldAlg, new byte[] { 1 }, 0, 1); })); // alg not first
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddBytes(RecordFormat.FieldText, new byte[] { 0xC3, 0x28 }, 0, 2); })); // invalid UTF-8
            Assert.Equal(RecordStatus.Malformed, Build(w => { AddLocationFields(w, "alice@home.example", 1, Now + 900); w.AddBytes(RecordFormat.FieldSig, new byte[4], 0, 4); })); // signature not last
            // An unknown field is skipped but signed: accepted as is, rejected when altered.
            var wr = new RecordWriter(Signer(1));
            var b = new byte[512];
            wr.Begin(b, 0, RecordFormat.KindLocation);
            AddLocationFields(wr, "alice@home.example", 1, Now + 900);
            wr.AddText(0x30, "future field");
            int len = wr.Finish();
            Assert.Equal(RecordStatus.Ok, OurVerifier().Verify(b, 0, len, RecordFormat.KindLocation, "alice@home.example", Now));
            int at = Encoding.ASCII.GetString(b, 0, len).IndexOf("future", StringComparison.Ordinal);
            b[at] = (byte)'F';
            Assert.Equal(RecordStatus.BadSignature, OurVerifier().Verify(b, 0, len, RecordFormat.KindLocation, "alice@home.example", Now));
        }

        [Fact]
        public void Freshest_HighestSeqThenLatestExpiry()
        {
            Assert.True(RecordVerifier.IsFresher(5, 100, 4, 999));
            Assert.False(RecordVerifier.IsFresher(4, 999, 5, 100));
            Assert.True(RecordVerifier.IsFresher(5, 200, 5, 100));
            Assert.False(RecordVerifier.IsFresher(5, 100, 5, 100));
        }

        internal static MessageRecord Message(string from, string to, string text, byte idSeed = 1)
        {
            var m = new MessageRecord { Kind = RecordFormat.KindMessage, From = from, To = to, Text = text, Created = Now, Expires = Now + 86400 };
            for (int i = 0; i < 16; i++) m.MessageId[i] = (byte)(idSeed + i);
            return m;
        }

        [Fact]
        public void Message_And_Receipt_RoundTrip()
        {
            var m = Message("alice@home.example", "bob@home.example", "Bin gleich da – 5 min ☕");
            byte[] rec = Write(OurWriter(), m);
            var v = OurVerifier();
            Assert.Equal(RecordStatus.Ok, v.Verify(rec, 0, rec.Length, RecordFormat.KindMessage, "bob@home.example", Now));
            MessageRecord back = MessageRecord.Read(v.Reader);
            Assert.Equal(m.Text, back.Text);
            Assert.Equal("alice@home.example", back.From);
            Assert.Equal(m.IdHex, back.IdHex);
            Assert.Equal(32, back.IdHex.Length);
            Assert.Equal(Now + 86400, back.Expires);
            Assert.Equal(RecordStatus.Ok, v.Verify(rec, 0, rec.Length, RecordFormat.KindInbox, "bob@home.example", Now));
            Assert.Equal(RecordStatus.WrongAor, v.Verify(rec, 0, rec.Length, RecordFormat.KindInbox, "alice@home.example", Now)); // not in alice's inbox
            Assert.Equal(RecordStatus.WrongKind, v.Verify(rec, 0, rec.Length, RecordFormat.KindReceipt, "bob@home.example", Now));
            Assert.Equal(RecordStatus.Expired, v.Verify(rec, 0, rec.Length, RecordFormat.KindMessage, "bob@home.example", Now + 86400));

            var receipt = new MessageRecord { Kind = RecordFormat.KindReceipt, From = "bob@home.example", To = "alice@home.example", Created = Now + 5, Expires = m.Expires, MessageId = m.MessageId };
            byte[] rr = Write(OurWriter(), receipt);
            Assert.Equal(RecordStatus.Ok, v.Verify(rr, 0, rr.Length, RecordFormat.KindInbox, "alice@home.example", Now));
            Assert.Equal(RecordFormat.KindReceipt, v.Reader.Kind);
            Assert.Equal(m.IdHex, MessageRecord.Read(v.Reader).IdHex);
            Assert.Equal(0, v.Reader.TextLength);
        }

        [Fact]
        public void Message_TextBound()
        {
            var buf = new byte[512];
            Assert.True(OurWriter().WriteMessage(buf, 0, Message("a@b", "c@d", new string('x', 255))) > 0);
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteMessage(buf, 0, Message("a@b", "c@d", new string('x', 256))));
            Assert.Equal(RecordWriter.Failed, OurWriter().WriteMessage(buf, 0, Message("a@b", "c@d", new string('é', 128)))); // 256 UTF-8 bytes
        }

        [Fact]
        public void SeenIds_AddContainsEvict_Persist()
        {
            var s = new SeenIdSet(3);
            byte[] Id(int n) { var b = new byte[20]; b[2] = (byte)n; b[17] = (byte)(n * 7); return b; }
            Assert.True(s.Add(Id(1), 2));
            Assert.False(s.Add(Id(1), 2));
            Assert.True(s.Contains(Id(1), 2));
            Assert.False(s.Contains(Id(1), 0));
            s.Add(Id(2), 2); s.Add(Id(3), 2); s.Add(Id(4), 2);
            Assert.Equal(3, s.Count);
            Assert.False(s.Contains(Id(1), 2)); // oldest evicted
            Assert.True(s.Contains(Id(4), 2));

            var buf = new byte[s.SerializedMaxLength];
            int n = s.Serialize(buf, 0);
            Assert.Equal(4 + 3 * 16, n);
            var t = new SeenIdSet(3);
            Assert.True(t.Load(buf, 0, n));
            for (int i = 2; i <= 4; i++) Assert.True(t.Contains(Id(i), 2));
            t.Add(Id(5), 2); // evicts the oldest loaded one (2), proving order survived
            Assert.False(t.Contains(Id(2), 2));
            Assert.True(t.Contains(Id(3), 2));

            var small = new SeenIdSet(2);
            Assert.True(small.Load(buf, 0, n));
            Assert.False(small.Contains(Id(2), 2));
            Assert.True(small.Contains(Id(3), 2) && small.Contains(Id(4), 2));

            Assert.False(t.Load(buf, 0, n - 1));
            Assert.Equal(0, t.Count);
            buf[0] = 0;
            Assert.False(t.Load(buf, 0, n));
            Assert.Equal(-1, s.Serialize(new byte[10], 0));
            var empty = new SeenIdSet(4);
            var eb = new byte[4];
            Assert.Equal(4, empty.Serialize(eb, 0));
            Assert.True(new SeenIdSet(4).Load(eb, 0, 4));
        }

        [Fact]
        public void ReplayTable_IsBounded_ForgetsLeastRecentlyUsed()
        {
            var t = new ReplayTable(2);
            byte[] a = Encoding.ASCII.GetBytes("a@x"), b = Encoding.ASCII.GetBytes("b@x"), c = Encoding.ASCII.GetBytes("c@x");
            Assert.True(t.Accept(a, 0, 3, 10));
            Assert.True(t.Accept(b, 0, 3, 10));
            Assert.True(t.Accept(a, 0, 3, 11)); // a used last
            Assert.True(t.Accept(c, 0, 3, 1));  // evicts b
            Assert.Equal(2, t.Count);
            Assert.Equal(-1, t.Highest(b, 0, 3));
            Assert.False(t.Accept(a, 0, 3, 10));
            Assert.True(t.Accept(b, 0, 3, 0)); // forgotten: accepted again
        }

        [Theory]
        [InlineData("alice@home.example", "alice@home.example")]
        [InlineData("sip:Alice@Home.EXAMPLE", "Alice@home.example")]
        [InlineData("SIP:bob@h", "bob@h")]
        [InlineData("  carol@h  ", "carol@h")]
        [InlineData("zoë@h", "zoë@h")]
        [InlineData("nobody", null)]
        [InlineData("@h", null)]
        [InlineData("a@", null)]
        [InlineData("a@b@c", null)]
        [InlineData("a b@c", null)]
        [InlineData("a@c;transport=tcp", null)]
        [InlineData("<sip:a@c>", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void Aor_Normalize(string input, string expected)
        {
            Assert.Equal(expected, Aor.Normalize(input));
        }
    }
}
