// Hook switch, push button, LED, relay and amplifier drivers over the simulated GPIO port.
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class InputOutputDriverTests
    {
        private static void Run(SimGpioPort port, IPollable p, ref long now, long end, int step = 1)
        {
            for (int guard = 0; now <= end && guard < 100000; guard++)
            {
                port.Tick(now);
                p.Poll(now);
                now += step;
            }
        }

        [Fact]
        public void Hook_switch_debounces_bouncing_lift_and_hang_up()
        {
            var port = new SimGpioPort();
            port.SetInput(27, true); // on hook: pull-up high, switch open
            var hook = new HookSwitch(port, 27, offHookHigh: false, pullUp: true, debounceMs: 30);
            Assert.Equal(GpioMode.InputPullUp, port.ModeOf(27));
            var events = new List<bool>();
            hook.HookChanged += (off, t) => events.Add(off);
            port.ScheduleBounce(27, 100, false, 9, 5);
            port.ScheduleBounce(27, 500, true, 7, 4);
            long now = 0;
            Run(port, hook, ref now, 800);
            Assert.Equal(new[] { true, false }, events.ToArray());
            Assert.False(hook.OffHook);
        }

        [Fact]
        public void Hook_lifted_at_boot_is_a_state_not_an_event()
        {
            var port = new SimGpioPort();
            port.SetInput(27, false);
            var hook = new HookSwitch(port, 27, false, true, 30);
            int events = 0;
            hook.HookChanged += (off, t) => events++;
            long now = 0;
            Run(port, hook, ref now, 200);
            Assert.True(hook.OffHook);
            Assert.Equal(0, events);
        }

        [Fact]
        public void Push_button_reports_down_long_press_once_and_up()
        {
            var port = new SimGpioPort();
            port.SetInput(27, true);
            var button = new PushButton(port, 27, activeLow: true, pullUp: true, debounceMs: 25, longPressMs: 800);
            var events = new List<string>();
            button.ButtonEvent += (a, t) => events.Add(KeyActionText.Get(a) + "@" + t);
            port.ScheduleBounce(27, 100, false, 5, 3);
            port.Schedule(27, 1500, true);
            long now = 0;
            Run(port, button, ref now, 2000);
            Assert.Equal(new[] { "down@128", "long@928", "up@1525" }, events.ToArray());
        }

        [Fact]
        public void Button_held_at_boot_reports_nothing_until_pressed_again()
        {
            var port = new SimGpioPort();
            port.SetInput(27, false);
            var button = new PushButton(port, 27, true, true, 25, 800);
            var events = new List<KeyAction>();
            button.ButtonEvent += (a, t) => events.Add(a);
            port.Schedule(27, 2000, true);
            port.Schedule(27, 2200, false);
            long now = 0;
            Run(port, button, ref now, 2400, 5);
            Assert.Equal(new[] { KeyAction.Up, KeyAction.Down }, events.ToArray());
        }

        [Fact]
        public void Led_blinks_the_pattern_count_then_turns_off()
        {
            var port = new SimGpioPort();
            var led = new LedDriver(port, 19, activeHigh: true, name: "status");
            Assert.False(port.OutputLevel(19));
            int rising = 0;
            port.OutputWritten += (pin, level) => { if (pin == 19 && level) rising++; };
            led.Blink(100, 200, 3);
            Assert.Equal(IndicatorState.Blink, led.State);
            long now = 0;
            Run(port, led, ref now, 2000, 10);
            Assert.Equal(3, rising);
            Assert.Equal(IndicatorState.Off, led.State);
            Assert.False(port.OutputLevel(19));

            led.Set(true);
            Assert.True(port.OutputLevel(19));
            Assert.Equal(IndicatorState.On, led.State);
        }

        [Fact]
        public void Led_blink_timing_and_active_low()
        {
            var port = new SimGpioPort();
            var led = new LedDriver(port, 22, activeHigh: false, name: "status");
            Assert.True(port.OutputLevel(22)); // off = high for active-low
            led.Blink(50, 150, 0);
            var lit = new List<long>();
            bool was = false;
            for (long now = 0; now <= 1000; now += 10)
            {
                led.Poll(now);
                if (led.Lit && !was) lit.Add(now);
                Assert.Equal(!led.Lit, port.OutputLevel(22));
                was = led.Lit;
            }
            Assert.Equal(new long[] { 0, 200, 400, 600, 800, 1000 }, lit.ToArray());
            Assert.Equal(IndicatorState.Blink, led.State);
            led.Set(false);
            Assert.True(port.OutputLevel(22));
        }

        [Fact]
        public void Relay_pulse_ends_in_poll_and_starts_released()
        {
            var port = new SimGpioPort();
            var relay = new RelayDriver(port, 23, activeHigh: true, name: "door");
            Assert.Equal(0, port.IndexOfWrite(23, false));
            relay.Pulse(3000, 1000);
            Assert.True(relay.IsOn);
            Assert.True(port.OutputLevel(23));
            relay.Poll(3999);
            Assert.True(relay.IsOn);
            relay.Poll(4000);
            Assert.False(relay.IsOn);
            Assert.False(port.OutputLevel(23));
            relay.Pulse(100, 5000);
            relay.Set(false);
            relay.Poll(6000);
            Assert.False(relay.IsOn);
        }

        [Fact]
        public void Amplifier_starts_disabled_and_no_pin_is_harmless()
        {
            var port = new SimGpioPort();
            var amp = new GpioAmplifier(port, 4, activeHigh: true);
            Assert.False(port.OutputLevel(4));
            amp.Enable(true);
            Assert.True(port.OutputLevel(4));
            Assert.True(amp.Enabled);

            var none = new GpioAmplifier(port, Pins.None, true);
            none.Enable(true);
            Assert.True(none.Enabled);
            Assert.Equal(-1, port.IndexOfWrite(-1, true));
        }
    }
}
