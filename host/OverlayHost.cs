// Turns the overlay on for the virtual device (host-only): the site key as a desktop HMAC, the
// runtime's random source, and a storage directory for the overlay state (last sequence number,
// seen message ids). Storage directory: the one given (a future `--storage DIR` host option), else
// "<config file>.storage/" next to the configuration file (e.g. phone.json.storage/), else (the
// embedded default configuration) nothing is persisted. Optional environment knobs for tests and
// benchmarks, in ms: ENDPOINT_OVERLAY_REFRESH_MS, ENDPOINT_OVERLAY_PROBE_MS (active supernode
// probe period), ENDPOINT_OVERLAY_CACHE_MS (lookup cache TTL); unset = the firmware defaults.
using System;
using System.IO;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Host.Crypto;
using Endpoint.Overlay;
using Endpoint.Runtime;

namespace Endpoint.Host
{
    public static class OverlayHost
    {
        /// <summary>Largest value the overlay state store accepts.</summary>
        public const int MaxStateBytes = 16 * 1024;

        /// <summary>The storage directory for a configuration file (null: nothing persisted).</summary>
        public static string StateDirectory(string configPath, string storageDir)
        {
            if (storageDir != null) return storageDir;
            return configPath == null ? null : configPath + ".storage";
        }

        /// <summary>Enables the overlay when the configuration has one; returns an error text or null.</summary>
        public static string Attach(EndpointApp app, EndpointConfig config, string configPath, string storageDir, RuntimeRandom random, IEventSink sink)
        {
            if (config.Overlay == null) return null;
            OverlaySettings s = OverlaySettings.FromConfig(config.Overlay);
            s.RefreshMs = Knob("ENDPOINT_OVERLAY_REFRESH_MS", s.RefreshMs);
            s.ProbeIntervalMs = Knob("ENDPOINT_OVERLAY_PROBE_MS", s.ProbeIntervalMs);
            s.LookupCacheMs = Knob("ENDPOINT_OVERLAY_CACHE_MS", s.LookupCacheMs);
            string dir = StateDirectory(configPath, storageDir);
            IStorage storage = dir == null ? null : new AtomicStorage(new DirectoryFileStore(dir), MaxStateBytes);
            if (dir != null) sink.Log("overlay state in " + Path.GetFullPath(dir));
            return app.EnableOverlay(s, new DesktopHmacSha256(config.Overlay.SiteKey), random, storage);
        }

        private static int Knob(string name, int fallback)
        {
            string v = Environment.GetEnvironmentVariable(name);
            return v != null && int.TryParse(v, out int ms) && ms > 0 ? ms : fallback;
        }
    }
}
