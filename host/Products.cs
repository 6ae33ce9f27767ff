// Builds the virtual board's simulated hardware and the product application that runs on it
// (desk phone or intercom), the same classes a real board's boot code builds over its ESP32
// adapters. Host-only. Depends on VirtualRig, the board definitions and Endpoint.App.
using Endpoint.App;
using Endpoint.Boards;
using Endpoint.Boards.Virtual;
using Endpoint.Config;

namespace Endpoint.Host
{
    /// <summary>Virtual hardware plus product personality.</summary>
    public static class Products
    {
        /// <summary>The board definition for a virtual board name, or null.</summary>
        public static BoardDefinition Board(string name)
        {
            if (name == "virtual-deskphone") return VirtualDeskPhoneBoard.Definition;
            if (name == "virtual-intercom") return VirtualIntercomBoard.Definition;
            return null;
        }

        /// <summary>Creates the simulated hardware; its LED/relay/amplifier changes become events.</summary>
        public static VirtualRig Rig(EndpointConfig config, IEventSink sink)
        {
            return new VirtualRig(Board(config.Board), 8000, line => sink.Event(line), null);
        }

        /// <summary>The product application for the board, or null when the board has none.</summary>
        public static IProductApp Create(EndpointConfig config, VirtualRig rig)
        {
            if (config.Board == "virtual-intercom" && config.Intercom != null) return new Endpoint.App.Intercom.IntercomApp(config.Intercom, rig.CallButton, rig.Relay, rig.Led("status"), rig.Led("call"), true);
            if (config.Board == "virtual-deskphone") return new Endpoint.App.DeskPhone.DeskPhoneApp(rig.Keypad, rig.Hook, rig.Led("status"), rig.Led("message"));
            return null;
        }
    }
}
