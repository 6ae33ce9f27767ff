// One user command of the endpoint's control interface (the virtual device's standard input,
// a device's serial console): `dial TARGET`, `answer`, `hangup`, `hold`, `resume`,
// `dtmf DIGITS`, `key K`, `hook off|on`, `button`, `message TARGET TEXT`, `status`, `quit`.
// Parsing only; what each command does belongs to the application. Depends on nothing.
namespace Endpoint.App
{
    /// <summary>A parsed command line.</summary>
    public sealed class Command
    {
        private static readonly string[] Known = { "dial", "answer", "hangup", "hold", "resume", "dtmf", "key", "hook", "button", "message", "status", "quit" };

        private Command(string name, string arg, string text)
        {
            Name = name;
            Argument = arg;
            Text = text;
        }

        /// <summary>Lower-case command name.</summary>
        public string Name { get; }

        /// <summary>First argument, or null.</summary>
        public string Argument { get; }

        /// <summary>Everything after the first argument (for `message TARGET TEXT`), or null.</summary>
        public string Text { get; }

        /// <summary>
        /// Parses one line. Returns null for a blank line. Sets <paramref name="error"/> and
        /// returns null for an unknown command or missing/extra arguments.
        /// </summary>
        public static Command Parse(string line, out string error)
        {
            error = null;
            if (line == null) return null;
            string s = line.Trim();
            if (s.Length == 0) return null;
            int sp = IndexOfSpace(s, 0);
            string name = (sp < 0 ? s : s.Substring(0, sp)).ToLower();
            string rest = sp < 0 ? null : s.Substring(sp + 1).Trim();
            if (rest != null && rest.Length == 0) rest = null;
            bool known = false;
            for (int i = 0; i < Known.Length; i++) if (Known[i] == name) { known = true; break; }
            if (!known) { error = "unknown command '" + name + "'"; return null; }

            string arg = null, text = null;
            if (rest != null)
            {
                int sp2 = IndexOfSpace(rest, 0);
                arg = sp2 < 0 ? rest : rest.Substring(0, sp2);
                if (sp2 >= 0) text = rest.Substring(sp2 + 1).Trim();
                if (text != null && text.Length == 0) text = null;
            }

            switch (name)
            {
                case "dial":
                case "dtmf":
                case "key":
                    if (arg == null || text != null) { error = name + " takes one argument"; return null; }
                    break;
                case "hook":
                    if (arg != "off" && arg != "on" || text != null) { error = "hook takes 'off' or 'on'"; return null; }
                    break;
                case "message":
                    if (arg == null || text == null) { error = "message takes a target and a text"; return null; }
                    break;
                case "hangup":
                case "answer":
                    if (text != null) { error = name + " takes at most one argument"; return null; }
                    break;
                default:
                    if (arg != null) { error = name + " takes no argument"; return null; }
                    break;
            }
            if (name == "dtmf" && !IsDigits(arg)) { error = "dtmf takes digits 0-9 * # A-D"; return null; }
            if (name == "key" && !(arg.Length == 1 && IsDigits(arg)) && !IsNamedKey(arg)) { error = "key takes one keypad key (0-9 * # or a function key name)"; return null; }
            return new Command(name, arg, text);
        }

        private static bool IsNamedKey(string k)
        {
            return k == "redial" || k == "hold" || k == "dnd" || k == "vol+" || k == "vol-" || k == "flash" || k == "speed1" || k == "speed2" || k == "speed3";
        }

        private static bool IsDigits(string s)
        {
            if (s == null || s.Length == 0) return false;
            for (int i = 0; i < s.Length; i++) if ("0123456789*#ABCDabcd".IndexOf(s[i]) < 0) return false;
            return true;
        }

        private static int IndexOfSpace(string s, int from)
        {
            for (int i = from; i < s.Length; i++) if (s[i] == ' ' || s[i] == '\t') return i;
            return -1;
        }
    }
}
