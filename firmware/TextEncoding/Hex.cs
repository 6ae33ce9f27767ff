// Base16 (RFC 4648 §8) in the lowercase form digest authentication (RFC 7616 §3.4) and OpenDHT
// key names use; parsing accepts both cases.
// Depends on CodecStatus (result codes). Does not depend on System.Convert or System.Text.
// No allocation except in ToHexString (cold paths: logs, config, keys shown to a user).
using System;

namespace Endpoint.TextEncoding
{
    /// <summary>Lowercase hexadecimal encoding and case-insensitive parsing over byte buffers.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";
        private const int Invalid = 0xFF;

        private static readonly byte[] s_digits = new byte[16];
        private static readonly byte[] s_values = new byte[256];

        static Hex()
        {
            for (int i = 0; i < s_values.Length; i++) s_values[i] = Invalid;
            for (int i = 0; i < 16; i++)
            {
                s_digits[i] = (byte)Digits[i];
                s_values[Digits[i]] = (byte)i;
            }
            for (int i = 10; i < 16; i++) s_values['A' + i - 10] = (byte)i;
        }

        /// <summary>Name of a result code from WriteHex/Parse (see CodecStatus).</summary>
        public static string ErrorName(int code)
        {
            return CodecStatus.Name(code);
        }

        /// <summary>Writes 2*count lowercase ASCII hex digits of src[off, off+count) into dst at
        /// dstOff. Returns 2*count, or CodecStatus.DstTooSmall (nothing written).</summary>
        public static int WriteHex(byte[] src, int off, int count, byte[] dst, int dstOff)
        {
            CheckRange(src, off, count, "src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (dstOff < 0 || dstOff > dst.Length) throw new ArgumentOutOfRangeException("dstOff");
            if ((dst.Length - dstOff) / 2 < count) return CodecStatus.DstTooSmall;
            byte[] digits = s_digits;
            int o = dstOff;
            int end = off + count;
            for (int i = off; i < end; i++)
            {
                int b = src[i];
                dst[o] = digits[b >> 4];
                dst[o + 1] = digits[b & 15];
                o += 2;
            }
            return count * 2;
        }

        /// <summary>Lowercase hex of src[off, off+count) as a new string (allocates; cold paths only).</summary>
        public static string ToHexString(byte[] src, int off, int count)
        {
            CheckRange(src, off, count, "src");
            char[] chars = new char[count * 2];
            int o = 0;
            for (int i = off; i < off + count; i++)
            {
                int b = src[i];
                chars[o++] = Digits[b >> 4];
                chars[o++] = Digits[b & 15];
            }
            return new string(chars);
        }

        /// <summary>Lowercase hex of the whole of src as a new string (allocates).</summary>
        public static string ToHexString(byte[] src)
        {
            if (src == null) throw new ArgumentNullException("src");
            return ToHexString(src, 0, src.Length);
        }

        /// <summary>Parses ASCII hex src[off, off+count) (either case) into dst at dstOff. Returns
        /// count/2, or CodecStatus.BadLength (odd count), InvalidCharacter or DstTooSmall.</summary>
        public static int Parse(byte[] src, int off, int count, byte[] dst, int dstOff)
        {
            int unused;
            return Parse(src, off, count, dst, dstOff, out unused);
        }

        /// <summary>As Parse, reporting the index (relative to off) of an invalid character in
        /// errorPosition (-1 otherwise).</summary>
        public static int Parse(byte[] src, int off, int count, byte[] dst, int dstOff, out int errorPosition)
        {
            CheckRange(src, off, count, "src");
            return ParseCore(src, null, off, count, dst, dstOff, out errorPosition);
        }

        /// <summary>Parses a whole hex string (either case) into dst at dstOff without allocating.</summary>
        public static int Parse(string s, byte[] dst, int dstOff)
        {
            int unused;
            return Parse(s, dst, dstOff, out unused);
        }

        /// <summary>As Parse(string, byte[], int), reporting the offending index of s in errorPosition.</summary>
        public static int Parse(string s, byte[] dst, int dstOff, out int errorPosition)
        {
            if (s == null) throw new ArgumentNullException("s");
            return ParseCore(null, s, 0, s.Length, dst, dstOff, out errorPosition);
        }

        // Reads from exactly one of bytes / str.
        private static int ParseCore(byte[] bytes, string str, int off, int count, byte[] dst, int dstOff, out int errorPosition)
        {
            if (dst == null) throw new ArgumentNullException("dst");
            if (dstOff < 0 || dstOff > dst.Length) throw new ArgumentOutOfRangeException("dstOff");
            errorPosition = -1;
            if ((count & 1) != 0) return CodecStatus.BadLength;
            int n = count / 2;
            if (dst.Length - dstOff < n) return CodecStatus.DstTooSmall;
            byte[] values = s_values;
            int o = dstOff;
            int end = off + count;
            for (int i = off; i < end; i += 2)
            {
                int c0, c1;
                if (bytes != null)
                {
                    c0 = bytes[i];
                    c1 = bytes[i + 1];
                }
                else
                {
                    c0 = str[i];
                    c1 = str[i + 1];
                    if (c0 > 0xFF) c0 = 0;
                    if (c1 > 0xFF) c1 = 0;
                }
                int hi = values[c0];
                int lo = values[c1];
                if (((hi | lo) & 0xF0) != 0)
                {
                    errorPosition = (hi > 15 ? i : i + 1) - off;
                    return CodecStatus.InvalidCharacter;
                }
                dst[o++] = (byte)(hi << 4 | lo);
            }
            return n;
        }

        private static void CheckRange(byte[] buf, int off, int count, string name)
        {
            if (buf == null) throw new ArgumentNullException(name);
            if (off < 0 || count < 0 || off > buf.Length - count) throw new ArgumentOutOfRangeException(name);
        }
    }
}
