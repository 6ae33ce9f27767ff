// The endpoint's configuration: the same JSON a real device is provisioned with and the
// virtual device reads with --config. Field names are a contract with provisioning files in
// the field: add fields, never rename them. Every section is optional; defaults are documented
// in README.md ("Configuration"). Plain data; loading and validation live in ConfigLoader.
// Depends on HostPort only.
namespace Endpoint.Config
{
    /// <summary>The whole configuration.</summary>
    public sealed class EndpointConfig
    {
        /// <summary>Board name: a real board folder name or "virtual-deskphone"/"virtual-intercom".</summary>
        public string Board = "virtual-deskphone";

        /// <summary>SIP settings (always present; defaults when the section is absent).</summary>
        public SipConfig Sip = new SipConfig();

        /// <summary>Media settings.</summary>
        public MediaConfig Media = new MediaConfig();

        /// <summary>Virtual audio files, or null (silence in, nothing recorded).</summary>
        public AudioConfig Audio;

        /// <summary>Overlay (supernode) settings, or null (no overlay).</summary>
        public OverlayConfig Overlay;

        /// <summary>Intercom settings, or null.</summary>
        public IntercomConfig Intercom;

        /// <summary>Provisioning (fetch the configuration over HTTP), or null.</summary>
        public ProvisioningConfig Provisioning;
        /// <summary>Wi-Fi station settings (real boards), or null.</summary>
        public WifiConfig Wifi;

        /// <summary>Desk-phone settings (always present; defaults when the section is absent).</summary>
        public PhoneConfig Phone = new PhoneConfig();
    }

    /// <summary>The "sip" section.</summary>
    public sealed class SipConfig
    {
        /// <summary>Local address and port the SIP transport binds.</summary>
        public HostPort Listen = new HostPort("127.0.0.1", 5060);

        /// <summary>User part of our AOR and Contact.</summary>
        public string User = "phone";

        /// <summary>SIP domain of our AOR; defaults to the registrar host, else the listen host.</summary>
        public string Domain;

        /// <summary>Digest password, or null. Secret: never logged or echoed.</summary>
        public string Password;

        /// <summary>Digest user name when it differs from <see cref="User"/>, or null.</summary>
        public string AuthUser;

        /// <summary>Display name for From headers, or null.</summary>
        public string DisplayName;

        /// <summary>Registrar to REGISTER with, or null for no registration.</summary>
        public HostPort Registrar;

        /// <summary>Outbound proxy every request is sent through, or null.</summary>
        public HostPort OutboundProxy;

        /// <summary>"udp" or "tcp".</summary>
        public string Transport = "udp";

        /// <summary>Requested registration lifetime in seconds.</summary>
        public int Expires = 300;

        /// <summary>NAT keep-alive interval in seconds (CRLF on TCP, a small packet on UDP).</summary>
        public int KeepAliveSeconds = 25;

        /// <summary>RFC 3261 T1 in milliseconds.</summary>
        public int T1Ms = 500;

        /// <summary>Memory profile of the SIP stack: "default" or "small" (fewer, smaller preallocated buffers).</summary>
        public string Profile = "default";
    }

    /// <summary>The "media" section.</summary>
    public sealed class MediaConfig
    {
        /// <summary>First RTP port (even).</summary>
        public int RtpPortMin = 20000;

        /// <summary>Last RTP port.</summary>
        public int RtpPortMax = 20099;

        /// <summary>Codecs in preference order: "PCMU", "PCMA".</summary>
        public string[] Codecs = { "PCMU", "PCMA" };

        /// <summary>Packet time in ms we send (10..40).</summary>
        public int PtimeMs = 20;

        /// <summary>Dynamic payload type we offer for telephone-event.</summary>
        public int DtmfPayloadType = 101;

        /// <summary>End the call after this many seconds without RTP (0 = never).</summary>
        public int RtpTimeoutSeconds = 30;

        /// <summary>Speakerphone echo suppression: 1 on, 0 off, -1 board default (on for intercoms).</summary>
        public int EchoSuppression = -1;

        /// <summary>Call-progress tone plan: "us", "etsi", "uk" or "de".</summary>
        public string ToneRegion = "etsi";
    }

    /// <summary>The "audio" section (virtual boards).</summary>
    public sealed class AudioConfig
    {
        /// <summary>8 kHz mono 16-bit WAV looped as the microphone, or null for silence.</summary>
        public string Input;

        /// <summary>WAV file that receives everything the speaker plays, or null.</summary>
        public string Output;
    }

    /// <summary>The "overlay" section.</summary>
    public sealed class OverlayConfig
    {
        /// <summary>Our address-of-record, e.g. "alice@home.example".</summary>
        public string Aor;

        /// <summary>Supernodes (OpenDHT proxy servers), in provisioned order.</summary>
        public HostPort[] Supernodes;

        /// <summary>The 32-byte site key that signs location records. Secret.</summary>
        public byte[] SiteKey;

        /// <summary>AORs whose presence we follow.</summary>
        public string[] Buddies = new string[0];
    }

    /// <summary>The "intercom" section.</summary>
    public sealed class IntercomConfig
    {
        /// <summary>Call targets for the call button, in order.</summary>
        public string[] Targets = new string[0];

        /// <summary>Callers allowed to be auto-answered and to open the door.</summary>
        public string[] Allow = new string[0];

        /// <summary>DTMF code that opens the door, or null for none. Secret-ish: not echoed.</summary>
        public string DoorCode;

        /// <summary>How long the relay stays on, in ms.</summary>
        public int RelayPulseMs = 2000;

        /// <summary>"sequential" (one target after another) or "parallel" (all at once, first answer wins).</summary>
        public string Mode = "sequential";

        /// <summary>How long each target (sequential) or the whole attempt (parallel) rings, in seconds.</summary>
        public int RingSeconds = 20;

        /// <summary>True: the call button pressed during a call (or while calling) ends it.</summary>
        public bool ButtonEndsCall = true;

        /// <summary>Wrong door-code attempts a call gets (attempts x code length digits) before its digits are ignored.</summary>
        public int CodeAttempts = 3;

        /// <summary>Most targets rung at once in parallel mode (one call slot each).</summary>
        public const int MaxParallelTargets = 4;

        /// <summary>True when the call button rings every target at once.</summary>
        public bool Parallel { get { return Mode == "parallel"; } }
    }

    /// <summary>The "wifi" section: the access point a real board joins (DHCP). Ignored by the virtual device.</summary>
    public sealed class WifiConfig
    {
        /// <summary>Network name, 1..32 bytes of UTF-8.</summary>
        public string Ssid;

        /// <summary>WPA2 passphrase (8..63 printable ASCII) or 64-hex-digit PSK; null for an open network. Secret.</summary>
        public string Password;
    }
}
