// What the overlay client tells the application: supernode changes, publish results, lookup
// results, presence changes of buddies, offline messages received/stored/delivered/failed, and
// values the application should persist (sequence number, seen message ids). Cold path objects.
// Depends on Records (LocationRecord, MessageRecord).
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    /// <summary>Kinds of <see cref="OverlayEvent"/>.</summary>
    public enum OverlayEventKind
    {
        /// <summary>The active supernode changed; Supernode is its index, or -1 when none is reachable.</summary>
        SupernodeChanged = 1,
        /// <summary>Our location record was stored (Seq, Record).</summary>
        Published = 2,
        /// <summary>Storing our location record failed (Detail); it is retried.</summary>
        PublishFailed = 3,
        /// <summary>Answer to Lookup (LookupId, Aor, Outcome, Record, Detail).</summary>
        LookupResult = 4,
        /// <summary>A buddy's presence changed (Aor, Presence, Record).</summary>
        PresenceChanged = 5,
        /// <summary>An offline message for us arrived (Message); shown once per message id.</summary>
        MessageReceived = 6,
        /// <summary>A message we sent is stored in the overlay (MessageId, Aor = recipient).</summary>
        MessageStored = 7,
        /// <summary>The recipient confirmed a message we sent (MessageId, Aor = recipient).</summary>
        MessageDelivered = 8,
        /// <summary>A message we sent expired without a receipt or was dropped (MessageId, Detail).</summary>
        MessageFailed = 9,
        /// <summary>A sequence number was used: persist Seq and pass it back as OverlaySettings.InitialSeq after a reboot.</summary>
        SequenceUsed = 10,
        /// <summary>The seen-message-id set changed: persist OverlayClient.SeenIds.Serialize().</summary>
        SeenIdsChanged = 11,
        /// <summary>Stop finished (Detail: "offline-published" or why not).</summary>
        Stopped = 12,
    }

    /// <summary>Outcome of a lookup.</summary>
    public enum LookupOutcome
    {
        /// <summary>A valid online record: Record.Contacts tell where to call.</summary>
        Found = 0,
        /// <summary>The freshest valid record says the AOR signed off.</summary>
        Offline = 1,
        /// <summary>No valid record (none stored, all expired, or all rejected: Detail has the last reason).</summary>
        Unknown = 2,
        /// <summary>No supernode is reachable.</summary>
        NoSupernode = 3,
        /// <summary>The supernode did not answer properly (after a retry).</summary>
        Failed = 4,
        /// <summary>The AOR is not valid.</summary>
        InvalidAor = 5,
    }

    /// <summary>A buddy's presence.</summary>
    public enum PresenceState
    {
        /// <summary>Nothing known yet.</summary>
        Unknown = 0,
        /// <summary>A valid online record.</summary>
        Online = 1,
        /// <summary>The buddy published an offline record.</summary>
        Offline = 2,
        /// <summary>The buddy's record expired (it stopped refreshing: crashed or lost its network).</summary>
        Expired = 3,
    }

    /// <summary>One event for the application.</summary>
    public sealed class OverlayEvent
    {
        /// <summary>What happened.</summary>
        public OverlayEventKind Kind;
        /// <summary>SupernodeChanged: the new active supernode index, -1 for none.</summary>
        public int Supernode = -1;
        /// <summary>The AOR concerned (lookup target, buddy, message peer).</summary>
        public string Aor;
        /// <summary>LookupResult: the id Lookup returned.</summary>
        public int LookupId;
        /// <summary>LookupResult: the outcome.</summary>
        public LookupOutcome Outcome;
        /// <summary>PresenceChanged: the new state.</summary>
        public PresenceState Presence;
        /// <summary>The location record behind a lookup result, presence change or publish (null when none).</summary>
        public LocationRecord Record;
        /// <summary>MessageReceived: the message.</summary>
        public MessageRecord Message;
        /// <summary>Message events: the 32-hex message id.</summary>
        public string MessageId;
        /// <summary>Published/SequenceUsed: the sequence number.</summary>
        public long Seq;
        /// <summary>Reason or extra information, or null.</summary>
        public string Detail;

        /// <summary>Creates an event of a kind.</summary>
        public OverlayEvent(OverlayEventKind kind) { Kind = kind; }
    }

    /// <summary>Names for the overlay enums (enum ToString prints numbers on nanoFramework).</summary>
    public static class OverlayNames
    {
        private static readonly string[] Kinds = { "?", "supernode-changed", "published", "publish-failed", "lookup-result", "presence-changed",
            "message-received", "message-stored", "message-delivered", "message-failed", "sequence-used", "seen-ids-changed", "stopped" };
        private static readonly string[] Outcomes = { "found", "offline", "unknown", "no-supernode", "failed", "invalid-aor" };
        private static readonly string[] Presences = { "unknown", "online", "offline", "expired" };

        /// <summary>Name of an event kind.</summary>
        public static string Of(OverlayEventKind k) { int i = (int)k; return i > 0 && i < Kinds.Length ? Kinds[i] : "?"; }

        /// <summary>Name of a lookup outcome.</summary>
        public static string Of(LookupOutcome o) { int i = (int)o; return i >= 0 && i < Outcomes.Length ? Outcomes[i] : "?"; }

        /// <summary>Name of a presence state.</summary>
        public static string Of(PresenceState p) { int i = (int)p; return i >= 0 && i < Presences.Length ? Presences[i] : "?"; }
    }
}
