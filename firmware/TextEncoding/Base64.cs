// Base64, RFC 4648 §4: the standard alphabet (A-Z a-z 0-9 + /) with '=' padding.
// Depends on CodecStatus (result codes). Does not depend on System.Convert or System.Text.
// Encoding writes ASCII bytes into a caller's buffer; decoding reads ASCII bytes (or a string)
// and is strict, as RFC 4648 §3.3/§3.5 allow: no whitespace or line breaks, length a multiple of
// 4, at most two '=' and only at the end, zero bits under the padding. Errors are result codes.
// No allocation except in EncodeToString (cold paths: config, logs).
using System;

namespace Endpoint.TextEncoding
{
    /// <summary>RFC 4648 Base64 (standard alphabet, padded) over byte buffers.</summary>
    public static class Base64
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private const int Invalid = 0xFF;

        private static readonly byte[] s_encode = new byte[64];
        private static readonly byte[] s_decode = new byte[256];

        static Base64()
        {
            for (int i = 0; i < s_decode.Length; i++) s_decode[i] = Invalid;
            for (int i = 0; i < Alphabet.Length; i++)
            {
                s_encode[i] = (byte)Alphabet[i];
                s_decode[Alphabet[i]] = (byte)i;
            }
        }

        /// <summary>Encoded length of n input bytes (padding included).</summary>
        public static int EncodedLength(int n)
        {
            if (n < 0 || n > 1610612733) throw new ArgumentOutOfRangeException("n");
            return (n + 2) / 3 * 4;
        }

        /// <summary>Upper bound of the decoded length of n encoded characters.</summary>
        public static int MaxDecodedLength(int n)
        {
            if (n < 0) throw new ArgumentOutOfRangeException("n");
            return n / 4 * 3 + ((n & 3) != 0 ? 3 : 0);
        }

        /// <summary>Name of a result code from Encode/Decode (see CodecStatus).</summary>
        public static string ErrorName(int code)
        {
            return CodecStatus.Name(code);
        }

        /// <summary>Encodes src[off, off+count) as ASCII into dst at dstOff. Returns the number of
        /// bytes written, or CodecStatus.DstTooSmall (nothing written).</summary>
        public static int Encode(byte[] src, int off, int count, byte[] dst, int dstOff)
        {
            CheckRange(src, off, count, "src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (dstOff < 0 || dstOff > dst.Length) throw new ArgumentOutOfRangeException("dstOff");
            int len = EncodedLength(count);
            if (dst.Length - dstOff < len) return CodecStatus.DstTooSmall;
            byte[] e = s_encode;
            int i = off;
            int o = dstOff;
            int whole = off + count / 3 * 3;
            while (i < whole)
            {
                int v = src[i] << 16 | src[i + 1] << 8 | src[i + 2];
                dst[o] = e[v >> 18];
                dst[o + 1] = e[(v >> 12) & 63];
                dst[o + 2] = e[(v >> 6) & 63];
                dst[o + 3] = e[v & 63];
                i += 3;
                o += 4;
            }
            int rest = off + count - i;
            if (rest == 1)
            {
                int v = src[i];
                dst[o] = e[v >> 2];
                dst[o + 1] = e[(v & 3) << 4];
                dst[o + 2] = (byte)'=';
                dst[o + 3] = (byte)'=';
            }
            else if (rest == 2)
            {
                int v = src[i] << 8 | src[i + 1];
                dst[o] = e[v >> 10];
                dst[o + 1] = e[(v >> 4) & 63];
                dst[o + 2] = e[(v & 15) << 2];
                dst[o + 3] = (byte)'=';
            }
            return len;
        }

        /// <summary>Encodes src[off, off+count) to a new string (allocates; cold paths only).</summary>
        public static string EncodeToString(byte[] src, int off, int count)
        {
            CheckRange(src, off, count, "src");
            byte[] tmp = new byte[EncodedLength(count)];
            Encode(src, off, count, tmp, 0);
            char[] chars = new char[tmp.Length];
            for (int i = 0; i < tmp.Length; i++) chars[i] = (char)tmp[i];
            return new string(chars);
        }

        /// <summary>Decodes ASCII src[off, off+count) into dst at dstOff. Returns the decoded length
        /// or a negative CodecStatus code.</summary>
        public static int Decode(byte[] src, int off, int count, byte[] dst, int dstOff)
        {
            int unused;
            return Decode(src, off, count, dst, dstOff, out unused);
        }

        /// <summary>As Decode, and reports in errorPosition the offending index relative to off
        /// (-1 when the result is not a character or padding error).</summary>
        public static int Decode(byte[] src, int off, int count, byte[] dst, int dstOff, out int errorPosition)
        {
            CheckRange(src, off, count, "src");
            return DecodeCore(src, null, off, count, dst, dstOff, out errorPosition);
        }

        /// <summary>Decodes a whole string (e.g. a config value) into dst at dstOff without allocating.
        /// Returns the decoded length or a negative CodecStatus code.</summary>
        public static int Decode(string s, byte[] dst, int dstOff)
        {
            int unused;
            return Decode(s, dst, dstOff, out unused);
        }

        /// <summary>As Decode(string, byte[], int), reporting the offending index of s in errorPosition.</summary>
        public static int Decode(string s, byte[] dst, int dstOff, out int errorPosition)
        {
            if (s == null) throw new ArgumentNullException("s");
            return DecodeCore(null, s, 0, s.Length, dst, dstOff, out errorPosition);
        }

        // Reads from exactly one of bytes / str.
        private static int DecodeCore(byte[] bytes, string str, int off, int count, byte[] dst, int dstOff, out int errorPosition)
        {
            if (dst == null) throw new ArgumentNullException("dst");
            if (dstOff < 0 || dstOff > dst.Length) throw new ArgumentOutOfRangeException("dstOff");
            errorPosition = -1;
            if (count == 0) return 0;
            if ((count & 3) != 0) return CodecStatus.BadLength;
            int end = off + count;
            int pads = 0;
            if (CharAt(bytes, str, end - 1) == '=')
            {
                pads = CharAt(bytes, str, end - 2) == '=' ? 2 : 1;
            }
            int outLen = count / 4 * 3 - pads;
            if (dst.Length - dstOff < outLen) return CodecStatus.DstTooSmall;
            byte[] dec = s_decode;
            int o = dstOff;
            int i = off;
            int lastQuantum = end - 4;
            while (i < lastQuantum)
            {
                int c0, c1, c2, c3;
                if (bytes != null)
                {
                    c0 = bytes[i]; c1 = bytes[i + 1]; c2 = bytes[i + 2]; c3 = bytes[i + 3];
                }
                else
                {
                    c0 = str[i]; c1 = str[i + 1]; c2 = str[i + 2]; c3 = str[i + 3];
                    if ((c0 | c1 | c2 | c3) > 0xFF) return Fail(bytes, str, i, 4, off, out errorPosition);
                }
                int v0 = dec[c0], v1 = dec[c1], v2 = dec[c2], v3 = dec[c3];
                if (((v0 | v1 | v2 | v3) & 0x80) != 0) return Fail(bytes, str, i, 4, off, out errorPosition);
                int v = v0 << 18 | v1 << 12 | v2 << 6 | v3;
                dst[o] = (byte)(v >> 16);
                dst[o + 1] = (byte)(v >> 8);
                dst[o + 2] = (byte)v;
                o += 3;
                i += 4;
            }
            // Final quantum: 4 - pads significant characters.
            int used = 4 - pads;
            int acc = 0;
            for (int k = 0; k < used; k++)
            {
                int c = CharAt(bytes, str, i + k);
                int d = c > 0xFF ? Invalid : dec[c];
                if (d == Invalid) return Fail(bytes, str, i, used, off, out errorPosition);
                acc = acc << 6 | d;
            }
            if (pads == 0)
            {
                dst[o] = (byte)(acc >> 16);
                dst[o + 1] = (byte)(acc >> 8);
                dst[o + 2] = (byte)acc;
            }
            else if (pads == 1)
            {
                if ((acc & 3) != 0) { errorPosition = i + 2 - off; return CodecStatus.BadPadding; }
                dst[o] = (byte)(acc >> 10);
                dst[o + 1] = (byte)(acc >> 2);
            }
            else
            {
                if ((acc & 15) != 0) { errorPosition = i + 1 - off; return CodecStatus.BadPadding; }
                dst[o] = (byte)(acc >> 4);
            }
            return outLen;
        }

        // Finds the first bad character among n at i: '=' is a padding error, anything else invalid.
        private static int Fail(byte[] bytes, string str, int i, int n, int off, out int errorPosition)
        {
            for (int k = 0; k < n; k++)
            {
                int c = CharAt(bytes, str, i + k);
                if (c > 0xFF || s_decode[c] == Invalid)
                {
                    errorPosition = i + k - off;
                    return c == '=' ? CodecStatus.BadPadding : CodecStatus.InvalidCharacter;
                }
            }
            errorPosition = -1;
            return CodecStatus.InvalidCharacter;
        }

        private static int CharAt(byte[] bytes, string str, int i)
        {
            return bytes != null ? bytes[i] : str[i];
        }

        private static void CheckRange(byte[] buf, int off, int count, string name)
        {
            if (buf == null) throw new ArgumentNullException(name);
            if (off < 0 || count < 0 || off > buf.Length - count) throw new ArgumentOutOfRangeException(name);
        }
    }
}
