// IFileStore over one directory of the desktop file system (host-only), so the virtual device
// keeps what a board keeps in flash (AtomicStorage on top gives the atomic replace). Names are
// plain file names inside the directory (AtomicStorage keys plus ".new"/".old"); anything with a
// path separator or ".." is refused. The directory is created on the first write.
// Used for the overlay state (sequence number, seen message ids): see OverlayHost.
using System;
using System.IO;
using Endpoint.Hal;

namespace Endpoint.Host
{
    /// <summary>Flat files in a directory.</summary>
    public sealed class DesktopFileStore : IFileStore
    {
        private readonly string _dir;

        /// <summary>Creates a store rooted at <paramref name="directory"/>.</summary>
        public DesktopFileStore(string directory)
        {
            _dir = Path.GetFullPath(directory);
        }

        /// <summary>The root directory.</summary>
        public string Directory { get { return _dir; } }

        private string PathOf(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\') || name.Contains("..")) return null;
            return Path.Combine(_dir, name);
        }

        public bool Exists(string name) { string p = PathOf(name); return p != null && File.Exists(p); }

        public int Length(string name)
        {
            string p = PathOf(name);
            if (p == null || !File.Exists(p)) return -1;
            return (int)new FileInfo(p).Length;
        }

        public StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read)
        {
            read = 0;
            string p = PathOf(name);
            if (p == null) return StorageStatus.InvalidKey;
            try
            {
                using var fs = new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read);
                while (read < count)
                {
                    int n = fs.Read(buffer, offset + read, count - read);
                    if (n <= 0) break;
                    read += n;
                }
                return StorageStatus.Ok;
            }
            catch (FileNotFoundException) { return StorageStatus.NotFound; }
            catch (DirectoryNotFoundException) { return StorageStatus.NotFound; }
            catch (IOException) { return StorageStatus.IoError; }
            catch (UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus WriteFile(string name, byte[] data, int offset, int count)
        {
            string p = PathOf(name);
            if (p == null) return StorageStatus.InvalidKey;
            try
            {
                System.IO.Directory.CreateDirectory(_dir);
                using (var fs = new FileStream(p, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    fs.Write(data, offset, count);
                    fs.Flush(true);
                }
                return StorageStatus.Ok;
            }
            catch (IOException) { return StorageStatus.IoError; }
            catch (UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus Delete(string name)
        {
            string p = PathOf(name);
            if (p == null) return StorageStatus.InvalidKey;
            try { if (File.Exists(p)) File.Delete(p); return StorageStatus.Ok; }
            catch (IOException) { return StorageStatus.IoError; }
            catch (UnauthorizedAccessException) { return StorageStatus.IoError; }
        }

        public StorageStatus Rename(string from, string to)
        {
            string a = PathOf(from), b = PathOf(to);
            if (a == null || b == null) return StorageStatus.InvalidKey;
            try
            {
                if (!File.Exists(a)) return StorageStatus.NotFound;
                if (File.Exists(b)) return StorageStatus.IoError;
                File.Move(a, b);
                return StorageStatus.Ok;
            }
            catch (IOException) { return StorageStatus.IoError; }
            catch (UnauthorizedAccessException) { return StorageStatus.IoError; }
        }
    }
}
