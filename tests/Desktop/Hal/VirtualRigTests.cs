// The virtual device's simulated hardware, built from the virtual board definitions: keypad,
// hook switch, call button, LED and relay event lines as the host prints them.
using System.Collections.Generic;
using Endpoint.Boards.Virtual;
using Endpoint.Hal;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class VirtualRigTests
    {
        [Fact]
        public void Desk_phone_rig_reports_keys_hook_and_led_events()
        {
            var lines = new List<string>();
            var rig = new VirtualRig(VirtualDeskPhoneBoard.Definition, 8000, lines.Add, null);
            var keys = new List<string>();
            rig.Keypad.KeyEvent += (k, a, t) => keys.Add(k + ":" + KeyActionText.Get(a));
            var hook = new List<bool>();
            rig.Hook.HookChanged += (off, t) => hook.Add(off);

            long now = 0;
            rig.Poll(now);
            rig.SetOffHook(true);
            for (; now < 100; now += 5) rig.Poll(now);
            rig.PressKey('7');
            for (; now < 200; now += 5) rig.Poll(now);
            rig.ReleaseKey('7');
            for (; now < 300; now += 5) rig.Poll(now);
            Assert.Equal(new[] { true }, hook.ToArray());
            Assert.Equal(new[] { "7:down", "7:up" }, keys.ToArray());

            rig.Led("message").Blink(500, 500, 0);
            rig.Led("status").Set(true);
            rig.Led("status").Set(true);
            Assert.Equal(new[] { "event led name=message state=blink on=500 off=500 count=0", "event led name=status state=on" }, lines.ToArray());
            lines.Clear();
            rig.Led("status").Blink(100, 100, 2);
            for (long t = now; t < now + 1000; t += 10) rig.Poll(t);
            Assert.Equal(new[] { "event led name=status state=blink on=100 off=100 count=2", "event led name=status state=off" }, lines.ToArray());
            Assert.Null(rig.Relay);
            Assert.Null(rig.CallButton);
            Assert.Equal(160, rig.Microphone.FrameSamples);
        }

        [Fact]
        public void Intercom_rig_pulses_the_relay_and_reports_the_button()
        {
            var lines = new List<string>();
            var rig = new VirtualRig(VirtualIntercomBoard.Definition, 16000, lines.Add, null);
            var presses = new List<KeyAction>();
            rig.CallButton.ButtonEvent += (a, t) => presses.Add(a);
            long now = 0;
            rig.Poll(now);
            rig.SetCallButton(true);
            for (; now < 100; now += 5) rig.Poll(now);
            rig.SetCallButton(false);
            for (; now < 200; now += 5) rig.Poll(now);
            Assert.Equal(new[] { KeyAction.Down, KeyAction.Up }, presses.ToArray());

            rig.Relay.Pulse(3000, now);
            rig.Amplifier.Enable(true);
            for (; now < 3300; now += 10) rig.Poll(now);
            Assert.Equal(new[] { "event relay state=on", "event amp state=on", "event relay state=off" }, lines.ToArray());
            Assert.Equal(320, rig.Speaker.FrameSamples);
            Assert.Equal(0, rig.Speaker.WriteFrame(new short[320]) - 320);
        }
    }
}
