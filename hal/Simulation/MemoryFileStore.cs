// In-memory IFileStore with power-cut injection (host-only). Knobs:
//   CutPowerAfterBytes(n): the write that crosses n more bytes keeps only the bytes before the cut
//     (a torn, truncated file) and the power goes off.
//   CutPowerAtOperation(n): the n-th mutating operation from now (WriteFile, Delete, Rename) never
//     happens and the power goes off.
// While the power is off every operation fails (IoError / not found), like code that no longer
// runs; PowerOn() is the reboot: the files persisted so far are what the next boot sees.
// Depends on IFileStore.
using System;
using System.Collections.Generic;

namespace Endpoint.Hal.Simulation
{
    /// <summary>Flat in-memory files with crash injection.</summary>
    public sealed class MemoryFileStore : IFileStore
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private long _bytesUntilCut = -1;
        private int _opsUntilCut = -1;

        /// <summary>False after a simulated power cut, until PowerOn.</summary>
        public bool Powered { get; private set; } = true;

        /// <summary>Mutating operations performed (including the one that was cut).</summary>
        public int MutatingOperations { get; private set; }

        /// <summary>Payload bytes written by WriteFile.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Number of power cuts so far.</summary>
        public int PowerCuts { get; private set; }

        /// <summary>Names of the stored files (sorted).</summary>
        public string[] FileNames
        {
            get
            {
                var names = new List<string>(_files.Keys);
                names.Sort(StringComparer.Ordinal);
                return names.ToArray();
            }
        }

        /// <summary>Arms a power cut after n more payload bytes.</summary>
        public void CutPowerAfterBytes(long n) { _bytesUntilCut = n; }

        /// <summary>Arms a power cut at the n-th (1-based) mutating operation from now.</summary>
        public void CutPowerAtOperation(int n) { _opsUntilCut = n; }

        /// <summary>Disarms the knobs and turns the power back on (reboot).</summary>
        public void PowerOn()
        {
            Powered = true;
            _bytesUntilCut = -1;
            _opsUntilCut = -1;
        }

        /// <summary>Raw file contents for tests (copy), or null.</summary>
        public byte[] Peek(string name)
        {
            byte[] b;
            return _files.TryGetValue(name, out b) ? (byte[])b.Clone() : null;
        }

        /// <inheritdoc/>
        public bool Exists(string name) { return Powered && _files.ContainsKey(name); }

        /// <inheritdoc/>
        public int Length(string name)
        {
            byte[] b;
            return Powered && _files.TryGetValue(name, out b) ? b.Length : -1;
        }

        /// <inheritdoc/>
        public StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read)
        {
            read = 0;
            if (!Powered) return StorageStatus.IoError;
            byte[] b;
            if (!_files.TryGetValue(name, out b)) return StorageStatus.NotFound;
            read = Math.Min(count, b.Length);
            Array.Copy(b, 0, buffer, offset, read);
            return StorageStatus.Ok;
        }

        /// <inheritdoc/>
        public StorageStatus WriteFile(string name, byte[] data, int offset, int count)
        {
            if (!BeginMutation()) return StorageStatus.IoError;
            int keep = count;
            bool cut = false;
            if (_bytesUntilCut >= 0 && count >= _bytesUntilCut)
            {
                // The file is created (truncated) and the power dies after the remaining bytes.
                keep = (int)_bytesUntilCut;
                cut = true;
            }
            var copy = new byte[keep];
            Array.Copy(data, offset, copy, 0, keep);
            _files[name] = copy;
            BytesWritten += keep;
            if (_bytesUntilCut > 0) _bytesUntilCut -= keep;
            if (cut)
            {
                Cut();
                return StorageStatus.IoError;
            }
            return StorageStatus.Ok;
        }

        /// <inheritdoc/>
        public StorageStatus Delete(string name)
        {
            if (!BeginMutation()) return StorageStatus.IoError;
            _files.Remove(name);
            return StorageStatus.Ok;
        }

        /// <inheritdoc/>
        public StorageStatus Rename(string from, string to)
        {
            if (!BeginMutation()) return StorageStatus.IoError;
            byte[] b;
            if (!_files.TryGetValue(from, out b)) return StorageStatus.NotFound;
            if (_files.ContainsKey(to)) return StorageStatus.IoError;
            _files.Remove(from);
            _files[to] = b;
            return StorageStatus.Ok;
        }

        private bool BeginMutation()
        {
            if (!Powered) return false;
            MutatingOperations++;
            if (_opsUntilCut > 0)
            {
                _opsUntilCut--;
                if (_opsUntilCut == 0)
                {
                    Cut();
                    return false;
                }
            }
            return true;
        }

        private void Cut()
        {
            Powered = false;
            PowerCuts++;
            _bytesUntilCut = -1;
            _opsUntilCut = -1;
        }
    }
}
