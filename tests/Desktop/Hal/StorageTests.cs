// AtomicStorage over the in-memory flash with power-cut injection: basic key/value behaviour, and
// a power cut at every mutating operation and at every byte of an overwrite leaves, after reboot,
// either the complete old value or the complete new one.
using System;
using System.Text;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Xunit;

namespace Endpoint.Tests.Hal
{
    public class StorageTests
    {
        private static byte[] B(string s) { return Encoding.ASCII.GetBytes(s); }

        private static string Read(IStorage st, string key)
        {
            byte[] v = st.ReadAll(key);
            return v == null ? null : Encoding.ASCII.GetString(v);
        }

        [Fact]
        public void Write_read_overwrite_delete()
        {
            var st = new MemoryStorage();
            Assert.False(st.Exists("sip"));
            Assert.Equal(-1, st.Length("sip"));
            Assert.Null(st.ReadAll("sip"));
            byte[] v = B("user=100;pass=secret");
            Assert.Equal(StorageStatus.Ok, st.Write("sip", v, 0, v.Length));
            Assert.Equal(v.Length, st.Length("sip"));
            Assert.Equal("user=100;pass=secret", Read(st, "sip"));
            Assert.Equal(StorageStatus.Ok, st.Write("sip", v, 5, 3));
            Assert.Equal("100", Read(st, "sip"));
            Assert.Equal(new[] { "sip" }, st.Store.FileNames); // no stray .new/.old files

            var small = new byte[2];
            int len;
            Assert.Equal(StorageStatus.BufferTooSmall, st.Read("sip", small, 0, 2, out len));
            Assert.Equal(3, len);
            Assert.Equal(StorageStatus.NotFound, st.Read("none", small, 0, 2, out len));
            Assert.Equal(StorageStatus.Ok, st.Delete("sip"));
            Assert.False(st.Exists("sip"));
            Assert.Equal(StorageStatus.Ok, st.Delete("sip"));
            Assert.Empty(st.Store.FileNames);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a.b")]
        [InlineData("../x")]
        [InlineData("with space")]
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 chars
        public void Invalid_keys_are_refused(string key)
        {
            var st = new MemoryStorage();
            Assert.Equal(StorageStatus.InvalidKey, st.Write(key, new byte[1], 0, 1));
            int len;
            Assert.Equal(StorageStatus.InvalidKey, st.Read(key, new byte[1], 0, 1, out len));
            Assert.False(st.Exists(key));
        }

        [Fact]
        public void Null_key_and_oversized_value_are_refused()
        {
            var st = new MemoryStorage();
            Assert.Equal(StorageStatus.InvalidKey, st.Write(null, new byte[1], 0, 1));
            Assert.Equal(StorageStatus.TooLarge, st.Write("big", new byte[70000], 0, 70000));
            Assert.True(AtomicStorage.IsValidKey("net-config_2"));
        }

        [Fact]
        public void Power_cut_at_every_operation_keeps_old_or_new()
        {
            byte[] oldValue = B("old-configuration-value");
            byte[] newValue = B("NEW configuration, longer than the old one");
            var probe = new MemoryStorage();
            probe.Write("cfg", oldValue, 0, oldValue.Length);
            int before = probe.Store.MutatingOperations;
            Assert.Equal(StorageStatus.Ok, probe.Write("cfg", newValue, 0, newValue.Length));
            int ops = probe.Store.MutatingOperations - before;
            Assert.True(ops >= 5);

            bool sawOld = false, sawNew = false;
            for (int k = 1; k <= ops; k++)
            {
                var store = new MemoryFileStore();
                var st = new MemoryStorage(store);
                Assert.Equal(StorageStatus.Ok, st.Write("cfg", oldValue, 0, oldValue.Length));
                store.CutPowerAtOperation(k);
                StorageStatus s = st.Write("cfg", newValue, 0, newValue.Length);
                Assert.False(store.Powered, "cut " + k);

                store.PowerOn();
                var rebooted = new MemoryStorage(store);
                string got = Read(rebooted, "cfg");
                Assert.True(got == "old-configuration-value" || got == "NEW configuration, longer than the old one", "cut at op " + k + ": " + got);
                if (s == StorageStatus.Ok) Assert.Equal("NEW configuration, longer than the old one", got); // cut during cleanup
                sawOld |= got == "old-configuration-value";
                sawNew |= got != "old-configuration-value";

                // The next write works and leaves only the committed file behind.
                Assert.Equal(StorageStatus.Ok, rebooted.Write("cfg", oldValue, 0, 5));
                Assert.Equal("old-c", Read(rebooted, "cfg"));
                Assert.Equal(new[] { "cfg" }, store.FileNames);
            }
            Assert.True(sawOld && sawNew, "the crash points cover both outcomes");
        }

        [Fact]
        public void Power_cut_at_every_byte_of_the_data_keeps_the_old_value()
        {
            byte[] oldValue = B("volume=70");
            byte[] newValue = B("volume=100;ring=classic");
            for (int b = 0; b < newValue.Length; b++)
            {
                var store = new MemoryFileStore();
                var st = new MemoryStorage(store);
                st.Write("audio", oldValue, 0, oldValue.Length);
                store.CutPowerAfterBytes(b);
                Assert.Equal(StorageStatus.IoError, st.Write("audio", newValue, 0, newValue.Length));
                store.PowerOn();
                Assert.Equal("volume=70", Read(new MemoryStorage(store), "audio"));
            }
        }

        [Fact]
        public void Power_cut_during_the_first_write_leaves_nothing()
        {
            byte[] v = B("first");
            for (int k = 1; k <= 3; k++)
            {
                var store = new MemoryFileStore();
                store.CutPowerAtOperation(k);
                new MemoryStorage(store).Write("k", v, 0, v.Length);
                store.PowerOn();
                var st = new MemoryStorage(store);
                string got = Read(st, "k");
                Assert.True(got == null || got == "first", got);
            }
        }

        private sealed class CorruptingStore : IFileStore
        {
            private readonly MemoryFileStore _inner = new MemoryFileStore();
            public bool Corrupt;
            public bool Exists(string name) { return _inner.Exists(name); }
            public int Length(string name) { return _inner.Length(name); }
            public StorageStatus ReadFile(string name, byte[] buffer, int offset, int count, out int read) { return _inner.ReadFile(name, buffer, offset, count, out read); }
            public StorageStatus WriteFile(string name, byte[] data, int offset, int count)
            {
                byte[] copy = new byte[count];
                Array.Copy(data, offset, copy, 0, count);
                if (Corrupt && count > 0) copy[count / 2] ^= 0x40;
                return _inner.WriteFile(name, copy, 0, count);
            }
            public StorageStatus Delete(string name) { return _inner.Delete(name); }
            public StorageStatus Rename(string from, string to) { return _inner.Rename(from, to); }
        }

        [Fact]
        public void Failed_verification_keeps_the_old_value()
        {
            var files = new CorruptingStore();
            var st = new AtomicStorage(files, 1024);
            Assert.Equal(StorageStatus.Ok, st.Write("x", B("good"), 0, 4));
            files.Corrupt = true;
            Assert.Equal(StorageStatus.VerifyFailed, st.Write("x", B("bad value"), 0, 9));
            Assert.Equal("good", Read(st, "x"));
            Assert.False(files.Exists("x.new"));
        }
    }
}
