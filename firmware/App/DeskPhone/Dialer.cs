// Digit collection of the desk phone after off-hook: keys 0-9 and * are collected (up to
// PhoneConfig.MaxDigits, further digits are ignored), `#` sends what was collected, and the
// collected number is also sent when the inter-digit timeout passes after the last digit or as
// soon as the dial plan says it is complete (emergency numbers, `*N` speed dials, rules with a
// length). Time is a nowMs parameter. A key press (human pace, cold path) builds one short
// string for the completion check. Depends on DialPlan and Endpoint.Config (PhoneConfig).
using Endpoint.Config;

namespace Endpoint.App.DeskPhone
{
    /// <summary>What a key or the clock did to the collected number.</summary>
    public enum DialerResult
    {
        /// <summary>Nothing changed (not collecting, or key ignored).</summary>
        None = 0,
        /// <summary>The digit was added; keep collecting.</summary>
        Collecting = 1,
        /// <summary>The number is complete: take it with <see cref="Dialer.Take"/>.</summary>
        Send = 2,
    }

    /// <summary>Collects dialed digits with an inter-digit timeout.</summary>
    public sealed class Dialer
    {
        private readonly char[] _digits = new char[PhoneConfig.MaxDigits];
        private readonly DialPlan _plan;
        private readonly int _interDigitMs;
        private int _count;
        private bool _active;
        private long _deadline = long.MaxValue;

        /// <summary>Creates a dialer using the plan's completion rules and the inter-digit timeout in ms.</summary>
        public Dialer(DialPlan plan, int interDigitMs)
        {
            if (plan == null) throw new System.ArgumentNullException("plan");
            _plan = plan;
            _interDigitMs = interDigitMs;
        }

        /// <summary>True while collecting (between <see cref="Start"/> and <see cref="Take"/>/<see cref="Cancel"/>).</summary>
        public bool Active { get { return _active; } }

        /// <summary>Digits collected so far.</summary>
        public int Count { get { return _count; } }

        /// <summary>When the timeout sends the number; long.MaxValue while nothing is collected.</summary>
        public long Deadline { get { return _active && _count > 0 ? _deadline : long.MaxValue; } }

        /// <summary>Starts a new number (off-hook, dial tone).</summary>
        public void Start()
        {
            _active = true;
            _count = 0;
            _deadline = long.MaxValue;
        }

        /// <summary>Abandons collection (on-hook).</summary>
        public void Cancel()
        {
            _active = false;
            _count = 0;
            _deadline = long.MaxValue;
        }

        /// <summary>A key: 0-9 or * adds a digit, # sends. Other keys are ignored.</summary>
        public DialerResult Key(char key, long nowMs)
        {
            if (!_active) return DialerResult.None;
            if (key == '#') return _count > 0 ? DialerResult.Send : DialerResult.None;
            if (!((key >= '0' && key <= '9') || key == '*')) return DialerResult.None;
            if (_count >= _digits.Length) return DialerResult.None;
            _digits[_count++] = key;
            _deadline = nowMs + _interDigitMs;
            return _plan.IsComplete(Peek()) ? DialerResult.Send : DialerResult.Collecting;
        }

        /// <summary>The clock: Send once the inter-digit timeout has passed with digits collected.</summary>
        public DialerResult Tick(long nowMs)
        {
            return _active && _count > 0 && nowMs >= _deadline ? DialerResult.Send : DialerResult.None;
        }

        /// <summary>The collected number; collection ends.</summary>
        public string Take()
        {
            string s = Peek();
            Cancel();
            return s;
        }

        /// <summary>The digits collected so far, as a string.</summary>
        public string Peek() { return new string(_digits, 0, _count); }
    }
}
