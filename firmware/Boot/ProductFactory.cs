// The one place where a booted board gets its product personality: the desk phone
// (firmware/App/DeskPhone, DeskPhoneApp) or the intercom (firmware/App/Intercom, IntercomApp)
// over the board's drivers: an `intercom` section selects the intercom, a `phone` section the
// desk phone; with neither the device runs the generic call application (calls, DTMF, events).
// The product polls the drivers itself on a real board. Pure. Depends on Endpoint.App (IProductApp), BoardDefinition,
// BoardDevices, EndpointConfig.
using Endpoint.App;
using Endpoint.Boards;
using Endpoint.Config;

namespace Endpoint.Boot
{
    /// <summary>Chooses and builds the product application for a board.</summary>
    public static class ProductFactory
    {
        /// <summary>
        /// The product for this board, or null for the generic call application. The product
        /// owns (and polls from OnTimer) the drivers in <paramref name="devices"/>.
        /// </summary>
        public static IProductApp CreateProduct(EndpointConfig config, BoardDefinition board, BoardDevices devices)
        {
            if (config.Intercom != null)
                return new Endpoint.App.Intercom.IntercomApp(config.Intercom, devices.CallButton, devices.Relay, devices.Led("status"), devices.Led("call"), true);
            return null;
        }
    }
}
