// Register-level emulator of an I2C codec (host-only test code, Zephyr "bus emulator" idea): a
// 256-byte register file with power-on defaults and read-only registers, a transaction log, and
// fault injection: whole chip absent (address NAK), NAK on the N-th transaction, NAK on a given
// register and operation. Implements IRegisterBus, so the real drivers run against it unchanged.
using System;
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;

namespace Endpoint.Tests.Hal
{
    public struct RegisterTransaction
    {
        public RegisterOp Op;
        public byte Register;
        public byte Value;
        public BusStatus Status;
        public long Sequence;

        public override string ToString()
        {
            return (Op == RegisterOp.Write ? "W " : "R ") + "0x" + Register.ToString("X2") + "=0x" + Value.ToString("X2") + (Status == BusStatus.Ok ? "" : " " + BusStatusText.Get(Status));
        }
    }

    public abstract class RegisterChipEmulator : IRegisterBus
    {
        private readonly byte[] _defaults = new byte[256];
        private readonly bool[] _readOnly = new bool[256];
        private readonly List<RegisterTransaction> _log = new List<RegisterTransaction>();
        private int _nakAtTransaction = -1;
        private BusStatus _nakAtTransactionStatus;
        private int _nakRegister = -1;
        private RegisterOp _nakRegisterOp;
        private BusStatus _nakRegisterStatus;

        protected RegisterChipEmulator(int address)
        {
            Address = address;
        }

        /// <summary>Shared sequence counter so tests can order bus writes against GPIO writes.</summary>
        public static long GlobalSequence;

        public int Address { get; }
        public byte[] Registers { get; } = new byte[256];
        public bool Absent { get; set; }
        public IReadOnlyList<RegisterTransaction> Log { get { return _log; } }
        public int TransactionCount { get { return _log.Count; } }

        protected void Default(byte register, byte value, bool readOnly = false)
        {
            _defaults[register] = value;
            _readOnly[register] = readOnly;
            Registers[register] = value;
        }

        /// <summary>Power cycle: registers back to defaults, log kept.</summary>
        public void PowerOnReset() { Array.Copy(_defaults, Registers, 256); }

        /// <summary>NAK the n-th transaction counted from the start of the log (1-based).</summary>
        public void NakOnTransaction(int n, BusStatus status = BusStatus.DataNak)
        {
            _nakAtTransaction = n;
            _nakAtTransactionStatus = status;
        }

        /// <summary>NAK every access of op to register.</summary>
        public void NakOnRegister(byte register, RegisterOp op, BusStatus status = BusStatus.DataNak)
        {
            _nakRegister = register;
            _nakRegisterOp = op;
            _nakRegisterStatus = status;
        }

        public void ClearFaults()
        {
            Absent = false;
            _nakAtTransaction = -1;
            _nakRegister = -1;
        }

        public void ClearLog() { _log.Clear(); }

        /// <summary>Successful writes to register, in order.</summary>
        public List<byte> WritesTo(byte register)
        {
            var l = new List<byte>();
            foreach (RegisterTransaction t in _log) if (t.Op == RegisterOp.Write && t.Status == BusStatus.Ok && t.Register == register) l.Add(t.Value);
            return l;
        }

        /// <summary>Log index of the first successful write of value to register, or -1.</summary>
        public int IndexOfWrite(byte register, byte value)
        {
            for (int i = 0; i < _log.Count; i++)
            {
                RegisterTransaction t = _log[i];
                if (t.Op == RegisterOp.Write && t.Status == BusStatus.Ok && t.Register == register && t.Value == value) return i;
            }
            return -1;
        }

        /// <summary>Log index of the first successful write to register, or -1.</summary>
        public int IndexOfFirstWrite(byte register)
        {
            for (int i = 0; i < _log.Count; i++)
            {
                RegisterTransaction t = _log[i];
                if (t.Op == RegisterOp.Write && t.Status == BusStatus.Ok && t.Register == register) return i;
            }
            return -1;
        }

        /// <summary>Sequence number of the last logged transaction.</summary>
        public long LastSequence { get { return _log.Count == 0 ? -1 : _log[_log.Count - 1].Sequence; } }

        public BusStatus WriteRegister(byte register, byte value)
        {
            BusStatus s = Fault(register, RegisterOp.Write);
            if (s == BusStatus.Ok)
            {
                if (!_readOnly[register]) Registers[register] = value;
                OnWritten(register, value);
            }
            Record(RegisterOp.Write, register, value, s);
            return s;
        }

        public BusStatus WriteRegisters(byte register, byte[] values, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                BusStatus s = WriteRegister((byte)(register + i), values[offset + i]);
                if (s != BusStatus.Ok) return s;
            }
            return BusStatus.Ok;
        }

        public BusStatus ReadRegister(byte register, out byte value)
        {
            BusStatus s = Fault(register, RegisterOp.Read);
            value = s == BusStatus.Ok ? Registers[register] : (byte)0;
            Record(RegisterOp.Read, register, value, s);
            return s;
        }

        public BusStatus ReadRegisters(byte register, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                BusStatus s = ReadRegister((byte)(register + i), out buffer[offset + i]);
                if (s != BusStatus.Ok) return s;
            }
            return BusStatus.Ok;
        }

        protected virtual void OnWritten(byte register, byte value) { }

        private BusStatus Fault(byte register, RegisterOp op)
        {
            if (Absent) return BusStatus.AddressNak;
            if (_nakAtTransaction == _log.Count + 1) return _nakAtTransactionStatus;
            if (_nakRegister == register && _nakRegisterOp == op) return _nakRegisterStatus;
            return BusStatus.Ok;
        }

        private void Record(RegisterOp op, byte register, byte value, BusStatus s)
        {
            _log.Add(new RegisterTransaction { Op = op, Register = register, Value = value, Status = s, Sequence = ++GlobalSequence });
        }
    }
}
