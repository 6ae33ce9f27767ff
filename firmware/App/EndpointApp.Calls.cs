// EndpointApp: the call commands (dial, answer, hangup, hold, resume, dtmf, message).
using System.Text;
using Endpoint.Sdp;
using Endpoint.Sip.Ua;

namespace Endpoint.App
{
    public sealed partial class EndpointApp
    {
        /// <inheritdoc/>
        public int Dial(string target, long nowMs)
        {
            int pending;
            if (OverlayDial(target, nowMs, out pending)) return pending; // an overlay AOR: placed when the lookup answers (EndpointApp.Overlay.cs)
            string error;
            bool haveServer = _config.Sip.Registrar != null || _config.Sip.OutboundProxy != null;
            string uri = TargetResolver.Resolve(target, _config.Sip.Domain, haveServer, out error);
            if (uri == null) { Ended(null, target, "bad-target", 0, error); return -1; }
            return PlaceCall(uri, nowMs);
        }

        private int PlaceCall(string uri, long nowMs)
        {
            CallSlot slot = FreeSlot();
            if (slot == null) { Error("dial", "too many calls"); return -1; }
            slot.Call = NextCallHandle();
            return PlaceCallIn(slot, uri, nowMs, false) ? slot.Call : -1;
        }

        // Starts the SIP call for a slot that already has its application handle (a new dial, or
        // an overlay dial whose lookup just answered: `announced`, the product holds the handle, so
        // a failure ends the call with an event rather than just freeing the slot).
        private bool PlaceCallIn(CallSlot slot, string uri, long nowMs, bool announced)
        {
            string error = null;
            int ua = -1;
            CallMedia media = NewMedia(slot, out error);
            if (media != null)
            {
                int len;
                SdpStatus st = media.CreateOffer(false, _sdp, 0, out len);
                if (st != SdpStatus.Ok) error = "cannot write SDP offer: " + SdpStatusNames.Name(st);
                else
                {
                    ua = _ua.Call(uri, _sdp, 0, len, nowMs);
                    if (ua < 0) error = "cannot start the call: " + UaStatuses.Name(UaStatuses.FromHandle(ua));
                }
            }
            if (ua < 0)
            {
                Error("dial", error);
                if (announced) Ended(slot, uri, "failed", 0, error);
                else Release(slot);
                return false;
            }
            slot.UaCall = ua;
            slot.Phase = CallPhase.Calling;
            slot.Outgoing = true;
            slot.Peer = uri;
            _sink.Event(new EventLine("calling").Add("call", slot.Call).Add("to", uri).ToString());
            return true;
        }

        /// <summary>Application call handles: 1, 2, 3, ... (never -1), independent of the user agent's.</summary>
        private int NextCallHandle()
        {
            _callCounter = _callCounter >= 0x3FFFFFFF ? 1 : _callCounter + 1;
            return _callCounter;
        }

        private void AnswerCommand(long nowMs)
        {
            CallSlot slot = null;
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Incoming) { slot = _calls[i]; break; }
            if (slot == null) { Error("answer", "no incoming call"); return; }
            AnswerSlot(slot, nowMs);
        }

        /// <inheritdoc/>
        public bool Answer(int call, long nowMs)
        {
            CallSlot slot = Find(call);
            if (slot == null || slot.Phase != CallPhase.Incoming) { Error("answer", "no incoming call " + call); return false; }
            return AnswerSlot(slot, nowMs);
        }

        private bool AnswerSlot(CallSlot slot, long nowMs)
        {
            string error;
            CallMedia media = NewMedia(slot, out error);
            if (media == null) { _ua.Reject(slot.UaCall, 503, nowMs); Error("answer", error); return false; }
            int len = 0;
            SdpStatus st;
            if (slot.PendingOffer != null) st = media.ReceiveOffer(slot.PendingOffer, 0, slot.PendingOfferLength, _sdp, 0, out len, nowMs);
            else st = media.CreateOffer(false, _sdp, 0, out len); // offer in our 200, answer in the ACK
            if (st != SdpStatus.Ok)
            {
                int code = SdpStatusNames.SipResponseCode(st);
                _ua.Reject(slot.UaCall, code, nowMs);
                Ended(slot, slot.Peer, "not-acceptable", code, SdpStatusNames.Name(st));
                return false;
            }
            UaStatus us = _ua.Answer(slot.UaCall, _sdp, 0, len, nowMs);
            if (us != UaStatus.Ok) { Error("answer", UaStatuses.Name(us)); return false; }
            slot.Phase = CallPhase.Connected;
            ConnectedEvent(slot);
            if (_product != null) _product.OnCallChanged(slot, nowMs);
            return true;
        }

        private void HangupCommand(long nowMs)
        {
            CallSlot slot = Current;
            if (slot == null) { Error("hangup", "no call"); return; }
            HangupSlot(slot, nowMs);
        }

        /// <inheritdoc/>
        public void Hangup(int call, long nowMs)
        {
            CallSlot slot = Find(call);
            if (slot != null) HangupSlot(slot, nowMs);
        }

        /// <inheritdoc/>
        public void Reject(int call, int code, long nowMs)
        {
            CallSlot slot = Find(call);
            if (slot == null || slot.Phase != CallPhase.Incoming) return;
            _ua.Reject(slot.UaCall, code, nowMs);
            Ended(slot, slot.Peer, code == 486 ? "busy" : code == 603 ? "declined" : "rejected", code, null);
        }

        private void HangupSlot(CallSlot slot, long nowMs)
        {
            if (slot.UaCall < 0) { OverlayCancel(slot); Ended(slot, slot.Peer, "cancelled", 0, null); return; } // still looking the AOR up
            if (slot.Phase == CallPhase.Incoming) { _ua.Reject(slot.UaCall, 486, nowMs); Ended(slot, slot.Peer, "rejected", 486, null); return; }
            _ua.Hangup(slot.UaCall, nowMs);
        }

        private void HoldCommand(bool hold, long nowMs)
        {
            string cmd = hold ? "hold" : "resume";
            CallSlot slot = null;
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Connected && _calls[i].LocalHold != hold) { slot = _calls[i]; break; }
            if (slot == null) { Error(cmd, hold ? "no connected call to hold" : "no held call"); return; }
            HoldSlot(slot, hold, nowMs);
        }

        /// <inheritdoc/>
        public bool Hold(int call, bool hold, long nowMs)
        {
            CallSlot slot = Find(call);
            if (slot == null || slot.Phase != CallPhase.Connected || slot.LocalHold == hold) return false;
            return HoldSlot(slot, hold, nowMs);
        }

        private bool HoldSlot(CallSlot slot, bool hold, long nowMs)
        {
            string cmd = hold ? "hold" : "resume";
            int len;
            SdpStatus st = slot.Media.CreateOffer(hold, _sdp, 0, out len);
            if (st != SdpStatus.Ok) { Error(cmd, SdpStatusNames.Name(st)); return false; }
            UaStatus us = _ua.Reinvite(slot.UaCall, _sdp, 0, len, nowMs);
            if (us != UaStatus.Ok) { slot.Media.CancelOffer(); Error(cmd, UaStatuses.Name(us)); return false; }
            slot.LocalHold = hold;
            return true;
        }

        private void DtmfCommand(string digits)
        {
            CallSlot slot = Current;
            if (slot == null || slot.Phase != CallPhase.Connected) { Error("dtmf", "no connected call"); return; }
            SendDtmf(slot.Call, digits);
        }

        /// <inheritdoc/>
        public bool SendDtmf(int call, string digits)
        {
            CallSlot slot = Find(call);
            if (slot == null || slot.Phase != CallPhase.Connected || slot.Media == null) { Error("dtmf", "no connected call"); return false; }
            if (!slot.Media.SendDtmf(digits.ToUpper())) { Error("dtmf", "the peer accepted no telephone-event (RFC 4733) or the digit queue is full"); return false; }
            return true;
        }

        private void SendMessage(string target, string text, long nowMs)
        {
            if (OverlayMessage(target, text, nowMs)) return; // an overlay AOR (EndpointApp.Overlay.cs)
            string error;
            bool haveServer = _config.Sip.Registrar != null || _config.Sip.OutboundProxy != null;
            string uri = TargetResolver.Resolve(target, _config.Sip.Domain, haveServer, out error);
            if (uri == null) { Error("message", error); return; }
            SendSipMessage(uri, text, nowMs);
        }

        private void SendSipMessage(string uri, string text, long nowMs)
        {
            byte[] body = Encoding.UTF8.GetBytes(text);
            int handle = _ua.SendMessage(uri, "text/plain;charset=utf-8", body, 0, body.Length, nowMs);
            if (handle < 0) { Error("message", UaStatuses.Name(UaStatuses.FromHandle(handle))); return; }
            _sink.Event(new EventLine("message-sending").Add("to", uri).Add("id", handle).ToString());
        }

        private void ConnectedEvent(CallSlot slot)
        {
            StopRingback();
            SdpMediaResult r = slot.Media == null ? null : slot.Media.Negotiated;
            _sink.Event(new EventLine("connected").Add("call", slot.Call).Add("peer", slot.Peer)
                .Add("codec", r == null ? null : r.CodecName)
                .Add("rtp", r == null ? null : r.RemoteAddress + ":" + r.RemotePort).ToString());
        }

        private void Ended(CallSlot slot, string peer, string reason, int code, string detail)
        {
            if (slot != null && slot.Outgoing && slot.Phase != CallPhase.Connected) StopRingback();
            var e = new EventLine("ended");
            if (slot != null) e.Add("call", slot.Call);
            e.Add("peer", peer).Add("reason", reason);
            if (code > 0) e.Add("code", code);
            e.Add("detail", detail);
            _sink.Event(e.ToString());
            if (slot != null && _product != null) _product.OnEnded(slot, reason, code, _now);
            if (slot != null) Release(slot);
        }
    }
}
