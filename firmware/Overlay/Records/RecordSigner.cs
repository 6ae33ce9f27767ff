// Signing and MAC checking for overlay records with alg 1 (RecordFormat.AlgHmacSha256Site):
// HMAC-SHA256 (RFC 2104) under the provisioned 32-byte site key, over every record byte before
// the signature field. The key id written next to the alg is the first 8 bytes of
// HMAC-SHA256(site key, "endpoint overlay key id v1"): it names the key without revealing it, so
// a reader can tell "signed with another key" from "altered". Limitation: a shared site key proves
// "written by a device of this site", not "by the owner of this AOR"; alg 2 (per-device Ed25519)
// is reserved in the format for that.
// Depends on Endpoint.Crypto.IHmacSha256 (native on the device, managed on the desktop).
using Endpoint.Crypto;

namespace Endpoint.Overlay.Records
{
    /// <summary>HMAC-SHA256 site-key signer/verifier with its key id.</summary>
    public sealed class RecordSigner
    {
        /// <summary>Bytes of the key id.</summary>
        public const int KeyIdLength = 8;
        /// <summary>Bytes of the signature.</summary>
        public const int MacLength = 32;
        private const string KeyIdLabel = "endpoint overlay key id v1";

        private readonly IHmacSha256 _mac;
        private readonly byte[] _keyId = new byte[KeyIdLength];
        private readonly byte[] _tmp = new byte[MacLength];

        /// <summary>Creates a signer over an HMAC keyed with the site key.</summary>
        public RecordSigner(IHmacSha256 mac)
        {
            if (mac == null) throw new System.ArgumentNullException("mac");
            _mac = mac;
            byte[] label = new byte[KeyIdLabel.Length];
            for (int i = 0; i < label.Length; i++) label[i] = (byte)KeyIdLabel[i];
            _mac.Compute(label, 0, label.Length, _tmp, 0);
            for (int i = 0; i < KeyIdLength; i++) _keyId[i] = _tmp[i];
        }

        /// <summary>The 8-byte key id (do not modify).</summary>
        public byte[] KeyId { get { return _keyId; } }

        /// <summary>Writes the 32-byte MAC of data[offset, offset+count) to output at outputOffset.</summary>
        public void Sign(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            _mac.Compute(data, offset, count, output, outputOffset);
        }

        /// <summary>True when key[offset, offset+count) is our key id.</summary>
        public bool IsOurKey(byte[] key, int offset, int count)
        {
            return Utf8Field.Equal(key, offset, count, _keyId, 0, KeyIdLength);
        }

        /// <summary>Checks a MAC in constant time (for equal lengths).</summary>
        public bool Check(byte[] data, int offset, int count, byte[] mac, int macOffset, int macCount)
        {
            if (macCount != MacLength) return false;
            _mac.Compute(data, offset, count, _tmp, 0);
            int diff = 0;
            for (int i = 0; i < MacLength; i++) diff |= _tmp[i] ^ mac[macOffset + i];
            return diff == 0;
        }
    }
}
