// Result of a codec-control call: Ok, or what failed and where ("ES8311 reg 0x00 write: address
// NAK"). A small struct so returning it allocates nothing; the message string is built only when
// asked for (logs, UI). Depends on BusStatus. Never thrown.
namespace Endpoint.Hal
{
    /// <summary>Kind of codec-control failure.</summary>
    public enum CodecError : byte
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>A register transaction failed; see Register, Operation and Bus.</summary>
        Bus = 1,
        /// <summary>The chip answered with an unexpected identification value.</summary>
        WrongChipId = 2,
        /// <summary>The sample rate is not 8000 or 16000 Hz.</summary>
        UnsupportedRate = 3,
        /// <summary>The board's MCLK cannot be divided down to the sample rate.</summary>
        UnsupportedClock = 4,
        /// <summary>Init has not succeeded yet.</summary>
        NotInitialized = 5,
    }

    /// <summary>Register operation that failed.</summary>
    public enum RegisterOp : byte
    {
        /// <summary>No register operation involved.</summary>
        None = 0,
        /// <summary>Register write.</summary>
        Write = 1,
        /// <summary>Register read.</summary>
        Read = 2,
    }

    /// <summary>Outcome of an ICodecControl call.</summary>
    public struct CodecStatus
    {
        /// <summary>Failure kind (None when Ok).</summary>
        public CodecError Error;
        /// <summary>Chip name used in messages, e.g. "ES8311".</summary>
        public string Chip;
        /// <summary>Register involved (Bus and WrongChipId errors).</summary>
        public byte Register;
        /// <summary>Operation that failed (Bus errors).</summary>
        public RegisterOp Operation;
        /// <summary>Bus status (Bus errors).</summary>
        public BusStatus Bus;
        /// <summary>Observed value: chip id read, sample rate or MCLK asked for.</summary>
        public int Value;
        /// <summary>Expected value: chip id expected, or the sample rate for clock errors.</summary>
        public int Expected;

        /// <summary>True when the call succeeded.</summary>
        public bool Ok { get { return Error == CodecError.None; } }

        /// <summary>A success value for a chip.</summary>
        public static CodecStatus Success(string chip)
        {
            CodecStatus s = new CodecStatus();
            s.Chip = chip;
            return s;
        }

        /// <summary>A bus failure on a register.</summary>
        public static CodecStatus BusFailure(string chip, byte register, RegisterOp op, BusStatus bus)
        {
            CodecStatus s = new CodecStatus();
            s.Error = CodecError.Bus;
            s.Chip = chip;
            s.Register = register;
            s.Operation = op;
            s.Bus = bus;
            return s;
        }

        /// <summary>A failure without a register (rate, clock, not initialized).</summary>
        public static CodecStatus Failure(string chip, CodecError error, int value, int expected)
        {
            CodecStatus s = new CodecStatus();
            s.Error = error;
            s.Chip = chip;
            s.Value = value;
            s.Expected = expected;
            return s;
        }

        /// <summary>Human-readable text, e.g. "ES8311 reg 0x00 write: address NAK".</summary>
        public string Message
        {
            get
            {
                string chip = Chip == null ? "codec" : Chip;
                switch (Error)
                {
                    case CodecError.None:
                        return chip + ": ok";
                    case CodecError.Bus:
                        return chip + " reg 0x" + Register.ToString("X2") + (Operation == RegisterOp.Read ? " read: " : " write: ")
                            + BusStatusText.Get(Bus);
                    case CodecError.WrongChipId:
                        return chip + " reg 0x" + Register.ToString("X2") + " read: chip id 0x" + Value.ToString("X2")
                            + ", expected 0x" + Expected.ToString("X2");
                    case CodecError.UnsupportedRate:
                        return chip + ": sample rate " + Value.ToString() + " Hz not supported (8000 or 16000)";
                    case CodecError.UnsupportedClock:
                        return chip + ": MCLK " + Value.ToString() + " Hz cannot clock " + Expected.ToString() + " Hz";
                    case CodecError.NotInitialized:
                        return chip + ": not initialized";
                    default:
                        return chip + ": error " + ((int)Error).ToString();
                }
            }
        }

        /// <summary>Same as Message.</summary>
        public override string ToString() { return Message; }
    }
}
