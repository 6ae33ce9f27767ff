// A monotonic millisecond clock. Depends on nothing. Pure code never reads a clock itself: the
// runtime passes nowMs in; this interface is how the runtime (and the host) obtain it.
namespace Endpoint.Hal
{
    /// <summary>Monotonic time source.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMs { get; }
    }
}
