// The handset hook switch of a desk phone, debounced. Depends on IPollable.
namespace Endpoint.Hal
{
    /// <summary>Hook change handler: true when the handset was lifted.</summary>
    public delegate void HookEventHandler(bool offHook, long nowMs);

    /// <summary>Debounced hook switch.</summary>
    public interface IHookSwitch : IPollable
    {
        /// <summary>Raised from Poll when the debounced state changes.</summary>
        event HookEventHandler HookChanged;

        /// <summary>True while the handset is lifted.</summary>
        bool OffHook { get; }
    }
}
