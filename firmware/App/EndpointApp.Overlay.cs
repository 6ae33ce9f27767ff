// EndpointApp: the overlay (issue 6, P2PSIP-style location through OpenDHT supernodes). Joins the
// sans-IO OverlayClient to the application; the runtime (EndpointRuntime + OverlayTransport)
// executes its HTTP requests and gives it the wall clock.
//   start: publish our signed location record (contacts: our SIP URI and sip:USER@<address the
//          supernode saw>:PORT), refreshed by the client inside the 10-minute value lifetime;
//   dial/message to an overlay AOR (TargetResolver.OverlayAor): lookup (cached by the client),
//          then a normal SIP call / SIP MESSAGE to the freshest valid record's contact; unknown
//          or offline users end with `event ended reason=unknown-user|offline`; a message to a
//          user who is not online is stored in the overlay inbox instead (`message-sent
//          result=stored`, later `result=delivered` when the recipient's receipt arrives);
//   presence: buddies' records as `event presence aor=... state=online|offline`;
//   quit: a signed offline record is published before `event stopped`.
// Persistence (IStorage, optional): "overlay-seq" (8 bytes big-endian, the last sequence number
// signed) and "overlay-seen" (SeenIdSet serialization, message ids already shown), so a message
// is shown once even across a restart.
// Events: overlay-supernode, overlay-published, overlay-error, presence, message (via=overlay),
// message-sent (id=32 hex), overlay-stopped, overlay-status (see README).
// Depends on Endpoint.Overlay, Endpoint.Crypto, Endpoint.Hal.IStorage. No sockets, threads, clocks.
using System.Collections;
using Endpoint.Crypto;
using Endpoint.Hal;
using Endpoint.Overlay;
using Endpoint.Overlay.Records;

namespace Endpoint.App
{
    public sealed partial class EndpointApp
    {
        /// <summary>Storage key of the last overlay sequence number.</summary>
        public const string OverlaySeqKey = "overlay-seq";
        /// <summary>Storage key of the seen message ids.</summary>
        public const string OverlaySeenKey = "overlay-seen";

        private OverlayClient _overlay;
        private IStorage _overlayStore;
        private string _overlayDomain;
        private readonly ArrayList _overlayWaits = new ArrayList();

        private sealed class OverlayWait
        {
            public int LookupId;
            public string Aor;
            public CallSlot Slot;   // dial: the slot reserved for the call (its handle went to the caller)
            public int Handle;      // the slot's call handle when the wait began
            public bool IsMessage;
            public string Text;
        }

        /// <summary>The overlay client, or null when the overlay is off (the runtime pumps it).</summary>
        public OverlayClient Overlay { get { return _overlay; } }

        /// <summary>
        /// Turns the overlay on (call before Start, only when the configuration has an overlay
        /// section). <paramref name="settings"/> comes from OverlaySettings.FromConfig (timings may
        /// be tuned); our contacts, transport and the persisted sequence number are filled in here.
        /// <paramref name="storage"/> may be null (nothing persisted). Returns an error text or null.
        /// </summary>
        public string EnableOverlay(OverlaySettings settings, IHmacSha256 siteMac, Endpoint.Crypto.IRandomSource random, IStorage storage)
        {
            if (settings == null || siteMac == null || random == null) return "overlay: missing settings, site key or random source";
            string aor = Aor.Normalize(settings.Aor);
            if (aor == null) return "overlay.aor: not an address-of-record";
            _overlayStore = storage;
            bool wildcard = _localHost == "0.0.0.0" || _localHost == "::";
            settings.Contacts = wildcard ? new string[0] : new string[] { SipUri };
            settings.Transport = _config.Sip.Transport;
            settings.PublicContactUser = _config.Sip.User;
            settings.PublicContactPort = _localPort;
            settings.InitialSeq = LoadSeq();
            _overlay = new OverlayClient(settings, siteMac, random);
            _overlayDomain = TargetResolver.DomainOf(aor);
            if (storage != null)
            {
                byte[] seen = storage.ReadAll(OverlaySeenKey);
                if (seen != null && !_overlay.SeenIds.Load(seen, 0, seen.Length)) _sink.Log("overlay: stored seen-message ids unreadable, starting empty");
            }
            return null;
        }

        private void OverlayStart(long nowMs)
        {
            if (_overlay == null) return;
            _sink.Log("overlay " + _overlay.OwnAor + ", " + _overlay.Supernodes.Count + " supernode(s)");
            _overlay.Start(nowMs);
        }

        private void OverlayQuit(long nowMs)
        {
            if (_overlay != null) _overlay.Stop(nowMs);
        }

        // True when the overlay has nothing left to do before `stopped` (offline record stored, failed or timed out).
        private bool OverlayQuitDone { get { return _overlay == null || !_overlay.IsRunning; } }

        private void OverlayStatus()
        {
            if (_overlay == null) return;
            int n = _overlay.ActiveSupernode;
            LocationRecord r = _overlay.CurrentRecord;
            _sink.Event(new EventLine("overlay-status").Add("aor", _overlay.OwnAor)
                .Add("supernode", n < 0 ? "none" : _overlay.Supernodes.Address(n).ToString())
                .Add("seq", _overlay.Sequence)
                .Add("state", r == null ? "unpublished" : r.Online ? "online" : "offline")
                .Add("pending-messages", _overlay.PendingMessages).ToString());
        }

        private bool OverlayHandles(string target, out string aor)
        {
            aor = null;
            if (_overlay == null) return false;
            bool haveServer = _config.Sip.Registrar != null || _config.Sip.OutboundProxy != null;
            aor = TargetResolver.OverlayAor(target, _overlayDomain, haveServer);
            return aor != null;
        }

        // dial hook: true when the target is an overlay AOR (the call is placed when the lookup answers).
        private bool OverlayDial(string target, long nowMs, out int handle)
        {
            handle = -1;
            string aor;
            if (!OverlayHandles(target, out aor)) return false;
            CallSlot slot = FreeSlot();
            if (slot == null) { Error("dial", "too many calls"); return true; }
            slot.Call = NextCallHandle();
            slot.Phase = CallPhase.Calling;
            slot.Outgoing = true;
            slot.Peer = "sip:" + aor;
            handle = slot.Call;
            OverlayWait w = new OverlayWait();
            w.Aor = aor;
            w.Slot = slot;
            w.Handle = slot.Call;
            _overlayWaits.Add(w);
            _sink.Log("overlay: looking up " + aor + " for call " + handle);
            w.LookupId = _overlay.Lookup(aor, nowMs);
            OverlayDrain(nowMs); // a cached answer is already queued
            return true;
        }

        // message hook: true when the target is an overlay AOR.
        private bool OverlayMessage(string target, string text, long nowMs)
        {
            string aor;
            if (!OverlayHandles(target, out aor)) return false;
            OverlayWait w = new OverlayWait();
            w.Aor = aor;
            w.IsMessage = true;
            w.Text = text;
            _overlayWaits.Add(w);
            w.LookupId = _overlay.Lookup(aor, nowMs);
            OverlayDrain(nowMs);
            return true;
        }

        // OnTimer hook: handles everything the overlay client reported.
        private void OverlayDrain(long nowMs)
        {
            if (_overlay == null) return;
            for (int guard = 0; guard < 64; guard++)
            {
                OverlayEvent e = _overlay.NextEvent();
                if (e == null) return;
                OverlayHandle(e, nowMs);
            }
        }

        private void OverlayHandle(OverlayEvent e, long nowMs)
        {
            switch (e.Kind)
            {
                case OverlayEventKind.SupernodeChanged:
                    _sink.Event(new EventLine("overlay-supernode").Add("supernode", e.Supernode < 0 ? "none" : e.Detail).ToString());
                    return;
                case OverlayEventKind.Published:
                    _sink.Event(new EventLine("overlay-published").Add("aor", e.Aor).Add("seq", e.Seq)
                        .Add("supernode", SupernodeText())
                        .Add("contact", e.Record != null && e.Record.Contacts.Length > 0 ? e.Record.Contacts[0] : null).ToString());
                    return;
                case OverlayEventKind.PublishFailed:
                    _sink.Event(new EventLine("overlay-error").Add("op", "publish").Add("reason", e.Detail).ToString());
                    return;
                case OverlayEventKind.LookupResult:
                    LookupAnswered(e, nowMs);
                    return;
                case OverlayEventKind.PresenceChanged:
                    {
                        EventLine p = new EventLine("presence").Add("aor", e.Aor)
                            .Add("state", e.Presence == PresenceState.Online ? "online" : "offline");
                        if (e.Presence == PresenceState.Expired) p.Add("reason", "expired");
                        if (e.Record != null && e.Record.Online && e.Record.Contacts.Length > 0) p.Add("contact", e.Record.Contacts[0]);
                        _sink.Event(p.ToString());
                        return;
                    }
                case OverlayEventKind.MessageReceived:
                    _sink.Event(new EventLine("message").Add("from", e.Aor).Add("type", "text/plain").Add("text", e.Message.Text)
                        .Add("via", "overlay").Add("id", e.MessageId).ToString());
                    return;
                case OverlayEventKind.MessageStored:
                    _sink.Event(new EventLine("message-sent").Add("id", e.MessageId).Add("to", e.Aor).Add("result", "stored").ToString());
                    return;
                case OverlayEventKind.MessageDelivered:
                    _sink.Event(new EventLine("message-sent").Add("id", e.MessageId).Add("to", e.Aor).Add("result", "delivered").ToString());
                    return;
                case OverlayEventKind.MessageFailed:
                    _sink.Event(new EventLine("message-sent").Add("id", e.MessageId).Add("to", e.Aor).Add("result", "failed").Add("reason", e.Detail).ToString());
                    return;
                case OverlayEventKind.SequenceUsed:
                    SaveSeq(e.Seq);
                    return;
                case OverlayEventKind.SeenIdsChanged:
                    SaveSeen();
                    return;
                case OverlayEventKind.Stopped:
                    _sink.Event(new EventLine("overlay-stopped").Add("detail", e.Detail).ToString());
                    return;
                default:
                    return;
            }
        }

        private void LookupAnswered(OverlayEvent e, long nowMs)
        {
            OverlayWait w = null;
            for (int i = 0; i < _overlayWaits.Count; i++)
            {
                OverlayWait c = (OverlayWait)_overlayWaits[i];
                if (c.LookupId == e.LookupId) { w = c; _overlayWaits.RemoveAt(i); break; }
            }
            if (w == null) return;
            string contact = e.Outcome == LookupOutcome.Found ? ChooseContact(e.Record) : null;
            if (w.IsMessage)
            {
                if (contact != null) { SendSipMessage(contact, w.Text, nowMs); return; }
                if (e.Outcome == LookupOutcome.Offline || e.Outcome == LookupOutcome.Unknown || e.Outcome == LookupOutcome.Found)
                {
                    // Not reachable now: store it in the recipient's overlay inbox.
                    string id = _overlay.SendMessage(w.Aor, w.Text, nowMs);
                    if (id == null) Error("message", "cannot store an offline message for " + w.Aor + " (text over 255 bytes, no clock, or too many pending)");
                    else _sink.Event(new EventLine("message-sending").Add("to", w.Aor).Add("id", id).Add("via", "overlay").ToString());
                    return;
                }
                Error("message", "overlay lookup of " + w.Aor + " failed: " + OverlayNames.Of(e.Outcome) + (e.Detail != null ? " (" + e.Detail + ")" : ""));
                return;
            }
            CallSlot slot = w.Slot;
            if (slot == null || slot.Phase == CallPhase.Free || slot.Call != w.Handle || slot.UaCall >= 0) return; // hung up meanwhile
            if (contact != null) { PlaceCallIn(slot, contact, nowMs, true); return; }
            string reason;
            switch (e.Outcome)
            {
                case LookupOutcome.Offline: reason = "offline"; break;
                case LookupOutcome.Unknown: reason = "unknown-user"; break;
                case LookupOutcome.NoSupernode: reason = "overlay-unavailable"; break;
                case LookupOutcome.Found: reason = "no-contact"; break;
                default: reason = "lookup-failed"; break;
            }
            Ended(slot, w.Aor, reason, 0, e.Detail);
        }

        // The user hung up a call whose AOR lookup has not answered: forget the wait.
        private void OverlayCancel(CallSlot slot)
        {
            for (int i = 0; i < _overlayWaits.Count; i++)
            {
                if (((OverlayWait)_overlayWaits[i]).Slot == slot) { _overlayWaits.RemoveAt(i); return; }
            }
        }

        // The contact to call from a verified online record: the first (the callee's own SIP
        // URI) when it shares our public address (same LAN/NAT) or is the only one, else the
        // last (built from the address the callee's supernode saw). The record's transport is
        // added when it is not UDP.
        private string ChooseContact(LocationRecord r)
        {
            if (r == null || r.Contacts.Length == 0) return null;
            string c = r.Contacts[0];
            string ourIp = _overlay.PublicIp;
            if (r.Contacts.Length > 1 && ourIp != null && r.Contacts[0].IndexOf("@" + ourIp + ":") < 0) c = r.Contacts[r.Contacts.Length - 1];
            if (r.Transport != null && r.Transport != "udp" && c.IndexOf(";transport=") < 0) c = c + ";transport=" + r.Transport;
            return c;
        }

        private string SupernodeText()
        {
            int n = _overlay.ActiveSupernode;
            return n < 0 ? "none" : _overlay.Supernodes.Address(n).ToString();
        }

        private long LoadSeq()
        {
            if (_overlayStore == null) return 0;
            byte[] b = _overlayStore.ReadAll(OverlaySeqKey);
            if (b == null || b.Length != 8) return 0;
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | b[i];
            return v < 0 ? 0 : v;
        }

        private void SaveSeq(long seq)
        {
            if (_overlayStore == null) return;
            byte[] b = new byte[8];
            for (int i = 7; i >= 0; i--) { b[i] = (byte)seq; seq >>= 8; }
            StorageStatus st = _overlayStore.Write(OverlaySeqKey, b, 0, 8);
            if (st != StorageStatus.Ok) _sink.Log("overlay: cannot save the sequence number: " + StorageStatusText.Get(st));
        }

        private void SaveSeen()
        {
            if (_overlayStore == null) return;
            byte[] b = new byte[_overlay.SeenIds.SerializedMaxLength];
            int n = _overlay.SeenIds.Serialize(b, 0);
            if (n < 0) return;
            StorageStatus st = _overlayStore.Write(OverlaySeenKey, b, 0, n);
            if (st != StorageStatus.Ok) _sink.Log("overlay: cannot save seen message ids: " + StorageStatusText.Get(st));
        }
    }
}
