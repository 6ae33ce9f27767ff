// IGpioPort over nanoFramework's GpioController (System.Device.Gpio 1.1, sealed, so drivers use
// our interface and this thin adapter). Device-only. Pin -1 is a no-op. Opening a pin that cannot
// take a mode returns false instead of throwing. Open-drain outputs are emulated (output-low /
// input) on pins whose driver does not report OutputOpenDrain support.
using System;
using System.Device.Gpio;

namespace Endpoint.Hal.Esp32
{
    /// <summary>GPIO adapter for ESP32 / ESP32-S3.</summary>
    public sealed class Esp32GpioPort : IGpioPort, IDisposable
    {
        private const int MaxPins = 49; // ESP32-S3 has GPIO 0..48

        private readonly GpioController _controller;
        private readonly GpioPin[] _pins = new GpioPin[MaxPins];
        private readonly bool[] _emulatedOpenDrain = new bool[MaxPins];

        /// <summary>Creates the adapter over a new GpioController.</summary>
        public Esp32GpioPort()
        {
            _controller = new GpioController();
        }

        /// <inheritdoc/>
        public bool Open(int pin, GpioMode mode)
        {
            if (pin < 0) return true;
            if (pin >= MaxPins) return false;
            PinMode pm = Map(mode);
            bool emulate = false;
            try
            {
                if (mode == GpioMode.OutputOpenDrain && !_controller.IsPinModeSupported(pin, pm))
                {
                    emulate = true;
                    pm = PinMode.Input;
                }
                if (!_controller.IsPinModeSupported(pin, pm)) return false;
                GpioPin p = _pins[pin];
                if (p == null)
                {
                    p = _controller.OpenPin(pin, pm);
                    _pins[pin] = p;
                }
                else
                {
                    p.SetPinMode(pm);
                }
                _emulatedOpenDrain[pin] = emulate;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public bool Read(int pin)
        {
            if (pin < 0 || pin >= MaxPins) return false;
            GpioPin p = _pins[pin];
            if (p == null) return false;
            return p.Read() == PinValue.High;
        }

        /// <inheritdoc/>
        public void Write(int pin, bool high)
        {
            if (pin < 0 || pin >= MaxPins) return;
            GpioPin p = _pins[pin];
            if (p == null) return;
            if (_emulatedOpenDrain[pin])
            {
                if (high)
                {
                    p.SetPinMode(PinMode.Input);
                }
                else
                {
                    p.SetPinMode(PinMode.Output);
                    p.Write(PinValue.Low);
                }
                return;
            }
            p.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>Closes every opened pin and the controller.</summary>
        public void Dispose()
        {
            for (int i = 0; i < MaxPins; i++)
            {
                if (_pins[i] != null)
                {
                    _pins[i].Dispose();
                    _pins[i] = null;
                }
            }
            _controller.Dispose();
        }

        private static PinMode Map(GpioMode mode)
        {
            switch (mode)
            {
                case GpioMode.InputPullUp: return PinMode.InputPullUp;
                case GpioMode.InputPullDown: return PinMode.InputPullDown;
                case GpioMode.Output: return PinMode.Output;
                case GpioMode.OutputOpenDrain: return PinMode.OutputOpenDrain;
                default: return PinMode.Input;
            }
        }
    }
}
