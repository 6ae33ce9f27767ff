// Health and round-trip time of each configured supernode, and the choice of the best one.
// A node is alive after a successful probe (GET /node/info answered 200 with node info) and dead
// after a failed probe, a refused connection or an ended listen stream. RTT is smoothed
// (first sample, then 3/4 old + 1/4 new). Best = alive, knows DHT peers (a proxy that knows none
// cannot store anything), then lowest RTT, then configuration order; RTTs within TieMs of each
// other count as equal, so on a LAN (or loopback) the provisioned order decides. Switching away
// from a working active node needs a clear gain (RTT lower by MinRttGainMs and by a quarter, or
// an RTT tie with a node provisioned earlier) and two successful probes in a row, so
// loopback-level jitter never makes the client flap.
// Depends on Endpoint.Config.HostPort. No allocation after construction.
using Endpoint.Config;

namespace Endpoint.Overlay
{
    /// <summary>Per-supernode state.</summary>
    public sealed class SupernodeTable
    {
        private readonly HostPort[] _addr;
        private readonly bool[] _alive;
        private readonly bool[] _probed;
        private readonly long[] _rtt;
        private readonly int[] _peers;
        private readonly int[] _successes;
        private readonly long[] _nextProbe;
        private readonly int[] _failures;
        private long _tieMs;

        /// <summary>Creates the table; every node starts unprobed and due for a probe.</summary>
        public SupernodeTable(HostPort[] nodes)
        {
            if (nodes == null) throw new System.ArgumentNullException("nodes");
            int n = nodes.Length;
            _addr = nodes;
            _alive = new bool[n];
            _probed = new bool[n];
            _rtt = new long[n];
            _peers = new int[n];
            _successes = new int[n];
            _nextProbe = new long[n];
            _failures = new int[n];
            for (int i = 0; i < n; i++) _rtt[i] = -1;
        }

        /// <summary>RTTs that differ by at most this many ms rank as equal (configuration order decides); 0 by default.</summary>
        public long TieMs { get { return _tieMs; } set { _tieMs = value < 0 ? 0 : value; } }

        /// <summary>Number of supernodes.</summary>
        public int Count { get { return _addr.Length; } }
        /// <summary>Address of node i.</summary>
        public HostPort Address(int i) { return _addr[i]; }
        /// <summary>True when node i answered its last probe.</summary>
        public bool IsAlive(int i) { return _alive[i]; }
        /// <summary>True once node i was probed at least once (answer or failure).</summary>
        public bool WasProbed(int i) { return _probed[i]; }
        /// <summary>Smoothed RTT of node i in ms, -1 when never measured.</summary>
        public long Rtt(int i) { return _rtt[i]; }
        /// <summary>DHT peers node i reported.</summary>
        public int KnownPeers(int i) { return _peers[i]; }
        /// <summary>Consecutive successful probes of node i.</summary>
        public int Successes(int i) { return _successes[i]; }
        /// <summary>Failures of node i since it was last alive.</summary>
        public int Failures(int i) { return _failures[i]; }
        /// <summary>When node i should be probed next (monotonic ms).</summary>
        public long NextProbeAt(int i) { return _nextProbe[i]; }
        /// <summary>Sets when node i should be probed next.</summary>
        public void SetNextProbe(int i, long atMs) { _nextProbe[i] = atMs; }

        /// <summary>Records a successful probe.</summary>
        public void Success(int i, long rttMs, int knownPeers)
        {
            if (rttMs < 0) rttMs = 0;
            _rtt[i] = _rtt[i] < 0 || !_alive[i] ? rttMs : (3 * _rtt[i] + rttMs) / 4;
            _peers[i] = knownPeers;
            _alive[i] = true;
            _probed[i] = true;
            _failures[i] = 0;
            _successes[i]++;
        }

        /// <summary>Records a failure (probe failed, connection refused, listen stream ended).</summary>
        public void Failure(int i)
        {
            _alive[i] = false;
            _probed[i] = true;
            _successes[i] = 0;
            _failures[i]++;
        }

        /// <summary>True when every node was probed at least once.</summary>
        public bool AllProbed()
        {
            for (int i = 0; i < _addr.Length; i++) if (!_probed[i]) return false;
            return true;
        }

        /// <summary>The best alive node, or -1.</summary>
        public int Best()
        {
            int best = -1;
            for (int i = 0; i < _addr.Length; i++)
            {
                if (!_alive[i]) continue;
                if (best < 0 || Ranks(i, best)) best = i;
            }
            return best;
        }

        // True when a ranks strictly before b.
        private bool Ranks(int a, int b)
        {
            bool ra = _peers[a] > 0, rb = _peers[b] > 0;
            if (ra != rb) return ra;
            if (Tied(a, b)) return a < b;
            return _rtt[a] < _rtt[b];
        }

        private bool Tied(int a, int b)
        {
            long d = _rtt[a] - _rtt[b];
            return _rtt[a] >= 0 && _rtt[b] >= 0 && d <= _tieMs && -d <= _tieMs;
        }

        /// <summary>True when alive node <paramref name="candidate"/> is worth leaving working node <paramref name="active"/> for.</summary>
        public bool ClearlyBetter(int candidate, int active, int minGainMs)
        {
            if (candidate == active || !_alive[candidate] || _successes[candidate] < 2) return false;
            if (active < 0 || !_alive[active]) return true;
            bool rc = _peers[candidate] > 0, ra = _peers[active] > 0;
            if (rc != ra) return rc;
            if (_tieMs > 0 && Tied(candidate, active)) return candidate < active;
            long c = _rtt[candidate], a = _rtt[active];
            return c + minGainMs <= a && c * 4 <= a * 3;
        }
    }
}
