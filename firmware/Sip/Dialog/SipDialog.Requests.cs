// Requests within a dialog (RFC 3261 §12.2.1.1): Request-URI and Route headers from the route
// set and remote target, for loose routers (lr: Request-URI = remote target, Route = the whole
// set) and strict routers (Request-URI = first route URI without headers, Route = the rest plus
// the remote target), the next hop the request is sent to (§8.1.2: first Route entry, else the
// Request-URI), and the From/To/Call-ID/CSeq identity headers. Depends on the Message folder
// (SipWriter, SipNameAddr, SipUri). Allocation-free except RequestUriText (cold: the transaction
// layer takes the Request-URI as a string).
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Dialog
{
    public sealed partial class SipDialog
    {
        /// <summary>True when the first route entry is a strict router (no lr parameter).</summary>
        public bool FirstRouteIsStrict
        {
            get { return Routes.Count > 0 && !Routes.IsLooseRouter(0); }
        }

        /// <summary>
        /// The Request-URI for the next request: the remote target, or for a strict first route its
        /// URI without headers. <paramref name="buf"/> receives the buffer the slice indexes.
        /// </summary>
        public Slice GetRequestUri(out byte[] buf)
        {
            if (FirstRouteIsStrict)
            {
                SipNameAddr na;
                if (Routes.TryGetNameAddr(0, out na))
                {
                    buf = Routes.Arena;
                    return WithoutHeaders(na.Uri);
                }
            }
            buf = RemoteTarget.Data;
            return RemoteTarget.Slice;
        }

        private static Slice WithoutHeaders(SipUri uri)
        {
            if (uri.Headers.Length <= 0) return uri.Raw;
            return Slice.FromTo(uri.Raw.Start, uri.Headers.Start - 1);
        }

        /// <summary>The Request-URI as a string (cold path: one allocation per request sent).</summary>
        public string RequestUriText()
        {
            byte[] b;
            Slice s = GetRequestUri(out b);
            return SipAscii.ToText(b, s);
        }

        /// <summary>
        /// The URI the request is sent to (§8.1.2 / §12.2.1.1): the first route entry's URI when
        /// the route set is not empty, else the remote target. False if it cannot be parsed.
        /// </summary>
        public bool GetNextHop(out byte[] buf, out SipUri uri)
        {
            if (Routes.Count > 0)
            {
                SipNameAddr na;
                buf = Routes.Arena;
                if (!Routes.TryGetNameAddr(0, out na)) { uri = new SipUri(); return false; }
                uri = na.Uri;
                return true;
            }
            buf = RemoteTarget.Data;
            return SipUri.TryParse(buf, RemoteTarget.Slice, out uri);
        }

        /// <summary>
        /// Writes the Route headers of the next request: every entry for a loose first route; for
        /// a strict one every entry but the first, then the remote target in angle brackets.
        /// </summary>
        public void WriteRoutes(SipWriter w)
        {
            int n = Routes.Count;
            if (n == 0) return;
            bool strict = FirstRouteIsStrict;
            for (int i = strict ? 1 : 0; i < n; i++) w.Header(SipHeaderId.Route, Routes.Arena, Routes.Get(i));
            if (strict)
            {
                w.HeaderName(SipHeaderId.Route);
                w.Byte((byte)'<');
                w.Raw(RemoteTarget.Data, RemoteTarget.Slice);
                w.Byte((byte)'>');
                w.Crlf();
            }
        }

        /// <summary>Writes From (our URI and tag), To (the peer's URI and tag), Call-ID and "CSeq: n METHOD".</summary>
        public void WriteIdentity(SipWriter w, long cseq, SipMethod method)
        {
            w.Header(SipHeaderId.From, LocalHeader.Data, LocalHeader.Slice);
            w.Header(SipHeaderId.To, RemoteHeader.Data, RemoteHeader.Slice);
            w.Header(SipHeaderId.CallId, CallId.Data, CallId.Slice);
            w.CSeq(cseq, method);
        }

        /// <summary>Writes the Request-Line with the dialog's Request-URI (used for the stateless ACK of a 2xx).</summary>
        public void WriteRequestLine(SipWriter w, SipMethod method)
        {
            byte[] b;
            Slice s = GetRequestUri(out b);
            w.RequestLine(method, b, s);
        }
    }
}
