// A register-addressed device on a control bus (I2C with an 8-bit register pointer, as used by
// audio codecs: write = [reg, value...], read = write [reg] then repeated-start read). One
// instance talks to one device address. Depends on BusStatus only. Implementations never throw
// for bus faults: every call returns a BusStatus.
namespace Endpoint.Hal
{
    /// <summary>8-bit register access to one device on an I2C bus.</summary>
    public interface IRegisterBus
    {
        /// <summary>7-bit device address this bus object talks to.</summary>
        int Address { get; }

        /// <summary>Writes one register.</summary>
        BusStatus WriteRegister(byte register, byte value);

        /// <summary>Writes count consecutive registers starting at register (device auto-increment).</summary>
        BusStatus WriteRegisters(byte register, byte[] values, int offset, int count);

        /// <summary>Reads one register; value is 0 when the status is not Ok.</summary>
        BusStatus ReadRegister(byte register, out byte value);

        /// <summary>Reads count consecutive registers into buffer[offset..].</summary>
        BusStatus ReadRegisters(byte register, byte[] buffer, int offset, int count);
    }
}
