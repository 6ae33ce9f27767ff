// How the virtual device gets its configuration, the way a real device does at boot:
//   1. storage: --storage DIR (DirectoryFileStore under the device's AtomicStorage, kept across
//      restarts like flash) or, without it, an in-memory storage that lives for one run;
//   2. boot from the active slot (falling back to the last good one);
//   3. --config FILE is "provision from this file": validated, then stored atomically. When it is
//      invalid and a good configuration is stored, the device reports it and keeps running on the
//      stored one; with nothing stored it is a start-up error (exit 2) as before;
//   4. nothing stored and no --config: the embedded default (DefaultConfig) is applied;
//   5. provisioning.url in the active configuration: fetched once now (event provisioning
//      result=...), and every provisioning.intervalSeconds in the background.
// Events appear only for what the user must know (remote fetches, recoveries, rejected local
// files while running on a stored configuration); the rest goes to the log (stderr). Host-only.
using System;
using System.IO;
using System.Text;
using System.Threading;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Endpoint.Provisioning;
using Endpoint.Runtime;

namespace Endpoint.Host
{
    public static class ProvisioningBoot
    {
        /// <summary>Boards the virtual device runs.</summary>
        public static readonly string[] VirtualBoards = { "virtual-deskphone", "virtual-intercom" };

        /// <summary>Largest value the storage holds (a slot record).</summary>
        public const int MaxStoredBytes = 64 * 1024;

        /// <summary>
        /// Returns the configuration to run, or null with <paramref name="error"/> (exit 2).
        /// </summary>
        public static EndpointConfig Load(string configPath, string storageDir, IEventSink sink, out string error)
        {
            error = null;
            IStorage storage;
            try { storage = storageDir != null ? new AtomicStorage(new DirectoryFileStore(storageDir), MaxStoredBytes) : new MemoryStorage(); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                error = storageDir + ": cannot use as storage (" + e.Message + ")";
                return null;
            }
            var prov = new Provisioner(storage) { AcceptedBoards = VirtualBoards };

            ProvisioningOutcome boot = prov.Boot();
            if (boot.Result == ProvisioningResult.Recovered || (boot.Result == ProvisioningResult.Empty && boot.Reason != null)) sink.Event(boot.ToEvent());
            if (storageDir != null) sink.Log(boot.ToLog());

            if (configPath != null)
            {
                string source = configPath;
                byte[] data = ReadFile(configPath, out error);
                ProvisioningOutcome o = data != null ? prov.Apply(data, 0, data.Length, source) : null;
                if (data == null || o.Result == ProvisioningResult.Rejected || o.Result == ProvisioningResult.Failed)
                {
                    string why = data == null ? error : o.Reason;
                    if (prov.Active == null)
                    {
                        error = data == null ? error : source + ": " + StripKeeping(o.Reason);
                        return null;
                    }
                    error = null;
                    if (o == null) o = new ProvisioningOutcome { Result = ProvisioningResult.Rejected, Source = source, Reason = why + "; keeping the active configuration", Slot = prov.ActiveSlot, Generation = prov.ActiveGeneration };
                    sink.Event(o.ToEvent());
                }
                sink.Log(o.ToLog());
            }

            if (prov.Active == null)
            {
                byte[] def = Encoding.UTF8.GetBytes(DefaultConfig.Json);
                ProvisioningOutcome o = prov.Apply(def, 0, def.Length, "default config");
                if (prov.Active == null) { error = "default config: " + o.Reason; return null; }
                if (storageDir != null) sink.Log(o.ToLog());
            }

            ProvisioningConfig p = prov.Active.Provisioning;
            if (p != null && p.Url != null)
            {
                var fetcher = new ProvisioningFetcher(prov, sink);
                fetcher.FetchAndApply(p);
                Thread periodic = fetcher.CreatePeriodic(prov.Active.Provisioning);
                if (periodic != null)
                {
                    periodic.IsBackground = true;
                    periodic.Name = "provisioning";
                    periodic.Start();
                }
            }
            return prov.Active;
        }

        private static string StripKeeping(string reason)
        {
            const string tail = "; keeping the active configuration";
            return reason != null && reason.EndsWith(tail, StringComparison.Ordinal) ? reason.Substring(0, reason.Length - tail.Length) : reason;
        }

        private static byte[] ReadFile(string path, out string error)
        {
            error = null;
            try { return File.ReadAllBytes(path); }
            catch (FileNotFoundException) { error = path + ": file not found"; }
            catch (DirectoryNotFoundException) { error = path + ": file not found (no such directory)"; }
            catch (IOException e) { error = path + ": cannot read (" + e.Message + ")"; }
            catch (UnauthorizedAccessException) { error = path + ": permission denied"; }
            return null;
        }
    }
}
