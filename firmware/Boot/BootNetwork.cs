// Makes the SIP configuration fit the address the board got from DHCP. The configuration is
// written before the device knows its address, so on a board a `sip.listen` host of 127.0.0.1
// (the default, useless on a device) or 0.0.0.0 means "the Wi-Fi address"; the port is kept. A
// SIP domain that was only defaulted from that listen host follows it. Any other listen host is
// used as written (binding fails with a clear runtime error if it is not the device's address).
// Pure. Depends on EndpointConfig, HostPort.
using Endpoint.Config;

namespace Endpoint.Boot
{
    /// <summary>Local-address fix-up for devices.</summary>
    public static class BootNetwork
    {
        /// <summary>True if the listen host stands for "the device's own address".</summary>
        public static bool IsWildcard(string host)
        {
            return host == "127.0.0.1" || host == "0.0.0.0";
        }

        /// <summary>Rewrites sip.listen (and a defaulted sip.domain) to use address.</summary>
        public static void UseLocalAddress(EndpointConfig config, string address)
        {
            if (config == null || address == null || address.Length == 0) return;
            HostPort listen = config.Sip.Listen;
            if (!IsWildcard(listen.Host)) return;
            if (config.Sip.Domain == listen.Host) config.Sip.Domain = address;
            config.Sip.Listen = new HostPort(address, listen.Port);
        }
    }
}
