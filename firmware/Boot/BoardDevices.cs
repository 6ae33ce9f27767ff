// The drivers of one booted board, handed to the product application (ProductFactory) the way
// VirtualRig hands the simulated ones on the desktop: keypad, hook switch, call button, LEDs,
// door relay, amplifier, codec control, microphone ADC control, microphone and speaker, and persistent storage. Any of
// them is null when the board lacks the part or its start-up failed (Errors says why). Poll
// advances every pollable driver; the product calls it from OnTimer (or polls its own subset).
// Depends on hal interfaces only.
using Endpoint.Hal;

namespace Endpoint.Boot
{
    /// <summary>Drivers of a booted board.</summary>
    public sealed class BoardDevices
    {
        private static readonly IIndicator[] NoLeds = new IIndicator[0];

        /// <summary>The GPIO port (checked wrapper over the platform's).</summary>
        public IGpioPort Gpio;
        /// <summary>Matrix keypad, or null.</summary>
        public IKeypad Keypad;
        /// <summary>Hook switch, or null.</summary>
        public IHookSwitch Hook;
        /// <summary>Call button, or null.</summary>
        public IButton CallButton;
        /// <summary>Door relay, or null.</summary>
        public IRelay Relay;
        /// <summary>Amplifier enable, or null (on codec boards the codec driver owns it).</summary>
        public IAmplifierEnable Amplifier;
        /// <summary>LEDs in board order.</summary>
        public IIndicator[] Leds = NoLeds;
        /// <summary>Codec control after a successful Init, or null (no codec, or it failed).</summary>
        public ICodecControl Codec;
        /// <summary>Separate microphone ADC control after a successful Init (ES7210), or null.</summary>
        public IMicrophoneAdc MicAdc;
        /// <summary>Microphone frames, or null (silence).</summary>
        public IAudioInput Microphone;
        /// <summary>Speaker frames, or null (discarded).</summary>
        public IAudioOutput Speaker;
        /// <summary>Persistent storage, or null.</summary>
        public IStorage Storage;

        /// <summary>The LED with that board name ("status", "call"...), or null.</summary>
        public IIndicator Led(string name)
        {
            for (int i = 0; i < Leds.Length; i++)
            {
                if (Leds[i] != null && Leds[i].Name == name) return Leds[i];
            }
            return null;
        }

        /// <summary>The "status" LED, else the first LED, else null.</summary>
        public IIndicator StatusLed
        {
            get
            {
                IIndicator s = Led("status");
                return s != null ? s : Leds.Length > 0 ? Leds[0] : null;
            }
        }

        /// <summary>True when audio can be played or captured.</summary>
        public bool HasAudio { get { return Microphone != null || Speaker != null; } }

        /// <summary>Advances every driver (debounce, long press, blinking, relay pulses).</summary>
        public void Poll(long nowMs)
        {
            if (Keypad != null) Keypad.Poll(nowMs);
            if (Hook != null) Hook.Poll(nowMs);
            if (CallButton != null) CallButton.Poll(nowMs);
            if (Relay != null) Relay.Poll(nowMs);
            for (int i = 0; i < Leds.Length; i++) if (Leds[i] != null) Leds[i].Poll(nowMs);
        }
    }
}
