// Bracket- and quote-aware text helpers for the listing line format (nested (), [], <>, {},
// "..." and 'c' literals): matching brackets, top-level splits and searches, and a small
// cursor for type lines. Pure string code.
using System.Collections.Generic;

namespace Endpoint.Tools.NfGate.Listing
{
    /// <summary>Text helpers used by ListingParser and the stand-in generator.</summary>
    public static class ListingText
    {
        /// <summary>Index of the bracket closing the one at <paramref name="open"/>, quote-aware.</summary>
        public static int MatchingClose(string s, int open)
        {
            int depth = 0;
            bool quoted = false;
            char quote = '\0';
            for (int i = open; i < s.Length; i++)
            {
                char c = s[i];
                if (quoted)
                {
                    if (c == '\\') { i++; continue; }
                    if (c == quote) quoted = false;
                    continue;
                }
                if (c == '"' || (c == '\'' && i + 2 < s.Length))
                {
                    quoted = true;
                    quote = c;
                    continue;
                }
                if (c == '(' || c == '[' || c == '<' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '>' || c == '}')
                {
                    depth--;
                    if (depth == 0) return i;
                }
            }
            throw new GateSetupException("unbalanced brackets in listing text: '" + s + "'");
        }

        /// <summary>Splits on commas at nesting depth 0 (outside quotes), trimming each part.</summary>
        public static List<string> SplitTopLevel(string s)
        {
            var parts = new List<string>();
            if (s.Trim().Length == 0) return parts;
            int depth = 0;
            bool quoted = false;
            char quote = '\0';
            int last = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (quoted)
                {
                    if (c == '\\') { i++; continue; }
                    if (c == quote) quoted = false;
                    continue;
                }
                if (c == '"' || c == '\'') { quoted = true; quote = c; continue; }
                if (c == '(' || c == '[' || c == '<' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '>' || c == '}') depth--;
                else if (c == ',' && depth == 0)
                {
                    parts.Add(s.Substring(last, i - last).Trim());
                    last = i + 1;
                }
            }
            parts.Add(s.Substring(last).Trim());
            return parts;
        }

        /// <summary>First index of <paramref name="target"/> at nesting depth 0 outside quotes.</summary>
        public static int IndexOfTopLevel(string s, char target)
        {
            int depth = 0;
            bool quoted = false;
            char quote = '\0';
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (quoted)
                {
                    if (c == '\\') { i++; continue; }
                    if (c == quote) quoted = false;
                    continue;
                }
                if (c == '"' || c == '\'') { quoted = true; quote = c; continue; }
                if (c == target && depth == 0) return i;
                if (c == '(' || c == '[' || c == '<' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '>' || c == '}') depth--;
            }
            return -1;
        }

        /// <summary>Small word/token reader over a type line.</summary>
        public sealed class Cursor
        {
            private readonly string _s;
            private int _pos;

            public Cursor(string s) { _s = s; }

            public bool AtEnd => _pos >= _s.Length;

            public string Rest => _s.Substring(_pos);

            public string ReadWord()
            {
                SkipSpaces();
                int start = _pos;
                while (_pos < _s.Length && _s[_pos] != ' ') _pos++;
                return _s.Substring(start, _pos - start);
            }

            /// <summary>Reads a name that may contain a balanced &lt;...&gt; part with spaces, and
            /// stops before a delegate's '(' parameter list.</summary>
            public string ReadBalancedToken()
            {
                SkipSpaces();
                int start = _pos;
                int depth = 0;
                while (_pos < _s.Length)
                {
                    char c = _s[_pos];
                    if (c == '<') depth++;
                    else if (c == '>') depth--;
                    else if (depth == 0 && (c == ' ' || c == '(')) break;
                    _pos++;
                }
                return _s.Substring(start, _pos - start);
            }

            private void SkipSpaces()
            {
                while (_pos < _s.Length && _s[_pos] == ' ') _pos++;
            }
        }
    }
}
