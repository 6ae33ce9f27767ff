// Fixed texts of the user agent: what we implement (Allow, RFC 3261 §20.5), accept (Accept,
// §20.1), support (Supported, §20.37: "timer" of RFC 4028 only; never 100rel, since PRACK is not
// implemented), the content types we write, reason phrases of the responses we send, and the
// short reasons given to the application in CallEnded / RegistrationFailed events. Static byte
// tokens so matching and writing need no strings. Depends on Endpoint.Sip.Message (SipAscii).
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Ua
{
    /// <summary>Static tokens and reason tables.</summary>
    public static class UaText
    {
        /// <summary>Allow value: the methods this UA implements.</summary>
        public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, MESSAGE, INFO";
        /// <summary>Accept value.</summary>
        public const string Accept = "application/sdp, text/plain, application/dtmf-relay";
        /// <summary>Supported value.</summary>
        public const string Supported = "timer";

        internal static readonly byte[] Timer = SipAscii.Bytes("timer");
        internal static readonly byte[] ApplicationSdp = SipAscii.Bytes("application/sdp");
        internal static readonly byte[] Refresher = SipAscii.Bytes("refresher");
        internal static readonly byte[] Uac = SipAscii.Bytes("uac");
        internal static readonly byte[] Uas = SipAscii.Bytes("uas");
        internal static readonly byte[] Expires = SipAscii.Bytes("expires");
        internal static readonly byte[] Transport = SipAscii.Bytes("transport");
        internal static readonly byte[] KeepAlive = SipAscii.Bytes("\r\n\r\n");

        /// <summary>Standard reason phrase for a status code we send.</summary>
        public static string Phrase(int code)
        {
            switch (code)
            {
                case 100: return "Trying";
                case 180: return "Ringing";
                case 183: return "Session Progress";
                case 200: return "OK";
                case 400: return "Bad Request";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 408: return "Request Timeout";
                case 413: return "Request Entity Too Large";
                case 415: return "Unsupported Media Type";
                case 416: return "Unsupported URI Scheme";
                case 420: return "Bad Extension";
                case 422: return "Session Interval Too Small";
                case 480: return "Temporarily Unavailable";
                case 481: return "Call/Transaction Does Not Exist";
                case 486: return "Busy Here";
                case 487: return "Request Terminated";
                case 488: return "Not Acceptable Here";
                case 491: return "Request Pending";
                case 500: return "Server Internal Error";
                case 503: return "Service Unavailable";
                case 600: return "Busy Everywhere";
                case 603: return "Decline";
                case 606: return "Not Acceptable";
            }
            if (code < 200) return "Session Progress";
            if (code < 300) return "OK";
            if (code < 400) return "Redirect";
            if (code < 500) return "Request Failure";
            if (code < 600) return "Server Error";
            return "Global Failure";
        }

        /// <summary>Short reason for the application when a request of ours failed with <paramref name="code"/>.</summary>
        public static string FailureReason(int code)
        {
            switch (code)
            {
                case 401:
                case 407: return "authentication failed";
                case 403: return "forbidden";
                case 404: return "not found";
                case 408: return "timeout";
                case 480: return "unavailable";
                case 481: return "no such call";
                case 486:
                case 600: return "busy";
                case 487: return "cancelled";
                case 488:
                case 606: return "488 not acceptable";
                case 603: return "declined";
            }
            if (code >= 300 && code < 400) return "redirected";
            if (code >= 500 && code < 600) return "server error";
            return "rejected";
        }

        /// <summary>CallEnded reason: the peer sent BYE.</summary>
        public const string RemoteHangup = "remote hangup";
        /// <summary>CallEnded reason: our Hangup.</summary>
        public const string LocalHangup = "local hangup";
        /// <summary>CallEnded reason: we hung up before the answer (CANCEL).</summary>
        public const string Cancelled = "cancelled";
        /// <summary>CallEnded reason: the caller cancelled before we answered.</summary>
        public const string CancelledByCaller = "cancelled";
        /// <summary>CallEnded reason: our 2xx was never acknowledged.</summary>
        public const string NoAck = "no ACK";
        /// <summary>CallEnded reason: no session refresh arrived in time (RFC 4028).</summary>
        public const string SessionExpired = "session expired";
        /// <summary>CallEnded reason: the application rejected the incoming call.</summary>
        public const string Rejected = "rejected";
        /// <summary>CallEnded reason: the local address changed.</summary>
        public const string AddressChanged = "address changed";
        /// <summary>CallEnded reason: a request could not be built or queued.</summary>
        public const string LocalError = "local error";
        /// <summary>ReinviteFailed reason: our re-INVITE met the peer's (491) and the peer's offer was answered first.</summary>
        public const string Glare = "glare: the peer's re-INVITE was taken first";
        /// <summary>CallEnded reason: the 2xx could not be used (no Contact, too large).</summary>
        public const string BadAnswer = "bad 2xx";
    }
}
