// A single push button (intercom call button, desk phone function key), debounced, with a
// long-press event. Depends on IPollable and KeyAction.
namespace Endpoint.Hal
{
    /// <summary>Button event handler.</summary>
    public delegate void ButtonEventHandler(KeyAction action, long nowMs);

    /// <summary>Debounced push button.</summary>
    public interface IButton : IPollable
    {
        /// <summary>Raised from Poll for Down, LongPress and Up.</summary>
        event ButtonEventHandler ButtonEvent;

        /// <summary>True while (debounced) pressed.</summary>
        bool Pressed { get; }
    }
}
