// Tags DTMF digits from one call's media with that call's slot, so the application knows which
// call a digit arrived on (the intercom accepts a door code only from the right caller).
// Depends on CallSlot and Endpoint.Media.Dtmf.
using Endpoint.Media.Dtmf;

namespace Endpoint.App
{
    /// <summary>Receives digits for one slot.</summary>
    public interface ISlotDigitSink
    {
        /// <summary>A digit arrived on the call in <paramref name="slot"/>.</summary>
        void OnSlotDigit(CallSlot slot, char digit, int durationMs, DtmfSource source);
    }

    /// <summary>One per call slot, allocated once.</summary>
    public sealed class SlotDigitSink : IDigitSink
    {
        private readonly CallSlot _slot;
        private readonly ISlotDigitSink _target;

        /// <summary>Creates the adapter for a slot.</summary>
        public SlotDigitSink(CallSlot slot, ISlotDigitSink target)
        {
            _slot = slot;
            _target = target;
        }

        /// <inheritdoc/>
        public void OnDigit(char digit, int durationMs, DtmfSource source)
        {
            _target.OnSlotDigit(_slot, digit, durationMs, source);
        }
    }
}
