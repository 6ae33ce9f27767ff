// Where the endpoint's events go: standard output on the virtual device, the serial console
// or a status LED/log on a real device. Depends on nothing.
namespace Endpoint.App
{
    /// <summary>Receives finished event lines and human log lines.</summary>
    public interface IEventSink
    {
        /// <summary>An event line produced by <see cref="EventLine"/> (machine-readable).</summary>
        void Event(string line);

        /// <summary>A human-readable log line (never contains secrets).</summary>
        void Log(string line);
    }
}
