// A location record's content as plain values ("alice@home.example is reachable at these contact
// URIs until EXPIRES"), for building records and for handing a verified one to the application.
// Materialized from bytes only after verification (strings allocate). Depends on RecordReader.
namespace Endpoint.Overlay.Records
{
    /// <summary>Content of a location record.</summary>
    public sealed class LocationRecord
    {
        /// <summary>The AOR in canonical form (Aor.Normalize).</summary>
        public string Aor;
        /// <summary>Contact URIs, best first (e.g. the LAN contact, then the one the supernode saw).</summary>
        public string[] Contacts = new string[0];
        /// <summary>SIP transport: "udp", "tcp" or "tls".</summary>
        public string Transport = "udp";
        /// <summary>Absolute expiry, seconds since the Unix epoch.</summary>
        public long Expires;
        /// <summary>Per-device monotonic sequence number.</summary>
        public long Seq;
        /// <summary>True online; false: the device signed off (published on stop).</summary>
        public bool Online;

        /// <summary>Copies the content of the record the reader last read (allocates strings).</summary>
        public static LocationRecord Read(RecordReader r)
        {
            LocationRecord rec = new LocationRecord();
            byte[] b = r.Buffer;
            rec.Aor = Utf8Field.GetString(b, r.AorOffset, r.AorLength);
            rec.Contacts = new string[r.ContactCount];
            for (int i = 0; i < r.ContactCount; i++) rec.Contacts[i] = Utf8Field.GetString(b, r.ContactOffset(i), r.ContactLength(i));
            if (r.TransportLength > 0) rec.Transport = Utf8Field.GetString(b, r.TransportOffset, r.TransportLength);
            rec.Expires = r.Expires;
            rec.Seq = r.Seq;
            rec.Online = r.Online;
            return rec;
        }
    }
}
