// The one place where a booted board gets its product personality: the desk phone
// (firmware/App/DeskPhone, DeskPhoneApp) or the intercom (firmware/App/Intercom, IntercomApp)
// over the board's drivers. Those applications are being written in other branches; until they
// land this returns null and the device runs the generic call application (calls, DTMF, events;
// keys, hook and button unused). Pure. Depends on Endpoint.App (IProductApp), BoardDefinition,
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
            // >>> WIRE HERE when DeskPhoneApp / IntercomApp land on main (lead):
            //     keypad or hook switch (board.Has(BoardFeature.Keypad) / HookSwitch) -> new DeskPhoneApp(config, devices...)
            //     call button or door relay (CallButton / DoorRelay)                  -> new IntercomApp(config, devices...)
            //     Decide by board features (and config.Intercom != null), as host/Products.cs does for the virtual boards.
            return null;
        }
    }
}
