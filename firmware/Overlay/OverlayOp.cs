// Bookkeeping of the overlay client (internal): one in-flight or waiting HTTP operation, a
// buddy whose location key we listen on, a sent message awaiting its receipt, a cached lookup
// answer, a receipt already sent. Plain classes, no logic. Depends on Records.
using Endpoint.Overlay.Records;

namespace Endpoint.Overlay
{
    internal sealed class OverlayOp
    {
        public const int Probe = 1, Publish = 2, Lookup = 3, ListenInbox = 4, ListenBuddy = 5, PostMessage = 6, PostReceipt = 7, PublishOffline = 8;

        public int Purpose;
        public int RequestId;          // 0 while waiting for a supernode
        public int Supernode = -1;
        public string Method;
        public string Path;
        public byte[] Body;
        public int BodyLength;
        public bool Listen;
        public long SentAt;
        public long Deadline = long.MaxValue;
        public int Attempts;
        public int Status;             // HTTP status once known
        public string ErrorText;       // {"err":...} of a failed POST

        // Probe
        public Endpoint.Overlay.Dht.DhtNodeInfo Info;
        // Lookup
        public int LookupId;
        public string Aor;
        public byte[] AorBytes;
        public LocationRecord Best;
        public RecordStatus LastReject;
        public int Rejected;
        // ListenBuddy
        public BuddyState Buddy;
        // PostMessage
        public SentMessage Message;
        // Publish
        public long Seq;
    }

    internal sealed class BuddyState
    {
        public string Aor;
        public byte[] AorBytes;
        public string Hash;
        public PresenceState State = PresenceState.Unknown;
        public LocationRecord Best;
        public ulong BestValueId;
        public LocationRecord LastAnnounced;
        public OverlayOp Listen;
    }

    internal sealed class SentMessage
    {
        public MessageRecord Record;
        public string IdHex;
        public string ToHash;
        public byte[] Body;
        public int BodyLength;
        public bool Stored;
        public long NextPostAt;
        public OverlayOp Op;
    }

    internal sealed class CacheEntry
    {
        public string Aor;
        public LookupOutcome Outcome;
        public LocationRecord Record;
        public long UntilMs;
    }

    internal sealed class ReceiptMemo
    {
        public byte[] MessageId;
        public long LastSentMs;
    }
}
