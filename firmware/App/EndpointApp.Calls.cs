// EndpointApp: the call commands (dial, answer, hangup, hold, resume, dtmf, message).
using System.Text;
using Endpoint.Sdp;
using Endpoint.Sip.Ua;

namespace Endpoint.App
{
    public sealed partial class EndpointApp
    {
        private void Dial(string target, long nowMs)
        {
            if (OverlayDial(target, nowMs)) return; // an overlay AOR: placed when the lookup answers (EndpointApp.Overlay.cs)
            string error;
            bool haveServer = _config.Sip.Registrar != null || _config.Sip.OutboundProxy != null;
            string uri = TargetResolver.Resolve(target, _config.Sip.Domain, haveServer, out error);
            if (uri == null) { Ended(null, target, "bad-target", 0, error); return; }
            PlaceCall(uri, nowMs);
        }

        private void PlaceCall(string uri, long nowMs)
        {
            string error;
            CallSlot slot = FreeSlot();
            if (slot == null) { Error("dial", "too many calls"); return; }
            CallMedia media = NewMedia(slot, out error);
            if (media == null) { Error("dial", error); return; }
            int len;
            SdpStatus st = media.CreateOffer(false, _sdp, 0, out len);
            if (st != SdpStatus.Ok) { Release(slot); Error("dial", "cannot write SDP offer: " + SdpStatusNames.Name(st)); return; }
            int call = _ua.Call(uri, _sdp, 0, len, nowMs);
            if (call < 0) { Release(slot); Error("dial", "cannot start the call: " + UaStatuses.Name(UaStatuses.FromHandle(call))); return; }
            slot.Call = call;
            slot.Phase = CallPhase.Calling;
            slot.Outgoing = true;
            slot.Peer = uri;
            _sink.Event(new EventLine("calling").Add("call", call).Add("to", uri).ToString());
        }

        private void Answer(long nowMs)
        {
            CallSlot slot = null;
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Incoming) { slot = _calls[i]; break; }
            if (slot == null) { Error("answer", "no incoming call"); return; }
            string error;
            CallMedia media = NewMedia(slot, out error);
            if (media == null) { _ua.Reject(slot.Call, 503, nowMs); Error("answer", error); return; }
            int len = 0;
            SdpStatus st;
            if (slot.PendingOffer != null) st = media.ReceiveOffer(slot.PendingOffer, 0, slot.PendingOfferLength, _sdp, 0, out len, nowMs);
            else st = media.CreateOffer(false, _sdp, 0, out len); // offer in our 200, answer in the ACK
            if (st != SdpStatus.Ok)
            {
                int code = SdpStatusNames.SipResponseCode(st);
                _ua.Reject(slot.Call, code, nowMs);
                Ended(slot, slot.Peer, "not-acceptable", code, SdpStatusNames.Name(st));
                return;
            }
            UaStatus us = _ua.Answer(slot.Call, _sdp, 0, len, nowMs);
            if (us != UaStatus.Ok) { Error("answer", UaStatuses.Name(us)); return; }
            slot.Phase = CallPhase.Connected;
            ConnectedEvent(slot);
        }

        private void Hangup(long nowMs)
        {
            CallSlot slot = Current;
            if (slot == null) { Error("hangup", "no call"); return; }
            if (slot.Phase == CallPhase.Incoming) { _ua.Reject(slot.Call, 486, nowMs); Ended(slot, slot.Peer, "rejected", 486, null); return; }
            _ua.Hangup(slot.Call, nowMs);
        }

        private void Hold(bool hold, long nowMs)
        {
            string cmd = hold ? "hold" : "resume";
            CallSlot slot = null;
            for (int i = 0; i < MaxCalls; i++) if (_calls[i].Phase == CallPhase.Connected && _calls[i].LocalHold != hold) { slot = _calls[i]; break; }
            if (slot == null) { Error(cmd, hold ? "no connected call to hold" : "no held call"); return; }
            int len;
            SdpStatus st = slot.Media.CreateOffer(hold, _sdp, 0, out len);
            if (st != SdpStatus.Ok) { Error(cmd, SdpStatusNames.Name(st)); return; }
            UaStatus us = _ua.Reinvite(slot.Call, _sdp, 0, len, nowMs);
            if (us != UaStatus.Ok) { slot.Media.CancelOffer(); Error(cmd, UaStatuses.Name(us)); return; }
            slot.LocalHold = hold;
        }

        private void SendDtmf(string digits)
        {
            CallSlot slot = Current;
            if (slot == null || slot.Phase != CallPhase.Connected) { Error("dtmf", "no connected call"); return; }
            if (!slot.Media.SendDtmf(digits.ToUpper())) Error("dtmf", "the peer accepted no telephone-event (RFC 4733) or the digit queue is full");
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
            SdpMediaResult r = slot.Media == null ? null : slot.Media.Negotiated;
            _sink.Event(new EventLine("connected").Add("call", slot.Call).Add("peer", slot.Peer)
                .Add("codec", r == null ? null : r.CodecName)
                .Add("rtp", r == null ? null : r.RemoteAddress + ":" + r.RemotePort).ToString());
        }

        private void Ended(CallSlot slot, string peer, string reason, int code, string detail)
        {
            var e = new EventLine("ended");
            if (slot != null) e.Add("call", slot.Call);
            e.Add("peer", peer).Add("reason", reason);
            if (code > 0) e.Add("code", code);
            e.Add("detail", detail);
            _sink.Event(e.ToString());
            if (slot != null) Release(slot);
        }
    }
}
