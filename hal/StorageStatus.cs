// Result codes of persistent storage. Depends on nothing.
namespace Endpoint.Hal
{
    /// <summary>Outcome of a storage call.</summary>
    public enum StorageStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,
        /// <summary>No value under that key.</summary>
        NotFound = 1,
        /// <summary>The caller's buffer is smaller than the stored value.</summary>
        BufferTooSmall = 2,
        /// <summary>Key empty, too long, or with characters outside [A-Za-z0-9_-].</summary>
        InvalidKey = 3,
        /// <summary>The file system reported an error (or the power failed).</summary>
        IoError = 4,
        /// <summary>Read-back after write did not match what was written.</summary>
        VerifyFailed = 5,
        /// <summary>Value larger than the store accepts.</summary>
        TooLarge = 6,
    }

    /// <summary>Text for StorageStatus values.</summary>
    public static class StorageStatusText
    {
        private static readonly string[] Names =
        {
            "ok", "not found", "buffer too small", "invalid key", "i/o error", "verify failed", "too large",
        };

        /// <summary>Lower-case text for a status.</summary>
        public static string Get(StorageStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < Names.Length ? Names[i] : "storage status " + i.ToString();
        }
    }
}
