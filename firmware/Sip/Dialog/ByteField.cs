// A fixed-capacity byte string owned by a long-lived object (dialog ids, URIs, header values,
// SDP bodies): the storage is allocated once in the constructor and overwritten in place, so a
// dialog can be reused for call after call without touching the heap. Depends on
// Endpoint.Sip.Message (Slice, SipAscii). Too-long input is refused (Set returns false) and the
// field is left empty; callers turn that into a clean "too large" status.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Dialog
{
    /// <summary>Bytes [0, Length) of a preallocated buffer.</summary>
    public sealed class ByteField
    {
        private readonly byte[] _data;
        private int _length;

        /// <summary>Creates a field that can hold <paramref name="capacity"/> bytes.</summary>
        public ByteField(int capacity)
        {
            if (capacity < 1) throw new System.ArgumentOutOfRangeException();
            _data = new byte[capacity];
        }

        /// <summary>The storage; only [0, Length) is meaningful.</summary>
        public byte[] Data { get { return _data; } }

        /// <summary>Bytes held.</summary>
        public int Length { get { return _length; } }

        /// <summary>Largest number of bytes the field can hold.</summary>
        public int Capacity { get { return _data.Length; } }

        /// <summary>True when nothing is held.</summary>
        public bool IsEmpty { get { return _length == 0; } }

        /// <summary>The content as a slice of <see cref="Data"/>.</summary>
        public Slice Slice { get { return new Slice(0, _length); } }

        /// <summary>Empties the field.</summary>
        public void Clear() { _length = 0; }

        /// <summary>Copies src[offset, offset+count). False (and empty) if it does not fit.</summary>
        public bool Set(byte[] src, int offset, int count)
        {
            if (count < 0 || count > _data.Length) { _length = 0; return false; }
            if (count > 0) System.Array.Copy(src, offset, _data, 0, count);
            _length = count;
            return true;
        }

        /// <summary>Copies a slice of <paramref name="src"/>. False (and empty) if it does not fit.</summary>
        public bool Set(byte[] src, Slice s) { return Set(src, s.Start, s.Length); }

        /// <summary>Copies another field.</summary>
        public bool Set(ByteField other) { return Set(other._data, 0, other._length); }

        /// <summary>Copies an ASCII string (cold paths only). False (and empty) if it does not fit.</summary>
        public bool SetAscii(string s)
        {
            _length = 0;
            return AppendAscii(s);
        }

        /// <summary>Appends bytes. False if they do not fit (the field keeps what it had).</summary>
        public bool Append(byte[] src, int offset, int count)
        {
            if (count < 0 || _length + count > _data.Length) return false;
            if (count > 0) System.Array.Copy(src, offset, _data, _length, count);
            _length += count;
            return true;
        }

        /// <summary>Appends a slice of <paramref name="src"/>.</summary>
        public bool Append(byte[] src, Slice s) { return Append(src, s.Start, s.Length); }

        /// <summary>Appends an ASCII string (cold paths only).</summary>
        public bool AppendAscii(string s)
        {
            if (s == null) return true;
            if (_length + s.Length > _data.Length) return false;
            for (int i = 0; i < s.Length; i++) _data[_length + i] = (byte)s[i];
            _length += s.Length;
            return true;
        }

        /// <summary>Appends a decimal number.</summary>
        public bool AppendInt(int v)
        {
            if (v < 0) return false;
            int digits = 1;
            for (int t = v / 10; t > 0; t /= 10) digits++;
            if (_length + digits > _data.Length) return false;
            int p = _length + digits;
            _length = p;
            do
            {
                _data[--p] = (byte)('0' + v % 10);
                v /= 10;
            }
            while (v > 0);
            return true;
        }

        /// <summary>True if the content equals src[s] byte for byte.</summary>
        public bool EqualsBytes(byte[] src, Slice s)
        {
            return SipAscii.EqualsExact(_data, new Slice(0, _length), src, s);
        }

        /// <summary>The content as a string (UI, logs, cold paths; allocates).</summary>
        public string ToText() { return SipAscii.ToText(_data, new Slice(0, _length)); }

        /// <summary>Same as <see cref="ToText"/>.</summary>
        public override string ToString() { return ToText(); }
    }
}
