// A desk phone on simulated hardware for unit tests: the virtual desk-phone board's keypad
// matrix, hook switch and LEDs (the real MatrixKeypad/HookSwitch/LedDriver over SimGpioPort),
// the DeskPhoneApp under test, and a FakePhone engine; time is a manual clock advanced in 5 ms
// steps (the rig and the application are polled like the host's loop does).
using System.Collections.Generic;
using System.Text;
using Endpoint.App.DeskPhone;
using Endpoint.Boards.Virtual;
using Endpoint.Config;
using Endpoint.Hal.Simulation;
using Endpoint.Media.Tones;
using Xunit;

namespace Endpoint.Tests.DeskPhone
{
    public sealed class DeskPhoneHarness
    {
        public VirtualRig Rig { get; }
        public FakePhone Phone { get; }
        public DeskPhoneApp App { get; }
        public List<string> LedEvents { get; } = new List<string>();
        public long Now { get; private set; }

        public DeskPhoneHarness(string phoneJson = null, ToneRegion region = ToneRegion.Etsi, bool liftedAtBoot = false)
        {
            Rig = new VirtualRig(VirtualDeskPhoneBoard.Definition, 8000, LedEvents.Add, null);
            if (liftedAtBoot) Rig.SetOffHook(true); // before the hook driver's first sample
            Phone = new FakePhone(Config(phoneJson), region);
            App = new DeskPhoneApp(Rig.Keypad, Rig.Hook, Rig.Led("status"), Rig.Led("message"));
            Phone.Product = App;
            App.Start(Phone, 0);
            Run(50);
        }

        public static EndpointConfig Config(string phoneJson)
        {
            string json = "{\"board\":\"virtual-deskphone\"" + (phoneJson == null ? "" : ",\"phone\":" + phoneJson) + "}";
            byte[] b = Encoding.UTF8.GetBytes(json);
            string error;
            EndpointConfig c = ConfigLoader.Load(b, 0, b.Length, "test", out error);
            Assert.True(c != null, error);
            return c;
        }

        /// <summary>Advances the clock by ms, polling like the host loop (bounded).</summary>
        public void Run(int ms)
        {
            long end = Now + ms;
            while (Now < end)
            {
                Now += 5;
                Phone.Now = Now;
                Rig.Poll(Now);
                App.OnTimer(Now);
            }
        }

        public void HookOff() { Rig.SetOffHook(true); Run(100); }
        public void HookOn() { Rig.SetOffHook(false); Run(100); }

        /// <summary>Presses and releases keypad keys (0-9 * #) through the matrix.</summary>
        public void Keys(string keys)
        {
            foreach (char k in keys)
            {
                Rig.PressKey(k);
                Run(80);
                Rig.ReleaseKey(k);
                Run(60);
            }
        }

        /// <summary>A function key (not on the matrix): as the host routes it, to OnCommand.</summary>
        public void Function(string name)
        {
            string error;
            var c = Endpoint.App.Command.Parse("key " + name, out error);
            Assert.True(c != null, error);
            Assert.True(App.OnCommand(c, Now));
        }

        public ToneSpec Tone(ToneKind kind) { return ToneTable.Get(Phone.Region, kind); }

        public SimIndicator Led(string name) { return (SimIndicator)Rig.Led(name); }

        /// <summary>The "dial TARGET" actions only.</summary>
        public string[] Dials() { return Phone.Actions.FindAll(a => a.StartsWith("dial ")).ToArray(); }

        public int Count(string prefix) { return Phone.Events.FindAll(e => e.StartsWith(prefix)).Count; }
    }
}
