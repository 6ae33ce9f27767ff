// How G.711 encoding is computed: the memory/speed trade-off of ITU-T G.711 encoding on an
// interpreted device. Depends on nothing.
// Choice: Compact is the default. Without PSRAM the managed heap is about 100 KB, and the direct
// mu-law table alone would take 16 KB of it (16 %) to save a few microseconds per 20 ms frame.
// Compact is not the slow "computed" encoder of the platform measurement (39.7 us per frame on
// the interpreter, a segment-search loop per sample): it replaces the search by one lookup in a
// 128-byte table, leaving about a dozen IL operations per sample versus about five for the
// direct table (11.7 us per frame measured there). Boards with PSRAM should pick Table.
// Desktop figures (bench/MediaBench.cs, 160 samples, noisy shared machine): mu-law compact
// ~0.4-0.8 us, table ~0.1-0.2 us; A-law compact ~0.25-0.4 us, table ~0.1 us; decode ~0.08 us.
namespace Endpoint.Media.Codec
{
    /// <summary>Selects the G.711 encoder implementation.</summary>
    public enum G711EncoderMode
    {
        /// <summary>
        /// Segment lookup in a 128-byte table per law, then a shift and a mask per sample.
        /// 256 bytes total for both laws. The default for boards without PSRAM.
        /// </summary>
        Compact = 0,

        /// <summary>
        /// One lookup per sample in a direct table: 16,384 bytes for mu-law (index sample&gt;&gt;2),
        /// 4,096 bytes for A-law (index sample&gt;&gt;4; A-law ignores the 4 lowest bits). Built once,
        /// on first use of that law, and kept for the life of the program.
        /// </summary>
        Table = 1,
    }
}
