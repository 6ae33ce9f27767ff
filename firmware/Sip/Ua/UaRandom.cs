// The user agent's one random source (Endpoint.Crypto.IRandomSource, passed on to the
// transaction layer) so one generator feeds branches, tags, Call-IDs, cnonces and back-off
// jitter; also draws bounded integers for the RFC 3261 §14.1 glare delays. Depends on
// Endpoint.Crypto. Allocation-free after construction.
using Endpoint.Crypto;

namespace Endpoint.Sip.Ua
{
    /// <summary>One random source for every layer.</summary>
    public sealed class UaRandom : IRandomSource
    {
        private readonly IRandomSource _source;
        private readonly byte[] _four = new byte[4];

        /// <summary>Wraps <paramref name="source"/>.</summary>
        public UaRandom(IRandomSource source)
        {
            if (source == null) throw new System.ArgumentNullException();
            _source = source;
        }

        /// <summary>The wrapped source.</summary>
        public IRandomSource Source { get { return _source; } }

        /// <summary>Fills buffer[offset, offset+count) with random bytes.</summary>
        public void NextBytes(byte[] buffer, int offset, int count) { _source.NextBytes(buffer, offset, count); }

        /// <summary>A random integer in [0, bound).</summary>
        public int Below(int bound)
        {
            if (bound <= 1) return 0;
            _source.NextBytes(_four, 0, 4);
            uint v = ((uint)_four[0] << 24) | ((uint)_four[1] << 16) | ((uint)_four[2] << 8) | _four[3];
            return (int)(v % (uint)bound);
        }
    }
}
