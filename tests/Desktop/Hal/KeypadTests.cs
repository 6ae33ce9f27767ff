// Matrix keypad driver over the simulated port and the electrical key-matrix model: bouncing
// contacts give exactly one down and one up, long press fires once, two keys at once are both
// reported, ghost keys (three keys on a rectangle) are never reported, both scan directions work,
// and Poll allocates nothing.
using System;
using System.Collections.Generic;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class KeypadTests
    {
        private static readonly int[] Rows = { 13, 14, 21, 23 };
        private static readonly int[] Cols = { 34, 36, 39 };

        private sealed class Rig
        {
            public readonly SimGpioPort Port = new SimGpioPort();
            public readonly SimKeyMatrix Matrix;
            public readonly MatrixKeypad Keypad;
            public readonly List<string> Events = new List<string>();
            public readonly List<long> Times = new List<long>();
            public long Now;

            public Rig(bool driveRows = true, string map = KeypadConfig.KeyMap4x3, int[] cols = null)
            {
                cols = cols ?? Cols;
                Matrix = new SimKeyMatrix(Port, Rows, cols, map);
                Keypad = new MatrixKeypad(Port, new KeypadConfig { Rows = Rows, Columns = cols, KeyMap = map, DriveRows = driveRows, ExternalPullUps = true });
                Keypad.KeyEvent += (k, a, t) => { Events.Add(k + ":" + KeyActionText.Get(a)); Times.Add(t); };
            }

            public void RunUntil(long endMs, int stepMs = 1)
            {
                for (int guard = 0; Now <= endMs && guard < 100000; guard++)
                {
                    Matrix.Tick(Now);
                    Keypad.Poll(Now);
                    Now += stepMs;
                }
            }
        }

        [Fact]
        public void Pins_are_configured_open_drain_rows_and_input_columns()
        {
            var rig = new Rig();
            foreach (int r in Rows) Assert.Equal(GpioMode.OutputOpenDrain, rig.Port.ModeOf(r));
            foreach (int c in Cols) Assert.Equal(GpioMode.Input, rig.Port.ModeOf(c));
            var pulled = new SimGpioPort();
            new MatrixKeypad(pulled, new KeypadConfig { Rows = Rows, Columns = Cols });
            Assert.Equal(GpioMode.InputPullUp, pulled.ModeOf(Cols[0]));
        }

        [Fact]
        public void Bouncing_press_and_release_give_one_down_and_one_up()
        {
            var rig = new Rig();
            rig.Matrix.ScheduleBounce('5', 100, true, 7, 4);   // 7 transitions within 4 ms
            rig.Matrix.ScheduleBounce('5', 400, false, 5, 3);
            rig.RunUntil(700);
            Assert.Equal(new[] { "5:down", "5:up" }, rig.Events.ToArray());
            Assert.InRange(rig.Times[0], 104 + 25, 104 + 27);
            Assert.InRange(rig.Times[1], 403 + 25, 403 + 27);
            Assert.False(rig.Keypad.IsDown('5'));
            Assert.Equal(2, rig.Keypad.EventCount);
            Assert.Equal('5', rig.Keypad.LastKey);
            Assert.Equal(KeyAction.Up, rig.Keypad.LastAction);
        }

        [Fact]
        public void Glitch_shorter_than_debounce_is_ignored()
        {
            var rig = new Rig();
            rig.Matrix.Schedule('1', 50, true);
            rig.Matrix.Schedule('1', 60, false);
            rig.Matrix.ScheduleBounce('2', 100, true, 9, 5);
            rig.Matrix.Schedule('2', 110, false); // bounce then let go before 25 ms of stability
            rig.RunUntil(400);
            Assert.Empty(rig.Events);
        }

        [Fact]
        public void Long_press_fires_once_between_down_and_up()
        {
            var rig = new Rig();
            rig.Matrix.Schedule('0', 10, true);
            rig.Matrix.Schedule('0', 2500, false);
            rig.RunUntil(3000, 5);
            Assert.Equal(new[] { "0:down", "0:long", "0:up" }, rig.Events.ToArray());
            Assert.True(rig.Times[1] - rig.Times[0] >= 800 && rig.Times[1] - rig.Times[0] < 810);
        }

        [Fact]
        public void Two_keys_held_together_are_both_reported()
        {
            var rig = new Rig();
            rig.Matrix.Schedule('1', 10, true);
            rig.Matrix.Schedule('9', 20, true);   // other row, other column
            rig.RunUntil(79);
            Assert.True(rig.Keypad.IsDown('1'));
            Assert.True(rig.Keypad.IsDown('9'));
            rig.Matrix.Schedule('3', 80, true);   // same row as '1', same column as '9': 1,3,9 form an L
            rig.RunUntil(180);
            Assert.False(rig.Keypad.IsDown('3')); // ambiguous scans are held back
            Assert.False(rig.Keypad.IsDown('7')); // the electrical ghost
            Assert.True(rig.Keypad.IsDown('9'));
            rig.Matrix.Schedule('9', 200, false);
            rig.RunUntil(300);
            Assert.True(rig.Keypad.IsDown('3'));  // with 9 released, 1 and 3 (same row) are unambiguous
            // 9:up and 3:down settle in the same scan; events of one scan come in key-map order.
            Assert.Equal(new[] { "1:down", "9:down", "3:down", "9:up" }, rig.Events.ToArray());
            Assert.Equal(rig.Times[2], rig.Times[3]);
        }

        [Fact]
        public void Ghost_key_of_a_rectangle_is_never_reported()
        {
            var rig = new Rig();
            // '1' (r0,c0), '2' (r0,c1), '4' (r1,c0): electrically '5' (r1,c1) reads pressed too.
            rig.Matrix.Schedule('1', 10, true);
            rig.Matrix.Schedule('2', 100, true);
            rig.Matrix.Schedule('4', 200, true);
            rig.RunUntil(350);
            Assert.Equal(new[] { "1:down", "2:down" }, rig.Events.ToArray());
            Assert.False(rig.Keypad.IsDown('5'));
            Assert.True(rig.Keypad.IgnoredScans > 100);
            // Release '2': 1 and 4 share a column only, so the scan is unambiguous again.
            rig.Matrix.Schedule('2', 400, false);
            rig.RunUntil(500);
            Assert.Equal(new[] { "1:down", "2:down", "2:up", "4:down" }, rig.Events.ToArray());
            Assert.DoesNotContain("5:down", rig.Events);
        }

        [Fact]
        public void Reverse_scan_direction_and_4x4_map_work()
        {
            int[] cols4 = { 34, 36, 39, 4 };
            var rig = new Rig(driveRows: false, map: KeypadConfig.KeyMap4x4, cols: cols4);
            foreach (int c in cols4) Assert.Equal(GpioMode.OutputOpenDrain, rig.Port.ModeOf(c));
            rig.Matrix.Schedule('D', 10, true);
            rig.Matrix.Schedule('D', 100, false);
            rig.Matrix.Schedule('#', 200, true);
            rig.Matrix.Schedule('#', 300, false);
            rig.RunUntil(400);
            Assert.Equal(new[] { "D:down", "D:up", "#:down", "#:up" }, rig.Events.ToArray());
        }

        [Fact]
        public void Bad_config_throws()
        {
            Assert.Throws<ArgumentException>(() => new MatrixKeypad(new SimGpioPort(), new KeypadConfig { Rows = Rows, Columns = Cols, KeyMap = "123" }));
            Assert.Throws<ArgumentNullException>(() => new MatrixKeypad(new SimGpioPort(), new KeypadConfig()));
        }

        private sealed class QuietPort : IGpioPort
        {
            public bool Open(int pin, GpioMode mode) { return true; }
            public bool Read(int pin) { return pin != 36; } // one column low: a key held
            public void Write(int pin, bool high) { }
        }

        [Fact]
        public void Poll_allocates_nothing()
        {
            var keypad = new MatrixKeypad(new QuietPort(), new KeypadConfig { Rows = Rows, Columns = Cols });
            int events = 0;
            keypad.KeyEvent += (k, a, t) => events++;
            for (int t = 0; t < 2000; t++) keypad.Poll(t);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 2000; t < 12000; t++) keypad.Poll(t);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(0, after - before);
            Assert.True(events >= 4); // held keys went down and long-pressed
        }
    }
}
