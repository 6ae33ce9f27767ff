// An ordered list of register writes, run against an IRegisterBus until the first failure. Codec
// init sequences are built as data (so tests can read the planned order) and executed by one
// loop. Depends on IRegisterBus, CodecStatus. Capacity is fixed at construction; Add past it is a
// programmer error and throws.
using System;

namespace Endpoint.Hal.Drivers
{
    /// <summary>Ordered register writes.</summary>
    public sealed class RegisterSequence
    {
        private readonly byte[] _registers;
        private readonly byte[] _values;
        private int _count;

        /// <summary>Creates a sequence able to hold capacity writes.</summary>
        public RegisterSequence(int capacity)
        {
            _registers = new byte[capacity];
            _values = new byte[capacity];
        }

        /// <summary>Number of writes.</summary>
        public int Count { get { return _count; } }

        /// <summary>Register of write i.</summary>
        public byte RegisterAt(int i) { return _registers[i]; }

        /// <summary>Value of write i.</summary>
        public byte ValueAt(int i) { return _values[i]; }

        /// <summary>Removes all writes.</summary>
        public void Clear() { _count = 0; }

        /// <summary>Appends a write.</summary>
        public void Add(byte register, byte value)
        {
            if (_count == _registers.Length) throw new InvalidOperationException("register sequence full");
            _registers[_count] = register;
            _values[_count] = value;
            _count++;
        }

        /// <summary>Writes every entry in order; stops at and returns the first failure.</summary>
        public CodecStatus Run(IRegisterBus bus, string chip)
        {
            for (int i = 0; i < _count; i++)
            {
                BusStatus b = bus.WriteRegister(_registers[i], _values[i]);
                if (b != BusStatus.Ok) return CodecStatus.BusFailure(chip, _registers[i], RegisterOp.Write, b);
            }
            return CodecStatus.Success(chip);
        }
    }
}
