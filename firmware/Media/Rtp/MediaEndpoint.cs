// A transport address as plain data (IPv4 address + UDP port), so the media code can remember
// where packets came from and where to send (symmetric RTP, RFC 4961) without sockets.
// Depends on nothing. Limit: IPv4 only (the address is one uint, network byte order read as
// a big-endian number, e.g. 192.168.1.2 = 0xC0A80102).
namespace Endpoint.Media.Rtp
{
    /// <summary>An IPv4 address and port, or "none".</summary>
    public struct MediaEndpoint
    {
        /// <summary>IPv4 address as a big-endian number (a.b.c.d = a&lt;&lt;24 | b&lt;&lt;16 | c&lt;&lt;8 | d).</summary>
        public uint Address;

        /// <summary>UDP port, 1..65535; 0 means "not set".</summary>
        public int Port;

        /// <summary>Makes an endpoint.</summary>
        public MediaEndpoint(uint address, int port)
        {
            Address = address;
            Port = port;
        }

        /// <summary>Makes an endpoint from four address bytes.</summary>
        public static MediaEndpoint FromBytes(int a, int b, int c, int d, int port)
        {
            return new MediaEndpoint((uint)(((a & 0xFF) << 24) | ((b & 0xFF) << 16) | ((c & 0xFF) << 8) | (d & 0xFF)), port);
        }

        /// <summary>True when a port is set.</summary>
        public bool IsSet { get { return Port != 0; } }

        /// <summary>Same address and port (no boxing, unlike Equals(object)).</summary>
        public bool SameAs(MediaEndpoint other) { return Address == other.Address && Port == other.Port; }

        /// <summary>Dotted form for logs (allocates; not for hot paths).</summary>
        public override string ToString()
        {
            return ((Address >> 24) & 0xFF).ToString() + "." + ((Address >> 16) & 0xFF).ToString() + "." +
                   ((Address >> 8) & 0xFF).ToString() + "." + (Address & 0xFF).ToString() + ":" + Port.ToString();
        }
    }
}
