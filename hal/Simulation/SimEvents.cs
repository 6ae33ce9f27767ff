// One-line text form of simulated hardware state changes, printed by the host:
//   event led name=status state=on
//   event led name=msg state=blink on=500 off=500 count=0
//   event relay state=on
//   event amp state=off
// Host-only. Depends on nothing.
namespace Endpoint.Hal.Simulation
{
    /// <summary>Receives a simulated hardware event line.</summary>
    public delegate void SimEventSink(string line);

    /// <summary>Formats event lines.</summary>
    public static class SimEvents
    {
        /// <summary>"event led name=N state=S".</summary>
        public static string Led(string name, string state) { return "event led name=" + name + " state=" + state; }

        /// <summary>"event led name=N state=blink on=.. off=.. count=..".</summary>
        public static string LedBlink(string name, int onMs, int offMs, int count)
        {
            return "event led name=" + name + " state=blink on=" + onMs + " off=" + offMs + " count=" + count;
        }

        /// <summary>"event relay state=on|off".</summary>
        public static string Relay(bool on) { return "event relay state=" + (on ? "on" : "off"); }

        /// <summary>"event amp state=on|off".</summary>
        public static string Amp(bool on) { return "event amp state=" + (on ? "on" : "off"); }
    }
}
