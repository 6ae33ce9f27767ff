// The door code check of the intercom: collects the DTMF digits a caller sends during one call
// and reports when the digits received so far end with the configured code ("91234" opens for
// code "1234", so a mistyped first digit costs nothing). Brute force is bounded per call: after
// attempts x code-length digits without an opening, every further digit of that call is ignored
// (Locked). '*' or '#' that is not part of the code clears a half-typed entry (the digits still
// count against the budget). Digits are compared exactly (RFC 4733 events 0-9 * # A-D as chars).
// Pure: no allocation after construction, no clock. Depends on nothing.
namespace Endpoint.App.Intercom
{
    /// <summary>What one digit did.</summary>
    public enum DoorCodeResult
    {
        /// <summary>Digit taken, no match yet.</summary>
        Pending = 0,
        /// <summary>The digits now end with the code: open the door.</summary>
        Open,
        /// <summary>This digit used up the budget: the call is locked out.</summary>
        Locked,
        /// <summary>Ignored (no code configured, or locked out earlier).</summary>
        Ignored,
    }

    /// <summary>Door code matcher for one call at a time.</summary>
    public sealed class DoorCode
    {
        private readonly string _code;
        private readonly char[] _recent;
        private readonly int _budget;
        private int _count;
        private int _used;
        private bool _locked;

        /// <summary>
        /// Creates the matcher. code: the DTMF code (null or empty: nothing ever opens);
        /// attempts: how many code-lengths of digits a call may send without opening (at least 1).
        /// </summary>
        public DoorCode(string code, int attempts)
        {
            _code = code == null || code.Length == 0 ? null : code;
            int len = _code == null ? 1 : _code.Length;
            _recent = new char[len];
            _budget = (attempts < 1 ? 1 : attempts) * len;
        }

        /// <summary>True when a code is configured.</summary>
        public bool Configured { get { return _code != null; } }

        /// <summary>True once the current call used up its digit budget.</summary>
        public bool Locked { get { return _locked; } }

        /// <summary>Digits the current call has sent without opening.</summary>
        public int DigitsUsed { get { return _used; } }

        /// <summary>Forgets everything (a new call starts).</summary>
        public void Reset()
        {
            _count = 0;
            _used = 0;
            _locked = false;
        }

        /// <summary>Takes one digit.</summary>
        public DoorCodeResult Feed(char digit)
        {
            if (_code == null || _locked) return DoorCodeResult.Ignored;
            if (digit >= 'a' && digit <= 'd') digit = (char)(digit - 'a' + 'A');
            _used++;
            if ((digit == '*' || digit == '#') && _code.IndexOf(digit) < 0)
            {
                _count = 0; // clear a half-typed entry
                return Exhausted();
            }
            int len = _recent.Length;
            if (_count < len) _recent[_count++] = digit;
            else
            {
                for (int i = 1; i < len; i++) _recent[i - 1] = _recent[i];
                _recent[len - 1] = digit;
            }
            if (_count == len && Matches())
            {
                _count = 0;
                _used = 0;
                return DoorCodeResult.Open;
            }
            return Exhausted();
        }

        private DoorCodeResult Exhausted()
        {
            if (_used < _budget) return DoorCodeResult.Pending;
            _locked = true;
            _count = 0;
            return DoorCodeResult.Locked;
        }

        private bool Matches()
        {
            for (int i = 0; i < _recent.Length; i++) if (_recent[i] != _code[i]) return false;
            return true;
        }
    }
}
