// Call-progress tones and ringer cadences by region. Values (frequencies and cadences) as
// published in the national tone plans collected in ITU-T E.180 Supplement 2 ("Various tones
// used in national networks"):
//  - North America: ANSI T1.401 / Telcordia "Precise Tone Plan": dial 350+440 Hz continuous
//    (-13 dBm0 each), ringback 440+480 Hz 2 s on 4 s off (-19 dBm0), busy 480+620 Hz 0.5/0.5 s
//    (-24 dBm0), reorder (congestion) 480+620 Hz 0.25/0.25 s (-24 dBm0), call waiting 440 Hz
//    0.3 s (repeated here every 10 s); ringing 2 s on 4 s off.
//  - ETSI (ETR 187 / ES 201 970 recommendation followed by most of Europe): 425 Hz; dial
//    continuous, ringback 1 s on 4 s off, busy 0.5/0.5 s, congestion 0.25/0.25 s, call waiting
//    0.2 on 0.2 off 0.2 on 4.4 off; ringing 1 s on 4 s off.
//  - United Kingdom (BT SIN 350): dial 350+440 Hz continuous, ringback 400+450 Hz 0.4 on 0.2 off
//    0.4 on 2.0 off, busy 400 Hz 0.375/0.375 s, congestion 400 Hz 0.4 on 0.35 off 0.225 on
//    0.525 off, call waiting 400 Hz 0.1 s every 3.1 s; ringing 0.4 on 0.2 off 0.4 on 2.0 off.
//  - Germany (Deutsche Telekom 1 TR 110): 425 Hz; dial continuous, ringback 1 s on 4 s off,
//    busy 0.48/0.48 s, congestion 0.24/0.24 s, call waiting 0.2 on 0.2 off 0.2 on 5 s off;
//    ringing 1 s on 4 s off.
// Levels outside North America are a nominal -13 dBm0 per frequency (national plans differ by
// network and point of measurement); ToneGenerator.GainDb adjusts. The UK congestion tone's
// second burst is 6 dB louder in SIN 350; here both bursts share one level.
// Depends on ToneSpec/Cadence. The table is built once at type initialisation.
namespace Endpoint.Media.Tones
{
    /// <summary>Regions with a tone plan.</summary>
    public enum ToneRegion
    {
        /// <summary>USA and Canada (Precise Tone Plan).</summary>
        NorthAmerica = 0,
        /// <summary>ETSI recommendation (most of Europe).</summary>
        Etsi = 1,
        /// <summary>United Kingdom.</summary>
        UnitedKingdom = 2,
        /// <summary>Germany.</summary>
        Germany = 3,
    }

    /// <summary>Call-progress tone kinds.</summary>
    public enum ToneKind
    {
        /// <summary>Dial tone (proceed to dial).</summary>
        Dial = 0,
        /// <summary>Ringback (audible ringing at the caller).</summary>
        Ringback = 1,
        /// <summary>Busy (called party busy).</summary>
        Busy = 2,
        /// <summary>Congestion / reorder (network busy, call failed).</summary>
        Congestion = 3,
        /// <summary>Call waiting (a second call arrives during a call).</summary>
        CallWaiting = 4,
    }

    /// <summary>Tone plans per region.</summary>
    public static class ToneTable
    {
        /// <summary>Number of regions.</summary>
        public const int RegionCount = 4;

        /// <summary>Number of tone kinds.</summary>
        public const int KindCount = 5;

        private static readonly string[] RegionNames = { "NorthAmerica", "Etsi", "UnitedKingdom", "Germany" };
        private static readonly string[] KindNames = { "dial", "ringback", "busy", "congestion", "callwaiting" };
        private static readonly ToneSpec[][] Tones;
        private static readonly Cadence[] Rings;

        static ToneTable()
        {
            Tones = new ToneSpec[RegionCount][];
            Rings = new Cadence[RegionCount];

            Tones[0] = new ToneSpec[]
            {
                new ToneSpec("dial", 350, 440, ToneMix.Sum, -13, Cadence.Continuous),
                new ToneSpec("ringback", 440, 480, ToneMix.Sum, -19, new Cadence(new int[] { 2000, 4000 }, true)),
                new ToneSpec("busy", 480, 620, ToneMix.Sum, -24, new Cadence(new int[] { 500, 500 }, true)),
                new ToneSpec("congestion", 480, 620, ToneMix.Sum, -24, new Cadence(new int[] { 250, 250 }, true)),
                new ToneSpec("callwaiting", 440, 0, ToneMix.Single, -13, new Cadence(new int[] { 300, 9700 }, true)),
            };
            Rings[0] = new Cadence(new int[] { 2000, 4000 }, true);

            Tones[1] = new ToneSpec[]
            {
                new ToneSpec("dial", 425, 0, ToneMix.Single, -13, Cadence.Continuous),
                new ToneSpec("ringback", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 1000, 4000 }, true)),
                new ToneSpec("busy", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 500, 500 }, true)),
                new ToneSpec("congestion", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 250, 250 }, true)),
                new ToneSpec("callwaiting", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 200, 200, 200, 4400 }, true)),
            };
            Rings[1] = new Cadence(new int[] { 1000, 4000 }, true);

            Tones[2] = new ToneSpec[]
            {
                new ToneSpec("dial", 350, 440, ToneMix.Sum, -13, Cadence.Continuous),
                new ToneSpec("ringback", 400, 450, ToneMix.Sum, -13, new Cadence(new int[] { 400, 200, 400, 2000 }, true)),
                new ToneSpec("busy", 400, 0, ToneMix.Single, -13, new Cadence(new int[] { 375, 375 }, true)),
                new ToneSpec("congestion", 400, 0, ToneMix.Single, -13, new Cadence(new int[] { 400, 350, 225, 525 }, true)),
                new ToneSpec("callwaiting", 400, 0, ToneMix.Single, -13, new Cadence(new int[] { 100, 3000 }, true)),
            };
            Rings[2] = new Cadence(new int[] { 400, 200, 400, 2000 }, true);

            Tones[3] = new ToneSpec[]
            {
                new ToneSpec("dial", 425, 0, ToneMix.Single, -13, Cadence.Continuous),
                new ToneSpec("ringback", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 1000, 4000 }, true)),
                new ToneSpec("busy", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 480, 480 }, true)),
                new ToneSpec("congestion", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 240, 240 }, true)),
                new ToneSpec("callwaiting", 425, 0, ToneMix.Single, -13, new Cadence(new int[] { 200, 200, 200, 5000 }, true)),
            };
            Rings[3] = new Cadence(new int[] { 1000, 4000 }, true);
        }

        /// <summary>The tone of a kind in a region.</summary>
        public static ToneSpec Get(ToneRegion region, ToneKind kind)
        {
            int r = (int)region, k = (int)kind;
            if (r < 0 || r >= RegionCount || k < 0 || k >= KindCount) throw new System.ArgumentOutOfRangeException("region");
            return Tones[r][k];
        }

        /// <summary>The ringer cadence of a region.</summary>
        public static Cadence RingCadence(ToneRegion region)
        {
            int r = (int)region;
            if (r < 0 || r >= RegionCount) throw new System.ArgumentOutOfRangeException("region");
            return Rings[r];
        }

        /// <summary>Name of a region ("NorthAmerica", ...).</summary>
        public static string RegionName(ToneRegion region)
        {
            int r = (int)region;
            return r >= 0 && r < RegionCount ? RegionNames[r] : "Unknown";
        }

        /// <summary>Name of a tone kind ("dial", ...).</summary>
        public static string KindName(ToneKind kind)
        {
            int k = (int)kind;
            return k >= 0 && k < KindCount ? KindNames[k] : "unknown";
        }

        /// <summary>
        /// A one-shot in-band DTMF tone (ITU-T Q.23 frequencies) for peers without RFC 4733:
        /// <paramref name="toneMs"/> of the digit's two frequencies at <paramref name="levelDbm0"/>
        /// each, then <paramref name="gapMs"/> of silence. Null when the character is not a digit
        /// ('0'-'9', '*', '#', 'A'-'D', letters in either case). Allocates one small object.
        /// </summary>
        public static ToneSpec DtmfDigit(char digit, int toneMs, int gapMs, int levelDbm0)
        {
            const string keys = "123A456B789C*0#D";
            if (digit >= 'a' && digit <= 'd') digit = (char)(digit - 32);
            int i = keys.IndexOf(digit);
            if (i < 0 || toneMs <= 0) return null;
            int[] rows = { 697, 770, 852, 941 };
            int[] cols = { 1209, 1336, 1477, 1633 };
            int[] seg = gapMs > 0 ? new int[] { toneMs, gapMs } : new int[] { toneMs };
            return new ToneSpec("dtmf", rows[i / 4], cols[i % 4], ToneMix.Sum, levelDbm0, new Cadence(seg, false));
        }

        /// <summary>
        /// Region from a config code, case-insensitive: "us", "ca", "na", "northamerica"; "etsi",
        /// "eu"; "uk", "gb", "unitedkingdom"; "de", "germany". False when unknown.
        /// </summary>
        public static bool TryParseRegion(string code, out ToneRegion region)
        {
            region = ToneRegion.Etsi;
            if (code == null) return false;
            string c = code.Trim().ToLower();
            if (c == "us" || c == "ca" || c == "na" || c == "northamerica") region = ToneRegion.NorthAmerica;
            else if (c == "etsi" || c == "eu") region = ToneRegion.Etsi;
            else if (c == "uk" || c == "gb" || c == "unitedkingdom") region = ToneRegion.UnitedKingdom;
            else if (c == "de" || c == "germany") region = ToneRegion.Germany;
            else return false;
            return true;
        }
    }
}
