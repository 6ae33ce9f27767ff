// Device-portable tests of the HAL status values and their messages (no simulation needed).
using Endpoint.Hal;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Hal
{
    [TestClass]
    public class HalStatusTests
    {
        [TestMethod]
        public static void BusStatusNames()
        {
            Assert.AreEqual("ok", BusStatusText.Get(BusStatus.Ok));
            Assert.AreEqual("address NAK", BusStatusText.Get(BusStatus.AddressNak));
            Assert.AreEqual("data NAK", BusStatusText.Get(BusStatus.DataNak));
            Assert.AreEqual("timeout", BusStatusText.Get(BusStatus.Timeout));
            Assert.AreEqual("bus error", BusStatusText.Get(BusStatus.BusError));
            Assert.AreEqual("bus status 99", BusStatusText.Get((BusStatus)99));
        }

        [TestMethod]
        public static void CodecStatusMessages()
        {
            CodecStatus w = CodecStatus.BusFailure("ES8311", 0x00, RegisterOp.Write, BusStatus.AddressNak);
            Assert.IsFalse(w.Ok);
            Assert.AreEqual("ES8311 reg 0x00 write: address NAK", w.Message);
            CodecStatus r = CodecStatus.BusFailure("ES8388", 0x2B, RegisterOp.Read, BusStatus.Timeout);
            Assert.AreEqual("ES8388 reg 0x2B read: timeout", r.Message);
            CodecStatus c = CodecStatus.Failure("ES8311", CodecError.UnsupportedClock, 1000000, 8000);
            Assert.AreEqual("ES8311: MCLK 1000000 Hz cannot clock 8000 Hz", c.Message);
            CodecStatus ok = CodecStatus.Success("ES8311");
            Assert.IsTrue(ok.Ok);
            Assert.AreEqual("ES8311: ok", ok.ToString());
        }

        [TestMethod]
        public static void OtherNameTables()
        {
            Assert.AreEqual("not found", StorageStatusText.Get(StorageStatus.NotFound));
            Assert.AreEqual("long", KeyActionText.Get(KeyAction.LongPress));
            Assert.AreEqual("blink", IndicatorStateText.Get(IndicatorState.Blink));
            Assert.AreEqual("I2S2 DIN", PinFunctions.Name(PinFunctions.I2sDataIn(2)));
            Assert.AreEqual("I2C1 SCL", PinFunctions.Name(PinFunctions.I2cClock(1)));
            Assert.AreEqual("device error", AudioResult.Name(AudioResult.DeviceError));
            Assert.AreEqual(160, AudioFrame.Samples(8000));
            Assert.AreEqual(320, AudioFrame.Samples(16000));
            Assert.IsFalse(AudioFrame.IsSupportedRate(44100));
        }
    }
}
