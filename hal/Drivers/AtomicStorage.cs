// Key -> bytes storage with atomic replace over a flat file store (IFileStore), for configuration.
// Protocol per key K (files K, K.new, K.old):
//   write: delete K.new; write K.new; read back and compare; if K exists rename K -> K.old;
//          rename K.new -> K; delete K.old.
//   open:  K exists -> use it (stale K.new / K.old are removed by the next write).
//          K missing, K.old and K.new exist -> the power failed between the two renames; K.new was
//          already verified, so it is promoted to K.
//          K missing, only K.old -> a rename failed; K.old is restored.
//          only K.new (or nothing) -> an interrupted first write: not found, K.new is removed.
// So after a power cut at any point a read returns the complete old or the complete new value.
// Assumes the file system renames atomically (LittleFS does). Depends on IFileStore, IStorage.
// Limits: keys 1..32 chars of [A-Za-z0-9_-]; values up to MaxValueBytes; cold path (allocates
// one read-back buffer per write).
namespace Endpoint.Hal.Drivers
{
    /// <summary>Atomic key/value storage over whole-file operations.</summary>
    public class AtomicStorage : IStorage
    {
        /// <summary>Longest key accepted.</summary>
        public const int MaxKeyLength = 32;

        private const string NewSuffix = ".new";
        private const string OldSuffix = ".old";

        private readonly IFileStore _files;
        private readonly int _maxValueBytes;

        /// <summary>Creates the store over files; values larger than maxValueBytes are refused.</summary>
        public AtomicStorage(IFileStore files, int maxValueBytes)
        {
            _files = files;
            _maxValueBytes = maxValueBytes;
        }

        /// <summary>The underlying file store.</summary>
        public IFileStore Files { get { return _files; } }

        /// <summary>True if key is 1..32 characters of [A-Za-z0-9_-].</summary>
        public static bool IsValidKey(string key)
        {
            if (key == null || key.Length == 0 || key.Length > MaxKeyLength) return false;
            for (int i = 0; i < key.Length; i++)
            {
                char c = key[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok) return false;
            }
            return true;
        }

        /// <inheritdoc/>
        public bool Exists(string key)
        {
            return IsValidKey(key) && Resolve(key);
        }

        /// <inheritdoc/>
        public int Length(string key)
        {
            if (!IsValidKey(key) || !Resolve(key)) return -1;
            return _files.Length(key);
        }

        /// <inheritdoc/>
        public StorageStatus Read(string key, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (!IsValidKey(key)) return StorageStatus.InvalidKey;
            if (!Resolve(key)) return StorageStatus.NotFound;
            int len = _files.Length(key);
            if (len < 0) return StorageStatus.NotFound;
            length = len;
            if (len > capacity) return StorageStatus.BufferTooSmall;
            int read;
            StorageStatus s = _files.ReadFile(key, buffer, offset, len, out read);
            if (s != StorageStatus.Ok) return s;
            return read == len ? StorageStatus.Ok : StorageStatus.IoError;
        }

        /// <inheritdoc/>
        public byte[] ReadAll(string key)
        {
            int len = Length(key);
            if (len < 0) return null;
            byte[] data = new byte[len];
            int got;
            return Read(key, data, 0, len, out got) == StorageStatus.Ok ? data : null;
        }

        /// <inheritdoc/>
        public StorageStatus Write(string key, byte[] data, int offset, int count)
        {
            if (!IsValidKey(key)) return StorageStatus.InvalidKey;
            if (count > _maxValueBytes) return StorageStatus.TooLarge;
            string fresh = key + NewSuffix;
            string old = key + OldSuffix;
            Resolve(key);

            StorageStatus s = _files.Delete(fresh);
            if (s != StorageStatus.Ok) return s;
            s = _files.WriteFile(fresh, data, offset, count);
            if (s != StorageStatus.Ok)
            {
                _files.Delete(fresh);
                return s;
            }
            s = Verify(fresh, data, offset, count);
            if (s != StorageStatus.Ok)
            {
                _files.Delete(fresh);
                return s;
            }
            if (_files.Exists(key))
            {
                s = _files.Delete(old);
                if (s != StorageStatus.Ok) return s;
                s = _files.Rename(key, old);
                if (s != StorageStatus.Ok) return s;
            }
            s = _files.Rename(fresh, key);
            if (s != StorageStatus.Ok)
            {
                if (_files.Exists(old) && !_files.Exists(key)) _files.Rename(old, key);
                return s;
            }
            _files.Delete(old);
            return StorageStatus.Ok;
        }

        /// <inheritdoc/>
        public StorageStatus Delete(string key)
        {
            if (!IsValidKey(key)) return StorageStatus.InvalidKey;
            // Side files first: a power cut part-way leaves K (the value still present) or nothing.
            StorageStatus s = _files.Delete(key + NewSuffix);
            if (s != StorageStatus.Ok) return s;
            s = _files.Delete(key + OldSuffix);
            if (s != StorageStatus.Ok) return s;
            return _files.Delete(key);
        }

        private StorageStatus Verify(string name, byte[] data, int offset, int count)
        {
            if (_files.Length(name) != count) return StorageStatus.VerifyFailed;
            byte[] back = new byte[count];
            int read;
            StorageStatus s = _files.ReadFile(name, back, 0, count, out read);
            if (s != StorageStatus.Ok) return s;
            if (read != count) return StorageStatus.VerifyFailed;
            for (int i = 0; i < count; i++)
            {
                if (back[i] != data[offset + i]) return StorageStatus.VerifyFailed;
            }
            return StorageStatus.Ok;
        }

        // Completes or rolls back an interrupted write of key. True if key now holds a value.
        private bool Resolve(string key)
        {
            if (_files.Exists(key)) return true;
            string fresh = key + NewSuffix;
            string old = key + OldSuffix;
            bool hasOld = _files.Exists(old);
            bool hasNew = _files.Exists(fresh);
            if (hasOld && hasNew)
            {
                if (_files.Rename(fresh, key) != StorageStatus.Ok) return false;
                _files.Delete(old);
                return true;
            }
            if (hasOld)
            {
                return _files.Rename(old, key) == StorageStatus.Ok;
            }
            if (hasNew) _files.Delete(fresh);
            return false;
        }
    }
}
