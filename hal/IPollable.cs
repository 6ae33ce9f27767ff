// Something driven by time instead of threads: the runtime calls Poll(nowMs) every few
// milliseconds (the OpenDHT "periodic" idea). Debouncing, long-press detection, blinking and relay
// pulses all happen inside Poll. Depends on nothing.
namespace Endpoint.Hal
{
    /// <summary>A component advanced by the caller's clock.</summary>
    public interface IPollable
    {
        /// <summary>Advances the component to time nowMs (monotonic milliseconds).</summary>
        void Poll(long nowMs);
    }
}
