// Device-portable tests of the dial-target rules (TargetResolver): direct URIs and addresses are
// never looked up, overlay AORs are, and registrar domains stay with the registrar.
using Endpoint.App;
using nanoFramework.TestFramework;

namespace Endpoint.NFUnitTest.App
{
    [TestClass]
    public class TargetResolverTests
    {
        [TestMethod]
        public static void DirectTargetsAreNeverOverlayAors()
        {
            Assert.IsNull(TargetResolver.OverlayAor("sip:bob@home.example", "home.example", false));
            Assert.IsNull(TargetResolver.OverlayAor("bob@127.0.0.1", "home.example", false));
            Assert.IsNull(TargetResolver.OverlayAor("bob@host.lan:5062", "home.example", false));
            Assert.IsNull(TargetResolver.OverlayAor("bob@[::1]", "home.example", false));
            string error;
            Assert.AreEqual("sip:bob@127.0.0.1", TargetResolver.Resolve("bob@127.0.0.1", "d", false, out error));
        }

        [TestMethod]
        public static void OverlayDomainAndServerlessAorsAreLookedUp()
        {
            Assert.AreEqual("bob@home.example", TargetResolver.OverlayAor("bob@Home.Example", "home.example", true));
            Assert.AreEqual("carol@other.example", TargetResolver.OverlayAor("carol@other.example", "home.example", false));
            Assert.AreEqual("bob@home.example", TargetResolver.OverlayAor("bob", "home.example", false));
        }

        [TestMethod]
        public static void RegistrarTargetsStayWithTheRegistrar()
        {
            Assert.IsNull(TargetResolver.OverlayAor("carol@other.example", "home.example", true));
            Assert.IsNull(TargetResolver.OverlayAor("1002", "home.example", true));
            Assert.IsNull(TargetResolver.OverlayAor("bob@home.example", null, false));
            string error;
            Assert.AreEqual("sip:1002@pbx.example", TargetResolver.Resolve("1002", "pbx.example", true, out error));
            Assert.IsNull(TargetResolver.Resolve("1002", "pbx.example", false, out error));
            Assert.IsNotNull(error);
        }

        [TestMethod]
        public static void MalformedTargetsAreRejected()
        {
            Assert.IsNull(TargetResolver.OverlayAor("bob smith@home.example", "home.example", false));
            Assert.IsNull(TargetResolver.OverlayAor("", "home.example", false));
            Assert.IsNull(TargetResolver.OverlayAor("@home.example", "home.example", false));
            Assert.AreEqual("home.example", TargetResolver.DomainOf("alice@home.example"));
            Assert.IsNull(TargetResolver.DomainOf("alice"));
        }
    }
}
