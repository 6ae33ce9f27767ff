// Parses one value line of the OpenDHT 2.4 proxy, as sent by GET /key/{k}, GET .../listen and
// the 200 answer to a POST (seen from dhtnode 2.4.12 on loopback):
//   {"data":"aGVsbG8=","id":"12345678901234567890","type":0}
//   {"data":"b3RoZXI=","expired":true,"id":"43","type":5}          (listen stream, value expired)
// Signed values carry more members (seq, owner, sig, ...) which are skipped. "id" is a uint64
// written as a decimal string; a plain number is accepted too. "data" is standard Base64, decoded
// into a buffer owned by the parser. A small single-pass scanner, not a DOM: it allocates nothing
// (this runs for every value of every lookup and listen stream) and is bounded by the line.
// Depends on Endpoint.TextEncoding.Base64. Limits: data up to the constructor's size; member
// names with escapes are treated as unknown members; nesting in skipped members up to 16.
using Endpoint.TextEncoding;

namespace Endpoint.Overlay.Dht
{
    /// <summary>Outcome of <see cref="DhtValueParser.Parse"/>.</summary>
    public enum DhtValueStatus
    {
        /// <summary>A value with an id (data may be empty; check HasData).</summary>
        Ok = 0,
        /// <summary>Not a JSON object of the expected shape.</summary>
        Malformed = 1,
        /// <summary>An object without "id" (e.g. an error body).</summary>
        NoId = 2,
        /// <summary>The id is not a uint64.</summary>
        BadId = 3,
        /// <summary>"data" is not valid Base64.</summary>
        BadData = 4,
        /// <summary>"data" decodes to more bytes than the parser's buffer.</summary>
        DataTooLarge = 5,
    }

    /// <summary>Allocation-free parser for one OpenDHT value JSON line; results are in its properties.</summary>
    public sealed class DhtValueParser
    {
        private const int MaxSkipDepth = 16;
        private readonly byte[] _data;
        private readonly byte[] _scratch;
        private byte[] _s;
        private int _p;
        private int _end;

        /// <summary>Creates a parser accepting up to <paramref name="maxDataBytes"/> of decoded data.</summary>
        public DhtValueParser(int maxDataBytes = 600)
        {
            if (maxDataBytes < 1) throw new System.ArgumentOutOfRangeException("maxDataBytes");
            _data = new byte[maxDataBytes];
            _scratch = new byte[Base64.EncodedLength(maxDataBytes)];
        }

        /// <summary>The value id (valid when Parse returned Ok).</summary>
        public ulong Id { get; private set; }

        /// <summary>The value type ("type"), 0 when absent.</summary>
        public int Type { get; private set; }

        /// <summary>True for an {"expired":true} entry of a listen stream.</summary>
        public bool Expired { get; private set; }

        /// <summary>True when the line had a "data" member.</summary>
        public bool HasData { get; private set; }

        /// <summary>The decoded data (first <see cref="DataLength"/> bytes; reused by the next Parse).</summary>
        public byte[] Data { get { return _data; } }

        /// <summary>Length of the decoded data.</summary>
        public int DataLength { get; private set; }

        /// <summary>Name of a status.</summary>
        public static string StatusName(DhtValueStatus s)
        {
            switch (s)
            {
                case DhtValueStatus.Ok: return "ok";
                case DhtValueStatus.Malformed: return "malformed";
                case DhtValueStatus.NoId: return "no-id";
                case DhtValueStatus.BadId: return "bad-id";
                case DhtValueStatus.BadData: return "bad-data";
                case DhtValueStatus.DataTooLarge: return "data-too-large";
                default: return "unknown";
            }
        }

        /// <summary>Parses line[offset, offset+count).</summary>
        public DhtValueStatus Parse(byte[] line, int offset, int count)
        {
            Id = 0;
            Type = 0;
            Expired = false;
            HasData = false;
            DataLength = 0;
            _s = line;
            _p = offset;
            _end = offset + count;
            bool hasId = false;
            DhtValueStatus pending = DhtValueStatus.Ok;

            Ws();
            if (!Eat((byte)'{')) return DhtValueStatus.Malformed;
            Ws();
            if (Eat((byte)'}')) return DhtValueStatus.NoId;
            while (true)
            {
                Ws();
                if (_p >= _end || _s[_p] != (byte)'"') return DhtValueStatus.Malformed;
                int nameStart = _p + 1;
                if (!SkipString()) return DhtValueStatus.Malformed;
                int nameLen = _p - 1 - nameStart;
                Ws();
                if (!Eat((byte)':')) return DhtValueStatus.Malformed;
                Ws();
                if (_p >= _end) return DhtValueStatus.Malformed;
                if (Is(nameStart, nameLen, "id"))
                {
                    ulong id;
                    int r = ParseId(out id);
                    if (r < 0) return DhtValueStatus.Malformed;
                    if (r == 0) pending = First(pending, DhtValueStatus.BadId);
                    else { Id = id; hasId = true; }
                }
                else if (Is(nameStart, nameLen, "data"))
                {
                    if (_s[_p] != (byte)'"') return DhtValueStatus.Malformed;
                    int start = _p + 1;
                    if (!SkipString()) return DhtValueStatus.Malformed;
                    DhtValueStatus d = DecodeData(start, _p - 1 - start);
                    if (d != DhtValueStatus.Ok) pending = First(pending, d);
                    else HasData = true;
                }
                else if (Is(nameStart, nameLen, "type"))
                {
                    int start = _p;
                    if (!SkipValue(0)) return DhtValueStatus.Malformed;
                    Type = SmallInt(start, _p - start);
                }
                else if (Is(nameStart, nameLen, "expired"))
                {
                    bool t = _p < _end && _s[_p] == (byte)'t';
                    if (!SkipValue(0)) return DhtValueStatus.Malformed;
                    Expired = t;
                }
                else if (!SkipValue(0)) return DhtValueStatus.Malformed;
                Ws();
                if (Eat((byte)',')) continue;
                if (Eat((byte)'}')) break;
                return DhtValueStatus.Malformed;
            }
            Ws();
            if (_p != _end) return DhtValueStatus.Malformed;
            if (pending != DhtValueStatus.Ok) return pending;
            return hasId ? DhtValueStatus.Ok : DhtValueStatus.NoId;
        }

        private static DhtValueStatus First(DhtValueStatus a, DhtValueStatus b) { return a != DhtValueStatus.Ok ? a : b; }

        // 1: parsed; 0: well-formed JSON but not a uint64; -1: malformed.
        private int ParseId(out ulong id)
        {
            id = 0;
            bool quoted = _s[_p] == (byte)'"';
            int start = quoted ? _p + 1 : _p;
            if (quoted) { if (!SkipString()) return -1; }
            else if (!SkipValue(0)) return -1;
            int end = quoted ? _p - 1 : _p;
            if (end == start || end - start > 20) return 0;
            ulong v = 0;
            for (int i = start; i < end; i++)
            {
                int d = _s[i] - '0';
                if (d < 0 || d > 9) return 0;
                if (v > (ulong.MaxValue - (ulong)d) / 10) return 0;
                v = v * 10 + (ulong)d;
            }
            id = v;
            return 1;
        }

        private DhtValueStatus DecodeData(int start, int len)
        {
            byte[] src = _s;
            int off = start;
            for (int i = start; i < start + len; i++)
            {
                if (_s[i] != (byte)'\\') continue;
                // Escapes: only "\/" can appear in Base64 text; copy it unescaped to the scratch buffer.
                int n = 0;
                for (int k = start; k < start + len; k++)
                {
                    byte b = _s[k];
                    if (b == (byte)'\\')
                    {
                        if (k + 1 >= start + len || _s[k + 1] != (byte)'/') return DhtValueStatus.BadData;
                        b = (byte)'/';
                        k++;
                    }
                    if (n >= _scratch.Length) return DhtValueStatus.DataTooLarge;
                    _scratch[n++] = b;
                }
                src = _scratch;
                off = 0;
                len = n;
                break;
            }
            if (len > _scratch.Length) return DhtValueStatus.DataTooLarge;
            int r = Base64.Decode(src, off, len, _data, 0);
            if (r == CodecStatus.DstTooSmall) return DhtValueStatus.DataTooLarge;
            if (r < 0) return DhtValueStatus.BadData;
            DataLength = r;
            return DhtValueStatus.Ok;
        }

        private int SmallInt(int start, int len)
        {
            if (len == 0 || len > 9) return -1;
            int v = 0;
            for (int i = start; i < start + len; i++)
            {
                int d = _s[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }
            return v;
        }

        private bool Is(int start, int len, string name)
        {
            if (len != name.Length) return false;
            for (int i = 0; i < len; i++) if (_s[start + i] != (byte)name[i]) return false;
            return true;
        }

        private void Ws()
        {
            while (_p < _end)
            {
                byte b = _s[_p];
                if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n') _p++;
                else break;
            }
        }

        private bool Eat(byte b)
        {
            if (_p < _end && _s[_p] == b) { _p++; return true; }
            return false;
        }

        // At an opening quote: moves past the closing quote. False when unterminated or holding control bytes.
        private bool SkipString()
        {
            _p++;
            while (_p < _end)
            {
                byte b = _s[_p++];
                if (b == (byte)'"') return true;
                if (b < 0x20) return false;
                if (b == (byte)'\\')
                {
                    if (_p >= _end) return false;
                    _p++;
                }
            }
            return false;
        }

        // Skips any JSON value (structure checked loosely: balanced brackets, terminated strings, literal characters).
        private bool SkipValue(int depth)
        {
            if (_p >= _end) return false;
            byte b = _s[_p];
            if (b == (byte)'"') return SkipString();
            if (b == (byte)'{' || b == (byte)'[')
            {
                if (depth >= MaxSkipDepth) return false;
                byte close = b == (byte)'{' ? (byte)'}' : (byte)']';
                _p++;
                Ws();
                if (Eat(close)) return true;
                while (true)
                {
                    Ws();
                    if (close == (byte)'}')
                    {
                        if (_p >= _end || _s[_p] != (byte)'"' || !SkipString()) return false;
                        Ws();
                        if (!Eat((byte)':')) return false;
                        Ws();
                    }
                    if (!SkipValue(depth + 1)) return false;
                    Ws();
                    if (Eat(close)) return true;
                    if (!Eat((byte)',')) return false;
                }
            }
            int start = _p;
            while (_p < _end)
            {
                byte c = _s[_p];
                bool lit = (c >= (byte)'0' && c <= (byte)'9') || (c >= (byte)'a' && c <= (byte)'z') || c == (byte)'-' || c == (byte)'+' || c == (byte)'.' || c == (byte)'E';
                if (!lit) break;
                _p++;
            }
            return _p > start;
        }
    }
}
