// Persistent key -> bytes storage for configuration. Write is an atomic replace: after a power
// cut at any moment, a later Read returns either the complete old value or the complete new one,
// never a mix or a truncated value. Depends on StorageStatus. Values are small (config), reads
// and writes are cold paths.
namespace Endpoint.Hal
{
    /// <summary>Key -> bytes store with atomic replace.</summary>
    public interface IStorage
    {
        /// <summary>True if a value is stored under key.</summary>
        bool Exists(string key);

        /// <summary>Length of the stored value, or -1 if none.</summary>
        int Length(string key);

        /// <summary>Reads the value into buffer[offset..offset+capacity); length is the value length.</summary>
        StorageStatus Read(string key, byte[] buffer, int offset, int capacity, out int length);

        /// <summary>Reads the whole value into a new array; null if absent or unreadable (cold path).</summary>
        byte[] ReadAll(string key);

        /// <summary>Atomically replaces the value under key with data[offset..offset+count).</summary>
        StorageStatus Write(string key, byte[] data, int offset, int count);

        /// <summary>Removes the value; Ok when it did not exist.</summary>
        StorageStatus Delete(string key);
    }
}
