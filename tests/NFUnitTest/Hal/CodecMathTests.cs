// Device-portable tests of the codec arithmetic: ES8311 clock dividers against the ESP-ADF
// coefficient table, ES8388 ratio codes, volume codes, and RegisterSequence stopping at the first
// failing write (with a small device-compatible fake bus).
using System;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Hal
{
    [TestClass]
    public class CodecMathTests
    {
        private static void Plan(int mclk, int rate, int preDiv, int multi)
        {
            Es8311ClockPlan p;
            Assert.IsTrue(Es8311ClockPlan.TryCompute(mclk, rate, out p), "mclk " + mclk.ToString());
            Assert.AreEqual(preDiv, p.PreDiv);
            Assert.AreEqual(multi, p.PreMulti);
        }

        [TestMethod]
        public static void Es8311DividersMatchTheCoefficientTable()
        {
            Plan(12288000, 8000, 6, 1);
            Plan(2048000, 8000, 1, 1);
            Plan(1536000, 8000, 3, 4);
            Plan(4096000, 16000, 1, 1);
            Plan(6144000, 16000, 3, 2);
            Plan(3072000, 16000, 3, 4);
            Plan(1024000, 16000, 1, 4);
            Es8311ClockPlan p;
            Assert.IsFalse(Es8311ClockPlan.TryCompute(24576000, 8000, out p)); // would need pre-divider 12
            Assert.IsFalse(Es8311ClockPlan.TryCompute(1000000, 8000, out p));
            Plan(12288000, 16000, 3, 1);
            Es8311ClockPlan.TryCompute(6144000, 16000, out p);
            Assert.AreEqual((byte)0x48, p.Reg02);
        }

        [TestMethod]
        public static void Es8388RatioCodes()
        {
            byte code;
            Assert.IsTrue(Es8388Clock.TryRatioCode(2048000, 8000, out code));
            Assert.AreEqual((byte)0x02, code);
            Assert.IsTrue(Es8388Clock.TryRatioCode(12288000, 8000, out code));
            Assert.AreEqual((byte)0x0A, code);
            Assert.IsTrue(Es8388Clock.TryRatioCode(12000000, 16000, out code)); // 750
            Assert.AreEqual((byte)0x17, code);
            Assert.IsFalse(Es8388Clock.TryRatioCode(5000000, 8000, out code));
        }

        [TestMethod]
        public static void VolumeCodes()
        {
            Assert.AreEqual((byte)0xBF, Es8311Codec.VolumeCode(100));
            Assert.AreEqual((byte)0x00, Es8311Codec.VolumeCode(0));
            Assert.AreEqual((byte)0x00, Es8311Codec.VolumeCode(-3));
            Assert.AreEqual((byte)0x00, Es8388Codec.VolumeCode(100));
            Assert.AreEqual((byte)0xC0, Es8388Codec.VolumeCode(0));
            Assert.AreEqual((byte)0x32, Es8388Codec.VolumeCode(50));
            Assert.AreEqual((byte)0x88, Es8388Codec.MicPgaValue(30));
            Assert.AreEqual(10, Es8311Codec.MicPgaCode(40));
        }

        private sealed class CountingBus : IRegisterBus
        {
            public int Writes;
            public int FailAt;
            public int Address { get { return 0x18; } }
            public BusStatus WriteRegister(byte register, byte value)
            {
                Writes++;
                return Writes == FailAt ? BusStatus.DataNak : BusStatus.Ok;
            }
            public BusStatus WriteRegisters(byte register, byte[] values, int offset, int count) { return BusStatus.Ok; }
            public BusStatus ReadRegister(byte register, out byte value) { value = 0; return BusStatus.Ok; }
            public BusStatus ReadRegisters(byte register, byte[] buffer, int offset, int count) { return BusStatus.Ok; }
        }

        [TestMethod]
        public static void SequenceStopsAtFirstFailure()
        {
            RegisterSequence seq = new RegisterSequence(3);
            seq.Add(0x01, 0x30);
            seq.Add(0x02, 0x00);
            seq.Add(0x03, 0x10);
            Assert.ThrowsException(typeof(InvalidOperationException), () => seq.Add(0x04, 0x00));
            CountingBus bus = new CountingBus();
            bus.FailAt = 2;
            CodecStatus s = seq.Run(bus, "ES8311");
            Assert.AreEqual(2, bus.Writes);
            Assert.AreEqual("ES8311 reg 0x02 write: data NAK", s.Message);
            bus.FailAt = 0;
            bus.Writes = 0;
            Assert.IsTrue(seq.Run(bus, "ES8311").Ok);
            Assert.AreEqual(3, bus.Writes);
        }
    }
}
