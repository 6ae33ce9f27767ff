// The device's configuration at boot. The running configuration lives in the provisioning
// slots (Endpoint.Provisioning: two slots plus an active pointer, atomic apply, last good kept).
// A document the user uploads as file I:\endpoint (key "endpoint" of the AtomicStorage over the
// internal flash) is imported into the slots at the next boot — validated first, so a bad upload
// is reported and the last good configuration keeps running — and then removed so it is not
// re-applied over a configuration fetched later from provisioning.url.
// Pure (the storage is injected). Depends on IStorage, ConfigLoader, Provisioner, IEventSink.
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Provisioning;

namespace Endpoint.Boot
{
    /// <summary>Boot-time configuration loader.</summary>
    public static class BootConfig
    {
        /// <summary>Storage key of the configuration (AtomicStorage keys allow no dot).</summary>
        public const string Key = "endpoint";

        /// <summary>Name used in messages.</summary>
        public const string Source = "flash:" + Key;

        /// <summary>
        /// Boots the provisioning slots, imports an uploaded document if there is one, and returns
        /// the active configuration (null with an error when there is none). Outcomes the user must
        /// know about (a recovered slot, a rejected upload) are reported as `provisioning` events.
        /// </summary>
        public static EndpointConfig Provision(IStorage storage, string[] acceptedBoards, IEventSink sink, out Provisioner provisioner, out string error)
        {
            error = null;
            provisioner = new Provisioner(storage);
            provisioner.AcceptedBoards = acceptedBoards;
            ProvisioningOutcome boot = provisioner.Boot();
            if (boot.Result == ProvisioningResult.Recovered || (boot.Result == ProvisioningResult.Empty && boot.Reason != null)) sink.Event(boot.ToEvent());

            int length = storage.Length(Key);
            if (length >= 0)
            {
                string uploadError;
                byte[] data = ReadUpload(storage, length, out uploadError);
                ProvisioningOutcome o = data != null ? provisioner.Apply(data, 0, data.Length, Source) : null;
                if (o == null) sink.Event(new EventLine("provisioning").Add("result", "rejected").Add("source", Source).Add("reason", uploadError).ToString());
                else
                {
                    sink.Event(o.ToEvent());
                    if (o.Result == ProvisioningResult.Applied || o.Result == ProvisioningResult.Unchanged) storage.Delete(Key);
                }
            }
            if (provisioner.Active == null)
            {
                error = length < 0 ? Source + ": no configuration stored (upload the JSON as file I:\\" + Key + ")" : Source + ": the uploaded configuration was not accepted and none is stored";
                return null;
            }
            return provisioner.Active;
        }

        private static byte[] ReadUpload(IStorage storage, int length, out string error)
        {
            error = null;
            if (length > ConfigLoader.MaxConfigBytes)
            {
                error = Source + ": file is " + length.ToString() + " bytes, more than the " + ConfigLoader.MaxConfigBytes.ToString() + " allowed";
                return null;
            }
            byte[] data = new byte[length];
            int got;
            StorageStatus s = storage.Read(Key, data, 0, length, out got);
            if (s != StorageStatus.Ok) { error = Source + ": cannot read (" + StorageStatusText.Get(s) + ")"; return null; }
            if (got == length) return data;
            byte[] exact = new byte[got];
            System.Array.Copy(data, exact, got);
            return exact;
        }

        /// <summary>Reads and validates the uploaded document alone; null with an error when absent or invalid.</summary>
        public static EndpointConfig Load(IStorage storage, out string error)
        {
            if (storage == null)
            {
                error = Source + ": no storage";
                return null;
            }
            int length = storage.Length(Key);
            if (length < 0)
            {
                error = Source + ": no configuration stored (upload the JSON as file I:\\" + Key + ")";
                return null;
            }
            byte[] data = ReadUpload(storage, length, out error);
            if (data == null) return null;
            return ConfigLoader.Load(data, 0, data.Length, Source, out error);
        }
    }
}
