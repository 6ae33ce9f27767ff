// An in-memory, allocation-free UDP-like link for two-party tests: preallocated packet slots,
// seeded loss and uniform delay jitter (which also reorders).
using System;
using Endpoint.Media.Rtp;

namespace Endpoint.Tests.Media.Core
{
    public sealed class SimLink
    {
        private readonly byte[][] _buf;
        private readonly int[] _len;
        private readonly long[] _due;
        private readonly bool[] _used;
        private readonly TestRandom _rnd;
        public int BaseDelayMs;
        public int JitterMs;
        public int LossPerMille;
        public int Sent, Dropped, Overflow;
        public MediaEndpoint From;

        public SimLink(uint seed, MediaEndpoint from, int slots = 64, int size = 512)
        {
            _rnd = new TestRandom(seed);
            From = from;
            _buf = new byte[slots][];
            for (int i = 0; i < slots; i++) _buf[i] = new byte[size];
            _len = new int[slots];
            _due = new long[slots];
            _used = new bool[slots];
        }

        public void Send(byte[] data, int len, long nowMs)
        {
            Sent++;
            if (_rnd.Next(1000) < LossPerMille) { Dropped++; return; }
            for (int i = 0; i < _used.Length; i++)
            {
                if (_used[i]) continue;
                Array.Copy(data, 0, _buf[i], 0, len);
                _len[i] = len;
                _due[i] = nowMs + BaseDelayMs + (JitterMs > 0 ? _rnd.Next(2 * JitterMs + 1) - JitterMs : 0);
                _used[i] = true;
                return;
            }
            Overflow++;
        }

        /// <summary>The next packet due at nowMs (earliest first), or -1. Call Release(i) after use.</summary>
        public int NextDue(long nowMs)
        {
            int best = -1;
            for (int i = 0; i < _used.Length; i++)
                if (_used[i] && _due[i] <= nowMs && (best < 0 || _due[i] < _due[best])) best = i;
            return best;
        }

        public byte[] Data(int i) { return _buf[i]; }
        public int Length(int i) { return _len[i]; }
        public void Release(int i) { _used[i] = false; }
    }
}
