// Parse outcomes of the SIP message layer and the human reasons used in "400 <reason>" responses
// (RFC 3261 §8.2 / §21.4.1) and in logs. Depends on nothing. The reason table is indexed by the
// enum value, so keep both in the same order.
namespace Endpoint.Sip.Message
{
    /// <summary>Overall result of a parse.</summary>
    public enum SipParseStatus
    {
        /// <summary>A complete, well-formed message.</summary>
        Ok = 0,
        /// <summary>Stream mode only: the message is not complete yet.</summary>
        NeedMoreData,
        /// <summary>The message is malformed; see <see cref="SipError"/>.</summary>
        Malformed,
    }

    /// <summary>Specific reasons a message is malformed.</summary>
    public enum SipError
    {
        None = 0,
        Truncated,
        MessageTooLarge,
        LineTooLong,
        TooManyHeaders,
        BadStartLine,
        BadMethod,
        BadRequestUri,
        BadVersion,
        BadStatusCode,
        BadHeaderLine,
        InvalidCharacter,
        MissingVia,
        BadVia,
        MissingFrom,
        BadFrom,
        MissingTo,
        BadTo,
        MissingCallId,
        BadCallId,
        MissingCSeq,
        BadCSeq,
        CSeqMethodMismatch,
        DuplicateHeader,
        BadContentLength,
        ContentLengthMismatch,
        BadMaxForwards,
        BadExpires,
        BadContact,
        UnterminatedQuote,
        UnterminatedAngle,
    }

    /// <summary>Human reasons for <see cref="SipError"/> values.</summary>
    public static class SipErrors
    {
        private static readonly string[] _reasons =
        {
            "OK",
            "Truncated message",
            "Message too large",
            "Header too long",
            "Too many headers",
            "Bad start line",
            "Bad method",
            "Bad Request-URI",
            "Bad SIP version",
            "Bad status code",
            "Bad header line",
            "Invalid character",
            "Missing Via",
            "Bad Via",
            "Missing From",
            "Bad From",
            "Missing To",
            "Bad To",
            "Missing Call-ID",
            "Bad Call-ID",
            "Missing CSeq",
            "Bad CSeq",
            "CSeq method mismatch",
            "Duplicate header",
            "Bad Content-Length",
            "Content-Length mismatch",
            "Bad Max-Forwards",
            "Bad Expires",
            "Bad Contact",
            "Unterminated quoted string",
            "Unterminated angle bracket",
        };

        /// <summary>Human reason phrase for an error, suitable after "400 ".</summary>
        public static string Reason(SipError e)
        {
            int i = (int)e;
            return i >= 0 && i < _reasons.Length ? _reasons[i] : "Bad Request";
        }
    }
}
