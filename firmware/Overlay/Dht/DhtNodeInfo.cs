// The answer to GET /node/info of the OpenDHT 2.4 proxy. Shape seen from dhtnode 2.4.12
// (`dhtnode -s -p 4222 -n 7 --proxyserver 8080`, curl from 127.0.0.1 inside `unshare -n`):
//   {"ipv4":{"dubious":1,"good":1,"incoming":0},"ipv6":{"dubious":0,"good":0,"incoming":0},
//    "node_id":"f9c0372c7acae710263f318e503f702207d65e3f","ops":1,"public_ip":"::ffff:127.0.0.1"}
// "public_ip" is the address the proxy saw our TCP connection come from (the HTTP peer address,
// printed IPv4-mapped on a dual-stack socket); we return it unmapped ("127.0.0.1"). It has no
// port. The ipv4/ipv6 "good"+"dubious" counts tell whether the node knows any DHT peers: a proxy
// that knows none answers every POST with 502 {"err":"Put failed"}.
// Also parses error bodies: 502 {"err":"Put failed"}, and 400 {"err:":"Incorrect JSON"} (sic,
// the 2.4 proxy spells that member name with a colon).
// Depends on Endpoint.Json (a DOM: cold path, once per probe). Returns null for malformed input.
using Endpoint.Json;

namespace Endpoint.Overlay.Dht
{
    /// <summary>Parsed /node/info answer.</summary>
    public sealed class DhtNodeInfo
    {
        /// <summary>The node's 40-hex id, or null.</summary>
        public string NodeId;

        /// <summary>Our address as the proxy saw it (IPv4 unmapped), or null when absent.</summary>
        public string PublicIp;

        /// <summary>Known DHT peers (good + dubious, IPv4 + IPv6).</summary>
        public int KnownPeers;

        /// <summary>Parses one body line; null when it is not a node-info object.</summary>
        public static DhtNodeInfo Parse(byte[] line, int offset, int count)
        {
            JsonNode root = new JsonParser(256).Parse(line, offset, count);
            if (root == null || root.Kind != JsonKind.Object) return null;
            JsonNode id = root.Get("node_id");
            JsonNode ip = root.Get("public_ip");
            if (id == null && ip == null) return null;
            DhtNodeInfo info = new DhtNodeInfo();
            if (id != null && id.Kind == JsonKind.String) info.NodeId = id.Text;
            if (ip != null && ip.Kind == JsonKind.String && ip.Text.Length > 0) info.PublicIp = Unmap(ip.Text);
            info.KnownPeers = Count(root.Get("ipv4")) + Count(root.Get("ipv6"));
            return info;
        }

        private static int Count(JsonNode family)
        {
            if (family == null || family.Kind != JsonKind.Object) return 0;
            return Int(family.Get("good")) + Int(family.Get("dubious"));
        }

        private static int Int(JsonNode n)
        {
            if (n == null || !n.IsInteger) return 0;
            long v = n.AsLong();
            return v < 0 ? 0 : v > 1000000 ? 1000000 : (int)v;
        }

        /// <summary>"::ffff:a.b.c.d" to "a.b.c.d"; anything else unchanged.</summary>
        public static string Unmap(string ip)
        {
            const string Prefix = "::ffff:";
            if (ip.Length > Prefix.Length && ip.Substring(0, Prefix.Length).ToLower() == Prefix && ip.IndexOf('.') > 0) return ip.Substring(Prefix.Length);
            return ip;
        }

        /// <summary>The message of an error body ({"err":"..."} or {"err:":"..."}), or null.</summary>
        public static string ParseError(byte[] line, int offset, int count)
        {
            JsonNode root = new JsonParser(256).Parse(line, offset, count);
            if (root == null || root.Kind != JsonKind.Object) return null;
            JsonNode e = root.Get("err");
            if (e == null) e = root.Get("err:");
            return e != null && e.Kind == JsonKind.String ? e.Text : null;
        }
    }
}
