// Two configuration slots ("a", "b") and an active pointer in persistent storage, each record
// self-checking, so a torn write, flipped bits or a lost file are detected on read and never
// mistaken for a configuration.
//   slot record:    "EPC1" | generation (u32 BE) | length (u32 BE) | SHA-256 of payload (32) | payload
//   pointer record: "EPP1" | slot (1) | generation (u32 BE) | SHA-256 of the slot payload (32)
//                   | first 4 bytes of SHA-256 over the preceding 41 bytes
// A slot is good when its magic, length and SHA-256 check out; the pointer is good when its check
// bytes match and the slot it names has the same generation and digest. Every write is read back
// and compared before it counts. The IStorage underneath (AtomicStorage) replaces a key
// atomically, so the pointer is always the complete old or the complete new record.
// Depends on Endpoint.Hal.IStorage and Endpoint.Crypto.Sha256. Does not depend on the JSON or the
// configuration model (Provisioner joins them). Limits: payloads up to MaxPayloadBytes; cold
// path (allocates the record on every read and write).
using Endpoint.Crypto;
using Endpoint.Hal;

namespace Endpoint.Provisioning
{
    /// <summary>The A/B configuration slots and the active pointer.</summary>
    public sealed class ConfigSlots
    {
        /// <summary>Storage key of slot 0 ("a").</summary>
        public const string SlotKeyA = "config-a";
        /// <summary>Storage key of slot 1 ("b").</summary>
        public const string SlotKeyB = "config-b";
        /// <summary>Storage key of the active pointer.</summary>
        public const string PointerKey = "config-active";
        /// <summary>Bytes before the payload in a slot record.</summary>
        public const int HeaderSize = 44;
        /// <summary>Bytes of a pointer record.</summary>
        public const int PointerSize = 45;
        /// <summary>Largest payload stored.</summary>
        public const int MaxPayloadBytes = 65536 - HeaderSize;

        private static readonly byte[] SlotMagic = { (byte)'E', (byte)'P', (byte)'C', (byte)'1' };
        private static readonly byte[] PointerMagic = { (byte)'E', (byte)'P', (byte)'P', (byte)'1' };

        private readonly IStorage _storage;
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.HashSize];

        /// <summary>Creates the slots over a storage.</summary>
        public ConfigSlots(IStorage storage)
        {
            if (storage == null) throw new System.ArgumentNullException("storage");
            _storage = storage;
        }

        /// <summary>The storage underneath.</summary>
        public IStorage Storage { get { return _storage; } }

        /// <summary>"a" or "b".</summary>
        public static string Name(int slot) { return slot == 0 ? "a" : "b"; }

        /// <summary>The storage key of a slot.</summary>
        public static string Key(int slot) { return slot == 0 ? SlotKeyA : SlotKeyB; }

        /// <summary>SHA-256 of data[offset, offset+count) into digest (32 bytes).</summary>
        public void Digest(byte[] data, int offset, int count, byte[] digest)
        {
            _sha.Compute(data, offset, count, digest, 0);
        }

        /// <summary>
        /// Reads and checks a slot. Returns the whole record (payload at <see cref="HeaderSize"/>,
        /// <paramref name="length"/> bytes) or null with <paramref name="problem"/> saying why
        /// ("empty", "truncated", "checksum mismatch", ...). <paramref name="digest"/> receives the
        /// payload's SHA-256.
        /// </summary>
        public byte[] ReadSlot(int slot, out int generation, out int length, byte[] digest, out string problem)
        {
            generation = 0;
            length = 0;
            problem = null;
            string key = Key(slot);
            int size = _storage.Length(key);
            if (size < 0) { problem = "empty"; return null; }
            if (size < HeaderSize) { problem = "truncated record (" + size + " bytes)"; return null; }
            if (size > HeaderSize + MaxPayloadBytes) { problem = "record too large (" + size + " bytes)"; return null; }
            byte[] rec = new byte[size];
            int got;
            StorageStatus s = _storage.Read(key, rec, 0, size, out got);
            if (s != StorageStatus.Ok || got != size) { problem = "unreadable (" + StorageStatusText.Get(s) + ")"; return null; }
            if (!Same(rec, 0, SlotMagic, 0, 4)) { problem = "not a configuration record"; return null; }
            generation = (int)GetU32(rec, 4);
            long len = GetU32(rec, 8);
            if (len != size - HeaderSize) { problem = "length mismatch (header says " + len + ", record holds " + (size - HeaderSize) + ")"; return null; }
            length = (int)len;
            Digest(rec, HeaderSize, length, digest);
            if (!Same(rec, 12, digest, 0, Sha256.HashSize)) { problem = "checksum mismatch"; return null; }
            return rec;
        }

        /// <summary>
        /// Reads and checks the pointer. False with <paramref name="problem"/> ("missing",
        /// "corrupt") when it is unusable.
        /// </summary>
        public bool ReadPointer(out int slot, out int generation, byte[] digest, out string problem)
        {
            slot = -1;
            generation = 0;
            problem = null;
            int size = _storage.Length(PointerKey);
            if (size < 0) { problem = "missing"; return false; }
            if (size != PointerSize) { problem = "corrupt (" + size + " bytes)"; return false; }
            byte[] rec = new byte[PointerSize];
            int got;
            StorageStatus s = _storage.Read(PointerKey, rec, 0, PointerSize, out got);
            if (s != StorageStatus.Ok || got != PointerSize) { problem = "unreadable (" + StorageStatusText.Get(s) + ")"; return false; }
            Digest(rec, 0, PointerSize - 4, _digest);
            if (!Same(rec, 0, PointerMagic, 0, 4) || !Same(rec, PointerSize - 4, _digest, 0, 4) || rec[4] > 1)
            {
                problem = "corrupt (check failed)";
                return false;
            }
            slot = rec[4];
            generation = (int)GetU32(rec, 5);
            System.Array.Copy(rec, 9, digest, 0, Sha256.HashSize);
            return true;
        }

        /// <summary>
        /// Writes data as the payload of a slot with its generation, then reads it back and checks
        /// length, generation and SHA-256. Anything but Ok means the slot is not usable.
        /// </summary>
        public StorageStatus WriteSlot(int slot, int generation, byte[] data, int offset, int count)
        {
            if (count > MaxPayloadBytes) return StorageStatus.TooLarge;
            byte[] rec = new byte[HeaderSize + count];
            System.Array.Copy(SlotMagic, 0, rec, 0, 4);
            PutU32(rec, 4, generation);
            PutU32(rec, 8, count);
            System.Array.Copy(data, offset, rec, HeaderSize, count);
            Digest(data, offset, count, _digest);
            System.Array.Copy(_digest, 0, rec, 12, Sha256.HashSize);
            StorageStatus s = _storage.Write(Key(slot), rec, 0, rec.Length);
            if (s != StorageStatus.Ok) return s;
            byte[] expect = new byte[Sha256.HashSize];
            System.Array.Copy(_digest, 0, expect, 0, Sha256.HashSize);
            int gen, len;
            string problem;
            byte[] back = ReadSlot(slot, out gen, out len, _digest, out problem);
            if (back == null || gen != generation || len != count || !Same(_digest, 0, expect, 0, Sha256.HashSize)) return StorageStatus.VerifyFailed;
            return StorageStatus.Ok;
        }

        /// <summary>Points the active pointer at a slot (generation and payload digest), read back and checked.</summary>
        public StorageStatus WritePointer(int slot, int generation, byte[] digest)
        {
            byte[] rec = new byte[PointerSize];
            System.Array.Copy(PointerMagic, 0, rec, 0, 4);
            rec[4] = (byte)slot;
            PutU32(rec, 5, generation);
            System.Array.Copy(digest, 0, rec, 9, Sha256.HashSize);
            Digest(rec, 0, PointerSize - 4, _digest);
            System.Array.Copy(_digest, 0, rec, PointerSize - 4, 4);
            StorageStatus s = _storage.Write(PointerKey, rec, 0, PointerSize);
            if (s != StorageStatus.Ok) return s;
            int backSlot, backGen;
            string problem;
            byte[] backDigest = new byte[Sha256.HashSize];
            if (!ReadPointer(out backSlot, out backGen, backDigest, out problem)) return StorageStatus.VerifyFailed;
            if (backSlot != slot || backGen != generation || !Same(backDigest, 0, digest, 0, Sha256.HashSize)) return StorageStatus.VerifyFailed;
            return StorageStatus.Ok;
        }

        /// <summary>True when a[ao, ao+n) equals b[bo, bo+n).</summary>
        public static bool Same(byte[] a, int ao, byte[] b, int bo, int n)
        {
            for (int i = 0; i < n; i++) if (a[ao + i] != b[bo + i]) return false;
            return true;
        }

        private static long GetU32(byte[] b, int o)
        {
            return ((long)b[o] << 24) | ((long)b[o + 1] << 16) | ((long)b[o + 2] << 8) | b[o + 3];
        }

        private static void PutU32(byte[] b, int o, int v)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }
    }
}
