// IRegisterBus over nanoFramework's I2cDevice (System.Device.I2c 1.1). I2cDevice reports
// I2cTransferResult instead of throwing; this adapter maps its status to BusStatus and also turns
// any exception from the native driver into BusError, so nothing escapes. Device-only. Buffers are
// preallocated: no allocation per transaction.
using System;
using System.Device.I2c;

namespace Endpoint.Hal.Esp32
{
    /// <summary>I2C register bus for one device address.</summary>
    public sealed class Esp32RegisterBus : IRegisterBus, IDisposable
    {
        /// <summary>Largest multi-register transfer.</summary>
        public const int MaxBlock = 32;

        private readonly I2cDevice _device;
        private readonly int _address;
        private readonly byte[] _pair = new byte[2];
        private readonly byte[] _reg = new byte[1];
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _block = new byte[MaxBlock + 1];

        /// <summary>Opens I2C bus busId (1 or 2, pins routed beforehand) for a 7-bit address.</summary>
        public Esp32RegisterBus(int busId, int address, I2cBusSpeed speed)
        {
            _address = address;
            _device = new I2cDevice(new I2cConnectionSettings(busId, address, speed));
        }

        /// <inheritdoc/>
        public int Address { get { return _address; } }

        /// <inheritdoc/>
        public BusStatus WriteRegister(byte register, byte value)
        {
            _pair[0] = register;
            _pair[1] = value;
            try
            {
                return Map(_device.Write(new SpanByte(_pair)));
            }
            catch (Exception)
            {
                return BusStatus.BusError;
            }
        }

        /// <inheritdoc/>
        public BusStatus WriteRegisters(byte register, byte[] values, int offset, int count)
        {
            if (values == null || count < 0 || count > MaxBlock || offset < 0 || offset + count > values.Length) return BusStatus.InvalidRequest;
            _block[0] = register;
            for (int i = 0; i < count; i++) _block[i + 1] = values[offset + i];
            try
            {
                return Map(_device.Write(new SpanByte(_block, 0, count + 1)));
            }
            catch (Exception)
            {
                return BusStatus.BusError;
            }
        }

        /// <inheritdoc/>
        public BusStatus ReadRegister(byte register, out byte value)
        {
            value = 0;
            _reg[0] = register;
            try
            {
                BusStatus s = Map(_device.WriteRead(new SpanByte(_reg), new SpanByte(_one)));
                if (s == BusStatus.Ok) value = _one[0];
                return s;
            }
            catch (Exception)
            {
                return BusStatus.BusError;
            }
        }

        /// <inheritdoc/>
        public BusStatus ReadRegisters(byte register, byte[] buffer, int offset, int count)
        {
            if (buffer == null || count <= 0 || offset < 0 || offset + count > buffer.Length) return BusStatus.InvalidRequest;
            _reg[0] = register;
            try
            {
                return Map(_device.WriteRead(new SpanByte(_reg), new SpanByte(buffer, offset, count)));
            }
            catch (Exception)
            {
                return BusStatus.BusError;
            }
        }

        /// <summary>Releases the I2C device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }

        private static BusStatus Map(I2cTransferResult result)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer:
                    return BusStatus.Ok;
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return BusStatus.AddressNak;
                case I2cTransferStatus.PartialTransfer:
                    return BusStatus.DataNak; // address acknowledged, a data byte was not
                case I2cTransferStatus.ClockStretchTimeout:
                    return BusStatus.Timeout;
                default:
                    return BusStatus.BusError;
            }
        }
    }
}
