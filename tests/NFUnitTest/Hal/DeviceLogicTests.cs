// Device-portable tests of hardware-independent logic: debouncing, PCM packing for I2S, storage
// key rules and the board boot check on the real board definitions.
using Endpoint.Boards;
using Endpoint.Boards.DiyDeskPhone;
using Endpoint.Boards.DiyIntercom;
using Endpoint.Boards.Esp32AudioKit;
using Endpoint.Boards.Esp32LyraT;
using Endpoint.Boards.Esp32S3Korvo2;
using Endpoint.Hal.Drivers;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.Hal
{
    [TestClass]
    public class DeviceLogicTests
    {
        [TestMethod]
        public static void DebouncerAcceptsOnlyStableLevels()
        {
            Debouncer d = new Debouncer(20);
            Assert.IsFalse(d.Update(false, 0));
            bool[] bounce = { true, false, true, false, true };
            int changes = 0;
            for (int i = 0; i < bounce.Length; i++) if (d.Update(bounce[i], 100 + i)) changes++;
            for (int t = 105; t < 160; t++) if (d.Update(true, t)) changes++;
            Assert.AreEqual(1, changes);
            Assert.IsTrue(d.State);
        }

        [TestMethod]
        public static void PcmPackingRoundTrip()
        {
            short[] mono = { 1, -1, 12345, -32768, 32767 };
            byte[] buf = new byte[PcmPacking.StereoBytes(5, 32)];
            PcmPacking.PackStereo(mono, 5, 32, buf);
            short[] back = new short[5];
            PcmPacking.UnpackStereo(buf, 5, 32, 0, back);
            for (int i = 0; i < 5; i++) Assert.AreEqual(mono[i], back[i]);
            Assert.AreEqual(640, PcmPacking.StereoBytes(160, 16));
        }

        [TestMethod]
        public static void StorageKeys()
        {
            Assert.IsTrue(AtomicStorage.IsValidKey("sip-account_1"));
            Assert.IsFalse(AtomicStorage.IsValidKey("a.new"));
            Assert.IsFalse(AtomicStorage.IsValidKey(""));
            Assert.IsFalse(AtomicStorage.IsValidKey(null));
        }

        [TestMethod]
        public static void RealBoardsPassTheBootCheck()
        {
            BoardDefinition[] boards =
            {
                Esp32LyraTBoard.Definition, Esp32AudioKitBoard.Definition, Esp32S3Korvo2Board.Definition,
                DiyIntercomBoard.Definition, DiyDeskPhoneBoard.Definition,
            };
            for (int i = 0; i < boards.Length; i++)
            {
                BoardCheckResult r = BoardValidator.Check(boards[i]);
                Assert.IsTrue(r.Ok, boards[i].Name + ": " + r.Summary());
            }
        }

        [TestMethod]
        public static void CollisionNamesBothUses()
        {
            BoardDefinition b = new BoardDefinition
            {
                Name = "collide",
                Soc = SocKind.Esp32,
                Features = BoardFeature.DoorRelay | BoardFeature.CallButton,
                RelayPin = 23,
                CallButtonPin = 23,
            };
            BoardCheckResult r = BoardValidator.Check(b);
            Assert.IsFalse(r.Ok);
            Assert.AreEqual("pin 23: call button and door relay", r.Errors[0]);
        }
    }
}
