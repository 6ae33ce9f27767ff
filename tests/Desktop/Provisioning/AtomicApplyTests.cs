// Atomic apply of configurations over the A/B slots: every power-cut point during an apply (by
// operation and by byte), corrupted / truncated slots, a corrupted or missing pointer, bad JSON
// and JSON with an invalid field all leave the device on a complete good configuration, the
// previous one unless the pointer switch completed.
using System.Collections.Generic;
using System.Text;
using Endpoint.Hal;
using Endpoint.Hal.Simulation;
using Endpoint.Provisioning;
using Xunit;

namespace Endpoint.Tests.Provisioning
{
    public class AtomicApplyTests
    {
        internal static string Doc(string user, string extra = "")
        {
            return "{\"board\":\"virtual-deskphone\",\"sip\":{\"listen\":\"127.0.0.1:0\",\"user\":\"" + user + "\",\"password\":\"pw-" + user + "-secret\"" + extra + "}}";
        }

        private static ProvisioningOutcome Apply(Provisioner p, string json, string source = "test")
        {
            byte[] b = Encoding.UTF8.GetBytes(json);
            return p.Apply(b, 0, b.Length, source);
        }

        private static MemoryFileStore Clone(MemoryFileStore src)
        {
            var dst = new MemoryFileStore();
            foreach (string name in src.FileNames)
            {
                byte[] b = src.Peek(name);
                dst.WriteFile(name, b, 0, b.Length);
            }
            return dst;
        }

        // Boots a fresh Provisioner over the files, as after a reboot.
        private static Provisioner Reboot(MemoryFileStore files, out ProvisioningOutcome boot)
        {
            files.PowerOn();
            var p = new Provisioner(new MemoryStorage(files));
            boot = p.Boot();
            return p;
        }

        // A store with "alice" applied (slot a, generation 1).
        private static MemoryFileStore WithAlice()
        {
            var files = new MemoryFileStore();
            var p = new Provisioner(new MemoryStorage(files));
            Assert.Equal(ProvisioningResult.Empty, p.Boot().Result);
            ProvisioningOutcome o = Apply(p, Doc("alice"));
            Assert.Equal(ProvisioningResult.Applied, o.Result);
            Assert.Equal(0, o.Slot);
            Assert.Equal(1, o.Generation);
            return files;
        }

        [Fact]
        public void EmptyStorageBootsEmptyWithoutComplaint()
        {
            var p = new Provisioner(new MemoryStorage());
            ProvisioningOutcome o = p.Boot();
            Assert.Equal(ProvisioningResult.Empty, o.Result);
            Assert.Null(o.Reason);
            Assert.Null(p.Active);
        }

        [Fact]
        public void AppliedConfigSurvivesRebootAndNextApplyUsesTheOtherSlot()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Loaded, boot.Result);
            Assert.Equal("alice", p.Active.Sip.User);

            ProvisioningOutcome o = Apply(p, Doc("bob"));
            Assert.Equal(ProvisioningResult.Applied, o.Result);
            Assert.Equal(1, o.Slot);
            Assert.Equal(2, o.Generation);
            Assert.Equal("bob", p.Active.Sip.User);
            Assert.Contains("alice", Encoding.UTF8.GetString(files.Peek(ConfigSlots.SlotKeyA)));   // last good kept

            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Loaded, boot.Result);
            Assert.Equal("bob", p.Active.Sip.User);
            Assert.Equal(1, p.ActiveSlot);

            o = Apply(p, Doc("carol"));
            Assert.Equal(0, o.Slot);   // alternates: overwrites the older slot, keeps bob
            Assert.Equal(3, o.Generation);
            Assert.Contains("bob", Encoding.UTF8.GetString(files.Peek(ConfigSlots.SlotKeyB)));
        }

        [Fact]
        public void SameDocumentIsUnchangedAndWritesNothing()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            int ops = files.MutatingOperations;
            ProvisioningOutcome o = Apply(p, Doc("alice"));
            Assert.Equal(ProvisioningResult.Unchanged, o.Result);
            Assert.Equal(ops, files.MutatingOperations);
            Assert.Equal("event provisioning result=unchanged source=test slot=a generation=1", o.ToEvent());
        }

        [Fact]
        public void PowerCutAtEveryOperationOfAnApplyLeavesOldOrNewNeverNothing()
        {
            MemoryFileStore baseline = WithAlice();
            MemoryFileStore probe = Clone(baseline);
            ProvisioningOutcome boot;
            Provisioner pp = Reboot(probe, out boot);
            int before = probe.MutatingOperations;
            Assert.Equal(ProvisioningResult.Applied, Apply(pp, Doc("bob")).Result);
            int total = probe.MutatingOperations - before;
            Assert.True(total >= 6, "an apply should take several file operations, took " + total);

            var seen = new List<string>();
            bool switched = false;
            for (int k = 1; k <= total; k++)
            {
                MemoryFileStore files = Clone(baseline);
                Provisioner p = Reboot(files, out boot);
                files.CutPowerAtOperation(k);
                ProvisioningOutcome o = Apply(p, Doc("bob"));
                Assert.False(files.Powered);
                Assert.NotEqual(ProvisioningResult.Applied, o.Result);
                Assert.Equal("alice", p.Active.Sip.User);   // in memory the old config stays active

                Provisioner after = Reboot(files, out boot);
                Assert.NotNull(after.Active);
                string user = after.Active.Sip.User;
                seen.Add(k + ":" + user + ":" + ProvisioningResult.Name(boot.Result));
                Assert.True(user == "alice" || user == "bob", string.Join(", ", seen));
                if (user == "bob") switched = true;
                else Assert.False(switched, "went back to alice after a later cut: " + string.Join(", ", seen));
                Assert.Equal(ProvisioningResult.Loaded, boot.Result);
                // bob only once the pointer switch is on flash: the committed pointer decides, not the newest slot.
                Assert.True(new ConfigSlots(new MemoryStorage(files)).ReadPointer(out int ptrSlot, out int ptrGen, new byte[32], out _));
                Assert.Equal(user == "bob" ? 1 : 0, ptrSlot);
                Assert.Equal(user == "bob" ? 2 : 1, ptrGen);
                // The device still applies the new config cleanly after the interrupted attempt.
                ProvisioningOutcome again = Apply(after, Doc("bob"));
                Assert.True(again.Result == ProvisioningResult.Applied || again.Result == ProvisioningResult.Unchanged);
                Assert.Equal("bob", after.Active.Sip.User);
            }
            Assert.StartsWith("1:alice", seen[0]);
            Assert.Contains(":bob:", seen[seen.Count - 1]);
        }

        [Fact]
        public void PowerCutAtEveryByteOfTheSlotWriteKeepsThePreviousConfig()
        {
            MemoryFileStore baseline = WithAlice();
            int size = ConfigSlots.HeaderSize + Encoding.UTF8.GetByteCount(Doc("bob"));
            for (int n = 0; n < size; n += 7)
            {
                MemoryFileStore files = Clone(baseline);
                ProvisioningOutcome boot;
                Provisioner p = Reboot(files, out boot);
                files.CutPowerAfterBytes(n);
                Assert.Equal(ProvisioningResult.Failed, Apply(p, Doc("bob")).Result);
                Provisioner after = Reboot(files, out boot);
                Assert.Equal("alice", after.Active.Sip.User);
                Assert.Equal(ProvisioningResult.Loaded, boot.Result);
            }
        }

        [Fact]
        public void CorruptedNewSlotFallsBackToLastGood()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Apply(p, Doc("bob"));
            byte[] b = files.Peek(ConfigSlots.SlotKeyB);
            b[b.Length - 5] ^= 0x20;   // one flipped bit inside the JSON
            files.WriteFile(ConfigSlots.SlotKeyB, b, 0, b.Length);

            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Equal("alice", p.Active.Sip.User);
            Assert.Contains("active slot b checksum mismatch", boot.Reason);
            Assert.StartsWith("event provisioning result=recovered source=storage slot=a generation=1 reason=", boot.ToEvent());
            // The pointer was repaired: the next boot is clean, and the next apply goes to slot b.
            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Loaded, boot.Result);
            Assert.Equal(1, Apply(p, Doc("carol")).Slot);
        }

        [Fact]
        public void HalfWrittenNewSlotFallsBackToLastGood()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Apply(p, Doc("bob"));
            byte[] b = files.Peek(ConfigSlots.SlotKeyB);
            files.WriteFile(ConfigSlots.SlotKeyB, b, 0, b.Length / 2);   // torn by a file system that is not atomic

            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Equal("alice", p.Active.Sip.User);
            Assert.Contains("length mismatch", boot.Reason);
        }

        [Fact]
        public void CorruptedPointerUsesTheNewestGoodSlot()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Apply(p, Doc("bob"));
            byte[] ptr = files.Peek(ConfigSlots.PointerKey);
            ptr[10] ^= 0xFF;
            files.WriteFile(ConfigSlots.PointerKey, ptr, 0, ptr.Length);

            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Contains("active pointer corrupt", boot.Reason);
            Assert.Equal("bob", p.Active.Sip.User);
            Assert.Equal(2, p.ActiveGeneration);
        }

        [Fact]
        public void CorruptedPointerAndCorruptedNewSlotKeepTheOldConfig()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Apply(p, Doc("bob"));
            files.WriteFile(ConfigSlots.PointerKey, new byte[] { 1, 2, 3 }, 0, 3);
            byte[] b = files.Peek(ConfigSlots.SlotKeyB);
            b[ConfigSlots.HeaderSize + 3] ^= 1;
            files.WriteFile(ConfigSlots.SlotKeyB, b, 0, b.Length);

            p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Equal("alice", p.Active.Sip.User);
        }

        [Fact]
        public void MissingPointerUsesTheGoodSlot()
        {
            MemoryFileStore files = WithAlice();
            files.Delete(ConfigSlots.PointerKey);
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Contains("active pointer missing", boot.Reason);
            Assert.Equal("alice", p.Active.Sip.User);
        }

        [Fact]
        public void NothingUsableBootsEmptyWithAReason()
        {
            MemoryFileStore files = WithAlice();
            byte[] b = files.Peek(ConfigSlots.SlotKeyA);
            b[20] ^= 1;   // inside the stored digest
            files.WriteFile(ConfigSlots.SlotKeyA, b, 0, b.Length);
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Empty, boot.Result);
            Assert.Null(p.Active);
            Assert.Contains("slot a checksum mismatch", boot.Reason);
        }

        [Fact]
        public void StoredDocumentThatNoLongerValidatesFallsBack()
        {
            // A slot whose checksum is fine but whose JSON this firmware rejects (e.g. written by another version).
            MemoryFileStore files = WithAlice();
            var slots = new ConfigSlots(new MemoryStorage(files));
            byte[] bad = Encoding.UTF8.GetBytes("{\"sip\":{\"expires\":5}}");
            var digest = new byte[32];
            slots.Digest(bad, 0, bad.Length, digest);
            Assert.Equal(StorageStatus.Ok, slots.WriteSlot(1, 2, bad, 0, bad.Length));
            Assert.Equal(StorageStatus.Ok, slots.WritePointer(1, 2, digest));

            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            Assert.Equal(ProvisioningResult.Recovered, boot.Result);
            Assert.Contains("field 'sip.expires'", boot.Reason);
            Assert.Equal("alice", p.Active.Sip.User);
        }

        [Fact]
        public void BadJsonIsRejectedAndNothingIsWritten()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            int ops = files.MutatingOperations;
            string torn = Doc("bob");
            ProvisioningOutcome o = Apply(p, torn.Substring(0, torn.Length / 2), "http://prov:80/c");
            Assert.Equal(ProvisioningResult.Rejected, o.Result);
            Assert.Null(o.Field);
            Assert.Contains("not valid JSON", o.Reason);
            Assert.Contains("keeping the active configuration", o.Reason);
            Assert.Equal(ops, files.MutatingOperations);
            Assert.Equal("alice", p.Active.Sip.User);
            Assert.Equal(0, o.Slot);
            Assert.DoesNotContain("pw-bob-secret", o.ToEvent());
        }

        [Fact]
        public void InvalidFieldIsRejectedNamingTheFieldAndNothingIsWritten()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            int ops = files.MutatingOperations;
            ProvisioningOutcome o = Apply(p, Doc("bob", ",\"expires\":5"), "http://prov:80/c");
            Assert.Equal(ProvisioningResult.Rejected, o.Result);
            Assert.Equal("sip.expires", o.Field);
            Assert.StartsWith("event provisioning result=rejected source=http://prov:80/c slot=a generation=1 field=sip.expires reason=\"field 'sip.expires': expected a whole number from 60 to 86400, got 5", o.ToEvent());
            Assert.Equal(ops, files.MutatingOperations);
            Assert.Equal("alice", Reboot(files, out boot).Active.Sip.User);
        }

        [Fact]
        public void ConfigForAnotherBoardIsRejected()
        {
            var p = new Provisioner(new MemoryStorage()) { AcceptedBoards = new[] { "virtual-deskphone", "virtual-intercom" } };
            p.Boot();
            ProvisioningOutcome o = Apply(p, "{\"board\":\"esp32-lyrat\"}");
            Assert.Equal(ProvisioningResult.Rejected, o.Result);
            Assert.Equal("board", o.Field);
            Assert.Contains("expected \"virtual-deskphone\" or \"virtual-intercom\" on this device, got \"esp32-lyrat\"", o.Reason);
            Assert.Null(p.Active);
        }

        [Fact]
        public void SecretsNeverAppearInOutcomes()
        {
            MemoryFileStore files = WithAlice();
            ProvisioningOutcome boot;
            Provisioner p = Reboot(files, out boot);
            var texts = new List<string>();
            // A secret of the wrong type is reported without its value.
            ProvisioningOutcome o = Apply(p, "{\"sip\":{\"password\":31415926}}");
            Assert.Equal("sip.password", o.Field);
            texts.Add(o.ToEvent()); texts.Add(o.ToLog());
            o = Apply(p, "{\"overlay\":{\"aor\":\"a@b.c\",\"supernodes\":[\"127.0.0.1:1\"],\"siteKey\":\"c2VjcmV0LXNpdGUta2V5\"}}");
            Assert.Equal("overlay.siteKey", o.Field);
            texts.Add(o.ToEvent()); texts.Add(o.ToLog());
            o = Apply(p, Doc("bob"));
            Assert.Equal(ProvisioningResult.Applied, o.Result);
            texts.Add(o.ToEvent()); texts.Add(o.ToLog());
            foreach (string t in texts)
            {
                Assert.DoesNotContain("31415926", t);
                Assert.DoesNotContain("c2VjcmV0LXNpdGUta2V5", t);
                Assert.DoesNotContain("pw-", t);
            }
        }

        [Fact]
        public void FieldOfExtractsTheDottedName()
        {
            Assert.Equal("sip.expires", Provisioner.FieldOf("field 'sip.expires': expected"));
            Assert.Equal("media.foo", Provisioner.FieldOf("unknown field 'media.foo' (line 1 col 2)"));
            Assert.Null(Provisioner.FieldOf("not valid JSON: line 1 col 1: the document is empty"));
        }
    }
}
