// Console input to the virtual board's simulated hardware: `key K` closes the key's matrix
// contact for 120 ms (keys typed faster are queued, 60 ms apart, like fingers on a keypad), `hook off|on` moves the hook switch, `button` presses the call button for
// 150 ms (`button long` style long presses are not offered). The real drivers (MatrixKeypad,
// HookSwitch, PushButton) then debounce and report them to the product application, exactly as
// on a board. Host-only. Depends on VirtualRig and the App contract.
using Endpoint.App;
using Endpoint.Boards.Virtual;

namespace Endpoint.Host
{
    /// <summary>IInputInjector over a VirtualRig.</summary>
    public sealed class RigInputs : IInputInjector
    {
        private const int KeyPressMs = 120;
        private const int ButtonPressMs = 150;
        private const int KeyGapMs = 60;
        private readonly System.Collections.Generic.Queue<char> _keys = new System.Collections.Generic.Queue<char>();
        private long _nextKeyAt;
        private readonly VirtualRig _rig;
        private readonly string _keyMap;
        private char _heldKey;
        private long _keyRelease = long.MaxValue;
        private long _buttonRelease = long.MaxValue;

        /// <summary>Wraps a rig.</summary>
        public RigInputs(VirtualRig rig)
        {
            _rig = rig;
            _keyMap = rig.Matrix == null ? "" : rig.Board.KeyMap;
        }

        /// <inheritdoc/>
        public bool CanInject(Command c)
        {
            switch (c.Name)
            {
                case "key": return c.Argument.Length == 1 && _keyMap.IndexOf(c.Argument[0]) >= 0;
                case "hook": return _rig.Hook != null;
                case "button": return _rig.CallButton != null;
                default: return false;
            }
        }

        /// <inheritdoc/>
        public string Inject(Command c, long nowMs)
        {
            switch (c.Name)
            {
                case "key":
                    if (_keys.Count >= 64) return "too many keys queued";
                    _keys.Enqueue(c.Argument[0]);
                    return null;
                case "hook":
                    _rig.SetOffHook(c.Argument == "off");
                    return null;
                case "button":
                    _rig.SetCallButton(true);
                    _buttonRelease = nowMs + ButtonPressMs;
                    return null;
                default:
                    return "no such input";
            }
        }

        /// <inheritdoc/>
        public void Poll(long nowMs)
        {
            if (nowMs >= _keyRelease) { _rig.ReleaseKey(_heldKey); _heldKey = '\0'; _keyRelease = long.MaxValue; _nextKeyAt = nowMs + KeyGapMs; }
            if (_heldKey == '\0' && _keys.Count > 0 && nowMs >= _nextKeyAt)
            {
                _heldKey = _keys.Dequeue();
                _rig.PressKey(_heldKey);
                _keyRelease = nowMs + KeyPressMs;
            }
            if (nowMs >= _buttonRelease) { _rig.SetCallButton(false); _buttonRelease = long.MaxValue; }
            _rig.TickInputs(nowMs); // the product polls its drivers, as on a board
        }
    }
}
