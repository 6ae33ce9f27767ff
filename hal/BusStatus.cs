// Outcome of one register-bus (I2C) transaction. Follows the I2C-bus specification (NXP UM10204)
// vocabulary: the address byte or a data byte can be not-acknowledged, the clock can be
// stretched past a timeout, the bus can fail. Depends on nothing. Expected failures are values
// of this enum, never exceptions; BusStatusText gives the message text (enum ToString() prints
// only the number on nanoFramework).
namespace Endpoint.Hal
{
    /// <summary>Result of an I2C register transaction.</summary>
    public enum BusStatus : byte
    {
        /// <summary>Every byte was acknowledged.</summary>
        Ok = 0,
        /// <summary>No device acknowledged the address (chip absent, unpowered, wrong address).</summary>
        AddressNak = 1,
        /// <summary>The device acknowledged its address but not a data byte (partial transfer).</summary>
        DataNak = 2,
        /// <summary>Clock stretching or the transaction exceeded the bus timeout.</summary>
        Timeout = 3,
        /// <summary>Arbitration lost, stuck bus or another controller-level error.</summary>
        BusError = 4,
        /// <summary>The bus object is closed or was never opened.</summary>
        NotOpen = 5,
        /// <summary>The request was malformed (buffer too small, count out of range).</summary>
        InvalidRequest = 6,
    }

    /// <summary>Message texts for <see cref="BusStatus"/>.</summary>
    public static class BusStatusText
    {
        private static readonly string[] Names =
        {
            "ok", "address NAK", "data NAK", "timeout", "bus error", "bus not open", "invalid request",
        };

        /// <summary>Lower-case text for a status, e.g. "address NAK".</summary>
        public static string Get(BusStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < Names.Length ? Names[i] : "bus status " + i.ToString();
        }
    }
}
