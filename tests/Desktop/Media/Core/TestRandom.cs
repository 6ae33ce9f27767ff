// Deterministic random source for the media tests (xorshift32), seeded per test.
using Endpoint.Media.Rtp;

namespace Endpoint.Tests.Media.Core
{
    public sealed class TestRandom : IRandomSource
    {
        private uint _s;

        public TestRandom(uint seed) { _s = seed == 0 ? 0x9E3779B9u : seed; }

        public uint NextUInt32()
        {
            uint x = _s;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _s = x;
            return x;
        }

        /// <summary>Uniform integer in [0, n).</summary>
        public int Next(int n) { return (int)(NextUInt32() % (uint)n); }
    }

    /// <summary>A fixed sequence of values (for exact-value tests).</summary>
    public sealed class FixedRandom : IRandomSource
    {
        private readonly uint[] _v;
        private int _i;
        public FixedRandom(params uint[] values) { _v = values; }
        public uint NextUInt32() { uint x = _v[_i % _v.Length]; _i++; return x; }
    }
}
