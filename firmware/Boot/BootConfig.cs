// Loads the device configuration from persistent storage: the JSON document stored under key
// "endpoint" of an AtomicStorage over the internal flash (file I:\endpoint, with I:\endpoint.new
// and I:\endpoint.old used by atomic replacement), validated by ConfigLoader. One call, so the
// provisioning module can replace it without touching the boot code. Errors name the key/file
// and the field. Pure (the storage is injected). Depends on IStorage, ConfigLoader.
using Endpoint.Config;
using Endpoint.Hal;

namespace Endpoint.Boot
{
    /// <summary>Boot-time configuration loader.</summary>
    public static class BootConfig
    {
        /// <summary>Storage key of the configuration (AtomicStorage keys allow no dot).</summary>
        public const string Key = "endpoint";

        /// <summary>Name used in messages.</summary>
        public const string Source = "flash:" + Key;

        /// <summary>Reads and validates the stored configuration; null with an error when absent or invalid.</summary>
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
            if (length > ConfigLoader.MaxConfigBytes)
            {
                error = Source + ": file is " + length.ToString() + " bytes, more than the " + ConfigLoader.MaxConfigBytes.ToString() + " allowed";
                return null;
            }
            byte[] data = new byte[length];
            int got;
            StorageStatus s = storage.Read(Key, data, 0, length, out got);
            if (s != StorageStatus.Ok)
            {
                error = Source + ": cannot read (" + Endpoint.Hal.StorageStatusText.Get(s) + ")";
                return null;
            }
            return ConfigLoader.Load(data, 0, got, Source, out error);
        }
    }
}
