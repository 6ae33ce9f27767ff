// IStorage for the virtual device and tests (host-only): the device's AtomicStorage protocol over
// a MemoryFileStore, so power-cut tests exercise the same code the ESP32 runs. Depends on
// AtomicStorage, MemoryFileStore.
using Endpoint.Hal.Drivers;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Atomic key/value storage in memory with crash injection through Store.</summary>
    public sealed class MemoryStorage : AtomicStorage
    {
        /// <summary>Creates an empty store (values up to 64 KiB).</summary>
        public MemoryStorage() : this(new MemoryFileStore()) { }

        /// <summary>Creates a store over existing files (e.g. after a simulated reboot).</summary>
        public MemoryStorage(MemoryFileStore store) : base(store, 64 * 1024) { Store = store; }

        /// <summary>The simulated flash, with the power-cut knobs.</summary>
        public MemoryFileStore Store { get; }
    }
}
