// IClock over Environment.TickCount64 (nanoFramework.Runtime.Native): monotonic milliseconds since
// boot. Device-only (desktop code uses the host's own clock or ManualClock).
using System;

namespace Endpoint.Hal.Esp32
{
    /// <summary>Monotonic device clock.</summary>
    public sealed class Esp32Clock : IClock
    {
        /// <inheritdoc/>
        public long NowMs { get { return Environment.TickCount64; } }
    }
}
