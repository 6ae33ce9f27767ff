// IFileStore over System.IO.File / FileStream on the ESP32 internal flash drive ("I:\", LittleFS /
// SPIFFS in the nanoFramework firmware). Whole-file operations only; AtomicStorage builds the
// write-temp / verify / rename protocol on top. Every file-system exception becomes
// StorageStatus.IoError (flash full, corrupt file system, removed card): nothing escapes.
// Device-only. Names are flat (no directories).
using System;
using System.IO;

namespace Endpoint.Hal.Esp32
{
    /// <summary>Flat file store on an ESP32 drive.</summary>
    public sealed class Esp32FileStore : IFileStore
    {
        /// <summary>The internal flash drive.</summary>
        public const string InternalDrive = "I:\\";

        private readonly string _root;

        /// <summary>Creates the store rooted at a drive or folder path ending in a backslash.</summary>
        public Esp32FileStore(string root)
        {
            _root = root == null ? InternalDrive : root;
        }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            try
            {
                return File.Exists(_root + name);
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public int Length(string name)
        {
            string path = _root + name;
            try
            {
                if (!File.Exists(path)) return -1;
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return (int)fs.Length;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <inheritdoc/>
        public StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read)
        {
            read = 0;
            string path = _root + name;
            try
            {
                if (!File.Exists(path)) return StorageStatus.NotFound;
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    for (int guard = 0; guard < 1024 && read < count; guard++)
                    {
                        int n = fs.Read(buffer, offset + read, count - read);
                        if (n <= 0) break;
                        read += n;
                    }
                }
                return StorageStatus.Ok;
            }
            catch (Exception)
            {
                return StorageStatus.IoError;
            }
        }

        /// <inheritdoc/>
        public StorageStatus WriteFile(string name, byte[] data, int offset, int count)
        {
            try
            {
                using (FileStream fs = new FileStream(_root + name, FileMode.Create, FileAccess.Write))
                {
                    fs.Write(data, offset, count);
                    fs.Flush();
                }
                return StorageStatus.Ok;
            }
            catch (Exception)
            {
                return StorageStatus.IoError;
            }
        }

        /// <inheritdoc/>
        public StorageStatus Delete(string name)
        {
            string path = _root + name;
            try
            {
                if (File.Exists(path)) File.Delete(path);
                return StorageStatus.Ok;
            }
            catch (Exception)
            {
                return StorageStatus.IoError;
            }
        }

        /// <inheritdoc/>
        public StorageStatus Rename(string from, string to)
        {
            try
            {
                File.Move(_root + from, _root + to);
                return StorageStatus.Ok;
            }
            catch (Exception)
            {
                return StorageStatus.IoError;
            }
        }
    }
}
