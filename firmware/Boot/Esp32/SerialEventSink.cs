// IEventSink for a real board: every event and log line goes to the serial console with
// Console.WriteLine (System.Console in nanoFramework.CoreLibrary writes to the debug/wire link on
// UART0/USB; unlike Debug.WriteLine it is not compiled out of Release builds). Log lines are
// prefixed "log " so a script can tell them from "event ..." lines. Secrets never reach here:
// the callers do not put them in lines. DEVICE-ONLY. Depends on System.Console, Endpoint.App.
using System;
using Endpoint.App;

namespace Endpoint.Boot.Esp32
{
    /// <summary>Events and logs to the serial console.</summary>
    public sealed class SerialEventSink : IEventSink
    {
        private readonly object _lock = new object();

        /// <inheritdoc/>
        public void Event(string line)
        {
            lock (_lock) { Console.WriteLine(line); }
        }

        /// <inheritdoc/>
        public void Log(string line)
        {
            lock (_lock) { Console.WriteLine("log " + line); }
        }
    }
}
