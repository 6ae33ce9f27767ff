// A product personality on top of the phone engine: the desk phone (keypad, hook, dial plan,
// call waiting) or the intercom (call button, auto-answer, door relay). The engine calls these
// hooks; the product drives its own hardware (hal interfaces handed to its constructor), polls
// it from OnTimer, and acts through IPhone. Pure: no sockets, threads or clocks.
// Depends on IPhone, CallSlot, Command, Endpoint.Media.Dtmf (DtmfSource).
using Endpoint.Media.Dtmf;

namespace Endpoint.App
{
    /// <summary>Hooks the engine calls on a product application.</summary>
    public interface IProductApp
    {
        /// <summary>Product name for `status` ("deskphone", "intercom").</summary>
        string Name { get; }

        /// <summary>Called once when the engine starts.</summary>
        void Start(IPhone phone, long nowMs);

        /// <summary>
        /// A console command the engine does not own (`key`, `hook`, `button`) when no input
        /// injector turned it into simulated hardware. Returns false if the product has no such input.
        /// </summary>
        bool OnCommand(Command command, long nowMs);

        /// <summary>A new incoming call (the engine has sent 180 Ringing). The product may answer or reject it.</summary>
        void OnIncoming(CallSlot slot, long nowMs);

        /// <summary>An outgoing call's phase changed (Ringing or Connected) or an incoming one connected.</summary>
        void OnCallChanged(CallSlot slot, long nowMs);

        /// <summary>A call ended (slot still filled; it is released after this returns).</summary>
        void OnEnded(CallSlot slot, string reason, int code, long nowMs);

        /// <summary>A DTMF digit arrived on a call.</summary>
        void OnDigit(CallSlot slot, char digit, DtmfSource source, long nowMs);

        /// <summary>Called every loop turn: poll hardware, run timers.</summary>
        void OnTimer(long nowMs);

        /// <summary>Next time OnTimer must run; long.MaxValue for none.</summary>
        long NextDeadline { get; }

        /// <summary>Adds product fields to the `status` event.</summary>
        void AddStatus(EventLine status);
    }
}
