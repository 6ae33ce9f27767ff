// When to send REGISTER (RFC 3261 §10.2.4 refresh, RFC 5626 §4.5 back-off): refresh before the
// lifetime the registrar GRANTED runs out (not the one we asked for), retry failures with an
// exponential back-off and random jitter so a fleet of phones does not hammer a rebooted PBX in
// step, re-register at once when the local address changes, and unregister on stop.
// Pure: time in, decisions out. Depends on Endpoint.Crypto.IRandomSource for jitter.
using Endpoint.Crypto;

namespace Endpoint.Sip.Registration
{
    /// <summary>Registration states.</summary>
    public enum RegistrationState
    {
        /// <summary>Not started or no registrar configured.</summary>
        Idle = 0,
        /// <summary>A REGISTER is in flight.</summary>
        Registering = 1,
        /// <summary>The registrar accepted our binding; a refresh is scheduled.</summary>
        Registered = 2,
        /// <summary>The last attempt failed; a retry is scheduled.</summary>
        WaitingToRetry = 3,
        /// <summary>The un-REGISTER (Expires: 0) is in flight.</summary>
        Unregistering = 4,
        /// <summary>Stopped (unregistered or gave up while stopping).</summary>
        Stopped = 5,
    }

    /// <summary>Decides when the next REGISTER goes out.</summary>
    public sealed class RegistrationSchedule
    {
        /// <summary>First retry delay after a failure, in seconds (RFC 5626 base-time for "not all flows failed").</summary>
        public const int BaseRetrySeconds = 30;

        /// <summary>Largest retry delay, in seconds (RFC 5626 max-time).</summary>
        public const int MaxRetrySeconds = 1800;

        /// <summary>How long an un-REGISTER may take before we stop anyway, in ms.</summary>
        public const int UnregisterTimeoutMs = 5000;

        private static readonly string[] StateNames = { "idle", "registering", "registered", "waiting-to-retry", "unregistering", "stopped" };
        private readonly IRandomSource _random;
        private readonly byte[] _jitter = new byte[2];
        private long _due = long.MaxValue;
        private int _failures;

        /// <summary>Creates a schedule.</summary>
        public RegistrationSchedule(IRandomSource random) { _random = random; }

        /// <summary>Current state.</summary>
        public RegistrationState State { get; private set; }

        /// <summary>Name of a state for events and logs.</summary>
        public static string Name(RegistrationState s) { return StateNames[(int)s]; }

        /// <summary>Absolute time the binding expires at the registrar (ms), while registered.</summary>
        public long ExpiresAt { get; private set; }

        /// <summary>Seconds the registrar granted in the last success.</summary>
        public int GrantedSeconds { get; private set; }

        /// <summary>Consecutive failures so far.</summary>
        public int Failures { get { return _failures; } }

        /// <summary>When something must happen next (send, or give up unregistering); long.MaxValue for nothing.</summary>
        public long NextDeadline { get { return _due; } }

        /// <summary>Starts registering now.</summary>
        public void Start(long nowMs)
        {
            State = RegistrationState.WaitingToRetry;
            _failures = 0;
            _due = nowMs;
        }

        /// <summary>True when a REGISTER (refresh or retry) should be sent now; moves to Registering.</summary>
        public bool ShouldSend(long nowMs)
        {
            if (nowMs < _due) return false;
            if (State == RegistrationState.Registered || State == RegistrationState.WaitingToRetry)
            {
                State = RegistrationState.Registering;
                _due = long.MaxValue;
                return true;
            }
            if (State == RegistrationState.Unregistering)
            {
                // The un-REGISTER timed out: stop anyway.
                State = RegistrationState.Stopped;
                _due = long.MaxValue;
            }
            return false;
        }

        /// <summary>
        /// A 2xx to our REGISTER: <paramref name="grantedSeconds"/> is the expires the registrar gave
        /// our Contact (per-Contact expires param, else the Expires header).
        /// </summary>
        public void OnSuccess(int grantedSeconds, long nowMs)
        {
            if (State == RegistrationState.Unregistering) { State = RegistrationState.Stopped; _due = long.MaxValue; return; }
            if (grantedSeconds <= 0)
            {
                // A 2xx that lists no binding of ours: the registrar did not keep it.
                OnFailure(0, nowMs);
                return;
            }
            _failures = 0;
            State = RegistrationState.Registered;
            GrantedSeconds = grantedSeconds;
            ExpiresAt = nowMs + (long)grantedSeconds * 1000;
            _due = nowMs + RefreshDelayMs(grantedSeconds);
        }

        /// <summary>
        /// The REGISTER failed (timeout, 5xx, 403, credentials rejected…). <paramref name="retryAfterSeconds"/>
        /// is a server Retry-After, or 0.
        /// </summary>
        public void OnFailure(int retryAfterSeconds, long nowMs)
        {
            if (State == RegistrationState.Unregistering) { State = RegistrationState.Stopped; _due = long.MaxValue; return; }
            _failures++;
            State = RegistrationState.WaitingToRetry;
            long delay = RetryDelayMs(_failures);
            if (retryAfterSeconds > 0 && (long)retryAfterSeconds * 1000 > delay) delay = (long)retryAfterSeconds * 1000;
            _due = nowMs + delay;
        }

        /// <summary>The local address changed (new DHCP lease, NAT rebinding seen via received/rport): register again now.</summary>
        public void OnAddressChanged(long nowMs)
        {
            if (State == RegistrationState.Stopped || State == RegistrationState.Unregistering || State == RegistrationState.Idle) return;
            if (State == RegistrationState.Registering) return; // the answer to the one in flight is superseded by the next refresh
            State = RegistrationState.WaitingToRetry;
            _due = nowMs;
        }

        /// <summary>Begins unregistering; returns false when there is nothing to unregister.</summary>
        public bool Stop(long nowMs)
        {
            bool bound = State == RegistrationState.Registered || State == RegistrationState.Registering;
            if (!bound) { State = RegistrationState.Stopped; _due = long.MaxValue; return false; }
            State = RegistrationState.Unregistering;
            _due = nowMs + UnregisterTimeoutMs;
            return true;
        }

        /// <summary>Refresh delay for a granted lifetime: at 85 %, and at least 5 s before expiry.</summary>
        public static long RefreshDelayMs(int grantedSeconds)
        {
            long granted = (long)grantedSeconds * 1000;
            long at = granted * 85 / 100;
            if (granted - at < 5000) at = granted - 5000;
            if (at < granted / 2) at = granted / 2;
            return at;
        }

        /// <summary>RFC 5626 §4.5: min(max, base·2^(failures-1)) scaled by a random 50–100 %.</summary>
        public long RetryDelayMs(int failures)
        {
            long upper = (long)BaseRetrySeconds * 1000;
            for (int i = 1; i < failures && upper < (long)MaxRetrySeconds * 1000; i++) upper *= 2;
            if (upper > (long)MaxRetrySeconds * 1000) upper = (long)MaxRetrySeconds * 1000;
            _random.NextBytes(_jitter, 0, 2);
            int r = (_jitter[0] << 8) | _jitter[1];               // 0..65535
            return upper / 2 + upper / 2 * r / 65535;
        }
    }
}
