// Constant configuration of a matrix keypad: which GPIOs are rows and columns, the key map
// (row-major, one character per key), scan direction and timing. Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>Matrix keypad configuration.</summary>
    public sealed class KeypadConfig
    {
        /// <summary>Standard 4x3 telephone keypad, row-major.</summary>
        public const string KeyMap4x3 = "123456789*0#";
        /// <summary>Standard 4x4 keypad with A-D in the last column, row-major.</summary>
        public const string KeyMap4x4 = "123A456B789C*0#D";

        /// <summary>Row GPIOs, top to bottom.</summary>
        public int[] Rows { get; init; }

        /// <summary>Column GPIOs, left to right.</summary>
        public int[] Columns { get; init; }

        /// <summary>Row-major key characters; length must be Rows.Length x Columns.Length.</summary>
        public string KeyMap { get; init; } = KeyMap4x3;

        /// <summary>True: rows are driven low one at a time and columns read (with pull-ups). False: the reverse.</summary>
        public bool DriveRows { get; init; } = true;

        /// <summary>True when the sense lines have external pull-up resistors (needed on ESP32 GPIO 34-39).</summary>
        public bool ExternalPullUps { get; init; }

        /// <summary>Time a key must read stable before a change is accepted.</summary>
        public int DebounceMs { get; init; } = 25;

        /// <summary>Hold time for a LongPress event; 0 disables long press.</summary>
        public int LongPressMs { get; init; } = 800;
    }
}
