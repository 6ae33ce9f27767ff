// The route set of a dialog (RFC 3261 §12.1.1, §12.1.2) and a preloaded outbound-proxy route:
// an ordered list of Route values (name-addr with parameters) copied from Record-Route, in the
// received order for the UAS and reversed for the UAC. Entries live in one preallocated arena.
// Depends on Endpoint.Sip.Message (SipMessage, SipNameAddr, SipUri). Limits: MaxEntries values
// (default 8) and ArenaBytes bytes in total; exceeding either is a status, never a crash.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Dialog
{
    /// <summary>An ordered list of route entries in a fixed arena.</summary>
    public sealed class RouteSet
    {
        /// <summary>Default largest number of entries.</summary>
        public const int DefaultMaxEntries = 8;

        private static readonly byte[] _lr = SipAscii.Bytes("lr");

        private readonly byte[] _arena;
        private readonly int[] _start;
        private readonly int[] _len;
        private int _count;
        private int _used;

        /// <summary>Creates a route set holding up to <paramref name="maxEntries"/> values in <paramref name="arenaBytes"/> bytes.</summary>
        public RouteSet(int maxEntries, int arenaBytes)
        {
            if (maxEntries < 1 || arenaBytes < 16) throw new System.ArgumentOutOfRangeException();
            _arena = new byte[arenaBytes];
            _start = new int[maxEntries];
            _len = new int[maxEntries];
        }

        /// <summary>Number of entries.</summary>
        public int Count { get { return _count; } }

        /// <summary>Largest number of entries.</summary>
        public int MaxEntries { get { return _start.Length; } }

        /// <summary>The storage every entry slice points into.</summary>
        public byte[] Arena { get { return _arena; } }

        /// <summary>Entry <paramref name="i"/> (a name-addr such as "&lt;sip:p1.example.com;lr&gt;") as a slice of <see cref="Arena"/>.</summary>
        public Slice Get(int i) { return new Slice(_start[i], _len[i]); }

        /// <summary>Removes every entry.</summary>
        public void Clear()
        {
            _count = 0;
            _used = 0;
        }

        /// <summary>Appends one entry. Returns Ok, TooManyRoutes or TooLarge (the set is unchanged then).</summary>
        public DialogStatus Add(byte[] src, Slice value)
        {
            if (_count >= _start.Length) return DialogStatus.TooManyRoutes;
            if (value.Length <= 0 || _used + value.Length > _arena.Length) return DialogStatus.TooLarge;
            System.Array.Copy(src, value.Start, _arena, _used, value.Length);
            _start[_count] = _used;
            _len[_count] = value.Length;
            _used += value.Length;
            _count++;
            return DialogStatus.Ok;
        }

        /// <summary>
        /// Replaces the set with the Record-Route values of <paramref name="m"/> (§12.1.1 UAS: in
        /// order; §12.1.2 UAC: <paramref name="reverse"/>). Each value must be a valid name-addr.
        /// On any failure the set is left empty and the status says why.
        /// </summary>
        public DialogStatus LoadRecordRoute(SipMessage m, bool reverse)
        {
            Clear();
            int n = m.CountHeaders(SipHeaderId.RecordRoute);
            if (n == 0) return DialogStatus.Ok;
            if (n > _start.Length) return DialogStatus.TooManyRoutes;
            byte[] b = m.Buffer;
            int idx = -1;
            for (int k = 0; k < n; k++)
            {
                idx = m.FindHeader(SipHeaderId.RecordRoute, idx + 1);
                SipNameAddr na;
                if (m.GetNameAddr(idx, out na) != SipError.None || !na.Uri.IsSip) { Clear(); return DialogStatus.BadRoute; }
                DialogStatus st = Add(b, m.GetHeaderValue(idx));
                if (st != DialogStatus.Ok) { Clear(); return st; }
            }
            if (reverse) Reverse();
            return DialogStatus.Ok;
        }

        private void Reverse()
        {
            for (int i = 0, j = _count - 1; i < j; i++, j--)
            {
                int s = _start[i]; _start[i] = _start[j]; _start[j] = s;
                int l = _len[i]; _len[i] = _len[j]; _len[j] = l;
            }
        }

        /// <summary>Parses entry <paramref name="i"/> as a name-addr. False if malformed.</summary>
        public bool TryGetNameAddr(int i, out SipNameAddr na)
        {
            return SipNameAddr.Parse(_arena, Get(i), out na) == SipError.None;
        }

        /// <summary>True if entry <paramref name="i"/> is a loose router (its URI has the lr parameter, §19.1.1).</summary>
        public bool IsLooseRouter(int i)
        {
            SipNameAddr na;
            if (!TryGetNameAddr(i, out na)) return false;
            Slice v;
            return na.Uri.TryGetParam(_arena, _lr, out v);
        }
    }
}
