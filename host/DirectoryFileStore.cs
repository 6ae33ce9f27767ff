// IFileStore over a directory of the desktop file system: the virtual device's "flash", so the
// active and last-good configuration and the overlay state (sequence number, seen message ids)
// survive restarts (--storage DIR). Writes are flushed to the
// disk (fsync) before they return; renames use File.Move, which is atomic on one file system.
// Every I/O exception becomes StorageStatus.IoError. Host-only. Names are flat (no directories).
using System;
using System.IO;
using Endpoint.Hal;

namespace Endpoint.Host
{
    public sealed class DirectoryFileStore : IFileStore
    {
        private readonly string _dir;

        /// <summary>Uses (and creates) the directory.</summary>
        public DirectoryFileStore(string dir)
        {
            _dir = dir;
            Directory.CreateDirectory(dir);
        }

        // Flat names only: a key with a path separator or ".." would escape the directory.
        private string PathOf(string name)
        {
            if (string.IsNullOrEmpty(name) || name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0 || name.Contains("..")) throw new ArgumentException("storage key '" + name + "' is not a plain file name");
            return Path.Combine(_dir, name);
        }

        public bool Exists(string name) { return File.Exists(PathOf(name)); }

        public int Length(string name)
        {
            try
            {
                var fi = new FileInfo(PathOf(name));
                return fi.Exists ? (int)fi.Length : -1;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return -1; }
        }

        public StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read)
        {
            read = 0;
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read);
                while (read < count)
                {
                    int n = fs.Read(buffer, offset + read, count - read);
                    if (n <= 0) break;
                    read += n;
                }
                return StorageStatus.Ok;
            }
            catch (FileNotFoundException) { return StorageStatus.NotFound; }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus WriteFile(string name, byte[] data, int offset, int count)
        {
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write);
                fs.Write(data, offset, count);
                fs.Flush(true);
                return StorageStatus.Ok;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus Delete(string name)
        {
            try
            {
                File.Delete(PathOf(name));
                return StorageStatus.Ok;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus Rename(string from, string to)
        {
            try
            {
                if (!File.Exists(PathOf(from))) return StorageStatus.NotFound;
                File.Move(PathOf(from), PathOf(to), false);
                return StorageStatus.Ok;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return StorageStatus.IoError; }
        }
    }
}
