// Test helpers for the boot sequence: a fake IBootPlatform over the desktop simulations and the
// codec register emulators, an event sink that records lines, and config builders.
using System.Collections.Generic;
using System.Text;
using Endpoint.App;
using Endpoint.Boards;
using Endpoint.Boot;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Simulation;

namespace Endpoint.Tests.Boot
{
    public sealed class RecordingSink : IEventSink
    {
        public readonly List<string> Events = new List<string>();
        public readonly List<string> Logs = new List<string>();
        public void Event(string line) { Events.Add(line); }
        public void Log(string line) { Logs.Add(line); }
        public string All { get { return string.Join("\n", Events) + "\n" + string.Join("\n", Logs); } }
    }

    public sealed class RecordingMux : IPinMux
    {
        public readonly List<(int Pin, PinFunction Function)> Routed = new List<(int, PinFunction)>();
        public void Set(int pin, PinFunction function) { Routed.Add((pin, function)); }
    }

    public sealed class FakePlatform : IBootPlatform
    {
        public readonly SimGpioPort SimGpio = new SimGpioPort();
        public readonly RecordingMux Mux = new RecordingMux();
        public readonly List<string> Calls = new List<string>();
        public IRegisterBus Chip;                  // what OpenRegisterBus returns (an emulator)
        public readonly Dictionary<int, IRegisterBus> ChipsByAddress = new Dictionary<int, IRegisterBus>(); // overrides Chip per address
        public string BusOpenError;                // non-null: OpenRegisterBus fails
        public readonly HashSet<int> FailingI2sBuses = new HashSet<int>();
        public string NetworkError;                // non-null: ConnectNetwork fails
        public string Address = "192.168.1.23";
        public WifiConfig LastWifi;

        public IGpioPort Gpio { get { return SimGpio; } }

        public string RoutePins(BoardDefinition board)
        {
            Calls.Add("pins");
            BoardPinMux.Apply(board, Mux);
            return null;
        }

        public IRegisterBus OpenRegisterBus(int bus, int address, int speedHz, out string error)
        {
            Calls.Add("i2c " + bus + " 0x" + address.ToString("X2"));
            error = BusOpenError;
            if (BusOpenError != null) return null;
            IRegisterBus chip;
            return ChipsByAddress.TryGetValue(address, out chip) ? chip : Chip;
        }

        public string OpenAudio(I2sPlan port, int sampleRate, out IAudioInput input, out IAudioOutput output)
        {
            Calls.Add("i2s " + port.Describe() + " " + sampleRate);
            input = null;
            output = null;
            if (FailingI2sBuses.Contains(port.Bus)) return "I2S driver refused";
            if (port.Receive) input = new ArrayAudioInput(new short[AudioFrame.Samples(sampleRate)], sampleRate, true);
            if (port.Transmit) output = new CaptureAudioOutput(sampleRate, null);
            return null;
        }

        public string ConnectNetwork(WifiConfig wifi, out string localAddress)
        {
            Calls.Add("wifi " + wifi.Ssid);
            LastWifi = wifi;
            localAddress = NetworkError == null ? Address : null;
            return NetworkError;
        }
    }

    public static class BootConfigs
    {
        public static EndpointConfig Load(string json)
        {
            byte[] b = Encoding.UTF8.GetBytes(json);
            string error;
            EndpointConfig c = ConfigLoader.Load(b, 0, b.Length, "test.json", out error);
            Xunit.Assert.True(c != null, error);
            return c;
        }

        public static EndpointConfig ForBoard(string board)
        {
            return Load("{\"board\": \"" + board + "\", \"wifi\": {\"ssid\": \"office\", \"password\": \"correct horse battery\"}}");
        }
    }
}
