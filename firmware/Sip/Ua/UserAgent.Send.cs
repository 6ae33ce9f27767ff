// Building what the UA sends: out-of-dialog requests (destination = outbound proxy with a
// preloaded loose Route, else the registrar for our own domain, else the Request-URI's host,
// RFC 3261 §8.1.2), in-dialog requests through SipDialog (§12.2.1.1), the stateless ACK of a 2xx
// (§13.2.2.4, its own branch, kept to answer 2xx retransmissions with the same ACK), BYE, and
// responses (our To tag, Contact, Record-Route mirror for dialog-creating responses, Allow /
// Accept / Supported, RFC 4028 Session-Expires). Depends on the Message, Transaction and Dialog
// folders. Requests allocate their Request-URI string (cold); responses allocate nothing.
using Endpoint.Sip.Auth;
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        private static readonly byte[] _lt = SipAscii.Bytes("<");
        private static readonly byte[] _gt = SipAscii.Bytes(">");

        private void RebuildContact()
        {
            _contact.Clear();
            _contact.AppendAscii("<sip:");
            _contact.AppendAscii(_cfg.User);
            _contact.AppendAscii("@");
            _contact.AppendAscii(UaAddress.UriHost(_contactHost));
            _contact.AppendAscii(":");
            _contact.AppendInt(_contactPort);
            if (_cfg.Transport == SipTransport.Tcp) _contact.AppendAscii(";transport=tcp");
            _contact.AppendAscii(">");
        }

        /// <summary>Where an out-of-dialog request for <paramref name="uri"/> goes.</summary>
        private bool OutOfDialogDestination(byte[] buf, SipUri uri, out SipAddress dst)
        {
            if (_hasProxy) { dst = _proxyAddr; return true; }
            if (_hasRegistrar && uri.IsSip && uri.Port == 0 && EqualsAscii(buf, uri.Host, _domain))
            {
                dst = _registrarAddr;
                return true;
            }
            return UaAddress.FromUri(buf, uri, _cfg.Transport, out dst);
        }

        /// <summary>Where the next in-dialog request goes: the outbound proxy if any, else the next hop of the route set / remote target.</summary>
        private bool DialogDestination(SipDialog d, out SipAddress dst)
        {
            if (_hasProxy) { dst = _proxyAddr; return true; }
            byte[] b;
            SipUri u;
            if (!d.GetNextHop(out b, out u)) { dst = new SipAddress(); return false; }
            return UaAddress.FromUri(b, u, _cfg.Transport, out dst);
        }

        private static bool EqualsAscii(byte[] b, Slice s, string text)
        {
            if (s.Length != text.Length) return false;
            for (int i = 0; i < text.Length; i++)
            {
                int x = b[s.Start + i], y = text[i];
                if (x >= 'A' && x <= 'Z') x += 32;
                if (y >= 'A' && y <= 'Z') y += 32;
                if (x != y) return false;
            }
            return true;
        }

        /// <summary>Starts an out-of-dialog request: Request-Line, Via, Max-Forwards, the proxy Route.</summary>
        private int BeginOutOfDialog(SipMethod method, string requestUri, SipAddress dst, out SipWriter w)
        {
            int tx = _tx.BeginRequest(method, requestUri, dst, out w);
            if (tx < 0) return -1;
            w.Header(SipHeaderId.MaxForwards, 70);
            if (_hasProxy) w.Header(SipHeaderId.Route, _proxyRoute);
            return tx;
        }

        /// <summary>Starts an in-dialog request: Request-Line, Via, Max-Forwards, Route set, From/To/Call-ID/CSeq.</summary>
        private int BeginInDialog(UaCall c, SipMethod method, long cseq, out SipWriter w)
        {
            w = null;
            SipDialog d = c.Dialog;
            SipAddress dst;
            if (!DialogDestination(d, out dst)) return -1;
            int tx = _tx.BeginRequest(method, d.RequestUriText(), dst, out w);
            if (tx < 0) return -1;
            w.Header(SipHeaderId.MaxForwards, 70);
            if (_hasProxy && d.Routes.Count == 0) w.Header(SipHeaderId.Route, _proxyRoute);
            d.WriteRoutes(w);
            d.WriteIdentity(w, cseq, method);
            return tx;
        }

        private void WriteContact(SipWriter w)
        {
            w.Header(SipHeaderId.Contact, _contact.Data, _contact.Slice);
        }

        private void WriteUserAgent(SipWriter w, bool server)
        {
            if (_cfg.UserAgentName != null) w.Header(server ? SipHeaderId.Server : SipHeaderId.UserAgent, _cfg.UserAgentName);
        }

        private void WriteCapabilities(SipWriter w)
        {
            w.Header(SipHeaderId.Allow, UaText.Allow);
            w.Header(SipHeaderId.Supported, UaText.Supported);
        }

        private static void WriteSessionExpires(SipWriter w, int seconds, bool refresherUac)
        {
            w.HeaderName(SipHeaderId.SessionExpires);
            w.Int(seconds);
            w.Ascii(refresherUac ? ";refresher=uac" : ";refresher=uas");
            w.Crlf();
        }

        /// <summary>Adds (Proxy-)Authorization for the client's current challenge, if any.</summary>
        private static void WriteAuthorization(SipWriter w, DigestClient client, string method, string uri)
        {
            if (client.Current == null) return;
            string v = client.Authorization(method, uri);
            if (v != null) w.Header(client.Current.IsProxy ? SipHeaderId.ProxyAuthorization : SipHeaderId.Authorization, v);
        }

        private void WriteSdpBody(SipWriter w, byte[] b, int offset, int count)
        {
            if (count <= 0) { w.NoBody(); return; }
            w.Header(SipHeaderId.ContentType, "application/sdp");
            w.Body(b, offset, count);
        }

        private UaStatus Finish(int tx, long nowMs)
        {
            return Map(_tx.SendRequest(tx, nowMs));
        }

        // ------------------------------------------------------------------ ACK and BYE

        /// <summary>
        /// The ACK for a 2xx (§13.2.2.4): a new transaction-less request with the INVITE's CSeq
        /// number. <paramref name="fresh"/> draws a new branch; otherwise the previous ACK is
        /// repeated (answer to a 2xx retransmission).
        /// </summary>
        private void SendAck2xx(UaCall c, long cseq, bool fresh)
        {
            SipDialog d = c.Dialog;
            SipAddress dst;
            if (!DialogDestination(d, out dst)) return;
            if (fresh || !c.HasAck)
            {
                _tx.MakeBranch(c.AckBranch, 0);
                c.AckCSeq = cseq;
                c.HasAck = true;
            }
            SipWriter w = _tx.BeginStateless();
            if (w == null) return;
            d.WriteRequestLine(w, SipMethod.Ack);
            w.Via(dst.Transport == SipTransport.Unknown ? SipTransport.Udp : dst.Transport, _tx.Config.LocalHost, _tx.Config.LocalPort,
                c.AckBranch, new Slice(0, c.AckBranch.Length), true);
            w.Header(SipHeaderId.MaxForwards, 70);
            if (_hasProxy && d.Routes.Count == 0) w.Header(SipHeaderId.Route, _proxyRoute);
            d.WriteRoutes(w);
            d.WriteIdentity(w, c.AckCSeq, SipMethod.Ack);
            WriteUserAgent(w, false);
            w.NoBody();
            _tx.SendStateless(dst);
        }

        /// <summary>Sends BYE (§15.1.1) and puts the call in Closing; frees the slot if it cannot be sent.</summary>
        private void SendBye(UaCall c, long nowMs, bool withAuth)
        {
            c.Timer.Stop();
            c.GlareRetryAt = UaCall.Never;
            c.State = UaCallState.Closing;
            c.CloseAt = nowMs + 64L * _cfg.T1 + 1000;
            if (c.ByeTx >= 0 && IsClientPending(c.ByeTx)) return;
            SipDialog d = c.Dialog;
            long cseq = d.NextLocalCSeq();
            SipWriter w;
            int tx = BeginInDialog(c, SipMethod.Bye, cseq, out w);
            if (tx < 0) { FreeCall(c); return; }
            if (withAuth) WriteAuthorization(w, _auth, "BYE", d.RequestUriText());
            WriteUserAgent(w, false);
            w.NoBody();
            if (Finish(tx, nowMs) != UaStatus.Ok) { FreeCall(c); return; }
            c.ByeTx = tx;
        }

        // ------------------------------------------------------------------ responses

        /// <summary>Begins a response on server transaction <paramref name="txId"/> with the given To tag (null: a fresh one when needed).</summary>
        private SipWriter BeginReply(int txId, int code, ByteField tag)
        {
            return BeginReply(txId, code, UaText.Phrase(code), tag);
        }

        private SipWriter BeginReply(int txId, int code, string reason, ByteField tag)
        {
            if (tag != null) return _tx.BeginResponse(txId, code, reason, tag.Data, tag.Slice);
            Slice t = NewTag();
            return _tx.BeginResponse(txId, code, reason, _tag, t);
        }

        /// <summary>
        /// A body-less response: 405 carries Allow, 415 Accept, 422 Min-SE, 500 to a second
        /// re-INVITE Retry-After (§14.2); everything else just the mandatory headers.
        /// </summary>
        private void Reply(int txId, int code, string reason, ByteField tag, long nowMs)
        {
            SipWriter w = BeginReply(txId, code, reason != null ? reason : UaText.Phrase(code), tag);
            if (w == null) return;
            if (code == 405) w.Header(SipHeaderId.Allow, UaText.Allow);
            else if (code == 415) w.Header(SipHeaderId.Accept, UaText.Accept);
            else if (code == 422) w.Header(SipHeaderId.MinSE, _cfg.MinSessionExpires);
            else if (code == 500 && reason == null) w.Header(SipHeaderId.RetryAfter, _rand.Below(11));
            WriteUserAgent(w, true);
            w.NoBody();
            _tx.SendResponse(txId, nowMs);
        }

        private void Reply(int txId, int code, ByteField tag, long nowMs)
        {
            Reply(txId, code, null, tag, nowMs);
        }

        /// <summary>
        /// A response to the INVITE of a call (UAS): Contact, the Record-Route mirror (§12.1.1),
        /// for 2xx Allow/Supported and the RFC 4028 Session-Expires, and the SDP body.
        /// </summary>
        private UaStatus ReplyInvite(UaCall c, int txId, int code, byte[] sdp, int sdpOffset, int sdpLength, bool mirrorRoutes, long nowMs)
        {
            SipDialog d = c.Dialog;
            SipWriter w = BeginReply(txId, code, d.LocalTag);
            if (w == null) return UaStatus.BadState;
            WriteContact(w);
            if (mirrorRoutes)
            {
                for (int i = 0; i < d.Routes.Count; i++) w.Header(SipHeaderId.RecordRoute, d.Routes.Arena, d.Routes.Get(i));
            }
            if (code >= 200)
            {
                WriteCapabilities(w);
                if (c.OfferedSessionExpires > 0)
                {
                    WriteSessionExpires(w, c.OfferedSessionExpires, AnswerRefresher(c) == SessionRefresher.Uac);
                    if (c.PeerSupportsTimer) w.Header(SipHeaderId.Require, UaText.Supported);
                }
            }
            WriteUserAgent(w, true);
            WriteSdpBody(w, sdp, sdpOffset, sdpLength);
            return Map(_tx.SendResponse(txId, nowMs));
        }

        /// <summary>RFC 4028 §9: keep the UAC's choice, else let a timer-capable UAC refresh, else refresh ourselves.</summary>
        private static SessionRefresher AnswerRefresher(UaCall c)
        {
            if (c.OfferedRefresher != SessionRefresher.None) return c.OfferedRefresher;
            return c.PeerSupportsTimer ? SessionRefresher.Uac : SessionRefresher.Uas;
        }

        /// <summary>Starts the session timer after we answered an INVITE/re-INVITE with 2xx (we are the UAS of it).</summary>
        private void StartUasSessionTimer(UaCall c, long nowMs)
        {
            if (c.OfferedSessionExpires > 0) c.Timer.Start(c.OfferedSessionExpires, AnswerRefresher(c) == SessionRefresher.Uas, nowMs);
            else c.Timer.Stop();
        }
    }
}
