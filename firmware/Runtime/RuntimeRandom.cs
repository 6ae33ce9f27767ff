// The runtime's random source for protocol code (branch ids, tags, cnonces, SSRCs). On the
// device System.Random is native; the ESP32 port seeds from its hardware RNG. The desktop host
// may pass its own seed source. Implements both random interfaces the layers use.
// Runtime folder. Depends on System.Random.
using System;

namespace Endpoint.Runtime
{
    /// <summary>Random bytes and 32-bit values.</summary>
    public sealed class RuntimeRandom : Endpoint.Crypto.IRandomSource, Endpoint.Media.Rtp.IRandomSource
    {
        private readonly Random _random;
        private readonly byte[] _four = new byte[4];
        private readonly byte[] _scratch = new byte[64];

        /// <summary>Seeded from the given value (mix in anything unpredictable the platform has).</summary>
        public RuntimeRandom(int seed) { _random = new Random(seed); }

        /// <inheritdoc/>
        public void NextBytes(byte[] buf, int offset, int count)
        {
            lock (_scratch)
            {
                while (count > 0)
                {
                    int n = count < _scratch.Length ? count : _scratch.Length;
                    _random.NextBytes(_scratch);
                    Array.Copy(_scratch, 0, buf, offset, n);
                    offset += n;
                    count -= n;
                }
            }
        }

        /// <inheritdoc/>
        public uint NextUInt32()
        {
            lock (_scratch)
            {
                _random.NextBytes(_four);
                return (uint)(_four[0] | (_four[1] << 8) | (_four[2] << 16) | (_four[3] << 24));
            }
        }
    }
}
