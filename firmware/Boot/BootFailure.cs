// Why a boot stopped, with a name table for messages and the status-LED pattern the device shows
// while it waits (a board has no screen, so the LED is the only thing a user sees without a
// serial console). Pure data. Depends on nothing.
namespace Endpoint.Boot
{
    /// <summary>Class of boot failure.</summary>
    public enum BootFailure : byte
    {
        /// <summary>Booted (possibly without audio).</summary>
        None = 0,
        /// <summary>No configuration stored, or it is invalid: halts until re-provisioned.</summary>
        Config = 1,
        /// <summary>The board definition is unknown or fails the pin check: halts.</summary>
        Board = 2,
        /// <summary>Wi-Fi could not be joined or no address: retried, then the device reboots.</summary>
        Network = 3,
        /// <summary>An unexpected exception at boot or in the runtime loop: the device reboots.</summary>
        Fatal = 4,
    }

    /// <summary>Names and LED patterns of <see cref="BootFailure"/>.</summary>
    public static class BootFailures
    {
        private static readonly string[] NameTable = { "none", "config", "board", "network", "fatal" };
        // on ms, off ms per failure (index = enum value).
        private static readonly int[] OnMs = { 0, 150, 50, 500, 1000 };
        private static readonly int[] OffMs = { 0, 150, 950, 500, 200 };

        /// <summary>Lower-case name, e.g. "config".</summary>
        public static string Name(BootFailure f)
        {
            int i = (int)f;
            return i >= 0 && i < NameTable.Length ? NameTable[i] : "unknown";
        }

        /// <summary>
        /// Status-LED blink timing for a failure: config = fast even blink (150/150 ms), board =
        /// one short flash a second (50/950), network = slow blink (500/500), fatal = long on,
        /// short off (1000/200). None = 0/0 (LED left alone).
        /// </summary>
        public static void LedPattern(BootFailure f, out int onMs, out int offMs)
        {
            int i = (int)f;
            if (i < 0 || i >= OnMs.Length) i = (int)BootFailure.Fatal;
            onMs = OnMs[i];
            offMs = OffMs[i];
        }
    }
}
