// Reads and validates the "phone" section (PhoneConfig): the first problem is reported with
// the field's dotted path, e.g. "field 'phone.dialPlan[1].strip':
// expected a whole number from 0 to 32, got 40 (line 7 col 20)". Depends on ConfigFields,
// HostPort, Endpoint.Json. Limits: at most 32 dial-plan rules, 16 emergency numbers, 32 blocked
// prefixes and 9 speed dials (cold data; a provisioning file never needs more).
using Endpoint.Json;

namespace Endpoint.Config
{
    /// <summary>Validation of the "phone" section.</summary>
    public static class PhoneConfigReader
    {
        /// <summary>Known members of "phone".</summary>
        public static readonly string[] Fields = { "interDigitMs", "dialPlan", "emergency", "blocked", "speedDials", "dnd", "callWaiting" };

        private static readonly string[] RuleFields = { "prefix", "strip", "prepend", "host", "length" };
        private const int MaxRules = 32;
        private const int MaxEmergency = 16;
        private const int MaxBlocked = 32;

        /// <summary>Reads the section. Returns null and sets <paramref name="error"/> on the first problem.</summary>
        public static PhoneConfig Read(ConfigFields f, out string error)
        {
            var p = new PhoneConfig();
            p.InterDigitMs = f.Int("interDigitMs", 500, 30000, p.InterDigitMs);
            p.DialPlan = ReadRules(f, out error);
            if (error == null) error = f.Error;
            if (error != null) return null;
            p.Emergency = f.Strings("emergency", p.Emergency);
            if (p.Emergency.Length > MaxEmergency) f.Fail("emergency", "at most " + MaxEmergency + " numbers", f.Raw("emergency"));
            for (int i = 0; i < p.Emergency.Length; i++)
            {
                if (!IsDialDigits(p.Emergency[i], 1, 16, false)) { f.Fail("emergency[" + i + "]", "1 to 16 digits 0-9 or *", f.Raw("emergency").At(i)); break; }
            }
            p.Blocked = f.Strings("blocked", p.Blocked);
            if (p.Blocked.Length > MaxBlocked) f.Fail("blocked", "at most " + MaxBlocked + " prefixes", f.Raw("blocked"));
            for (int i = 0; i < p.Blocked.Length; i++)
            {
                if (!IsDialDigits(p.Blocked[i], 1, PhoneConfig.MaxDigits, false)) { f.Fail("blocked[" + i + "]", "a prefix of 1 to 32 digits 0-9 or *", f.Raw("blocked").At(i)); break; }
            }
            p.SpeedDials = f.Strings("speedDials", p.SpeedDials);
            if (p.SpeedDials.Length > PhoneConfig.MaxSpeedDials) f.Fail("speedDials", "at most " + PhoneConfig.MaxSpeedDials + " targets (*1..*9)", f.Raw("speedDials"));
            for (int i = 0; i < p.SpeedDials.Length; i++)
            {
                if (!IsTarget(p.SpeedDials[i])) { f.Fail("speedDials[" + i + "]", "a number, user@host[:port] or sip: URI without spaces", f.Raw("speedDials").At(i)); break; }
            }
            p.Dnd = f.Bool("dnd", p.Dnd);
            p.CallWaiting = f.Bool("callWaiting", p.CallWaiting);
            error = f.Error;
            return error == null ? p : null;
        }

        private static DialRule[] ReadRules(ConfigFields f, out string error)
        {
            error = null;
            JsonNode plan = f.Raw("dialPlan");
            if (plan == null || plan.Kind == JsonKind.Null) return new DialRule[0];
            if (plan.Kind != JsonKind.Array) { f.Fail("dialPlan", "an array of rules {\"prefix\",\"strip\",\"prepend\",\"host\",\"length\"}", plan); return new DialRule[0]; }
            if (plan.Count > MaxRules) { f.Fail("dialPlan", "at most " + MaxRules + " rules", plan); return new DialRule[0]; }
            var rules = new DialRule[plan.Count];
            for (int i = 0; i < plan.Count; i++)
            {
                JsonNode n = plan.At(i);
                string name = "dialPlan[" + i + "]";
                if (n.Kind != JsonKind.Object) { f.Fail(name, "a rule object", n); return new DialRule[0]; }
                var rf = new ConfigFields(n, f.Qualify(name), RuleFields);
                var r = new DialRule();
                if (rf.Error == null)
                {
                    r.Prefix = rf.String("prefix", null, true);
                    if (r.Prefix != null && !IsDialDigits(r.Prefix, 0, PhoneConfig.MaxDigits, false)) rf.Fail("prefix", "up to 32 digits 0-9 or * (\"\" matches every number)", n.Get("prefix"));
                    r.Strip = rf.Int("strip", 0, PhoneConfig.MaxDigits, 0);
                    r.Prepend = rf.String("prepend", "", false);
                    if (!IsDialDigits(r.Prepend, 0, PhoneConfig.MaxDigits, true)) rf.Fail("prepend", "up to 32 characters 0-9 * # +", n.Get("prepend"));
                    r.Host = rf.String("host", null, false);
                    if (r.Host != null)
                    {
                        string why;
                        if (HostPort.Parse(r.Host, 5060, out why) == null) rf.Fail("host", "\"host[:port]\" (" + why + ")", n.Get("host"));
                        else if (r.Host.IndexOf('@') >= 0 || r.Host.IndexOf(' ') >= 0) rf.Fail("host", "\"host[:port]\" without '@' or spaces", n.Get("host"));
                    }
                    r.Length = rf.Int("length", 0, PhoneConfig.MaxDigits, 0);
                }
                if (rf.Error != null) { error = rf.Error; return new DialRule[0]; }
                rules[i] = r;
            }
            return rules;
        }

        /// <summary>True when s has min..max characters from 0-9 and * (plus # and + when <paramref name="extended"/>).</summary>
        public static bool IsDialDigits(string s, int min, int max, bool extended)
        {
            if (s == null || s.Length < min || s.Length > max) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if ((c >= '0' && c <= '9') || c == '*') continue;
                if (extended && (c == '#' || c == '+')) continue;
                return false;
            }
            return true;
        }

        private static bool IsTarget(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 128) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c <= ' ' || c == '<' || c == '>' || c == '"') return false;
            }
            return true;
        }
    }
}
