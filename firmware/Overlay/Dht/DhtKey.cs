// OpenDHT key naming (OpenDHT InfoHash::get): a DHT key is the 160-bit SHA-1 of a key string's
// bytes, written on the proxy's REST paths as 40 lowercase hex digits. We hash the UTF-8 bytes of
// the key string ourselves and always send the hex form (the proxy would hash any other path text
// as raw bytes, without URL-decoding, which is easy to get subtly wrong).
// Depends on Endpoint.Crypto.Sha1 and Endpoint.TextEncoding.Hex. Which key strings the overlay
// uses (location, inbox) is decided one layer up, in Endpoint.Overlay.OverlayKeys.
using Endpoint.Crypto;
using Endpoint.TextEncoding;

namespace Endpoint.Overlay.Dht
{
    /// <summary>SHA-1 key hashing for OpenDHT.</summary>
    public static class DhtKey
    {
        /// <summary>Length of a key in hex digits.</summary>
        public const int HexLength = 40;

        /// <summary>The 40 lowercase hex digits of SHA-1(UTF-8 of <paramref name="keyString"/>) (allocates the string).</summary>
        public static string HashHex(string keyString)
        {
            byte[] h = new byte[Sha1.HashSize];
            Hash(keyString, h, 0);
            return Hex.ToHexString(h, 0, h.Length);
        }

        /// <summary>Writes the 20-byte SHA-1 of the UTF-8 of <paramref name="keyString"/> to dst at offset.</summary>
        public static void Hash(string keyString, byte[] dst, int offset)
        {
            if (keyString == null) throw new System.ArgumentNullException("keyString");
            Sha1 sha = new Sha1();
            sha.UpdateUtf8(keyString);
            sha.Final(dst, offset);
        }

        /// <summary>True when s is 40 lowercase hex digits.</summary>
        public static bool IsHashHex(string s)
        {
            if (s == null || s.Length != HexLength) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            return true;
        }
    }
}
