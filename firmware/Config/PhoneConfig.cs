// The "phone" section of the configuration: the desk-phone application's dial plan, emergency
// numbers, speed dials, inter-digit timeout, do-not-disturb and call-waiting settings. Plain
// data with the documented defaults (README.md "Configuration"); validation lives in
// PhoneConfigReader. Depends on nothing.
namespace Endpoint.Config
{
    /// <summary>The "phone" section (desk phone).</summary>
    public sealed class PhoneConfig
    {
        /// <summary>Largest number of digits the desk phone collects for one call.</summary>
        public const int MaxDigits = 32;

        /// <summary>Largest number of speed-dial entries (`*1`..`*9`).</summary>
        public const int MaxSpeedDials = 9;

        /// <summary>The dialed number is sent this long after the last digit, ms.</summary>
        public int InterDigitMs = 4000;

        /// <summary>Prefix rules, first match wins.</summary>
        public DialRule[] DialPlan = new DialRule[0];

        /// <summary>Numbers always allowed and dialed as soon as they are complete.</summary>
        public string[] Emergency = { "112", "911" };

        /// <summary>Dialed prefixes that are refused (emergency numbers excepted).</summary>
        public string[] Blocked = new string[0];

        /// <summary>Speed-dial targets: entry 0 is `*1` and the speed1 key, ...</summary>
        public string[] SpeedDials = new string[0];

        /// <summary>Do-not-disturb at start-up.</summary>
        public bool Dnd;

        /// <summary>Announce a second call during a call (false: it is refused with 486).</summary>
        public bool CallWaiting = true;
    }

    /// <summary>One dial-plan rule: digits starting with Prefix lose Strip leading digits, gain Prepend, and go to Host.</summary>
    public sealed class DialRule
    {
        /// <summary>Digits the dialed number starts with ("" matches every number).</summary>
        public string Prefix = "";

        /// <summary>Leading digits removed before dialing.</summary>
        public int Strip;

        /// <summary>Text put in front after stripping (digits, `*`, `#`, `+`).</summary>
        public string Prepend = "";

        /// <summary>
        /// "host[:port]" or an overlay domain: the number is dialed as NUMBER@Host (a direct
        /// sip:NUMBER@host call or an overlay AOR). Null: NUMBER alone, routed via the registrar
        /// to sip:NUMBER@sip.domain.
        /// </summary>
        public string Host;

        /// <summary>Dialed-number length at which the number is sent at once (0 = wait for `#` or the timeout).</summary>
        public int Length;
    }
}
