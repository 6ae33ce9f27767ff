// Routes a peripheral function to a pin (on ESP32: nanoFramework's
// Configuration.SetPinFunction). Boards call it from their Apply routine before opening buses.
// Depends on PinFunction. Pin -1 must be ignored by implementations.
namespace Endpoint.Hal
{
    /// <summary>Pin multiplexer.</summary>
    public interface IPinMux
    {
        /// <summary>Routes function to pin; pin -1 is ignored.</summary>
        void Set(int pin, PinFunction function);
    }
}
