// The application's view of one call: the SIP user agent's call handle, its media, and what
// the user sees (peer, direction, state). Plain data. Depends on CallMedia.
namespace Endpoint.App
{
    /// <summary>States of a call as the user sees them.</summary>
    public enum CallPhase
    {
        /// <summary>Slot unused.</summary>
        Free = 0,
        /// <summary>We sent INVITE, no answer yet.</summary>
        Calling,
        /// <summary>The far end is ringing (180/183).</summary>
        Ringing,
        /// <summary>An incoming call is ringing here.</summary>
        Incoming,
        /// <summary>Connected (may be on hold).</summary>
        Connected,
    }

    /// <summary>One call.</summary>
    public sealed class CallSlot
    {
        private static readonly string[] PhaseNames = { "idle", "calling", "ringing", "incoming", "connected" };

        /// <summary>The application's call handle (events' `call=N`, IPhone), or -1 when free.</summary>
        public int Call = -1;

        /// <summary>The user agent's call handle, or -1 (e.g. while an overlay AOR is being looked up).</summary>
        public int UaCall = -1;

        /// <summary>Phase.</summary>
        public CallPhase Phase;

        /// <summary>The far end's URI.</summary>
        public string Peer;

        /// <summary>True when we placed the call.</summary>
        public bool Outgoing;

        /// <summary>Media state (null before the RTP port was reserved).</summary>
        public CallMedia Media;

        /// <summary>Our RTP port, or -1.</summary>
        public int Port = -1;

        /// <summary>The peer's offer waiting for `answer` (incoming calls), or null.</summary>
        public byte[] PendingOffer;

        /// <summary>Length of <see cref="PendingOffer"/>.</summary>
        public int PendingOfferLength;

        /// <summary>True while we put the call on hold.</summary>
        public bool LocalHold;

        /// <summary>True when the far end sent early media (183 with SDP): no local ringback then.</summary>
        public bool EarlyMedia;

        /// <summary>Free for the product application's per-call bookkeeping (cleared with the slot).</summary>
        public int ProductState;

        /// <summary>Name of a phase for events.</summary>
        public static string Name(CallPhase p) { return PhaseNames[(int)p]; }

        /// <summary>Clears the slot for reuse.</summary>
        public void Clear()
        {
            Call = -1;
            UaCall = -1;
            Phase = CallPhase.Free;
            Peer = null;
            Outgoing = false;
            Media = null;
            Port = -1;
            PendingOffer = null;
            PendingOfferLength = 0;
            LocalHold = false;
            EarlyMedia = false;
            ProductState = 0;
        }
    }
}
