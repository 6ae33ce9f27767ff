// The intercom's two indicators (DIY intercom board names: "status" and "call"):
//   status: steady on while the unit runs; fast blink (100/100 ms) while the door relay is open.
//   call:   off when idle; blinking 250/250 ms while calling the targets; steady on while
//           connected; slow blink (100 ms on, 900 ms off) while the "nobody answered" tone plays.
// Changes are applied only when the wanted state differs from the last one, so a blink pattern is
// not restarted every loop turn. Either LED may be null (board without it). Depends on IIndicator.
using Endpoint.Hal;

namespace Endpoint.App.Intercom
{
    /// <summary>States of the intercom as its user sees them.</summary>
    public enum IntercomState
    {
        /// <summary>Waiting for the call button or a call.</summary>
        Idle = 0,
        /// <summary>Calling the configured targets.</summary>
        Calling,
        /// <summary>In a call with an allowed party (door code accepted).</summary>
        Connected,
        /// <summary>Nobody answered: the busy/congestion tone plays for a few seconds.</summary>
        Unavailable,
    }

    /// <summary>Drives the status and call LEDs from the intercom state.</summary>
    public sealed class IntercomLeds
    {
        private static readonly string[] StateNames = { "idle", "calling", "connected", "unavailable" };
        private readonly IIndicator _status;
        private readonly IIndicator _call;
        private int _shown = -1;

        /// <summary>Wraps the two LEDs (either may be null).</summary>
        public IntercomLeds(IIndicator status, IIndicator call)
        {
            _status = status;
            _call = call;
        }

        /// <summary>Event/status name of a state.</summary>
        public static string Name(IntercomState s) { return StateNames[(int)s]; }

        /// <summary>Shows a state; doorOpen makes the status LED blink.</summary>
        public void Show(IntercomState state, bool doorOpen)
        {
            int key = (int)state * 2 + (doorOpen ? 1 : 0);
            if (key == _shown) return;
            int old = _shown;
            _shown = key;
            bool oldDoor = old >= 0 && (old & 1) == 1;
            if (_status != null && (old < 0 || oldDoor != doorOpen))
            {
                if (doorOpen) _status.Blink(100, 100, 0);
                else _status.Set(true);
            }
            if (_call != null && (old < 0 || old / 2 != (int)state))
            {
                switch (state)
                {
                    case IntercomState.Calling: _call.Blink(250, 250, 0); break;
                    case IntercomState.Connected: _call.Set(true); break;
                    case IntercomState.Unavailable: _call.Blink(100, 900, 0); break;
                    default: _call.Set(false); break;
                }
            }
        }
    }
}
