// Scratch of the SDP offer/answer engine that need not live between exchanges: the session a
// peer's SDP is parsed into, the session our next offer or answer is built in, the result being
// worked out and the writer. A negotiator touches it only inside one CreateOffer, ReceiveOffer
// or ReceiveAnswer call, so every negotiator driven by one thread (all calls of the app) can
// share one workspace; each call then keeps only its last sent description and its result.
// The build session is exchanged with the negotiator's local description on commit (no copy),
// so sessions move between negotiators; their media slots are created on first use and kept.
// Depends on SdpSession, SdpMediaResult, SdpWriter. Not thread-safe: one thread per workspace.
namespace Endpoint.Sdp
{
    /// <summary>Scratch shared by the SdpNegotiators of one thread.</summary>
    public sealed class SdpWorkspace
    {
        internal SdpSession Parse = new SdpSession();
        internal SdpSession Build = new SdpSession();
        internal readonly SdpMediaResult Next = new SdpMediaResult();
        internal readonly SdpWriter Writer = new SdpWriter();
    }
}
