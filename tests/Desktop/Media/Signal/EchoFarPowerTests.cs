// The echo suppressor fed with the playback frame's mean square (as the CallMedia hook does)
// gives exactly the output of feeding it the playback samples.
using System;
using Endpoint.Media.Echo;
using Xunit;

namespace Endpoint.Tests.Media.Signal
{
    public class EchoFarPowerTests
    {
        [Fact]
        public void FarPowerOverloadMatchesSampleOverload()
        {
            var bySamples = new EchoSuppressor(new EchoSuppressorConfig());
            var byPower = new EchoSuppressor(new EchoSuppressorConfig());
            var rnd = new Random(3);
            short[] spk = new short[160], m1 = new short[160], m2 = new short[160];
            int attenuated = 0;
            for (int f = 0; f < 400; f++)
            {
                double farAmp = (f / 40) % 2 == 0 ? 9000 : 30;    // far talks, then pauses
                double nearAmp = (f / 100) % 2 == 0 ? 400 : 12000; // echo-level, then double talk
                for (int i = 0; i < 160; i++)
                {
                    spk[i] = (short)(farAmp * Math.Sin(2 * Math.PI * 440 * (f * 160 + i) / 8000));
                    m1[i] = m2[i] = (short)(nearAmp * Math.Sin(2 * Math.PI * 300 * (f * 160 + i) / 8000) + rnd.Next(-50, 50));
                }
                bySamples.Process(m1, 0, spk, 0, 160);
                byPower.Process(m2, 0, 160, EchoSuppressor.MeanSquare(spk, 0, 160));
                Assert.Equal(m1, m2);
                Assert.Equal(bySamples.AttenuationDb, byPower.AttenuationDb);
                if (bySamples.AttenuationDb > 20) attenuated++;
            }
            Assert.True(attenuated > 50); // the scenario did exercise suppression
        }
    }
}
