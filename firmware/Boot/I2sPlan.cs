// One I2S controller the boot opens for audio: bus, slot width, which slot carries the
// microphone, and whether it transmits (speaker), receives (microphone) or both (a duplex codec
// sharing BCLK/WS). Derived from the board by BootPlanner. Pure data. Depends on nothing.
namespace Endpoint.Boot
{
    /// <summary>How to open one I2S controller.</summary>
    public sealed class I2sPlan
    {
        /// <summary>nanoFramework I2S bus id (1 or 2).</summary>
        public int Bus;
        /// <summary>Slot width in bits (16 or 32).</summary>
        public int SlotBits = 16;
        /// <summary>Slot carrying the microphone (0 left, 1 right).</summary>
        public int InputSlot;
        /// <summary>True to transmit (speaker).</summary>
        public bool Transmit;
        /// <summary>True to receive (microphone).</summary>
        public bool Receive;

        /// <summary>E.g. "I2S1 tx+rx 16-bit".</summary>
        public string Describe()
        {
            string dir = Transmit && Receive ? "tx+rx" : Transmit ? "tx" : "rx";
            return "I2S" + Bus.ToString() + " " + dir + " " + SlotBits.ToString() + "-bit";
        }
    }
}
