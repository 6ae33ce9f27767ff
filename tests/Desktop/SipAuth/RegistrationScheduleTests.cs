using System;
using Endpoint.Crypto;
using Endpoint.Sip.Registration;
using Xunit;

namespace Endpoint.Tests.SipAuth
{
    public class RegistrationScheduleTests
    {
        private sealed class SeededRandom : IRandomSource
        {
            private readonly Random _r;
            public SeededRandom(int seed) { _r = new Random(seed); }
            public void NextBytes(byte[] buf, int offset, int count) { for (int i = 0; i < count; i++) buf[offset + i] = (byte)_r.Next(256); }
        }

        [Fact]
        public void RefreshesBeforeTheGrantedLifetimeNotTheRequestedOne()
        {
            var s = new RegistrationSchedule(new SeededRandom(1));
            s.Start(0);
            Assert.True(s.ShouldSend(0));
            Assert.False(s.ShouldSend(1));
            s.OnSuccess(60, 1000);   // asked 300, server granted 60
            Assert.Equal(RegistrationState.Registered, s.State);
            Assert.Equal(61000, s.ExpiresAt);
            Assert.Equal(1000 + 51000, s.NextDeadline);
            Assert.False(s.ShouldSend(51999));
            Assert.True(s.ShouldSend(52000));
        }

        [Theory]
        [InlineData(3600, 3060000)]
        [InlineData(60, 51000)]
        [InlineData(20, 15000)]
        [InlineData(8, 4000)]
        public void RefreshDelayLeavesMargin(int granted, long expected)
        {
            Assert.Equal(expected, RegistrationSchedule.RefreshDelayMs(granted));
        }

        [Fact]
        public void FailuresBackOffExponentiallyWithJitterUpToTheCap()
        {
            var s = new RegistrationSchedule(new SeededRandom(2));
            for (int failures = 1; failures <= 12; failures++)
            {
                long upper = Math.Min(30000L << (failures - 1), 1800000L);
                for (int k = 0; k < 50; k++)
                {
                    long d = s.RetryDelayMs(failures);
                    Assert.InRange(d, upper / 2, upper);
                }
            }
            // jitter really varies
            long a = s.RetryDelayMs(3), b = s.RetryDelayMs(3), c = s.RetryDelayMs(3);
            Assert.False(a == b && b == c);
        }

        [Fact]
        public void RetryAfterIsHonouredWhenLonger()
        {
            var s = new RegistrationSchedule(new SeededRandom(3));
            s.Start(0);
            s.ShouldSend(0);
            s.OnFailure(120, 0);
            Assert.Equal(RegistrationState.WaitingToRetry, s.State);
            Assert.Equal(120000, s.NextDeadline);
            Assert.Equal(1, s.Failures);
        }

        [Fact]
        public void SuccessResetsFailuresAndAddressChangeRegistersNow()
        {
            var s = new RegistrationSchedule(new SeededRandom(4));
            s.Start(0);
            s.ShouldSend(0);
            s.OnFailure(0, 0);
            Assert.True(s.ShouldSend(s.NextDeadline));
            s.OnSuccess(300, 40000);
            Assert.Equal(0, s.Failures);
            s.OnAddressChanged(50000);
            Assert.True(s.ShouldSend(50000));
        }

        [Fact]
        public void ZeroGrantedIsAFailure()
        {
            var s = new RegistrationSchedule(new SeededRandom(5));
            s.Start(0);
            s.ShouldSend(0);
            s.OnSuccess(0, 10);
            Assert.Equal(RegistrationState.WaitingToRetry, s.State);
        }

        [Fact]
        public void StopUnregistersAndGivesUpAfterATimeout()
        {
            var s = new RegistrationSchedule(new SeededRandom(6));
            s.Start(0);
            s.ShouldSend(0);
            s.OnSuccess(300, 0);
            Assert.True(s.Stop(1000));
            Assert.Equal(RegistrationState.Unregistering, s.State);
            Assert.False(s.ShouldSend(1000 + RegistrationSchedule.UnregisterTimeoutMs - 1));
            Assert.False(s.ShouldSend(1000 + RegistrationSchedule.UnregisterTimeoutMs));
            Assert.Equal(RegistrationState.Stopped, s.State);

            var t = new RegistrationSchedule(new SeededRandom(7));
            t.Start(0);
            t.ShouldSend(0);
            t.OnSuccess(300, 0);
            t.Stop(10);
            t.OnSuccess(0, 20);
            Assert.Equal(RegistrationState.Stopped, t.State);
            Assert.False(new RegistrationSchedule(new SeededRandom(8)).Stop(0));
        }
    }
}
