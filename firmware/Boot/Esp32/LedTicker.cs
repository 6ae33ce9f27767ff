// Keeps a status LED blinking while the boot thread is blocked in a long native call (a Wi-Fi
// join waits up to 30 s): a background thread calls Poll every 20 ms until Stop, which joins it,
// so the LED has one owner at a time. DEVICE-ONLY (threads). Depends on IIndicator, Thread.
using System;
using System.Threading;
using Endpoint.Hal;

namespace Endpoint.Boot.Esp32
{
    /// <summary>Polls one indicator on a background thread.</summary>
    public sealed class LedTicker
    {
        private const int PollMs = 20;
        private readonly IIndicator _led;
        private readonly Thread _thread;
        private readonly object _gate = new object();
        private bool _running;

        /// <summary>Starts polling led (null: does nothing).</summary>
        public LedTicker(IIndicator led)
        {
            _led = led;
            if (led == null) return;
            _running = true;
            _thread = new Thread(Loop);
            _thread.Start();
        }

        /// <summary>Stops polling and waits for the thread to end.</summary>
        public void Stop()
        {
            if (_thread == null) return;
            lock (_gate) { _running = false; }
            _thread.Join(1000);
        }

        private void Loop()
        {
            while (true)
            {
                lock (_gate)
                {
                    if (!_running) return;
                    _led.Poll(Environment.TickCount64);
                }
                Thread.Sleep(PollMs);
            }
        }
    }
}
