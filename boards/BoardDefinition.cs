// What the firmware needs to know about one board: SoC and module, control bus and codec, I2S
// ports, amplifier, keypad, hook switch, call button, LEDs, relay, and the feature list. Pure,
// immutable data (init-only properties); -1 means "no pin" everywhere (dotnet/iot, ESP-ADF).
// Drivers never see a BoardDefinition: the application reads it and passes plain settings to
// constructors. Depends on BoardTypes. Checked at boot by BoardValidator.
namespace Endpoint.Boards
{
    /// <summary>Immutable description of a board.</summary>
    public sealed class BoardDefinition
    {
        private static readonly int[] NoPins = new int[0];
        private static readonly LedConfig[] NoLeds = new LedConfig[0];
        private static readonly PinAssignment[] NoAssignments = new PinAssignment[0];

        /// <summary>Short name, e.g. "esp32-lyrat-v4.3".</summary>
        public string Name { get; init; }
        /// <summary>One line for logs and the README.</summary>
        public string Description { get; init; }
        /// <summary>SoC family.</summary>
        public SocKind Soc { get; init; }
        /// <summary>Module name, e.g. "ESP32-WROVER-E".</summary>
        public string Module { get; init; }
        /// <summary>PSRAM wiring of the module.</summary>
        public PsramKind Psram { get; init; }
        /// <summary>What the board offers.</summary>
        public BoardFeature Features { get; init; }

        /// <summary>nanoFramework I2C bus id for the codec (1 or 2).</summary>
        public int I2cBus { get; init; } = 1;
        /// <summary>I2C SDA, or -1.</summary>
        public int I2cSda { get; init; } = -1;
        /// <summary>I2C SCL, or -1.</summary>
        public int I2cScl { get; init; } = -1;
        /// <summary>I2C clock in Hz (100000 or 400000).</summary>
        public int I2cSpeedHz { get; init; } = 100000;

        /// <summary>Codec controlled over I2C (playback DAC), or None.</summary>
        public AudioPart Codec { get; init; }
        /// <summary>7-bit I2C address of the codec.</summary>
        public int CodecAddress { get; init; } = -1;
        /// <summary>Codec analog input carrying the microphone (1 or 2).</summary>
        public int CodecMicInput { get; init; } = 1;
        /// <summary>Separate microphone ADC on the I2C bus (e.g. ES7210), or None.</summary>
        public AudioPart MicAdc { get; init; }
        /// <summary>7-bit I2C address of the microphone ADC.</summary>
        public int MicAdcAddress { get; init; } = -1;
        /// <summary>Speaker-side part when there is no codec (e.g. MAX98357A).</summary>
        public AudioPart SpeakerPart { get; init; }
        /// <summary>Microphone part when there is no codec ADC (e.g. INMP441).</summary>
        public AudioPart MicPart { get; init; }

        /// <summary>I2S port used for playback, or null.</summary>
        public I2sPortConfig Speaker { get; init; }
        /// <summary>I2S port used for capture, or null; may be the same object as Speaker (duplex codec).</summary>
        public I2sPortConfig Microphone { get; init; }

        /// <summary>Power-amplifier enable, or -1.</summary>
        public int AmpEnablePin { get; init; } = -1;
        /// <summary>True if a high level enables the amplifier.</summary>
        public bool AmpActiveHigh { get; init; } = true;

        /// <summary>Keypad row GPIOs (top to bottom), empty if none.</summary>
        public int[] KeypadRows { get; init; } = NoPins;
        /// <summary>Keypad column GPIOs (left to right), empty if none.</summary>
        public int[] KeypadColumns { get; init; } = NoPins;
        /// <summary>Row-major key characters.</summary>
        public string KeyMap { get; init; } = "";
        /// <summary>True: rows driven, columns read with pull-ups. False: the reverse.</summary>
        public bool KeypadDriveRows { get; init; } = true;
        /// <summary>True when the read lines have external pull-up resistors.</summary>
        public bool KeypadExternalPullUps { get; init; }

        /// <summary>Hook switch GPIO, or -1.</summary>
        public int HookPin { get; init; } = -1;
        /// <summary>True if the pin reads high when the handset is lifted.</summary>
        public bool HookOffHookHigh { get; init; }
        /// <summary>True to enable the internal pull-up on the hook pin.</summary>
        public bool HookPullUp { get; init; } = true;

        /// <summary>Call button GPIO, or -1.</summary>
        public int CallButtonPin { get; init; } = -1;
        /// <summary>True if pressing pulls the pin low.</summary>
        public bool CallButtonActiveLow { get; init; } = true;
        /// <summary>True to enable the internal pull-up on the button pin.</summary>
        public bool CallButtonPullUp { get; init; } = true;

        /// <summary>GPIO LEDs.</summary>
        public LedConfig[] Leds { get; init; } = NoLeds;

        /// <summary>Door relay GPIO, or -1.</summary>
        public int RelayPin { get; init; } = -1;
        /// <summary>True if a high level energizes the relay.</summary>
        public bool RelayActiveHigh { get; init; } = true;

        /// <summary>Headphone-jack detect input, or -1.</summary>
        public int HeadphoneDetectPin { get; init; } = -1;

        /// <summary>Pins wired to other parts (SD card, touch pads, camera...), so nothing else may use them.</summary>
        public PinAssignment[] OtherPins { get; init; } = NoAssignments;

        /// <summary>True if every flag in f is set.</summary>
        public bool Has(BoardFeature f) { return (Features & f) == f; }

        /// <summary>The LED named name, or null.</summary>
        public LedConfig Led(string name)
        {
            for (int i = 0; i < Leds.Length; i++)
            {
                if (Leds[i].Name == name) return Leds[i];
            }
            return null;
        }

        /// <summary>True when capture and playback share one I2S controller.</summary>
        public bool DuplexI2s
        {
            get { return Speaker != null && Microphone != null && (Speaker == Microphone || Speaker.Bus == Microphone.Bus); }
        }

        /// <summary>A copy with another name, description and SoC (virtual twins of real boards).</summary>
        public BoardDefinition CopyAs(string name, string description, SocKind soc)
        {
            return new BoardDefinition
            {
                Name = name,
                Description = description,
                Soc = soc,
                Module = Module,
                Psram = Psram,
                Features = Features,
                I2cBus = I2cBus,
                I2cSda = I2cSda,
                I2cScl = I2cScl,
                I2cSpeedHz = I2cSpeedHz,
                Codec = Codec,
                CodecAddress = CodecAddress,
                CodecMicInput = CodecMicInput,
                MicAdc = MicAdc,
                MicAdcAddress = MicAdcAddress,
                SpeakerPart = SpeakerPart,
                MicPart = MicPart,
                Speaker = Speaker,
                Microphone = Microphone,
                AmpEnablePin = AmpEnablePin,
                AmpActiveHigh = AmpActiveHigh,
                KeypadRows = KeypadRows,
                KeypadColumns = KeypadColumns,
                KeyMap = KeyMap,
                KeypadDriveRows = KeypadDriveRows,
                KeypadExternalPullUps = KeypadExternalPullUps,
                HookPin = HookPin,
                HookOffHookHigh = HookOffHookHigh,
                HookPullUp = HookPullUp,
                CallButtonPin = CallButtonPin,
                CallButtonActiveLow = CallButtonActiveLow,
                CallButtonPullUp = CallButtonPullUp,
                Leds = Leds,
                RelayPin = RelayPin,
                RelayActiveHigh = RelayActiveHigh,
                HeadphoneDetectPin = HeadphoneDetectPin,
                OtherPins = OtherPins,
            };
        }
    }
}
