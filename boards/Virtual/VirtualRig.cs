// The simulated hardware of the virtual device, assembled from a BoardDefinition (host-only):
// a SimGpioPort with a SimKeyMatrix under the real MatrixKeypad / HookSwitch / PushButton drivers,
// logical LEDs, relay and amplifier that report "event ..." lines, memory storage with power-cut
// knobs, a microphone source and a recording speaker. Poll(nowMs) advances everything. Depends on
// hal/Drivers, hal/Simulation, BoardDefinition.
using System;
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;

namespace Endpoint.Boards.Virtual
{
    /// <summary>Simulated hardware built from a board definition.</summary>
    public sealed class VirtualRig
    {
        /// <summary>Debounce used for hook and buttons.</summary>
        public const int DebounceMs = 30;
        /// <summary>Long-press time for the call button.</summary>
        public const int LongPressMs = 800;

        private readonly List<IPollable> _pollables = new List<IPollable>();
        private readonly Dictionary<string, SimIndicator> _leds = new Dictionary<string, SimIndicator>();

        /// <summary>Builds the rig. sink receives event lines (may be null); mic may be null (silence).</summary>
        public VirtualRig(BoardDefinition board, int sampleRate, SimEventSink sink, IAudioInput mic)
        {
            Board = board ?? throw new ArgumentNullException(nameof(board));
            Gpio = new SimGpioPort();
            if (board.Has(BoardFeature.Keypad))
            {
                Matrix = new SimKeyMatrix(Gpio, board.KeypadRows, board.KeypadColumns, board.KeyMap);
                Keypad = new MatrixKeypad(Gpio, new KeypadConfig
                {
                    Rows = board.KeypadRows,
                    Columns = board.KeypadColumns,
                    KeyMap = board.KeyMap,
                    DriveRows = board.KeypadDriveRows,
                    ExternalPullUps = board.KeypadExternalPullUps,
                });
                _pollables.Add(Keypad);
            }
            if (board.HookPin >= 0)
            {
                Gpio.SetInput(board.HookPin, !board.HookOffHookHigh); // handset on the hook at power-up
                Hook = new HookSwitch(Gpio, board.HookPin, board.HookOffHookHigh, board.HookPullUp, DebounceMs);
                _pollables.Add(Hook);
            }
            if (board.CallButtonPin >= 0)
            {
                Gpio.SetInput(board.CallButtonPin, board.CallButtonActiveLow); // released
                CallButton = new PushButton(Gpio, board.CallButtonPin, board.CallButtonActiveLow, board.CallButtonPullUp, DebounceMs, LongPressMs);
                _pollables.Add(CallButton);
            }
            foreach (LedConfig led in board.Leds)
            {
                var ind = new SimIndicator(led.Name, sink);
                _leds[led.Name] = ind;
                _pollables.Add(ind);
            }
            if (board.RelayPin >= 0)
            {
                Relay = new SimRelay("door", sink);
                _pollables.Add(Relay);
            }
            Amplifier = new SimAmplifier(sink);
            Storage = new MemoryStorage();
            Microphone = mic ?? new ArrayAudioInput(new short[AudioFrame.Samples(sampleRate)], sampleRate, true);
            Speaker = new CaptureAudioOutput(sampleRate, null);
        }

        /// <summary>The board this rig simulates.</summary>
        public BoardDefinition Board { get; }
        /// <summary>Simulated GPIO.</summary>
        public SimGpioPort Gpio { get; }
        /// <summary>Electrical key matrix (null without keypad).</summary>
        public SimKeyMatrix Matrix { get; }
        /// <summary>Keypad driver (null without keypad).</summary>
        public IKeypad Keypad { get; }
        /// <summary>Hook switch driver (null without hook).</summary>
        public IHookSwitch Hook { get; }
        /// <summary>Call button driver (null without button).</summary>
        public IButton CallButton { get; }
        /// <summary>Door relay (null without relay).</summary>
        public IRelay Relay { get; }
        /// <summary>Amplifier enable.</summary>
        public IAmplifierEnable Amplifier { get; }
        /// <summary>Persistent storage.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>Microphone frames.</summary>
        public IAudioInput Microphone { get; }
        /// <summary>Speaker frames (recorded).</summary>
        public CaptureAudioOutput Speaker { get; }

        /// <summary>The LED with that board name, or null.</summary>
        public IIndicator Led(string name)
        {
            SimIndicator led;
            return _leds.TryGetValue(name, out led) ? led : null;
        }

        /// <summary>Applies scheduled inputs and polls every driver.</summary>
        public void Poll(long nowMs)
        {
            TickInputs(nowMs);
            foreach (IPollable p in _pollables) p.Poll(nowMs);
        }

        /// <summary>
        /// Applies scheduled inputs only (the electrical side). Used when a product application
        /// polls its drivers itself, as it does on a real board, so they are not polled twice.
        /// </summary>
        public void TickInputs(long nowMs)
        {
            Gpio.Tick(nowMs);
            if (Matrix != null) Matrix.Tick(nowMs);
        }

        /// <summary>Closes a key contact (the keypad reports it after debounce).</summary>
        public void PressKey(char key) { RequireMatrix().Press(key); }

        /// <summary>Opens a key contact.</summary>
        public void ReleaseKey(char key) { RequireMatrix().Release(key); }

        /// <summary>Lifts (true) or replaces (false) the handset.</summary>
        public void SetOffHook(bool offHook)
        {
            if (Board.HookPin < 0) throw new InvalidOperationException("board has no hook switch");
            Gpio.SetInput(Board.HookPin, offHook == Board.HookOffHookHigh);
        }

        /// <summary>Presses (true) or releases (false) the call button.</summary>
        public void SetCallButton(bool pressed)
        {
            if (Board.CallButtonPin < 0) throw new InvalidOperationException("board has no call button");
            Gpio.SetInput(Board.CallButtonPin, pressed != Board.CallButtonActiveLow);
        }

        private SimKeyMatrix RequireMatrix()
        {
            if (Matrix == null) throw new InvalidOperationException("board has no keypad");
            return Matrix;
        }
    }
}
