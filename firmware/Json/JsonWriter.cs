// Writes JSON text (RFC 8259) into a caller-owned byte buffer: compact, UTF-8, strings escaped.
// Used for overlay request bodies and records. No allocation per value except the caller's
// strings themselves; overflow is a status (Overflowed), never an exception or a resize.
// Depends on nothing but the BCL string/char types. Nesting is limited to 16 levels.
namespace Endpoint.Json
{
    /// <summary>Streaming JSON writer over a fixed buffer.</summary>
    public sealed class JsonWriter
    {
        private const int MaxNesting = 16;
        private readonly bool[] _needComma = new bool[MaxNesting + 1];
        private byte[] _buf;
        private int _pos;
        private int _start;
        private int _depth;
        private bool _afterName;

        /// <summary>Creates a writer; call <see cref="Reset"/> to point it at a buffer.</summary>
        public JsonWriter() { }

        /// <summary>Creates a writer over buf[offset..].</summary>
        public JsonWriter(byte[] buf, int offset) { Reset(buf, offset); }

        /// <summary>True once anything did not fit (or nesting went too deep); the output is then unusable.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Bytes written since the last reset.</summary>
        public int Length { get { return _pos - _start; } }

        /// <summary>Starts a new document at buf[offset..].</summary>
        public void Reset(byte[] buf, int offset)
        {
            _buf = buf;
            _pos = offset;
            _start = offset;
            _depth = 0;
            _afterName = false;
            _needComma[0] = false;
            Overflowed = false;
        }

        /// <summary>Starts an object.</summary>
        public void BeginObject() { Open((byte)'{'); }

        /// <summary>Ends the current object.</summary>
        public void EndObject() { Close((byte)'}'); }

        /// <summary>Starts an array.</summary>
        public void BeginArray() { Open((byte)'['); }

        /// <summary>Ends the current array.</summary>
        public void EndArray() { Close((byte)']'); }

        /// <summary>Writes a member name inside an object; the next call writes its value.</summary>
        public void Name(string name)
        {
            Separator();
            WriteQuoted(name);
            Put((byte)':');
            _afterName = true;
        }

        /// <summary>Writes a string value (null writes JSON null).</summary>
        public void String(string value)
        {
            Separator();
            if (value == null) PutAscii("null");
            else WriteQuoted(value);
        }

        /// <summary>Writes an integer value.</summary>
        public void Number(long value)
        {
            Separator();
            if (value < 0)
            {
                Put((byte)'-');
                if (value == long.MinValue) { PutAscii("9223372036854775808"); return; }
                value = -value;
            }
            PutDigits((ulong)value);
        }

        /// <summary>Writes an unsigned integer value.</summary>
        public void Number(ulong value)
        {
            Separator();
            PutDigits(value);
        }

        /// <summary>Writes true or false.</summary>
        public void Bool(bool value)
        {
            Separator();
            PutAscii(value ? "true" : "false");
        }

        /// <summary>Writes a JSON string whose UTF-8 bytes are given (already valid UTF-8).</summary>
        public void StringUtf8(byte[] src, int offset, int count)
        {
            Separator();
            Put((byte)'"');
            for (int i = 0; i < count; i++) PutEscapedByte(src[offset + i]);
            Put((byte)'"');
        }

        private void Open(byte b)
        {
            Separator();
            Put(b);
            if (_depth >= MaxNesting) { Overflowed = true; return; }
            _depth++;
            _needComma[_depth] = false;
        }

        private void Close(byte b)
        {
            if (_depth > 0) _depth--;
            Put(b);
            _needComma[_depth] = true;
        }

        private void Separator()
        {
            if (_afterName) { _afterName = false; _needComma[_depth] = true; return; }
            if (_needComma[_depth]) Put((byte)',');
            _needComma[_depth] = true;
        }

        private void WriteQuoted(string s)
        {
            Put((byte)'"');
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80) { PutEscapedByte((byte)c); continue; }
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length)
                {
                    int lo = s[i + 1];
                    if (lo >= 0xDC00 && lo <= 0xDFFF)
                    {
                        int cp = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                        Put((byte)(0xF0 | (cp >> 18)));
                        Put((byte)(0x80 | ((cp >> 12) & 0x3F)));
                        Put((byte)(0x80 | ((cp >> 6) & 0x3F)));
                        Put((byte)(0x80 | (cp & 0x3F)));
                        i++;
                        continue;
                    }
                }
                if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD; // lone surrogate
                if (c < 0x800) { Put((byte)(0xC0 | (c >> 6))); Put((byte)(0x80 | (c & 0x3F))); }
                else { Put((byte)(0xE0 | (c >> 12))); Put((byte)(0x80 | ((c >> 6) & 0x3F))); Put((byte)(0x80 | (c & 0x3F))); }
            }
            Put((byte)'"');
        }

        private void PutEscapedByte(byte b)
        {
            switch (b)
            {
                case (byte)'"': Put((byte)'\\'); Put((byte)'"'); return;
                case (byte)'\\': Put((byte)'\\'); Put((byte)'\\'); return;
                case 10: Put((byte)'\\'); Put((byte)'n'); return;
                case 13: Put((byte)'\\'); Put((byte)'r'); return;
                case 9: Put((byte)'\\'); Put((byte)'t'); return;
            }
            if (b < 0x20)
            {
                PutAscii("\\u00");
                Put(HexDigit(b >> 4));
                Put(HexDigit(b & 15));
                return;
            }
            Put(b);
        }

        private static byte HexDigit(int v) { return (byte)(v < 10 ? '0' + v : 'a' + v - 10); }

        private void PutDigits(ulong v)
        {
            int digits = 1;
            for (ulong t = v; t >= 10; t /= 10) digits++;
            if (_pos + digits > _buf.Length) { Overflowed = true; return; }
            for (int i = digits - 1; i >= 0; i--)
            {
                _buf[_pos + i] = (byte)('0' + (int)(v % 10));
                v /= 10;
            }
            _pos += digits;
        }

        private void PutAscii(string s)
        {
            for (int i = 0; i < s.Length; i++) Put((byte)s[i]);
        }

        private void Put(byte b)
        {
            if (_pos >= _buf.Length) { Overflowed = true; return; }
            _buf[_pos++] = b;
        }
    }
}
