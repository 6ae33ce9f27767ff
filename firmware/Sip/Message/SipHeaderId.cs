// Identifiers of the SIP header fields this stack knows by name (RFC 3261 §20 and extensions:
// RFC 3262, 3265/6665, 3311, 3313, 3323, 3325, 3326, 3327, 3515, 3608, 3891, 3892, 3903, 4028,
// 3841, 4474). Depends on nothing. Headers not listed parse as Unknown and keep their name slice.
namespace Endpoint.Sip.Message
{
    /// <summary>Known header fields. The numeric values index the tables in <see cref="SipHeaders"/>.</summary>
    public enum SipHeaderId
    {
        /// <summary>A header not in this list; its name is kept as a slice.</summary>
        Unknown = 0,
        Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, Expires,
        Route, RecordRoute, Allow, Supported, Require, ProxyRequire, Unsupported,
        Authorization, ProxyAuthorization, WwwAuthenticate, ProxyAuthenticate, AuthenticationInfo,
        UserAgent, Server, Subject, ContentEncoding, ContentDisposition, ContentLanguage,
        Accept, AcceptEncoding, AcceptLanguage, MinExpires, RetryAfter, Timestamp, Date,
        Warning, Organization, Priority, ReplyTo, InReplyTo, AlertInfo, CallInfo, ErrorInfo, MimeVersion,
        Event, AllowEvents, SubscriptionState, ReferTo, ReferredBy, Replaces, SessionExpires, MinSE,
        RSeq, RAck, Reason, Path, ServiceRoute, PAssertedIdentity, PPreferredIdentity, Privacy,
        AcceptContact, RejectContact, RequestDisposition, Identity, IdentityInfo,
    }
}
