// RFC 3550 A.1 sequence validation, A.3 loss, A.8 jitter (hand-computed).
using Endpoint.Media.Rtp;
using Xunit;

namespace Endpoint.Tests.Media.Core
{
    public class RtpSequenceTests
    {
        private static RtpSourceState Validated(int firstSeq)
        {
            var s = new RtpSourceState();
            s.Start(42, firstSeq);
            Assert.Equal(SequenceVerdict.Probation, s.UpdateSequence(firstSeq));
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence((firstSeq + 1) & 0xFFFF));
            return s;
        }

        [Fact]
        public void ProbationNeedsTwoSequentialPackets()
        {
            var s = new RtpSourceState();
            s.Start(1, 100);
            Assert.Equal(SequenceVerdict.Probation, s.UpdateSequence(100));
            Assert.Equal(SequenceVerdict.Probation, s.UpdateSequence(200)); // not sequential: probation restarts
            Assert.True(s.InProbation);
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(201));
            Assert.False(s.InProbation);
            Assert.Equal(201u, s.BaseSequence);
            Assert.Equal(1u, s.Received);
        }

        [Fact]
        public void WrapAt65535CountsACycle()
        {
            var s = Validated(65533);           // 65533 probation, 65534 valid
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(65535));
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(0));
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(1));
            Assert.Equal(65536u, s.Cycles);
            Assert.Equal(65536u + 1, s.ExtendedMaxSequence);
            Assert.Equal(4u, s.Expected);       // 65534, 65535, 0, 1
            Assert.Equal(0, s.CumulativeLost);
            // a reordered packet from before the wrap is still valid and does not add a cycle
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(65535));
            Assert.Equal(65536u, s.Cycles);
        }

        [Fact]
        public void LargeJumpIsDroppedUntilConfirmedThenResyncs()
        {
            var s = Validated(1000);
            Assert.Equal(SequenceVerdict.BadSequence, s.UpdateSequence(30000));
            Assert.Equal(SequenceVerdict.BadSequence, s.UpdateSequence(20000)); // not sequential with 30000
            Assert.Equal(SequenceVerdict.BadSequence, s.UpdateSequence(5000));
            Assert.Equal(SequenceVerdict.Resynced, s.UpdateSequence(5001));
            Assert.Equal(5001u, s.BaseSequence);
            Assert.Equal(1u, s.Received);
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(5002));
            // jumps below MAX_DROPOUT are accepted at once (loss)
            Assert.Equal(SequenceVerdict.Valid, s.UpdateSequence(5002 + 2999));
        }

        [Fact]
        public void LossAndFractionLostPerRfc3550A3()
        {
            var s = Validated(10);              // 11 counted
            for (int q = 12; q <= 30; q++) if (q % 5 != 0) s.UpdateSequence(q); // lose 15, 20, 25, 30
            Assert.Equal(29u, s.ExtendedMaxSequence);
            Assert.Equal(19u, s.Expected);      // 11..29
            Assert.Equal(3, s.CumulativeLost);  // 15, 20, 25
            Assert.Equal((3 << 8) / 19, s.TakeFractionLost());
            Assert.Equal(0, s.TakeFractionLost()); // nothing new in the interval
            s.UpdateSequence(31);
            s.UpdateSequence(33);
            Assert.Equal((2 << 8) / 4, s.TakeFractionLost()); // interval expects 30..33 (4), received 31 and 33: 2 lost
        }

        [Fact]
        public void DuplicatesMakeLossNegativeAndFractionZero()
        {
            var s = Validated(1);
            s.UpdateSequence(3);
            s.UpdateSequence(3);
            s.UpdateSequence(3);
            Assert.Equal(2u, s.Expected);      // base 2 (end of probation) .. 3
            Assert.Equal(4u, s.Received);      // 2, 3, 3, 3
            Assert.Equal(-2, s.CumulativeLost);
            Assert.Equal(0, s.TakeFractionLost());
        }

        [Fact]
        public void InterarrivalJitterMatchesHandComputation()
        {
            // Timestamps 0,160,320,480; arrivals 1000,1170,1320,1500 (RTP units):
            // transits 1000,1010,1000,1020 -> |D| = 10,10,20.
            // J(x16): 0 -> 0+10-0 = 10 -> 10+10-1 = 19 -> 19+20-1 = 38 ; reported 38>>4 = 2.
            // (floating point: 0.625, 1.211, 2.385)
            var s = Validated(1);
            s.UpdateJitter(0, 1000);
            Assert.Equal(0u, s.Jitter);
            s.UpdateJitter(160, 1170);
            s.UpdateJitter(320, 1320);
            Assert.Equal(1u, s.Jitter);        // 19 >> 4
            s.UpdateJitter(480, 1500);
            Assert.Equal(2u, s.Jitter);        // 38 >> 4
            // A long steady run with |D| = 16 converges to 16.
            for (int i = 0; i < 400; i++) s.UpdateJitter((uint)(640 + 160 * i), (uint)(2000 + 160 * i + ((i & 1) == 0 ? 16 : 0)));
            Assert.InRange((int)s.Jitter, 15, 16);
        }
    }
}
