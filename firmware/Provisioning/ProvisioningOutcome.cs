// What one provisioning step did, as data and as the user-visible event
//   event provisioning result=applied|unchanged|rejected|unreachable|failed|loaded|recovered|empty
//         source=... [slot=a generation=N] [field=sip.expires] [reason="..."]
// Secrets never reach an outcome: reasons come from ConfigLoader (which hides secret values),
// the storage layer and the fetcher; sources are redacted URLs or file names.
// Depends on Endpoint.App.EventLine and Endpoint.Config.EndpointConfig.
using Endpoint.App;
using Endpoint.Config;

namespace Endpoint.Provisioning
{
    /// <summary>Result codes of provisioning (with a name table: enum ToString prints numbers on the device).</summary>
    public static class ProvisioningResult
    {
        /// <summary>A new configuration was validated, stored, verified and made active.</summary>
        public const int Applied = 0;
        /// <summary>The offered configuration is byte-identical to the active one; nothing written.</summary>
        public const int Unchanged = 1;
        /// <summary>The offered configuration is invalid (bad JSON, a bad field, wrong board); the active one stays.</summary>
        public const int Rejected = 2;
        /// <summary>The provisioning server could not be reached or answered badly; the active one stays.</summary>
        public const int Unreachable = 3;
        /// <summary>Storing or verifying failed (flash error, power failing); the active one stays.</summary>
        public const int Failed = 4;
        /// <summary>Boot: the active slot was loaded.</summary>
        public const int Loaded = 5;
        /// <summary>Boot: the active slot or the pointer was unusable; the other (last good) slot was loaded.</summary>
        public const int Recovered = 6;
        /// <summary>Boot: no usable configuration is stored.</summary>
        public const int Empty = 7;

        private static readonly string[] Names = { "applied", "unchanged", "rejected", "unreachable", "failed", "loaded", "recovered", "empty" };

        /// <summary>Lower-case name of a result.</summary>
        public static string Name(int result)
        {
            return result >= 0 && result < Names.Length ? Names[result] : "result-" + result;
        }
    }

    /// <summary>The outcome of a boot, an apply or a fetch.</summary>
    public sealed class ProvisioningOutcome
    {
        /// <summary>A <see cref="ProvisioningResult"/> code.</summary>
        public int Result;

        /// <summary>Where the configuration came from (file name, redacted URL, "storage").</summary>
        public string Source;

        /// <summary>The dotted field name a rejection is about, or null.</summary>
        public string Field;

        /// <summary>Why (for everything but applied/unchanged/loaded), or null.</summary>
        public string Reason;

        /// <summary>The slot now active (0 = a, 1 = b), or -1.</summary>
        public int Slot = -1;

        /// <summary>Generation of the active configuration, or 0.</summary>
        public int Generation;

        /// <summary>The configuration active after this step (may be the previous one), or null.</summary>
        public EndpointConfig Config;

        /// <summary>True when the active configuration changed.</summary>
        public bool Changed { get { return Result == ProvisioningResult.Applied; } }

        /// <summary>The event line.</summary>
        public string ToEvent()
        {
            EventLine e = new EventLine("provisioning").Add("result", ProvisioningResult.Name(Result)).Add("source", Source);
            if (Slot >= 0) e.Add("slot", ConfigSlots.Name(Slot)).Add("generation", Generation);
            return e.Add("field", Field).Add("reason", Reason).ToString();
        }

        /// <summary>A human log line.</summary>
        public string ToLog()
        {
            string s = "provisioning: " + ProvisioningResult.Name(Result) + " (" + Source + ")";
            if (Slot >= 0) s += ", active slot " + ConfigSlots.Name(Slot) + " generation " + Generation;
            if (Reason != null) s += ": " + Reason;
            return s;
        }
    }
}
