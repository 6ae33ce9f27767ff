// How G.711 encoding is computed: the memory/speed trade-off of ITU-T G.711 encoding on an
// interpreted device. Depends on nothing.
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
