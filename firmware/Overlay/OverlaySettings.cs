// Settings of the overlay client: identity, supernodes, buddies, our contacts, and timings with
// their defaults and reasons. Built from the validated OverlayConfig plus what the application
// knows (SIP contacts, the persisted sequence number). Depends on Endpoint.Config.
using Endpoint.Config;

namespace Endpoint.Overlay
{
    /// <summary>Overlay client settings (plain fields; set before constructing the client).</summary>
    public sealed class OverlaySettings
    {
        /// <summary>Our AOR ("alice@home.example"; "sip:" accepted).</summary>
        public string Aor;
        /// <summary>OpenDHT proxy servers (dhtnode --proxyserver PORT).</summary>
        public HostPort[] Supernodes = new HostPort[0];
        /// <summary>AORs whose presence we follow.</summary>
        public string[] Buddies = new string[0];
        /// <summary>Our SIP contact URIs, best first (e.g. "sip:alice@192.168.1.20:5060").</summary>
        public string[] Contacts = new string[0];
        /// <summary>SIP transport of the contacts.</summary>
        public string Transport = "udp";
        /// <summary>When set with PublicContactPort, a contact "sip:USER@PUBLIC_IP:PORT" is added from the address the supernode saw.</summary>
        public string PublicContactUser;
        /// <summary>SIP port for the public contact (0: do not add one).</summary>
        public int PublicContactPort;
        /// <summary>The last sequence number used before this boot (persisted from SequenceUsed events; 0 on first boot).</summary>
        public long InitialSeq;

        /// <summary>Probe period of the active supernode (GET /node/info).</summary>
        public int ProbeIntervalMs = 10000;
        /// <summary>A probe without an answer after this long marks the supernode dead.</summary>
        public int ProbeTimeoutMs = 3000;
        /// <summary>Probe period of reachable standby supernodes (RTT, and to return to a better one).</summary>
        public int BackupProbeIntervalMs = 30000;
        /// <summary>Probe period of dead supernodes (to notice recovery).</summary>
        public int DeadRetryMs = 10000;
        /// <summary>Timeout of lookups and POSTs (a POST answers once a storage node accepted it).</summary>
        public int RequestTimeoutMs = 5000;
        /// <summary>Delay before retrying a publish or message POST the supernode refused (502 Put failed).</summary>
        public int RetryMs = 5000;
        /// <summary>Re-publish period: well inside OpenDHT's 10-minute value lifetime (also renews listen streams).</summary>
        public int RefreshMs = 270000;
        /// <summary>Expiry written into online location records (seconds after signing).</summary>
        public int RecordLifetimeS = 900;
        /// <summary>Expiry written into the offline record published on Stop.</summary>
        public int OfflineLifetimeS = 600;
        /// <summary>How long a lookup answer is served from the cache.</summary>
        public int LookupCacheMs = 15000;
        /// <summary>Expiry of offline messages (the sender re-posts them until a receipt or this).</summary>
        public int MessageLifetimeS = 86400;
        /// <summary>A receipt for an already-seen message is re-sent at most this often.</summary>
        public int ReceiptRepeatMs = 1800000;
        /// <summary>Seen message ids remembered (persisted by the application).</summary>
        public int SeenIdsCapacity = 64;
        /// <summary>Sent messages awaiting a receipt.</summary>
        public int MaxPendingMessages = 8;
        /// <summary>Return to a recovered supernode only if its RTT is lower by this much (and by a quarter); RTTs closer than this tie and the provisioned order decides.</summary>
        public int MinRttGainMs = 5;

        /// <summary>Settings from the configuration section (timings at their defaults).</summary>
        public static OverlaySettings FromConfig(OverlayConfig c)
        {
            OverlaySettings s = new OverlaySettings();
            s.Aor = c.Aor;
            s.Supernodes = c.Supernodes == null ? new HostPort[0] : c.Supernodes;
            s.Buddies = c.Buddies == null ? new string[0] : c.Buddies;
            return s;
        }
    }
}
