// The power-amplifier enable line (ESP-ADF "PA enable"; MAX98357A SD_MODE; NS4150 CTRL). Kept
// apart from the codec so a board without a codec still switches its amplifier. Depends on nothing.
namespace Endpoint.Hal
{
    /// <summary>Speaker amplifier on/off.</summary>
    public interface IAmplifierEnable
    {
        /// <summary>True while enabled.</summary>
        bool Enabled { get; }

        /// <summary>Enables or disables the amplifier.</summary>
        void Enable(bool on);
    }
}
