// Status codes shared by the Base64 and Hex codecs: a non-negative result is a byte count, a
// negative one names what was wrong with the input or the destination.
// Depends on nothing. Note: the namespace Endpoint.TextEncoding hides the type System.Text.Encoding
// from code inside namespace Endpoint.*; write System.Text.Encoding in full there.
namespace Endpoint.TextEncoding
{
    /// <summary>Negative result codes of Base64 and Hex, with a name table for messages.</summary>
    public static class CodecStatus
    {
        /// <summary>A byte/character outside the alphabet (the error position says where).</summary>
        public const int InvalidCharacter = -1;

        /// <summary>Base64 only: '=' where it may not be, more than two of them, or non-zero bits
        /// under the padding (non-canonical encoding).</summary>
        public const int BadPadding = -2;

        /// <summary>Input length impossible for the encoding (Base64: not a multiple of 4; hex: odd).</summary>
        public const int BadLength = -3;

        /// <summary>The destination cannot hold the result; nothing was written.</summary>
        public const int DstTooSmall = -4;

        private static readonly string[] s_names =
        {
            "ok",
            "invalid character",
            "bad padding",
            "bad length",
            "destination too small",
        };

        /// <summary>A short English name for a result code ("ok" for any count >= 0).</summary>
        public static string Name(int code)
        {
            if (code >= 0) return s_names[0];
            if (code < -(s_names.Length - 1)) return "unknown error";
            return s_names[-code];
        }
    }
}
