// The embedded default configuration of the virtual device: a desk phone on the LAN that
// needs no server (direct calls to sip:user@host:port). Host-only.
namespace Endpoint.Host
{
    public static class DefaultConfig
    {
        public const string Json = @"{
  ""board"": ""virtual-deskphone"",
  ""sip"": { ""listen"": ""127.0.0.1:5060"", ""user"": ""phone"" },
  ""media"": { ""rtpPorts"": ""20000-20099"", ""codecs"": [""PCMU"", ""PCMA""] }
}";
    }
}
