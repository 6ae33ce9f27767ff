// Device-portable checks of the intercom's pure pieces: the door-code matcher (DoorCode) and the
// allow-list match (AllowList).
using Endpoint.App.Intercom;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.App
{
    [TestClass]
    public class IntercomLogicTests
    {
        private static int Opens(DoorCode c, string digits)
        {
            int n = 0;
            for (int i = 0; i < digits.Length; i++) if (c.Feed(digits[i]) == DoorCodeResult.Open) n++;
            return n;
        }

        [TestMethod]
        public static void DoorCodeOpensWhenTheDigitsEndWithTheCode()
        {
            var c = new DoorCode("1234", 3);
            Assert.AreEqual(0, Opens(c, "123"));
            Assert.AreEqual(1, Opens(c, "4"));
            c.Reset();
            Assert.AreEqual(1, Opens(c, "71234"));
            c.Reset();
            Assert.AreEqual(2, Opens(c, "12341234"));
            c.Reset();
            Assert.AreEqual(0, Opens(c, "12#34"));
        }

        [TestMethod]
        public static void DoorCodeLocksAfterTheDigitBudget()
        {
            var c = new DoorCode("12", 2);
            Assert.AreEqual(DoorCodeResult.Pending, c.Feed('9'));
            Assert.AreEqual(DoorCodeResult.Pending, c.Feed('9'));
            Assert.AreEqual(DoorCodeResult.Pending, c.Feed('9'));
            Assert.AreEqual(DoorCodeResult.Locked, c.Feed('9'));
            Assert.IsTrue(c.Locked);
            Assert.AreEqual(DoorCodeResult.Ignored, c.Feed('1'));
            Assert.AreEqual(DoorCodeResult.Ignored, c.Feed('2'));
            c.Reset();
            Assert.AreEqual(1, Opens(c, "12"));
        }

        [TestMethod]
        public static void DoorCodeWithStarAndHashAndLetters()
        {
            var c = new DoorCode("*5#", 3);
            Assert.AreEqual(1, Opens(c, "*5#"));
            var d = new DoorCode("A1", 3);
            Assert.AreEqual(1, Opens(d, "a1"));
            var none = new DoorCode(null, 3);
            Assert.IsFalse(none.Configured);
            Assert.AreEqual(DoorCodeResult.Ignored, none.Feed('1'));
        }

        [TestMethod]
        public static void AllowListForms()
        {
            string[] allow = { "sip:alice@example.com", "bob@10.0.0.2:5070", "3001" };
            Assert.IsTrue(AllowList.Allows(allow, "sip:alice@example.com", "home.example"));
            Assert.IsTrue(AllowList.Allows(allow, "sips:alice@EXAMPLE.com:5061;transport=tls", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:Alice@example.com", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:alice@example.org", "home.example"));
            Assert.IsTrue(AllowList.Allows(allow, "sip:bob@10.0.0.2:5070", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:bob@10.0.0.2", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:bob@10.0.0.2:5071", "home.example"));
            Assert.IsTrue(AllowList.Allows(allow, "sip:3001@home.example", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:3001@elsewhere.example", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, "sip:example.com", "home.example"));
            Assert.IsFalse(AllowList.Allows(allow, null, "home.example"));
            Assert.IsFalse(AllowList.Allows(new string[0], "sip:alice@example.com", "home.example"));
            Assert.IsTrue(AllowList.Allows(new string[] { "bob@h:5060" }, "sip:bob@h", "x"));
        }
    }
}
