// A parsed JSON value (RFC 8259): a small DOM for cold-path data (configuration files, overlay
// records), not for per-packet work. Objects keep their member order (an ArrayList of names next
// to a Hashtable) so a writer can reproduce it and error messages can list it.
// Depends on System.Collections only; no generics (nanoFramework stable).
using System.Collections;

namespace Endpoint.Json
{
    /// <summary>One JSON value with its source position (for error messages).</summary>
    public sealed class JsonNode
    {
        private readonly ArrayList _items;      // array elements, or object member names in order
        private readonly Hashtable _members;    // object: name -> JsonNode

        private JsonNode(JsonKind kind, string text, double number, int line, int column)
        {
            Kind = kind;
            Text = text;
            Number = number;
            Line = line;
            Column = column;
            if (kind == JsonKind.Array || kind == JsonKind.Object) _items = new ArrayList();
            if (kind == JsonKind.Object) _members = new Hashtable();
        }

        /// <summary>The kind of value.</summary>
        public JsonKind Kind { get; }

        /// <summary>String value (unescaped), or the literal text of a number.</summary>
        public string Text { get; }

        /// <summary>Numeric value when <see cref="Kind"/> is Number.</summary>
        public double Number { get; }

        /// <summary>1-based source line of the value's first character (0 when built in code).</summary>
        public int Line { get; }

        /// <summary>1-based source column of the value's first character.</summary>
        public int Column { get; }

        /// <summary>Elements of an array, or members of an object.</summary>
        public int Count { get { return _items == null ? 0 : _items.Count; } }

        /// <summary>True for a number without fraction or exponent that fits in a long.</summary>
        public bool IsInteger
        {
            get
            {
                if (Kind != JsonKind.Number) return false;
                for (int i = 0; i < Text.Length; i++)
                {
                    char c = Text[i];
                    if (c == '.' || c == 'e' || c == 'E') return false;
                }
                return Text.Length <= 18;
            }
        }

        /// <summary>The value as a long; only meaningful when <see cref="IsInteger"/>.</summary>
        public long AsLong()
        {
            long v = 0;
            bool neg = false;
            for (int i = 0; i < Text.Length; i++)
            {
                char c = Text[i];
                if (c == '-') { neg = true; continue; }
                v = v * 10 + (c - '0');
            }
            return neg ? -v : v;
        }

        /// <summary>The i-th array element.</summary>
        public JsonNode At(int index) { return (JsonNode)_items[index]; }

        /// <summary>The name of the i-th object member, in source order.</summary>
        public string NameAt(int index) { return (string)_items[index]; }

        /// <summary>An object member by name, or null.</summary>
        public JsonNode Get(string name) { return _members == null ? null : (JsonNode)_members[name]; }

        /// <summary>True when the object has a member of that name.</summary>
        public bool Has(string name) { return _members != null && _members.Contains(name); }

        internal bool AddMember(string name, JsonNode value)
        {
            if (_members.Contains(name)) return false;
            _members[name] = value;
            _items.Add(name);
            return true;
        }

        internal void AddElement(JsonNode value) { _items.Add(value); }

        /// <summary>Creates a node (used by the parser and by code that builds documents).</summary>
        public static JsonNode Create(JsonKind kind, string text, double number, int line, int column)
        {
            return new JsonNode(kind, text, number, line, column);
        }

        /// <summary>A new empty object.</summary>
        public static JsonNode NewObject() { return new JsonNode(JsonKind.Object, null, 0, 0, 0); }

        /// <summary>A new empty array.</summary>
        public static JsonNode NewArray() { return new JsonNode(JsonKind.Array, null, 0, 0, 0); }

        /// <summary>A string value.</summary>
        public static JsonNode FromString(string s) { return new JsonNode(JsonKind.String, s, 0, 0, 0); }

        /// <summary>An integer value.</summary>
        public static JsonNode FromLong(long v) { return new JsonNode(JsonKind.Number, v.ToString(), v, 0, 0); }

        /// <summary>A boolean value.</summary>
        public static JsonNode FromBool(bool v) { return new JsonNode(v ? JsonKind.True : JsonKind.False, null, 0, 0, 0); }

        /// <summary>Adds or replaces nothing: appends a member to an object built in code; false if the name exists.</summary>
        public bool Add(string name, JsonNode value) { return AddMember(name, value); }

        /// <summary>Appends an element to an array built in code.</summary>
        public void Add(JsonNode value) { AddElement(value); }
    }
}
