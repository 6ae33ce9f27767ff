// EndpointApp: reactions to the user agent's events (incoming calls, answers, re-INVITEs,
// hang-ups, messages, INFO, registration results).
using Endpoint.Media.Tones;
using Endpoint.Sdp;
using Endpoint.Sip.Ua;

namespace Endpoint.App
{
    public sealed partial class EndpointApp
    {
        private void DrainEvents(long nowMs)
        {
            for (int guard = 0; guard < 32; guard++)
            {
                UaEvent e = _ua.PollEvent();
                if (e == null || e.Kind == UaEventKind.None) return;
                Handle(e, nowMs);
            }
        }

        private void Handle(UaEvent e, long nowMs)
        {
            CallSlot slot = e.Call >= 0 ? FindUa(e.Call) : null;
            switch (e.Kind)
            {
                case UaEventKind.IncomingCall:
                    {
                        CallSlot s = FreeSlot();
                        if (s == null) { _ua.Reject(e.Call, 486, nowMs); return; }
                        s.UaCall = e.Call;
                        s.Call = NextCallHandle();
                        s.Phase = CallPhase.Incoming;
                        s.Peer = e.PeerUriText();
                        if (e.BodyLength > 0)
                        {
                            s.PendingOffer = new byte[e.BodyLength];
                            System.Array.Copy(e.Body, 0, s.PendingOffer, 0, e.BodyLength);
                            s.PendingOfferLength = e.BodyLength;
                        }
                        _ua.Ringing(e.Call, nowMs);
                        _sink.Event(new EventLine("incoming").Add("call", s.Call).Add("from", s.Peer).Add("name", e.PeerNameLength > 0 ? e.PeerNameText() : null).ToString());
                        if (_product != null) _product.OnIncoming(s, nowMs);
                        return;
                    }
                case UaEventKind.CallProgress:
                    if (slot == null) return;
                    if (e.BodyLength > 0 && slot.Media != null) slot.Media.ReceiveAnswer(e.Body, 0, e.BodyLength, nowMs);
                    if (e.BodyLength > 0) { slot.EarlyMedia = true; StopRingback(); }
                    if (slot.Phase == CallPhase.Calling)
                    {
                        slot.Phase = CallPhase.Ringing;
                        if (!slot.EarlyMedia && Current == slot) PlayTone(ToneTable.Get(_region, ToneKind.Ringback));
                        _sink.Event(new EventLine("ringing").Add("call", slot.Call).Add("code", e.Code).ToString());
                        if (_product != null) _product.OnCallChanged(slot, nowMs);
                    }
                    return;
                case UaEventKind.CallAnswered:
                    if (slot == null) return;
                    if (e.BodyLength > 0 && slot.Media != null)
                    {
                        SdpStatus st = slot.Media.Negotiated == null || slot.Media.Negotiated != null
                            ? slot.Media.ReceiveAnswer(e.Body, 0, e.BodyLength, nowMs) : SdpStatus.Ok;
                        if (st != SdpStatus.Ok && slot.Media.Negotiated == null)
                        {
                            _ua.Hangup(slot.UaCall, nowMs);
                            _sink.Event(new EventLine("error").Add("call", slot.Call).Add("reason", "unusable SDP answer: " + SdpStatusNames.Name(st)).ToString());
                            return;
                        }
                    }
                    slot.Phase = CallPhase.Connected;
                    ConnectedEvent(slot);
                    if (_product != null) _product.OnCallChanged(slot, nowMs);
                    return;
                case UaEventKind.CallConfirmed:
                    if (slot != null && e.BodyLength > 0 && slot.Media != null && slot.Media.Negotiated == null)
                        slot.Media.ReceiveAnswer(e.Body, 0, e.BodyLength, nowMs); // offer was in our 200, answer in the ACK
                    return;
                case UaEventKind.ReinviteReceived:
                    {
                        if (slot == null || slot.Media == null) { _ua.Reject(e.Call, 481, nowMs); return; }
                        bool wasHeld = slot.Media.OnHold;
                        int len;
                        SdpStatus st = e.BodyLength > 0
                            ? slot.Media.ReceiveOffer(e.Body, 0, e.BodyLength, _sdp, 0, out len, nowMs)
                            : slot.Media.CreateOffer(slot.LocalHold, _sdp, 0, out len);
                        if (st != SdpStatus.Ok) { _ua.Reject(e.Call, SdpStatusNames.SipResponseCode(st), nowMs); return; }
                        _ua.Answer(e.Call, _sdp, 0, len, nowMs);
                        ReportHold(slot, wasHeld, "remote");
                        return;
                    }
                case UaEventKind.ReinviteAnswered:
                    if (slot == null || slot.Media == null) return;
                    {
                        bool wasHeld = slot.Media.OnHold;
                        if (e.BodyLength > 0) slot.Media.ReceiveAnswer(e.Body, 0, e.BodyLength, nowMs);
                        ReportHold(slot, wasHeld, "local");
                    }
                    return;
                case UaEventKind.ReinviteFailed:
                    if (slot == null) return;
                    if (slot.Media != null) slot.Media.CancelOffer();
                    slot.LocalHold = !slot.LocalHold;
                    _sink.Event(new EventLine("error").Add("call", slot.Call).Add("reason", "re-INVITE failed").Add("code", e.Code).ToString());
                    return;
                case UaEventKind.CallEnded:
                    if (slot == null) return;
                    Ended(slot, slot.Peer, e.Reason != null ? e.Reason : "ended", e.Code, null);
                    return;
                case UaEventKind.MessageReceived:
                    _sink.Event(new EventLine("message").Add("from", e.PeerUriText()).Add("type", e.ContentTypeText()).Add("text", e.BodyText()).ToString());
                    return;
                case UaEventKind.MessageResult:
                    _sink.Event(new EventLine("message-sent").Add("id", e.Handle).Add("code", e.Code).Add("result", e.Code >= 200 && e.Code < 300 ? "delivered" : "failed").Add("reason", e.Reason).ToString());
                    return;
                case UaEventKind.InfoReceived:
                    if (slot != null && slot.Media != null) slot.Media.OnInfo(e.ContentTypeText(), e.Body, 0, e.BodyLength);
                    return;
                case UaEventKind.Registered:
                    _sink.Event(new EventLine("registered").Add("aor", _ua.Aor).Add("expires", e.Code).Add("registrar", _config.Sip.Registrar == null ? null : _config.Sip.Registrar.ToString()).ToString());
                    return;
                case UaEventKind.RegistrationFailed:
                    _sink.Event(new EventLine("registration-failed").Add("code", e.Code).Add("reason", e.Reason).ToString());
                    return;
                default:
                    _sink.Log("ua event " + UaEvent.KindName(e.Kind) + " call=" + e.Call + " code=" + e.Code);
                    return;
            }
        }

        private void ReportHold(CallSlot slot, bool wasHeld, string by)
        {
            bool held = slot.Media.OnHold;
            if (held && !wasHeld) _sink.Event(new EventLine("hold").Add("call", slot.Call).Add("by", by).ToString());
            else if (!held && wasHeld) _sink.Event(new EventLine("resumed").Add("call", slot.Call).Add("by", by).ToString());
        }
    }
}
