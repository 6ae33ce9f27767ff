// Why a record was accepted or rejected (reader side), with a name table. Depends on nothing.
namespace Endpoint.Overlay.Records
{
    /// <summary>Result of reading or verifying an overlay record.</summary>
    public enum RecordStatus
    {
        /// <summary>Valid.</summary>
        Ok = 0,
        /// <summary>Structurally invalid (bad magic, truncated field, duplicate or missing field, bad size, bytes after the signature).</summary>
        Malformed = 1,
        /// <summary>Longer than RecordFormat.MaxRecordBytes.</summary>
        Oversized = 2,
        /// <summary>A format version this reader does not know.</summary>
        UnsupportedVersion = 3,
        /// <summary>No signature (no alg field, alg 0, or no sig field).</summary>
        Unsigned = 4,
        /// <summary>A signature algorithm this reader cannot verify.</summary>
        UnknownAlg = 5,
        /// <summary>Signed with a key whose id is not ours (another site, or a forger's key).</summary>
        UnknownKey = 6,
        /// <summary>The signature does not match the content (forged or altered).</summary>
        BadSignature = 7,
        /// <summary>Not the kind asked for (e.g. a message under a location key).</summary>
        WrongKind = 8,
        /// <summary>The record's AOR is not the one whose key was looked up.</summary>
        WrongAor = 9,
        /// <summary>Its expiry time has passed.</summary>
        Expired = 10,
        /// <summary>Its expiry lies implausibly far in the future.</summary>
        ExpiryTooFar = 11,
        /// <summary>Its sequence number is lower than the highest seen for that AOR.</summary>
        Replayed = 12,
    }

    /// <summary>Names for <see cref="RecordStatus"/>.</summary>
    public static class RecordStatusNames
    {
        private static readonly string[] Names =
        {
            "ok", "malformed", "oversized", "unsupported-version", "unsigned", "unknown-alg", "unknown-key",
            "bad-signature", "wrong-kind", "wrong-aor", "expired", "expiry-too-far", "replayed",
        };

        /// <summary>A short lower-case name, e.g. "bad-signature".</summary>
        public static string Of(RecordStatus s)
        {
            int i = (int)s;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
