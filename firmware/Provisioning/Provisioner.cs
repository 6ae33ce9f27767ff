// Keeps the device configured: boots from the active slot (falling back to the last good slot),
// and applies offered configuration documents atomically:
//   1. validate with ConfigLoader (errors name the field) and the accepted-board list;
//   2. SHA-256 equal to the active document -> unchanged, nothing written;
//   3. write the document into the slot that is NOT active, read it back and check it;
//   4. switch the active pointer (itself read back and checked).
// A power cut before step 4 completes leaves the pointer on the previous slot; the previous
// slot is never touched by an apply, so it stays as the last good configuration. A document that
// fails at any step is reported (rejected / failed) and the active configuration stays.
// Thread-safe (one lock): the boot path and a periodic fetcher may call it.
// Depends on ConfigSlots, Endpoint.Config, Endpoint.Hal.IStorage. Pure: no I/O but the storage
// interface, no clock, no sockets.
using Endpoint.Config;
using Endpoint.Crypto;
using Endpoint.Hal;

namespace Endpoint.Provisioning
{
    /// <summary>Boots from and applies configurations to the A/B slots.</summary>
    public sealed class Provisioner
    {
        private readonly object _lock = new object();
        private readonly ConfigSlots _slots;
        private readonly byte[] _activeDigest = new byte[Sha256.HashSize];
        private readonly byte[] _digest = new byte[Sha256.HashSize];
        private EndpointConfig _active;
        private int _activeSlot = -1;
        private int _activeGeneration;
        private int _highestGeneration;

        /// <summary>Creates a provisioner over a storage (an AtomicStorage on the device).</summary>
        public Provisioner(IStorage storage)
        {
            _slots = new ConfigSlots(storage);
        }

        /// <summary>Boards a configuration may name (null = any). Others are rejected with field "board".</summary>
        public string[] AcceptedBoards { get; set; }

        /// <summary>The slots underneath.</summary>
        public ConfigSlots Slots { get { return _slots; } }

        /// <summary>The active configuration, or null when none is stored.</summary>
        public EndpointConfig Active { get { lock (_lock) return _active; } }

        /// <summary>The active slot (0 = a, 1 = b) or -1.</summary>
        public int ActiveSlot { get { lock (_lock) return _activeSlot; } }

        /// <summary>The active generation (increases with every apply), or 0.</summary>
        public int ActiveGeneration { get { lock (_lock) return _activeGeneration; } }

        /// <summary>
        /// Loads the active configuration from storage: the slot the pointer names when it checks
        /// out and validates; otherwise the other good slot (the last good one); with no usable
        /// pointer, the good slot with the highest generation. Repairs the pointer after a fallback.
        /// Result: Loaded, Recovered (Reason says what was wrong) or Empty.
        /// </summary>
        public ProvisioningOutcome Boot()
        {
            lock (_lock)
            {
                _active = null;
                _activeSlot = -1;
                _activeGeneration = 0;
                _highestGeneration = 0;
                var outcome = new ProvisioningOutcome();
                outcome.Source = "storage";
                int ptrSlot, ptrGen;
                string ptrProblem;
                byte[] ptrDigest = new byte[Sha256.HashSize];
                bool havePtr = _slots.ReadPointer(out ptrSlot, out ptrGen, ptrDigest, out ptrProblem);

                string[] problems = new string[2];
                EndpointConfig[] configs = new EndpointConfig[2];
                int[] gens = new int[2];
                byte[][] digests = new byte[2][];
                for (int slot = 0; slot < 2; slot++)
                {
                    digests[slot] = new byte[Sha256.HashSize];
                    configs[slot] = LoadSlot(slot, out gens[slot], digests[slot], out problems[slot]);
                    if (gens[slot] > _highestGeneration) _highestGeneration = gens[slot];
                }

                if (havePtr && configs[ptrSlot] != null && gens[ptrSlot] == ptrGen && ConfigSlots.Same(digests[ptrSlot], 0, ptrDigest, 0, Sha256.HashSize))
                {
                    Activate(configs[ptrSlot], ptrSlot, ptrGen, digests[ptrSlot]);
                    outcome.Result = ProvisioningResult.Loaded;
                    return Finish(outcome);
                }

                string why;
                int pick;
                if (havePtr)
                {
                    why = "active slot " + ConfigSlots.Name(ptrSlot) + " " + (problems[ptrSlot] ?? "does not match the pointer");
                    pick = configs[1 - ptrSlot] != null ? 1 - ptrSlot : -1;
                }
                else
                {
                    why = "active pointer " + ptrProblem;
                    pick = -1;
                    for (int slot = 0; slot < 2; slot++)
                    {
                        if (configs[slot] != null && (pick < 0 || gens[slot] > gens[pick])) pick = slot;
                    }
                }
                if (pick < 0)
                {
                    outcome.Result = ProvisioningResult.Empty;
                    bool nothing = !havePtr && ptrProblem == "missing" && problems[0] == "empty" && problems[1] == "empty";
                    outcome.Reason = nothing ? null : why + "; slot a " + (problems[0] ?? "ok") + "; slot b " + (problems[1] ?? "ok");
                    return Finish(outcome);
                }
                Activate(configs[pick], pick, gens[pick], digests[pick]);
                outcome.Result = ProvisioningResult.Recovered;
                outcome.Reason = why + "; using slot " + ConfigSlots.Name(pick);
                StorageStatus s = _slots.WritePointer(pick, gens[pick], digests[pick]);
                if (s != StorageStatus.Ok) outcome.Reason += " (pointer repair failed: " + StorageStatusText.Get(s) + ")";
                return Finish(outcome);
            }
        }

        /// <summary>
        /// Validates and atomically applies a configuration document from <paramref name="source"/>
        /// (a file name or a redacted URL). Result: Applied, Unchanged, Rejected (Field and Reason
        /// name the problem) or Failed (storage); on anything but Applied the active configuration stays.
        /// </summary>
        public ProvisioningOutcome Apply(byte[] data, int offset, int count, string source)
        {
            lock (_lock)
            {
                var outcome = new ProvisioningOutcome();
                outcome.Source = source;
                string error;
                EndpointConfig cfg = ConfigLoader.Load(data, offset, count, source, out error);
                if (cfg == null)
                {
                    string prefix = source + ": ";
                    if (error.StartsWith(prefix)) error = error.Substring(prefix.Length);
                    return Reject(outcome, FieldOf(error), error);
                }
                if (!BoardAccepted(cfg.Board))
                {
                    return Reject(outcome, "board", "field 'board': expected " + BoardList() + " on this device, got \"" + cfg.Board + "\"");
                }
                _slots.Digest(data, offset, count, _digest);
                if (_active != null && ConfigSlots.Same(_digest, 0, _activeDigest, 0, Sha256.HashSize))
                {
                    outcome.Result = ProvisioningResult.Unchanged;
                    return Finish(outcome);
                }
                int target = _activeSlot == 0 ? 1 : 0;
                int generation = (_highestGeneration > _activeGeneration ? _highestGeneration : _activeGeneration) + 1;
                StorageStatus s = _slots.WriteSlot(target, generation, data, offset, count);
                if (s == StorageStatus.Ok) s = _slots.WritePointer(target, generation, _digest);
                if (generation > _highestGeneration) _highestGeneration = generation;
                if (s != StorageStatus.Ok)
                {
                    outcome.Result = ProvisioningResult.Failed;
                    outcome.Reason = "storing slot " + ConfigSlots.Name(target) + ": " + StorageStatusText.Get(s) + "; keeping the active configuration";
                    return Finish(outcome);
                }
                Activate(cfg, target, generation, _digest);
                outcome.Result = ProvisioningResult.Applied;
                return Finish(outcome);
            }
        }

        /// <summary>Records that a fetch from <paramref name="source"/> failed; the active configuration stays.</summary>
        public ProvisioningOutcome Unreachable(string source, string reason)
        {
            lock (_lock)
            {
                var outcome = new ProvisioningOutcome();
                outcome.Result = ProvisioningResult.Unreachable;
                outcome.Source = source;
                outcome.Reason = reason;
                return Finish(outcome);
            }
        }

        /// <summary>The dotted field name in a ConfigLoader message ("field 'x.y': ..."), or null.</summary>
        public static string FieldOf(string error)
        {
            if (error == null) return null;
            int i = error.IndexOf("field '");
            if (i < 0) return null;
            i += 7;
            int end = error.IndexOf('\'', i);
            return end > i ? error.Substring(i, end - i) : null;
        }

        private EndpointConfig LoadSlot(int slot, out int generation, byte[] digest, out string problem)
        {
            int length;
            byte[] rec = _slots.ReadSlot(slot, out generation, out length, digest, out problem);
            if (rec == null) return null;
            string error;
            EndpointConfig cfg = ConfigLoader.Load(rec, ConfigSlots.HeaderSize, length, "slot " + ConfigSlots.Name(slot), out error);
            if (cfg == null) { problem = "invalid (" + error + ")"; return null; }
            if (!BoardAccepted(cfg.Board)) { problem = "for another board (\"" + cfg.Board + "\")"; return null; }
            return cfg;
        }

        private void Activate(EndpointConfig cfg, int slot, int generation, byte[] digest)
        {
            _active = cfg;
            _activeSlot = slot;
            _activeGeneration = generation;
            System.Array.Copy(digest, 0, _activeDigest, 0, Sha256.HashSize);
        }

        private ProvisioningOutcome Reject(ProvisioningOutcome outcome, string field, string reason)
        {
            outcome.Result = ProvisioningResult.Rejected;
            outcome.Field = field;
            outcome.Reason = reason + (_active != null ? "; keeping the active configuration" : "");
            return Finish(outcome);
        }

        private ProvisioningOutcome Finish(ProvisioningOutcome outcome)
        {
            outcome.Config = _active;
            outcome.Slot = _activeSlot;
            outcome.Generation = _activeGeneration;
            return outcome;
        }

        private bool BoardAccepted(string board)
        {
            string[] boards = AcceptedBoards;
            if (boards == null) return true;
            for (int i = 0; i < boards.Length; i++) if (boards[i] == board) return true;
            return false;
        }

        private string BoardList()
        {
            string[] boards = AcceptedBoards;
            string s = "";
            for (int i = 0; i < boards.Length; i++) s += (i == 0 ? "\"" : i == boards.Length - 1 ? " or \"" : ", \"") + boards[i] + "\"";
            return s;
        }
    }
}
