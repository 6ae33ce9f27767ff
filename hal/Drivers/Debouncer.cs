// Time-based debouncing of one digital signal: a new level is accepted once it has been read
// unchanged for DebounceMs. Contact bounce (several transitions within a few ms) restarts the
// timer, so a bouncing press yields exactly one change. Depends on nothing; the caller supplies
// raw levels and the time. The first sample primes the state without reporting a change (a button
// held or a handset lifted at boot does not raise an event; read the state instead).
namespace Endpoint.Hal.Drivers
{
    /// <summary>Stable-time debouncer.</summary>
    public sealed class Debouncer
    {
        private readonly int _debounceMs;
        private bool _primed;
        private bool _stable;
        private bool _candidate;
        private long _since;

        /// <summary>Creates a debouncer that needs debounceMs of stable input.</summary>
        public Debouncer(int debounceMs) { _debounceMs = debounceMs < 0 ? 0 : debounceMs; }

        /// <summary>Debounced level.</summary>
        public bool State { get { return _stable; } }

        /// <summary>True once the first sample was taken.</summary>
        public bool Primed { get { return _primed; } }

        /// <summary>Feeds one raw sample; returns true when the debounced level changed.</summary>
        public bool Update(bool raw, long nowMs)
        {
            if (!_primed)
            {
                _primed = true;
                _stable = raw;
                _candidate = raw;
                _since = nowMs;
                return false;
            }
            if (raw != _candidate)
            {
                _candidate = raw;
                _since = nowMs;
                return false;
            }
            if (_candidate != _stable && nowMs - _since >= _debounceMs)
            {
                _stable = _candidate;
                return true;
            }
            return false;
        }
    }
}
