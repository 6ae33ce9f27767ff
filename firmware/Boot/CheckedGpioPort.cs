// An IGpioPort decorator used at boot: the drivers ignore the result of Open, so this wrapper
// records every pin that cannot take its mode, labelled with the use the boot code set just
// before building the driver ("pin 27 (hook switch): cannot be opened as input with pull-up").
// Reads and writes pass straight through (no cost after boot). Depends on IGpioPort. Cold path
// on Open only.
using System.Collections;
using Endpoint.Hal;

namespace Endpoint.Boot
{
    /// <summary>GPIO port that records failed pin opens.</summary>
    public sealed class CheckedGpioPort : IGpioPort
    {
        private static readonly string[] ModeNames = { "input", "input with pull-up", "input with pull-down", "output", "open-drain output" };
        private readonly IGpioPort _inner;
        private readonly ArrayList _failures = new ArrayList();

        /// <summary>Wraps a port.</summary>
        public CheckedGpioPort(IGpioPort inner) { _inner = inner; }

        /// <summary>Label for the pins opened next, e.g. "hook switch".</summary>
        public string Purpose { get; set; }

        /// <summary>Number of failed opens.</summary>
        public int FailureCount { get { return _failures.Count; } }

        /// <summary>The i-th failure message.</summary>
        public string Failure(int i) { return (string)_failures[i]; }

        /// <inheritdoc/>
        public bool Open(int pin, GpioMode mode)
        {
            bool ok = _inner.Open(pin, mode);
            if (!ok)
            {
                int m = (int)mode;
                string modeName = m >= 0 && m < ModeNames.Length ? ModeNames[m] : "mode " + m.ToString();
                _failures.Add("pin " + pin.ToString() + " (" + (Purpose == null ? "gpio" : Purpose) + "): cannot be opened as " + modeName);
            }
            return ok;
        }

        /// <inheritdoc/>
        public bool Read(int pin) { return _inner.Read(pin); }

        /// <inheritdoc/>
        public void Write(int pin, bool high) { _inner.Write(pin, high); }
    }
}
