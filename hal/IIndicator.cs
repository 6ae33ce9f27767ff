// A status LED: on, off, or blinking with a pattern (on time, off time, number of flashes then
// off; 0 = forever). Blinking advances in Poll(nowMs). Depends on IPollable.
namespace Endpoint.Hal
{
    /// <summary>Logical state of an indicator.</summary>
    public enum IndicatorState : byte
    {
        /// <summary>Dark.</summary>
        Off = 0,
        /// <summary>Lit.</summary>
        On = 1,
        /// <summary>Following a blink pattern.</summary>
        Blink = 2,
    }

    /// <summary>Text for IndicatorState values.</summary>
    public static class IndicatorStateText
    {
        /// <summary>"off", "on" or "blink".</summary>
        public static string Get(IndicatorState state)
        {
            switch (state)
            {
                case IndicatorState.Off: return "off";
                case IndicatorState.On: return "on";
                case IndicatorState.Blink: return "blink";
                default: return "state " + ((int)state).ToString();
            }
        }
    }

    /// <summary>An LED with on/off/blink.</summary>
    public interface IIndicator : IPollable
    {
        /// <summary>Name from the board definition, e.g. "status".</summary>
        string Name { get; }

        /// <summary>Logical state.</summary>
        IndicatorState State { get; }

        /// <summary>True while physically lit (changes during Blink).</summary>
        bool Lit { get; }

        /// <summary>Steady on (true) or off (false).</summary>
        void Set(bool on);

        /// <summary>Blinks: onMs lit, offMs dark, count flashes then off (0 = forever). Starts at the next Poll.</summary>
        void Blink(int onMs, int offMs, int count);
    }
}
