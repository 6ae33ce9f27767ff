// The board boot, in order, over an IBootPlatform:
//   1. plan    BootPlanner: board known, pin check passed (collisions named), `wifi` present;
//   2. pins    route I2C/I2S through the pin mux;
//   3. gpio    LEDs, relay, keypad, hook switch, call button, amplifier enable (failed pin
//              opens are named, non-fatal);
//   4. audio   open the I2S controllers at 8 kHz;
//   5. codec   ES8388/ES8311 Init over I2C;
//   5b. micadc ES7210 Init over I2C (boards with a separate microphone ADC, e.g. Korvo-2);
//   6. network (separate call, Connect) join Wi-Fi, then use the DHCP address for SIP.
// Policy (documented in firmware/Boot/README.md): steps 1-2 failing stop the device (status LED
// pattern, see BootFailures); a codec or I2S failure is NOT fatal: it becomes one readable
// line ("ES8388 at I2C bus 1 address 0x10 (SDA 18, SCL 23): ES8388 reg 0x08 write: address
// NAK") and the device continues without audio, because registration, call signalling, RFC 4733
// DTMF and the door relay still work and the device stays reachable for diagnosis. A failing
// microphone ADC disables capture only ("...; capture disabled, playback continues"). Each step
// emits `event boot step=NAME result=ok|warning|error ...`. Pure: no threads, clocks or sockets.
// Depends on BootPlanner, IBootPlatform, hal/Drivers, Endpoint.App (IEventSink, EventLine).
using System.Collections;
using Endpoint.App;
using Endpoint.Boards;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;

namespace Endpoint.Boot
{
    /// <summary>Runs the boot steps.</summary>
    public static class BootSequence
    {
        /// <summary>Debounce for the hook switch and the call button.</summary>
        public const int DebounceMs = 30;
        /// <summary>Long-press time of the call button.</summary>
        public const int LongPressMs = 800;

        /// <summary>Steps 1-5. Never throws for hardware faults; storage may be null.</summary>
        public static BootResult Start(EndpointConfig config, IBootPlatform platform, IStorage storage, IEventSink sink)
        {
            BootFailure failure;
            string error;
            BootPlan plan = BootPlanner.Plan(config, out failure, out error);
            return Start(plan, failure, error, platform, storage, sink);
        }

        /// <summary>Steps 2-5 for an already made plan (or reports the planning failure).</summary>
        public static BootResult Start(BootPlan plan, BootFailure failure, string error, IBootPlatform platform, IStorage storage, IEventSink sink)
        {
            BootResult result = new BootResult();
            if (plan == null)
            {
                result.Failure = failure == BootFailure.None ? BootFailure.Config : failure;
                result.Error = error;
                Report(sink, failure == BootFailure.Board ? "board" : "config", "error", error);
                return result;
            }
            result.Plan = plan;
            BoardDefinition board = plan.Board;
            Report(sink, "board", "ok", board.Name + ": " + board.Description);
            for (int i = 0; i < plan.Warnings.Length; i++) Report(sink, "board", "warning", plan.Warnings[i]);

            string pins = platform.RoutePins(board);
            if (pins != null)
            {
                result.Failure = BootFailure.Board;
                result.Error = "pin mux: " + pins;
                Report(sink, "pins", "error", result.Error);
                return result;
            }
            Report(sink, "pins", "ok", null);

            ArrayList problems = new ArrayList();
            CheckedGpioPort gpio = new CheckedGpioPort(platform.Gpio);
            BoardDevices devices = new BoardDevices();
            devices.Gpio = gpio;
            devices.Storage = storage;
            IAmplifierEnable amp = BuildGpioDrivers(board, gpio, devices);
            for (int i = 0; i < gpio.FailureCount; i++) problems.Add(gpio.Failure(i));
            Report(sink, "gpio", gpio.FailureCount == 0 ? "ok" : "error", gpio.FailureCount == 0 ? null : Join(problems));

            OpenAudio(plan, platform, devices, problems, sink);
            if (plan.Codec != AudioPart.None) InitCodec(plan, platform, amp, devices, problems, sink);
            else if (amp != null && devices.Speaker != null)
            {
                devices.Amplifier = amp;
                amp.Enable(true);
            }
            else devices.Amplifier = amp;
            if (plan.MicAdc != AudioPart.None) InitMicAdc(plan, platform, devices, problems, sink);

            result.Devices = devices;
            result.Problems = new string[problems.Count];
            for (int i = 0; i < problems.Count; i++) result.Problems[i] = (string)problems[i];
            return result;
        }

        /// <summary>
        /// Step 6: joins the network and makes SIP use the device's address. Returns null on
        /// success, else the reason (the caller retries; see DeviceProgram).
        /// </summary>
        public static string Connect(EndpointConfig config, IBootPlatform platform, IEventSink sink)
        {
            string address;
            string error = platform.ConnectNetwork(config.Wifi, out address);
            if (error == null && (address == null || address.Length == 0 || address == "0.0.0.0")) error = "no IPv4 address from DHCP";
            if (error != null)
            {
                error = "Wi-Fi \"" + config.Wifi.Ssid + "\": " + error;
                Report(sink, "network", "error", error);
                return error;
            }
            BootNetwork.UseLocalAddress(config, address);
            Report(sink, "network", "ok", "address " + address + ", SIP on " + config.Sip.Listen.ToString());
            return null;
        }

        /// <summary>Creates the codec driver for a part, or null when there is none.</summary>
        public static CodecDriver CreateCodec(AudioPart part, IRegisterBus bus, IAmplifierEnable amp, CodecConfig config)
        {
            if (part == AudioPart.Es8388) return new Es8388Codec(bus, amp, config);
            if (part == AudioPart.Es8311) return new Es8311Codec(bus, amp, config);
            return null;
        }

        private static IAmplifierEnable BuildGpioDrivers(BoardDefinition board, CheckedGpioPort gpio, BoardDevices devices)
        {
            IIndicator[] leds = new IIndicator[board.Leds.Length];
            for (int i = 0; i < leds.Length; i++)
            {
                LedConfig c = board.Leds[i];
                gpio.Purpose = "LED " + c.Name;
                leds[i] = new LedDriver(gpio, c.Pin, c.ActiveHigh, c.Name);
            }
            devices.Leds = leds;
            if (board.RelayPin >= 0)
            {
                gpio.Purpose = "door relay";
                devices.Relay = new RelayDriver(gpio, board.RelayPin, board.RelayActiveHigh, "door");
            }
            if (board.Has(BoardFeature.Keypad))
            {
                gpio.Purpose = "keypad";
                devices.Keypad = new MatrixKeypad(gpio, new KeypadConfig
                {
                    Rows = board.KeypadRows,
                    Columns = board.KeypadColumns,
                    KeyMap = board.KeyMap,
                    DriveRows = board.KeypadDriveRows,
                    ExternalPullUps = board.KeypadExternalPullUps,
                });
            }
            if (board.HookPin >= 0)
            {
                gpio.Purpose = "hook switch";
                devices.Hook = new HookSwitch(gpio, board.HookPin, board.HookOffHookHigh, board.HookPullUp, DebounceMs);
            }
            if (board.CallButtonPin >= 0)
            {
                gpio.Purpose = "call button";
                devices.CallButton = new PushButton(gpio, board.CallButtonPin, board.CallButtonActiveLow, board.CallButtonPullUp, DebounceMs, LongPressMs);
            }
            IAmplifierEnable amp = null;
            if (board.AmpEnablePin >= 0)
            {
                gpio.Purpose = "amplifier enable";
                amp = new GpioAmplifier(gpio, board.AmpEnablePin, board.AmpActiveHigh);
            }
            gpio.Purpose = null;
            return amp;
        }

        private static void OpenAudio(BootPlan plan, IBootPlatform platform, BoardDevices devices, ArrayList problems, IEventSink sink)
        {
            if (plan.AudioPorts.Length == 0)
            {
                Report(sink, "audio", "warning", "no audio on this board");
                return;
            }
            for (int i = 0; i < plan.AudioPorts.Length; i++)
            {
                I2sPlan port = plan.AudioPorts[i];
                IAudioInput input;
                IAudioOutput output;
                string error = platform.OpenAudio(port, plan.SampleRate, out input, out output);
                if (error != null)
                {
                    string msg = port.Describe() + " at " + plan.SampleRate.ToString() + " Hz: " + error + "; continuing without " + (port.Transmit ? (port.Receive ? "audio" : "speaker") : "microphone");
                    problems.Add(msg);
                    Report(sink, "audio", "error", msg);
                    continue;
                }
                if (port.Transmit && output != null) devices.Speaker = output;
                if (port.Receive && input != null) devices.Microphone = input;
                Report(sink, "audio", "ok", port.Describe() + " at " + plan.SampleRate.ToString() + " Hz");
            }
        }

        private static void InitCodec(BootPlan plan, IBootPlatform platform, IAmplifierEnable amp, BoardDevices devices, ArrayList problems, IEventSink sink)
        {
            string error;
            IRegisterBus bus = platform.OpenRegisterBus(plan.I2cBus, plan.CodecAddress, plan.I2cSpeedHz, out error);
            string msg = null;
            if (bus == null)
            {
                msg = plan.CodecLocation + ": cannot open the I2C bus: " + (error == null ? "unknown error" : error);
            }
            else
            {
                CodecDriver codec = CreateCodec(plan.Codec, bus, amp, plan.CodecConfig);
                CodecStatus s = codec.Init(plan.SampleRate);
                if (s.Ok)
                {
                    devices.Codec = codec;
                    Report(sink, "codec", "ok", plan.CodecLocation + " at " + plan.SampleRate.ToString() + " Hz");
                    return;
                }
                msg = plan.CodecLocation + ": " + s.Message + Hint(s);
            }
            msg += "; continuing without audio";
            problems.Add(msg);
            devices.Microphone = null;
            devices.Speaker = null;
            Report(sink, "codec", "error", msg);
        }

        private static void InitMicAdc(BootPlan plan, IBootPlatform platform, BoardDevices devices, ArrayList problems, IEventSink sink)
        {
            if (devices.Microphone == null)
            {
                Report(sink, "micadc", "warning", plan.MicAdcLocation + ": not started, the I2S input is not open");
                return;
            }
            string error;
            IRegisterBus bus = platform.OpenRegisterBus(plan.I2cBus, plan.MicAdcAddress, plan.I2cSpeedHz, out error);
            string msg;
            if (bus == null)
            {
                msg = plan.MicAdcLocation + ": cannot open the I2C bus: " + (error == null ? "unknown error" : error);
            }
            else
            {
                Es7210Adc adc = new Es7210Adc(bus, plan.MicAdcConfig);
                CodecStatus s = adc.Init(plan.SampleRate);
                if (s.Ok)
                {
                    devices.MicAdc = adc;
                    Report(sink, "micadc", "ok", plan.MicAdcLocation + " at " + plan.SampleRate.ToString() + " Hz, gain " + adc.GainDb.ToString() + " dB");
                    return;
                }
                msg = plan.MicAdcLocation + ": " + s.Message + Hint(s);
            }
            msg += "; capture disabled, playback continues";
            problems.Add(msg);
            devices.Microphone = null;
            Report(sink, "micadc", "error", msg);
        }

        private static string Hint(CodecStatus s)
        {
            if (s.Error == CodecError.Bus && s.Bus == BusStatus.AddressNak) return " (no chip answers at this address: check power, wiring and the board choice)";
            if (s.Error == CodecError.WrongChipId) return " (a different chip answers: check the board choice)";
            return "";
        }

        private static string Join(ArrayList lines)
        {
            string s = "";
            for (int i = 0; i < lines.Count; i++) s = i == 0 ? (string)lines[i] : s + "; " + (string)lines[i];
            return s;
        }

        /// <summary>Emits `event boot step=S result=R [detail=...]` and the same as a log line.</summary>
        public static void Report(IEventSink sink, string step, string result, string detail)
        {
            if (sink == null) return;
            EventLine e = new EventLine("boot").Add("step", step).Add("result", result);
            if (detail != null) e.Add(result == "ok" ? "detail" : "reason", detail);
            sink.Event(e.ToString());
            sink.Log("boot " + step + ": " + result + (detail == null ? "" : " - " + detail));
        }
    }
}
