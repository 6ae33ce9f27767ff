// JSON value kinds (RFC 8259). Depends on nothing.
namespace Endpoint.Json
{
    /// <summary>The kind of a <see cref="JsonNode"/>.</summary>
    public enum JsonKind
    {
        Null,
        False,
        True,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>Names for <see cref="JsonKind"/> (enum ToString prints numbers on nanoFramework).</summary>
    public static class JsonKindNames
    {
        private static readonly string[] Names = { "null", "false", "true", "number", "string", "array", "object" };

        /// <summary>Human name of a kind, as used in error messages ("expected a string, got an array").</summary>
        public static string Of(JsonKind kind)
        {
            int i = (int)kind;
            return i >= 0 && i < Names.Length ? Names[i] : "value";
        }
    }
}
