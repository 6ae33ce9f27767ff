// Settings of the SIP user agent: identity (user, domain, display name, digest credentials),
// where to register and which outbound proxy to use, our transport address, timers (T1,
// registration expiry, keep-alive, RFC 4028 Min-SE) and every capacity that sizes the
// preallocated state (calls, messages, events, transaction pool, dialog fields). Plain data,
// set before the UserAgent is built. Depends on Endpoint.Config (SipConfig), Endpoint.Sip.Dialog
// (DialogLimits) and Endpoint.Sip.Message (SipTransport).
using Endpoint.Config;
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Ua
{
    /// <summary>Configuration of a <see cref="UserAgent"/>.</summary>
    public sealed class UaConfig
    {
        /// <summary>Our IP literal (or host name) for Via and Contact.</summary>
        public string LocalHost = "127.0.0.1";
        /// <summary>Our SIP port.</summary>
        public int LocalPort = 5060;
        /// <summary>Transport for requests we originate (UDP or TCP).</summary>
        public SipTransport Transport = SipTransport.Udp;

        /// <summary>User part of our AOR and Contact.</summary>
        public string User = "phone";
        /// <summary>Domain of our AOR; null: the registrar host, else LocalHost.</summary>
        public string Domain;
        /// <summary>Display name for From, or null.</summary>
        public string DisplayName;
        /// <summary>Digest user name, or null to use <see cref="User"/>.</summary>
        public string AuthUser;
        /// <summary>Digest password, or null (challenges then fail with "no credentials").</summary>
        public string Password;

        /// <summary>Registrar host (IP literal or name), or null for no registration.</summary>
        public string RegistrarHost;
        /// <summary>Registrar port.</summary>
        public int RegistrarPort = 5060;
        /// <summary>Outbound proxy host, or null.</summary>
        public string ProxyHost;
        /// <summary>Outbound proxy port.</summary>
        public int ProxyPort = 5060;

        /// <summary>Registration lifetime we ask for, in seconds.</summary>
        public int Expires = 300;
        /// <summary>NAT keep-alive period in seconds towards the proxy/registrar (0 = off).</summary>
        public int KeepAliveSeconds = 25;
        /// <summary>RFC 3261 T1 in ms.</summary>
        public int T1 = 500;
        /// <summary>Smallest session interval we accept (RFC 4028 Min-SE, at least 90).</summary>
        public int MinSessionExpires = 90;
        /// <summary>An incoming call nobody answers is refused after this many seconds (480; 487 when the INVITE's Expires ran out first).</summary>
        public int RingTimeoutSeconds = 180;
        /// <summary>Session interval we ask for in our INVITEs (RFC 4028 Session-Expires), 0 = do not ask (only honour the peer's).</summary>
        public int SessionExpires;
        /// <summary>Value of the User-Agent header, or null for none.</summary>
        public string UserAgentName;

        /// <summary>Calls (INVITE dialogs) held at once.</summary>
        public int MaxCalls = 2;
        /// <summary>Outgoing MESSAGE requests in flight at once.</summary>
        public int MaxMessages = 1;
        /// <summary>Bytes of our SDP kept per call (for auth, 491 and session-refresh re-sends).</summary>
        public int SdpBytes = 640;
        /// <summary>Bytes of body kept per outgoing MESSAGE.</summary>
        public int MessageBodyBytes = 512;
        /// <summary>Events queued for the application.</summary>
        public int EventSlots = 8;
        /// <summary>Largest body (SDP, MESSAGE, INFO) an event carries; larger incoming bodies are refused (413/488).</summary>
        public int EventBodyBytes = 1024;
        /// <summary>Bytes shared by all queued events (bodies, URIs, names); at least one full event.</summary>
        public int EventStoreBytes = 1536;
        /// <summary>Transactions held at once.</summary>
        public int TxPoolSize = 8;
        /// <summary>Largest SIP message we build or keep (one shared write buffer of this size; UDP requests above MTU-200 go over TCP).</summary>
        public int MessageBufferSize = 2048;
        /// <summary>Bytes of the one store that keeps every transaction's request/response for retransmission (exact lengths).</summary>
        public int TxStoreBytes = 3072;
        /// <summary>Messages waiting in the outbox at once.</summary>
        public int OutboxSlots = 8;
        /// <summary>Bytes shared by all messages waiting in the outbox (at least MessageBufferSize).</summary>
        public int OutboxBytes = 2560;
        /// <summary>Capacities of dialog fields (Call-ID, tags, URIs, route set).</summary>
        public DialogLimits Dialog = new DialogLimits();

        /// <summary>Name of the default profile (config "sip.profile").</summary>
        public const string ProfileDefault = "default";
        /// <summary>Name of the small profile (config "sip.profile").</summary>
        public const string ProfileSmall = "small";

        /// <summary>
        /// Shrinks every capacity further, for a door station or a heap shared with heavier
        /// media/app code: 2 calls (one talking, one closing or waiting), 1 MESSAGE in flight, 6
        /// transactions sharing 2.5 KiB of kept messages, 1.5 KiB largest message, a 2 KiB
        /// outbox, 6 events sharing ~1.3 KiB (incoming bodies up to 1 KiB still accepted, one at
        /// a time), our SDP up to 512 bytes, smaller dialog fields. See bench/SipUaBench.cs for
        /// the resulting figures.
        /// </summary>
        public void UseSmallFootprint()
        {
            MaxCalls = 2;
            MaxMessages = 1;
            SdpBytes = 512;
            MessageBodyBytes = 256;
            EventSlots = 6;
            EventBodyBytes = 1024;
            EventStoreBytes = 1024;
            TxPoolSize = 6;
            MessageBufferSize = 1536;
            TxStoreBytes = 2560;
            OutboxSlots = 6;
            OutboxBytes = 2048;
            Dialog.CallIdBytes = 96;
            Dialog.TagBytes = 40;
            Dialog.HeaderBytes = 176;
            Dialog.UriBytes = 144;
            Dialog.RouteBytes = 320;
            Dialog.MaxRoutes = 6;
        }

        /// <summary>
        /// Raises the call capacity to <paramref name="calls"/> (e.g. an intercom ringing several
        /// targets at once) and grows what every extra simultaneous INVITE needs with it: two
        /// transactions, one outbox slot, the bytes of one kept INVITE with SDP in the retransmission
        /// store and the outbox, and room for its provisional/final response events. No-op when
        /// the capacity is already there.
        /// </summary>
        public void EnsureCalls(int calls)
        {
            int extra = calls - MaxCalls;
            if (extra <= 0) return;
            MaxCalls = calls;
            TxPoolSize += 2 * extra;
            TxStoreBytes += MessageBufferSize * extra;
            OutboxSlots += extra;
            OutboxBytes += MessageBufferSize * extra;
            EventSlots += 2 * extra;
            EventStoreBytes += 512 * extra;
        }

        /// <summary>
        /// Applies a named profile: "small" (<see cref="UseSmallFootprint"/>) or "default"/null
        /// (the field initialisers). False for an unknown name.
        /// </summary>
        public bool ApplyProfile(string name)
        {
            if (name == null || name == ProfileDefault) return true;
            if (name == ProfileSmall) { UseSmallFootprint(); return true; }
            return false;
        }

        /// <summary>The domain actually used: Domain, else the registrar host, else LocalHost.</summary>
        public string EffectiveDomain
        {
            get
            {
                if (Domain != null && Domain.Length > 0) return Domain;
                if (RegistrarHost != null) return RegistrarHost;
                return LocalHost;
            }
        }

        /// <summary>
        /// Builds a configuration from the "sip" section. <paramref name="localHost"/> and
        /// <paramref name="localPort"/> are the address the runtime actually bound (the listen
        /// host may be a wildcard).
        /// </summary>
        public static UaConfig FromSipConfig(SipConfig sip, string localHost, int localPort)
        {
            UaConfig c = new UaConfig();
            c.LocalHost = localHost;
            c.LocalPort = localPort;
            c.Transport = sip.Transport == "tcp" ? SipTransport.Tcp : SipTransport.Udp;
            c.User = sip.User;
            c.Domain = sip.Domain;
            c.DisplayName = sip.DisplayName;
            c.AuthUser = sip.AuthUser;
            c.Password = sip.Password;
            if (sip.Registrar != null)
            {
                c.RegistrarHost = sip.Registrar.Host;
                c.RegistrarPort = sip.Registrar.Port;
            }
            if (sip.OutboundProxy != null)
            {
                c.ProxyHost = sip.OutboundProxy.Host;
                c.ProxyPort = sip.OutboundProxy.Port;
            }
            c.Expires = sip.Expires;
            c.KeepAliveSeconds = sip.KeepAliveSeconds;
            c.T1 = sip.T1Ms;
            c.ApplyProfile(sip.Profile);
            return c;
        }
    }
}
