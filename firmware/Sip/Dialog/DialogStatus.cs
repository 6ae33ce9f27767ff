// Outcomes of dialog operations (RFC 3261 §12), with a name table for logs and "400 <reason>"
// answers. Depends on nothing.
namespace Endpoint.Sip.Dialog
{
    /// <summary>Result of building or updating a dialog.</summary>
    public enum DialogStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,
        /// <summary>More Record-Route values than the route set can hold.</summary>
        TooManyRoutes,
        /// <summary>A value (Call-ID, tag, URI, header, route) is longer than its preallocated field.</summary>
        TooLarge,
        /// <summary>A Record-Route value is not a SIP name-addr.</summary>
        BadRoute,
        /// <summary>The Contact is missing or not a SIP URI where a target is required (§12.1.1).</summary>
        BadContact,
        /// <summary>A required tag (From tag of a request, To tag of a response) is missing.</summary>
        MissingTag,
        /// <summary>The request's CSeq is lower than or equal to the last one seen (§12.2.2).</summary>
        CSeqOutOfOrder,
        /// <summary>The dialog is not in a state where this is allowed.</summary>
        BadState,
    }

    /// <summary>Names of <see cref="DialogStatus"/> values.</summary>
    public static class DialogStatuses
    {
        private static readonly string[] _names =
        {
            "OK", "Too many Record-Route entries", "Header value too large", "Bad Record-Route",
            "Bad Contact", "Missing tag", "CSeq out of order", "Bad dialog state",
        };

        /// <summary>Human text of a status.</summary>
        public static string Name(DialogStatus s)
        {
            int i = (int)s;
            return i >= 0 && i < _names.Length ? _names[i] : "?";
        }
    }
}
