// Shared helpers for the overlay tests: a seeded random source, site keys and signers.
using System;
using Endpoint.Crypto;
using Endpoint.Overlay.Records;

namespace Endpoint.Tests.Overlay
{
    internal sealed class SeededRandom : IRandomSource
    {
        private readonly Random _r;
        public SeededRandom(int seed) { _r = new Random(seed); }
        public void NextBytes(byte[] buf, int offset, int count)
        {
            var tmp = new byte[count];
            _r.NextBytes(tmp);
            Array.Copy(tmp, 0, buf, offset, count);
        }
    }

    internal static class OverlayTestUtil
    {
        public static byte[] Key(byte seed)
        {
            var k = new byte[32];
            for (int i = 0; i < 32; i++) k[i] = (byte)(seed * 31 + i);
            return k;
        }

        public static RecordSigner Signer(byte seed) => new RecordSigner(new ManagedHmacSha256(Key(seed)));

        public static LocationRecord Location(string aor, long seq, long expires, bool online = true, params string[] contacts)
        {
            return new LocationRecord
            {
                Aor = aor,
                Seq = seq,
                Expires = expires,
                Online = online,
                Contacts = contacts.Length > 0 || !online ? contacts : new[] { "sip:" + aor.Split('@')[0] + "@192.168.1.20:5060" },
            };
        }

        public static byte[] Write(RecordWriter w, LocationRecord r)
        {
            var buf = new byte[RecordFormat.MaxRecordBytes];
            int n = w.WriteLocation(buf, 0, r);
            if (n < 0) throw new InvalidOperationException("record did not fit");
            var rec = new byte[n];
            Array.Copy(buf, rec, n);
            return rec;
        }

        public static byte[] Write(RecordWriter w, MessageRecord m)
        {
            var buf = new byte[RecordFormat.MaxRecordBytes];
            int n = w.WriteMessage(buf, 0, m);
            if (n < 0) throw new InvalidOperationException("record did not fit");
            var rec = new byte[n];
            Array.Copy(buf, rec, n);
            return rec;
        }
    }
}
