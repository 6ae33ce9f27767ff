// Typed, validated access to the members of one JSON object of the configuration, recording
// the first error as "field 'sip.expires': expected ..., got ... (line 4 col 17)". Unknown
// member names are errors too: a misspelt field silently ignored would leave a device doing the
// wrong thing in the field. Depends on Endpoint.Json and HostPort.
using Endpoint.Json;

namespace Endpoint.Config
{
    /// <summary>Reads the members of one configuration object with validation.</summary>
    public sealed class ConfigFields
    {
        private readonly JsonNode _obj;
        private readonly string _path;
        private readonly string[] _known;
        private string _error;

        /// <summary>Wraps an object node at a dotted path ("" for the root) with its known member names.</summary>
        public ConfigFields(JsonNode obj, string path, string[] known)
        {
            _obj = obj;
            _path = path;
            _known = known;
            for (int i = 0; i < obj.Count && _error == null; i++)
            {
                string name = obj.NameAt(i);
                bool ok = false;
                for (int k = 0; k < known.Length; k++) if (known[k] == name) { ok = true; break; }
                if (!ok) _error = "unknown field '" + Qualify(name) + "' (" + Where(obj.Get(name)) + "); known fields here: " + List(known);
            }
        }

        /// <summary>The first error, or null.</summary>
        public string Error { get { return _error; } }

        /// <summary>Records an error for a field unless one is already recorded.</summary>
        public void Fail(string name, string expected, JsonNode got)
        {
            if (_error == null) _error = "field '" + Qualify(name) + "': expected " + expected + ", got " + (IsSecret(name) ? "a value that is not shown (secret)" : Show(got)) + " (" + Where(got) + ")";
        }

        /// <summary>The dotted path of a member.</summary>
        public string Qualify(string name) { return _path.Length == 0 ? name : _path + "." + name; }

        /// <summary>The raw member or null.</summary>
        public JsonNode Raw(string name) { return _obj.Get(name); }

        /// <summary>A nested object, or null when absent (an error when present but not an object).</summary>
        public ConfigFields Section(string name, string[] known)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return null;
            if (n.Kind != JsonKind.Object) { Fail(name, "an object", n); return null; }
            return new ConfigFields(n, Qualify(name), known);
        }

        /// <summary>A string member or the default; <paramref name="required"/> makes absence an error.</summary>
        public string String(string name, string fallback, bool required)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null)
            {
                if (required && _error == null) _error = "field '" + Qualify(name) + "' is required (" + Where(_obj) + ")";
                return fallback;
            }
            if (n.Kind != JsonKind.String) { Fail(name, "a string", n); return fallback; }
            return n.Text;
        }

        /// <summary>One of a fixed set of strings.</summary>
        public string Choice(string name, string[] choices, string fallback)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return fallback;
            if (n.Kind == JsonKind.String)
            {
                for (int i = 0; i < choices.Length; i++) if (choices[i] == n.Text) return n.Text;
            }
            Fail(name, "one of " + List(choices), n);
            return fallback;
        }

        /// <summary>A whole number in [min, max] or the default.</summary>
        public int Int(string name, int min, int max, int fallback)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return fallback;
            if (!n.IsInteger || n.AsLong() < min || n.AsLong() > max)
            {
                Fail(name, "a whole number from " + min + " to " + max, n);
                return fallback;
            }
            return (int)n.AsLong();
        }

        /// <summary>A boolean member or the default.</summary>
        public bool Bool(string name, bool fallback)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return fallback;
            if (n.Kind == JsonKind.True) return true;
            if (n.Kind == JsonKind.False) return false;
            Fail(name, "true or false", n);
            return fallback;
        }

        /// <summary>A "host:port" value (port optional when defaultPort &gt; 0), or the default.</summary>
        public HostPort Address(string name, int defaultPort, HostPort fallback)
        {
            return Address(name, defaultPort, false, fallback);
        }

        /// <summary>As Address; port 0 ("any free port") allowed when <paramref name="allowPortZero"/>.</summary>
        public HostPort Address(string name, int defaultPort, bool allowPortZero, HostPort fallback)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return fallback;
            if (n.Kind != JsonKind.String) { Fail(name, "a \"host:port\" string", n); return fallback; }
            string why;
            HostPort hp = HostPort.Parse(n.Text, defaultPort, allowPortZero, out why);
            if (hp == null) { Fail(name, "\"host:port\" (" + why + ")", n); return fallback; }
            return hp;
        }

        /// <summary>An array of strings, or the default.</summary>
        public string[] Strings(string name, string[] fallback)
        {
            JsonNode n = _obj.Get(name);
            if (n == null || n.Kind == JsonKind.Null) return fallback;
            if (n.Kind != JsonKind.Array) { Fail(name, "an array of strings", n); return fallback; }
            string[] result = new string[n.Count];
            for (int i = 0; i < n.Count; i++)
            {
                JsonNode e = n.At(i);
                if (e.Kind != JsonKind.String) { Fail(name + "[" + i + "]", "a string", e); return fallback; }
                result[i] = e.Text;
            }
            return result;
        }

        /// <summary>True for fields whose values must never appear in logs or messages.</summary>
        public static bool IsSecret(string name)
        {
            return name == "password" || name == "siteKey" || name == "doorCode";
        }

        /// <summary>Describes a value for an error message, without echoing long text.</summary>
        public static string Show(JsonNode n)
        {
            if (n == null) return "nothing";
            switch (n.Kind)
            {
                case JsonKind.String:
                    return n.Text.Length > 40 ? "a string of " + n.Text.Length + " characters" : "\"" + n.Text + "\"";
                case JsonKind.Number: return n.Text;
                case JsonKind.True: return "true";
                case JsonKind.False: return "false";
                case JsonKind.Null: return "null";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }

        private static string Where(JsonNode n)
        {
            return n == null || n.Line == 0 ? "position unknown" : "line " + n.Line + " col " + n.Column;
        }

        private static string List(string[] names)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < names.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(names[i]);
            }
            return sb.ToString();
        }
    }
}
