// Status codes of the SDP parser, writer and offer/answer engine (RFC 8866, RFC 3264).
// Depends on nothing. Expected failures (malformed input, buffer too small, nothing in common)
// are these values, never exceptions. SdpStatusNames gives a stable text for logs and tests.
namespace Endpoint.Sdp
{
    /// <summary>Outcome of an SDP parse, write or offer/answer step.</summary>
    public enum SdpStatus
    {
        /// <summary>Success.</summary>
        Ok = 0,
        /// <summary>The body is empty.</summary>
        Empty,
        /// <summary>A line exceeds SdpLimits.MaxLineLength.</summary>
        LineTooLong,
        /// <summary>A line is not of the form "x=value".</summary>
        MalformedLine,
        /// <summary>The first line is not "v=0".</summary>
        BadVersion,
        /// <summary>No o= line before the first m= line.</summary>
        MissingOrigin,
        /// <summary>The o= line does not have six fields or its version is not numeric.</summary>
        BadOrigin,
        /// <summary>A c= line is not "IN IP4|IP6 address".</summary>
        BadConnection,
        /// <summary>A t= line is not two numbers.</summary>
        BadTiming,
        /// <summary>An m= line is malformed (port, proto or an RTP format is not valid).</summary>
        BadMedia,
        /// <summary>More m= lines than SdpLimits.MaxMedia.</summary>
        TooManyMedia,
        /// <summary>The destination buffer is too small.</summary>
        BufferTooSmall,
        /// <summary>No media stream in common (SIP maps this to 488 Not Acceptable Here).</summary>
        NotAcceptable,
        /// <summary>An answer arrived but no offer of ours is outstanding.</summary>
        NoOfferPending,
        /// <summary>An offer arrived while ours is outstanding (SIP maps this to 491 Request Pending).</summary>
        OfferPending,
        /// <summary>The answer's m= lines do not match our offer (count or media type).</summary>
        AnswerMismatch,
    }

    /// <summary>Names for <see cref="SdpStatus"/> values (enum ToString is not usable on the device).</summary>
    public static class SdpStatusNames
    {
        private static readonly string[] Names =
        {
            "Ok", "Empty", "LineTooLong", "MalformedLine", "BadVersion", "MissingOrigin", "BadOrigin",
            "BadConnection", "BadTiming", "BadMedia", "TooManyMedia", "BufferTooSmall", "NotAcceptable",
            "NoOfferPending", "OfferPending", "AnswerMismatch",
        };

        /// <summary>Text of a status, or "Unknown".</summary>
        public static string Name(SdpStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < Names.Length ? Names[i] : "Unknown";
        }

        /// <summary>
        /// The SIP response code a UAS should send when an offer fails with this status:
        /// 488 for NotAcceptable and for unusable SDP, 491 for OfferPending, 500 for a local
        /// problem (buffer too small), 0 for Ok.
        /// </summary>
        public static int SipResponseCode(SdpStatus status)
        {
            switch (status)
            {
                case SdpStatus.Ok: return 0;
                case SdpStatus.OfferPending: return 491;
                case SdpStatus.BufferTooSmall: return 500;
                default: return 488;
            }
        }
    }

    /// <summary>Compile-time capacity limits of the SDP model.</summary>
    public static class SdpLimits
    {
        /// <summary>Maximum m= lines in one description.</summary>
        public const int MaxMedia = 4;
        /// <summary>Maximum formats kept per m= line; further formats are ignored (counted in SdpMedia.FormatsDropped).</summary>
        public const int MaxFormats = 16;
        /// <summary>Maximum length of one SDP line in bytes, without the line end.</summary>
        public const int MaxLineLength = 1024;
    }
}
