// Request shapes of the OpenDHT 2.4 REST proxy (`dhtnode --proxyserver PORT`, RESTinio):
//   GET  /node/info            node id, routing-table counts, public_ip (how the proxy saw us)
//   GET  /key/{40 hex}         current values, chunked, one JSON value per line, then ends
//   POST /key/{40 hex}         body {"id":<uint64>,"data":"<base64>","type":0}; answers 200 with
//                              the stored value once a storage node accepted it, 502
//                              {"err":"Put failed"} otherwise, 400 {"err:":"Incorrect JSON"}
//   GET  /key/{40 hex}/listen  never-ending chunked stream: current values, new ones, then
//                              {"expired":true,...} entries; no heartbeats
// We never send "permanent": that makes the proxy re-announce a value for 24 h after the last
// POST, so a dead device would stay visible for a day. Type 0 values live 10 minutes on the
// storage nodes; the device refreshes them itself. There is no DELETE, and an unsigned value's
// content cannot be changed under the same id (remote nodes keep the first), so new content needs
// a new random id. Values should stay well under 600 bytes (larger ones are fragmented).
// Depends on Endpoint.TextEncoding.Base64. No allocation in WriteValueBody; paths are strings
// (cold: a few per refresh period).
using Endpoint.TextEncoding;

namespace Endpoint.Overlay.Dht
{
    /// <summary>Paths and bodies for the OpenDHT proxy REST API.</summary>
    public static class DhtRequests
    {
        /// <summary>Value type 0: the default, 10-minute lifetime.</summary>
        public const int TypeDefault = 0;

        /// <summary>The node information path.</summary>
        public const string NodeInfoPath = "/node/info";

        /// <summary>"/key/{hash}" for GET and POST.</summary>
        public static string KeyPath(string hashHex)
        {
            CheckHash(hashHex);
            return "/key/" + hashHex;
        }

        /// <summary>"/key/{hash}/listen" for a listen stream.</summary>
        public static string ListenPath(string hashHex)
        {
            CheckHash(hashHex);
            return "/key/" + hashHex + "/listen";
        }

        private static void CheckHash(string hashHex)
        {
            if (!DhtKey.IsHashHex(hashHex)) throw new System.ArgumentException("not a 40-hex DHT key", "hashHex");
        }

        /// <summary>Bytes needed by <see cref="WriteValueBody"/> for dataCount bytes of data.</summary>
        public static int ValueBodyLength(int dataCount)
        {
            // {"id":20 digits,"data":"...","type":10 digits}
            return 6 + 20 + 9 + Base64.EncodedLength(dataCount) + 9 + 11 + 1;
        }

        /// <summary>
        /// Writes {"id":ID,"data":"BASE64","type":TYPE} into dst at offset. Returns the length, or
        /// -1 when dst is too small.
        /// </summary>
        public static int WriteValueBody(byte[] dst, int offset, ulong id, byte[] data, int dataOffset, int dataCount, int type)
        {
            if (dst == null || data == null) throw new System.ArgumentNullException(dst == null ? "dst" : "data");
            if (type < 0) throw new System.ArgumentOutOfRangeException("type");
            int p = offset;
            p = Put(dst, p, "{\"id\":");
            p = PutNumber(dst, p, id);
            p = Put(dst, p, ",\"data\":\"");
            if (p < 0) return -1;
            int n = Base64.Encode(data, dataOffset, dataCount, dst, p);
            if (n < 0) return -1;
            p += n;
            p = Put(dst, p, "\",\"type\":");
            p = PutNumber(dst, p, (ulong)type);
            p = Put(dst, p, "}");
            return p < 0 ? -1 : p - offset;
        }

        private static int Put(byte[] dst, int p, string s)
        {
            if (p < 0 || p + s.Length > dst.Length) return -1;
            for (int i = 0; i < s.Length; i++) dst[p + i] = (byte)s[i];
            return p + s.Length;
        }

        private static int PutNumber(byte[] dst, int p, ulong v)
        {
            if (p < 0) return -1;
            int digits = 1;
            for (ulong t = v; t >= 10; t /= 10) digits++;
            if (p + digits > dst.Length) return -1;
            for (int i = digits - 1; i >= 0; i--)
            {
                dst[p + i] = (byte)('0' + (int)(v % 10));
                v /= 10;
            }
            return p + digits;
        }
    }
}
