// Board definitions of the desktop virtual device (host-only). They are twins of the DIY boards
// (same pins, same features) with SoC = Host, so the virtual device runs the real drivers over the
// same pin map the hardware uses. Depends on DiyDeskPhoneBoard, DiyIntercomBoard.
using Endpoint.Boards.DiyDeskPhone;
using Endpoint.Boards.DiyIntercom;

namespace Endpoint.Boards.Virtual
{
    /// <summary>Virtual desk phone: 4x3 keypad, hook switch, LEDs, speaker, microphone.</summary>
    public static class VirtualDeskPhoneBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = DiyDeskPhoneBoard.Create().CopyAs(
            "virtual-deskphone", "Virtual desk phone (host): DIY desk phone pin map on simulated hardware", SocKind.Host);
    }

    /// <summary>Virtual intercom: call button, door relay, LEDs, speaker, microphone.</summary>
    public static class VirtualIntercomBoard
    {
        /// <summary>The board definition.</summary>
        public static readonly BoardDefinition Definition = DiyIntercomBoard.Create().CopyAs(
            "virtual-intercom", "Virtual intercom (host): DIY intercom pin map on simulated hardware", SocKind.Host);
    }
}
