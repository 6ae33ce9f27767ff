// Test helper: a codec emulator plus a simulated amplifier pin whose writes share the emulator's
// sequence counter, so tests can check that the amplifier switches after (or before) given
// register writes.
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;

namespace Endpoint.Tests.Hal
{
    public sealed class AmpProbe
    {
        public readonly SimGpioPort Port = new SimGpioPort();
        public readonly List<(bool Level, long Seq)> Writes = new List<(bool, long)>();
        public readonly GpioAmplifier Amp;
        public readonly int Pin;

        public AmpProbe(int pin)
        {
            Pin = pin;
            Port.OutputWritten += (p, level) => { if (p == pin) Writes.Add((level, ++RegisterChipEmulator.GlobalSequence)); };
            Amp = new GpioAmplifier(Port, pin, true);
        }

        public bool Level { get { return Port.OutputLevel(Pin); } }

        /// <summary>Sequence of the last write of level, or -1.</summary>
        public long LastSeq(bool level)
        {
            for (int i = Writes.Count - 1; i >= 0; i--) if (Writes[i].Level == level) return Writes[i].Seq;
            return -1;
        }

        public void Clear() { Writes.Clear(); }
    }
}
