using Endpoint.Tests.Support;
using Xunit;

namespace Endpoint.Tests.Interop
{
    /// <summary>The interop peers themselves start on loopback (a broken install fails here first, with its output).</summary>
    public class InteropSmokeTests
    {
        [Theory]
        [InlineData("MD5")]
        [InlineData("SHA-256")]
        public void KamailioAnswersOptionsOnLoopback(string algorithm)
        {
            using var k = Kamailio.Start(algorithm);
            Assert.True(k.Port > 0);
        }
    }
}
