// Key input of a desk phone: debounced key-down, key-up and long-press events carrying a key code
// (the character printed on the key: '0'-'9', '*', '#', 'A'-'D'). Events use named delegates
// (nanoFramework has no generic EventHandler<T>); a poll API (LastKey, IsDown) is there for callers
// that prefer it. Depends on IPollable.
namespace Endpoint.Hal
{
    /// <summary>What happened to a key or button.</summary>
    public enum KeyAction : byte
    {
        /// <summary>Debounced press.</summary>
        Down = 0,
        /// <summary>Debounced release.</summary>
        Up = 1,
        /// <summary>Held longer than the long-press time (fires once per press, before Up).</summary>
        LongPress = 2,
    }

    /// <summary>Text for KeyAction values.</summary>
    public static class KeyActionText
    {
        /// <summary>"down", "up" or "long".</summary>
        public static string Get(KeyAction action)
        {
            switch (action)
            {
                case KeyAction.Down: return "down";
                case KeyAction.Up: return "up";
                case KeyAction.LongPress: return "long";
                default: return "action " + ((int)action).ToString();
            }
        }
    }

    /// <summary>Key event handler: key code, action and the Poll time it was detected at.</summary>
    public delegate void KeyEventHandler(char key, KeyAction action, long nowMs);

    /// <summary>A keypad scanned from Poll(nowMs).</summary>
    public interface IKeypad : IPollable
    {
        /// <summary>Raised from Poll for every debounced key event.</summary>
        event KeyEventHandler KeyEvent;

        /// <summary>True while the key is (debounced) down.</summary>
        bool IsDown(char key);

        /// <summary>Number of events raised so far (poll API: compare with a remembered count).</summary>
        int EventCount { get; }

        /// <summary>Key of the most recent event, or '\0'.</summary>
        char LastKey { get; }

        /// <summary>Action of the most recent event.</summary>
        KeyAction LastAction { get; }
    }
}
