// NTP timestamps as RFC 3550 section 4 uses them in RTCP: 64-bit fixed point seconds since
// 1900-01-01, and the "middle 32 bits" (16.16 seconds) carried in LSR/DLSR and used for the
// round-trip time (section 6.4.1). Depends on nothing. The wall clock is always a parameter
// (Unix milliseconds), never read here.
namespace Endpoint.Media.Rtp
{
    /// <summary>NTP timestamp arithmetic.</summary>
    public static class NtpTime
    {
        /// <summary>Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch).</summary>
        public const long UnixToNtpSeconds = 2208988800L;

        /// <summary>The 64-bit NTP timestamp of a Unix time in milliseconds.</summary>
        public static ulong FromUnixMs(long unixMs)
        {
            long sec = unixMs / 1000;
            long ms = unixMs - sec * 1000;
            if (ms < 0) { ms += 1000; sec--; }
            ulong frac = (ulong)(((ulong)ms << 32) / 1000);
            return ((ulong)(sec + UnixToNtpSeconds) << 32) | frac;
        }

        /// <summary>The middle 32 bits (16.16 fixed-point seconds) of a 64-bit NTP timestamp.</summary>
        public static uint Middle32(ulong ntp) { return (uint)(ntp >> 16); }

        /// <summary>Milliseconds expressed in 1/65536 s units (the DLSR field).</summary>
        public static uint MsToUnits(long ms)
        {
            if (ms <= 0) return 0;
            return (uint)((ms << 16) / 1000);
        }

        /// <summary>1/65536 s units in milliseconds (rounded).</summary>
        public static int UnitsToMs(uint units) { return (int)(((long)units * 1000 + 32768) >> 16); }
    }
}
