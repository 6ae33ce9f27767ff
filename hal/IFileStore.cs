// The few whole-file operations an atomic key/value store needs from a flat file system: read,
// write (create or truncate, NOT atomic), delete, rename. The ESP32 adapter maps them onto the
// internal flash drive; the simulation keeps them in memory and can cut the power mid-write.
// Depends on StorageStatus. No directories, no streaming.
namespace Endpoint.Hal
{
    /// <summary>Flat whole-file store (primitive operations, no atomicity promised).</summary>
    public interface IFileStore
    {
        /// <summary>True if the file exists.</summary>
        bool Exists(string name);

        /// <summary>File length in bytes, or -1 if it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to count bytes from the start of the file; read is the number read.</summary>
        StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read);

        /// <summary>Creates or truncates the file and writes data[offset..offset+count).</summary>
        StorageStatus WriteFile(string name, byte[] data, int offset, int count);

        /// <summary>Deletes the file; Ok if it did not exist.</summary>
        StorageStatus Delete(string name);

        /// <summary>Renames from to to; to must not exist.</summary>
        StorageStatus Rename(string from, string to);
    }
}
