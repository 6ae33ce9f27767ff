// Turns console commands `key K`, `hook off|on` and `button` into (simulated) hardware input,
// so the product sees them through the same keypad/hook/button drivers as on a real board. The
// virtual device implements it over its simulated GPIO; inputs it lacks (function keys that
// are not on the matrix) and devices without an injector go to the product directly (IProductApp.OnCommand). Depends on Command and Endpoint.Hal.IPollable.
using Endpoint.Hal;

namespace Endpoint.App
{
    /// <summary>Feeds console input into simulated hardware.</summary>
    public interface IInputInjector : IPollable
    {
        /// <summary>True when the simulated hardware has this input (e.g. the key is on the keypad matrix).</summary>
        bool CanInject(Command command);

        /// <summary>Applies the command; returns null or an error text.</summary>
        string Inject(Command command, long nowMs);
    }
}
