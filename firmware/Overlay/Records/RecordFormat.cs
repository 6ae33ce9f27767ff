// The overlay record format (ours; carried as the data of an OpenDHT value). Binary TLV, signed:
//
//   byte 0      magic 0x53 ('S')
//   byte 1      format version, 1
//   byte 2      kind: 1 location, 2 offline message, 3 delivery receipt
//   then fields, each [type: 1 byte][length: 1 byte][value: length bytes]:
//   0x01 alg        [alg: 1 byte][key id: 0..32 bytes]; must be the first field of a signed record
//                   alg 1 = HMAC-SHA256 under the provisioned 32-byte site key, key id = the first
//                   8 bytes of HMAC-SHA256(site key, "endpoint overlay key id v1");
//                   alg 2 = reserved for a per-device Ed25519 signature (key id = device key id);
//                   alg 0 or no alg field = unsigned (always rejected by readers)
//   0x02 seq        8 bytes big-endian, 0..2^63-1: per-device monotonic sequence (location)
//   0x03 expires    8 bytes big-endian: absolute expiry, seconds since the Unix epoch (UTC)
//   0x04 aor        UTF-8 address-of-record ("alice@home.example", see Aor.Normalize) (location)
//   0x05 contact    UTF-8 contact URI; repeatable, at most MaxContacts (location)
//   0x06 transport  ASCII "udp" | "tcp" | "tls" (location; absent means udp)
//   0x07 state      1 byte: 1 online, 0 offline (location)
//   0x10 msgid      16 random bytes (message, receipt: the id of the message being confirmed)
//   0x11 from       UTF-8 AOR of the writer (message: sender; receipt: the recipient confirming)
//   0x12 to         UTF-8 AOR of the reader (message: recipient; receipt: the original sender)
//   0x13 text       UTF-8 message text, at most 255 bytes (message)
//   0x14 created    8 bytes big-endian, seconds since the Unix epoch (message, receipt)
//   0x7F sig        the signature; must be the last field; covers every byte before this field
//                   (header, alg, all other fields in the order written)
//
// Readers skip field types they do not know (still covered by the signature), reject duplicates of
// known fields, wrong fixed sizes, control characters in text fields, bytes after the signature,
// and records longer than MaxRecordBytes. The signature over the exact bytes is the canonical
// form: no re-encoding is ever needed to verify. A new version byte means a new layout.
// Depends on nothing.
namespace Endpoint.Overlay.Records
{
    /// <summary>Constants of the overlay record format (see the file header for the layout).</summary>
    public static class RecordFormat
    {
        /// <summary>First byte of every record.</summary>
        public const byte Magic = 0x53;
        /// <summary>The format version written and accepted.</summary>
        public const byte Version = 1;
        /// <summary>Largest record accepted or written (the DHT value stays well under 600 bytes).</summary>
        public const int MaxRecordBytes = 512;
        /// <summary>Most contact URIs in one location record.</summary>
        public const int MaxContacts = 4;
        /// <summary>Most bytes in one field value.</summary>
        public const int MaxFieldBytes = 255;
        /// <summary>Bytes of a message id.</summary>
        public const int MessageIdBytes = 16;

        /// <summary>Kind: location record.</summary>
        public const byte KindLocation = 1;
        /// <summary>Kind: offline message.</summary>
        public const byte KindMessage = 2;
        /// <summary>Kind: delivery receipt.</summary>
        public const byte KindReceipt = 3;
        /// <summary>Not a record kind: tells RecordVerifier to accept a message or a receipt (both live under inbox keys).</summary>
        public const byte KindInbox = 0;

        /// <summary>Field types.</summary>
        public const byte FieldAlg = 0x01, FieldSeq = 0x02, FieldExpires = 0x03, FieldAor = 0x04, FieldContact = 0x05,
            FieldTransport = 0x06, FieldState = 0x07, FieldMsgId = 0x10, FieldFrom = 0x11, FieldTo = 0x12,
            FieldText = 0x13, FieldCreated = 0x14, FieldSig = 0x7F;

        /// <summary>Signature algorithm: none (unsigned).</summary>
        public const byte AlgNone = 0;
        /// <summary>Signature algorithm: HMAC-SHA256 under the site key.</summary>
        public const byte AlgHmacSha256Site = 1;
        /// <summary>Signature algorithm reserved for per-device Ed25519 (not implemented; readers report UnknownAlg).</summary>
        public const byte AlgEd25519Device = 2;

        /// <summary>Name of a kind.</summary>
        public static string KindName(int kind)
        {
            switch (kind)
            {
                case KindLocation: return "location";
                case KindMessage: return "message";
                case KindReceipt: return "receipt";
                default: return "unknown";
            }
        }
    }
}
