// The desk phone's dial plan: turns a dialed digit string into a call target for IPhone.Dial.
//   1. `*N` (N = 1..9) with speed dial N configured -> that speed-dial target (digits in it go
//      through steps 2-4 like dialed digits).
//   2. An emergency number (phone.emergency) is always allowed: `blocked` does not apply to it.
//   3. A number starting with a `blocked` prefix is refused.
//   4. The first rule whose prefix matches rewrites it: drop `strip` leading digits, put
//      `prepend` in front; with `host` the target is NUMBER@host (a direct sip:NUMBER@host[:port]
//      call or an overlay AOR), without it NUMBER alone (sip:NUMBER@sip.domain via the
//      registrar, see TargetResolver). No matching rule: the digits as dialed.
// Completion (send without waiting for `#` or the inter-digit timeout): an emergency number, a
// configured `*N`, or a rule with `length` reached. Cold path (once per call); allocation is fine.
// Depends on Endpoint.Config (PhoneConfig, DialRule). Limits: prefix matching only, no patterns.
using Endpoint.Config;

namespace Endpoint.App.DeskPhone
{
    /// <summary>Result of applying the dial plan.</summary>
    public enum DialPlanStatus
    {
        /// <summary>A target to dial.</summary>
        Ok = 0,
        /// <summary>Nothing dialed.</summary>
        Empty = 1,
        /// <summary>Refused by a `blocked` prefix.</summary>
        Blocked = 2,
        /// <summary>`*N` without a configured speed dial N.</summary>
        NoSpeedDial = 3,
    }

    /// <summary>Prefix rules, emergency numbers, blocked prefixes and speed dials.</summary>
    public sealed class DialPlan
    {
        private static readonly string[] StatusNames = { "ok", "empty", "blocked", "no-speed-dial" };
        private readonly PhoneConfig _config;

        /// <summary>Creates the plan over a validated phone configuration.</summary>
        public DialPlan(PhoneConfig config)
        {
            if (config == null) throw new System.ArgumentNullException("config");
            _config = config;
        }

        /// <summary>Name of a status for events ("ok", "blocked", ...).</summary>
        public static string Name(DialPlanStatus s)
        {
            int i = (int)s;
            return i >= 0 && i < StatusNames.Length ? StatusNames[i] : "status " + i;
        }

        /// <summary>True when the digits are exactly an emergency number.</summary>
        public bool IsEmergency(string digits)
        {
            string[] e = _config.Emergency;
            for (int i = 0; i < e.Length; i++) if (e[i] == digits) return true;
            return false;
        }

        /// <summary>Speed-dial target N (1..9), or null when not configured.</summary>
        public string SpeedDial(int n)
        {
            string[] s = _config.SpeedDials;
            return n >= 1 && n <= s.Length ? s[n - 1] : null;
        }

        /// <summary>True when the collected digits can be sent without waiting for `#` or the timeout.</summary>
        public bool IsComplete(string digits)
        {
            if (digits == null || digits.Length == 0) return false;
            if (IsEmergency(digits)) return true;
            if (SpeedDialIndex(digits) > 0) return SpeedDial(SpeedDialIndex(digits)) != null;
            DialRule r = Match(digits);
            return r != null && r.Length > 0 && digits.Length >= r.Length;
        }

        /// <summary>
        /// The call target for dialed digits (or for a speed-dial/redial entry that is already a
        /// target such as "bob@10.0.0.2"), or null with <paramref name="status"/> saying why.
        /// </summary>
        public string Resolve(string dialed, out DialPlanStatus status)
        {
            status = DialPlanStatus.Empty;
            if (dialed == null || dialed.Length == 0) return null;
            int n = SpeedDialIndex(dialed);
            if (n > 0)
            {
                string target = SpeedDial(n);
                if (target == null) { status = DialPlanStatus.NoSpeedDial; return null; }
                dialed = target;
            }
            if (!PhoneConfigReader.IsDialDigits(dialed, 1, PhoneConfig.MaxDigits, false)) { status = DialPlanStatus.Ok; return dialed; }
            if (!IsEmergency(dialed) && IsBlocked(dialed)) { status = DialPlanStatus.Blocked; return null; }
            status = DialPlanStatus.Ok;
            DialRule r = Match(dialed);
            if (r == null) return dialed;
            string number = r.Prepend + (r.Strip >= dialed.Length ? "" : dialed.Substring(r.Strip));
            if (number.Length == 0) number = dialed;
            return r.Host == null ? number : number + "@" + r.Host;
        }

        /// <summary>The first rule whose prefix the digits start with, or null.</summary>
        public DialRule Match(string digits)
        {
            DialRule[] rules = _config.DialPlan;
            for (int i = 0; i < rules.Length; i++) if (digits.StartsWith(rules[i].Prefix)) return rules[i];
            return null;
        }

        private bool IsBlocked(string digits)
        {
            string[] b = _config.Blocked;
            for (int i = 0; i < b.Length; i++) if (digits.StartsWith(b[i])) return true;
            return false;
        }

        /// <summary>N for "*N" (N = 1..9), else 0.</summary>
        private static int SpeedDialIndex(string digits)
        {
            if (digits.Length != 2 || digits[0] != '*' || digits[1] < '1' || digits[1] > '9') return 0;
            return digits[1] - '0';
        }
    }
}
