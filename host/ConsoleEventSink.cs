// Events to standard output (one line each, flushed at once so scripts see them in time);
// human logs to standard error. Host-only.
using System;
using Endpoint.App;

namespace Endpoint.Host
{
    public sealed class ConsoleEventSink : IEventSink
    {
        private readonly object _lock = new object();

        public void Event(string line)
        {
            lock (_lock) { Console.Out.WriteLine(line); Console.Out.Flush(); }
        }

        public void Log(string line)
        {
            lock (_lock) { Console.Error.WriteLine(line); }
        }
    }
}
