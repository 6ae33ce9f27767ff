// JSON text to JsonNode (RFC 8259), for configuration files and overlay records.
// Strict: no comments, no trailing commas, no duplicate member names, UTF-8 input, control
// characters must be escaped. Bounded: nesting depth and string length are limited, and the
// parse is a single forward pass over the caller's bytes, so no input can hang it or make it
// recurse without bound. Errors carry 1-based line and column.
// Depends on System.Text.Encoding (UTF-8) and JsonNode; no generics, no exceptions for bad input.
using System.Text;

namespace Endpoint.Json
{
    /// <summary>Parses JSON text into a <see cref="JsonNode"/> tree.</summary>
    public sealed class JsonParser
    {
        /// <summary>Deepest nesting of arrays/objects accepted.</summary>
        public const int MaxDepth = 32;

        private readonly byte[] _scratch;
        private byte[] _src;
        private int _pos;
        private int _end;
        private int _line;
        private int _lineStart;
        private int _depth;
        private string _error;

        /// <summary>Creates a parser whose strings may be up to <paramref name="maxStringBytes"/> UTF-8 bytes.</summary>
        public JsonParser(int maxStringBytes = 4096)
        {
            _scratch = new byte[maxStringBytes];
        }

        /// <summary>The last error ("line 3 col 7: expected ':' after member name"), or null.</summary>
        public string Error { get { return _error; } }

        /// <summary>Parses exactly one JSON value (surrounded only by white space). Null on error; see <see cref="Error"/>.</summary>
        public JsonNode Parse(byte[] src, int offset, int count)
        {
            _src = src;
            _pos = offset;
            _end = offset + count;
            _line = 1;
            _lineStart = offset;
            _depth = 0;
            _error = null;
            if (_end - _pos >= 3 && src[_pos] == 0xEF && src[_pos + 1] == 0xBB && src[_pos + 2] == 0xBF) { _pos += 3; _lineStart = _pos; }
            SkipSpace();
            if (_pos >= _end) return Fail("the document is empty");
            JsonNode root = ParseValue();
            if (root == null) return null;
            SkipSpace();
            if (_pos < _end) return Fail("unexpected " + Describe(_src[_pos]) + " after the end of the document");
            return root;
        }

        /// <summary>Parses a whole string (convenience for tests and cold paths).</summary>
        public JsonNode Parse(string text)
        {
            byte[] b = Encoding.UTF8.GetBytes(text);
            return Parse(b, 0, b.Length);
        }

        private JsonNode Fail(string message)
        {
            if (_error == null) _error = "line " + _line + " col " + (_pos - _lineStart + 1) + ": " + message;
            return null;
        }

        private static string Describe(byte b)
        {
            if (b >= 0x21 && b < 0x7F) return "'" + (char)b + "'";
            return "byte 0x" + b.ToString("X2");
        }

        private void SkipSpace()
        {
            while (_pos < _end)
            {
                byte b = _src[_pos];
                if (b == (byte)'\n') { _pos++; _line++; _lineStart = _pos; }
                else if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r') _pos++;
                else break;
            }
        }

        private JsonNode ParseValue()
        {
            if (_pos >= _end) return Fail("unexpected end of the document, expected a value");
            int line = _line, col = _pos - _lineStart + 1;
            byte b = _src[_pos];
            switch (b)
            {
                case (byte)'{': return ParseObject(line, col);
                case (byte)'[': return ParseArray(line, col);
                case (byte)'"':
                    {
                        string s = ParseString();
                        return s == null ? null : JsonNode.Create(JsonKind.String, s, 0, line, col);
                    }
                case (byte)'t': return Literal("true", JsonKind.True, line, col);
                case (byte)'f': return Literal("false", JsonKind.False, line, col);
                case (byte)'n': return Literal("null", JsonKind.Null, line, col);
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9')) return ParseNumber(line, col);
                    return Fail("unexpected " + Describe(b) + ", expected a value");
            }
        }

        private JsonNode Literal(string word, JsonKind kind, int line, int col)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (_pos + i >= _end || _src[_pos + i] != (byte)word[i]) return Fail("invalid literal, expected " + word);
            }
            _pos += word.Length;
            return JsonNode.Create(kind, null, 0, line, col);
        }

        private JsonNode ParseObject(int line, int col)
        {
            if (++_depth > MaxDepth) return Fail("nesting deeper than " + MaxDepth);
            _pos++;
            JsonNode obj = JsonNode.Create(JsonKind.Object, null, 0, line, col);
            SkipSpace();
            if (_pos < _end && _src[_pos] == (byte)'}') { _pos++; _depth--; return obj; }
            while (true)
            {
                SkipSpace();
                if (_pos >= _end) return Fail("unexpected end of the document inside an object");
                if (_src[_pos] != (byte)'"') return Fail("expected a member name in double quotes, got " + Describe(_src[_pos]));
                string name = ParseString();
                if (name == null) return null;
                SkipSpace();
                if (_pos >= _end || _src[_pos] != (byte)':') return Fail("expected ':' after member name \"" + name + "\"");
                _pos++;
                SkipSpace();
                JsonNode value = ParseValue();
                if (value == null) return null;
                if (!obj.AddMember(name, value)) return Fail("duplicate member name \"" + name + "\"");
                SkipSpace();
                if (_pos >= _end) return Fail("unexpected end of the document inside an object");
                byte b = _src[_pos++];
                if (b == (byte)'}') break;
                if (b != (byte)',') { _pos--; return Fail("expected ',' or '}' after a member, got " + Describe(b)); }
            }
            _depth--;
            return obj;
        }

        private JsonNode ParseArray(int line, int col)
        {
            if (++_depth > MaxDepth) return Fail("nesting deeper than " + MaxDepth);
            _pos++;
            JsonNode arr = JsonNode.Create(JsonKind.Array, null, 0, line, col);
            SkipSpace();
            if (_pos < _end && _src[_pos] == (byte)']') { _pos++; _depth--; return arr; }
            while (true)
            {
                SkipSpace();
                JsonNode value = ParseValue();
                if (value == null) return null;
                arr.AddElement(value);
                SkipSpace();
                if (_pos >= _end) return Fail("unexpected end of the document inside an array");
                byte b = _src[_pos++];
                if (b == (byte)']') break;
                if (b != (byte)',') { _pos--; return Fail("expected ',' or ']' after an element, got " + Describe(b)); }
            }
            _depth--;
            return arr;
        }

        private JsonNode ParseNumber(int line, int col)
        {
            int start = _pos;
            if (_src[_pos] == (byte)'-') _pos++;
            if (_pos >= _end || !IsDigit(_src[_pos])) return Fail("invalid number: expected a digit");
            if (_src[_pos] == (byte)'0') _pos++;
            else while (_pos < _end && IsDigit(_src[_pos])) _pos++;
            if (_pos < _end && _src[_pos] == (byte)'.')
            {
                _pos++;
                if (_pos >= _end || !IsDigit(_src[_pos])) return Fail("invalid number: expected a digit after '.'");
                while (_pos < _end && IsDigit(_src[_pos])) _pos++;
            }
            if (_pos < _end && (_src[_pos] == (byte)'e' || _src[_pos] == (byte)'E'))
            {
                _pos++;
                if (_pos < _end && (_src[_pos] == (byte)'+' || _src[_pos] == (byte)'-')) _pos++;
                if (_pos >= _end || !IsDigit(_src[_pos])) return Fail("invalid number: expected a digit in the exponent");
                while (_pos < _end && IsDigit(_src[_pos])) _pos++;
            }
            if (_pos - start > 40) return Fail("number too long");
            string text = Encoding.UTF8.GetString(_src, start, _pos - start);
            double value;
            if (!double.TryParse(text, out value)) return Fail("number out of range: " + text);
            return JsonNode.Create(JsonKind.Number, text, value, line, col);
        }

        private static bool IsDigit(byte b) { return b >= (byte)'0' && b <= (byte)'9'; }

        // Parses a string starting at the opening quote; returns the unescaped text or null on error.
        private string ParseString()
        {
            _pos++;
            int n = 0;
            while (true)
            {
                if (_pos >= _end) return FailS("unterminated string");
                byte b = _src[_pos];
                if (b == (byte)'"') { _pos++; break; }
                if (b < 0x20) return FailS("control character " + Describe(b) + " inside a string must be escaped");
                if (n + 4 > _scratch.Length) return FailS("string longer than " + _scratch.Length + " bytes");
                if (b != (byte)'\\') { _scratch[n++] = b; _pos++; continue; }
                if (_pos + 1 >= _end) return FailS("unterminated escape");
                byte e = _src[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case (byte)'"': _scratch[n++] = (byte)'"'; break;
                    case (byte)'\\': _scratch[n++] = (byte)'\\'; break;
                    case (byte)'/': _scratch[n++] = (byte)'/'; break;
                    case (byte)'b': _scratch[n++] = 8; break;
                    case (byte)'f': _scratch[n++] = 12; break;
                    case (byte)'n': _scratch[n++] = 10; break;
                    case (byte)'r': _scratch[n++] = 13; break;
                    case (byte)'t': _scratch[n++] = 9; break;
                    case (byte)'u':
                        {
                            int cp = Hex4();
                            if (cp < 0) return FailS("invalid \\u escape: expected 4 hex digits");
                            if (cp >= 0xD800 && cp <= 0xDBFF)
                            {
                                if (_pos + 1 < _end && _src[_pos] == (byte)'\\' && _src[_pos + 1] == (byte)'u')
                                {
                                    _pos += 2;
                                    int lo = Hex4();
                                    if (lo < 0xDC00 || lo > 0xDFFF) return FailS("invalid surrogate pair in \\u escape");
                                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                }
                                else return FailS("lone high surrogate in \\u escape");
                            }
                            else if (cp >= 0xDC00 && cp <= 0xDFFF) return FailS("lone low surrogate in \\u escape");
                            n = PutUtf8(cp, n);
                            break;
                        }
                    default:
                        _pos--;
                        return FailS("invalid escape \\" + (char)e);
                }
            }
            return Encoding.UTF8.GetString(_scratch, 0, n);
        }

        private string FailS(string message)
        {
            Fail(message);
            return null;
        }

        private int Hex4()
        {
            if (_pos + 4 > _end) return -1;
            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                int d = HexDigit(_src[_pos + i]);
                if (d < 0) return -1;
                v = (v << 4) | d;
            }
            _pos += 4;
            return v;
        }

        private static int HexDigit(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9') return b - '0';
            if (b >= (byte)'a' && b <= (byte)'f') return b - 'a' + 10;
            if (b >= (byte)'A' && b <= (byte)'F') return b - 'A' + 10;
            return -1;
        }

        private int PutUtf8(int cp, int n)
        {
            if (cp < 0x80) { _scratch[n++] = (byte)cp; }
            else if (cp < 0x800) { _scratch[n++] = (byte)(0xC0 | (cp >> 6)); _scratch[n++] = (byte)(0x80 | (cp & 0x3F)); }
            else if (cp < 0x10000)
            {
                _scratch[n++] = (byte)(0xE0 | (cp >> 12));
                _scratch[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                _scratch[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                _scratch[n++] = (byte)(0xF0 | (cp >> 18));
                _scratch[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                _scratch[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                _scratch[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            return n;
        }
    }
}
