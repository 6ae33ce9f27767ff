// Formats the endpoint's events as single lines: `event NAME key=value key="two words"`.
// Values are quoted when they are empty or contain spaces, quotes, backslashes or '='; inside
// quotes, '"' and '\' are escaped with a backslash and control characters become spaces, so an
// event is always exactly one line. Cold path (user-visible events), allocation is fine.
// Depends on System.Text.StringBuilder only.
using System.Text;

namespace Endpoint.App
{
    /// <summary>Builds one event line.</summary>
    public sealed class EventLine
    {
        private readonly StringBuilder _sb = new StringBuilder(96);

        /// <summary>Starts an event with its name.</summary>
        public EventLine(string name)
        {
            _sb.Append("event ");
            _sb.Append(name);
        }

        /// <summary>Adds key=value (skipped when value is null).</summary>
        public EventLine Add(string key, string value)
        {
            if (value == null) return this;
            _sb.Append(' ');
            _sb.Append(key);
            _sb.Append('=');
            AppendValue(_sb, value);
            return this;
        }

        /// <summary>Adds key=number.</summary>
        public EventLine Add(string key, long value)
        {
            _sb.Append(' ');
            _sb.Append(key);
            _sb.Append('=');
            _sb.Append(value);
            return this;
        }

        /// <summary>The finished line (no newline).</summary>
        public override string ToString() { return _sb.ToString(); }

        /// <summary>Appends a value, quoted when needed.</summary>
        public static void AppendValue(StringBuilder sb, string value)
        {
            bool quote = value.Length == 0;
            for (int i = 0; i < value.Length && !quote; i++)
            {
                char c = value[i];
                if (c <= ' ' || c == '"' || c == '\\' || c == '=') quote = true;
            }
            if (!quote) { sb.Append(value); return; }
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\') { sb.Append('\\'); sb.Append(c); }
                else if (c < ' ') sb.Append(' ');
                else sb.Append(c);
            }
            sb.Append('"');
        }
    }
}
