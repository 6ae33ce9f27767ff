// Outcome of BoardValidator.Check: errors (the board must not start) and warnings (legal but
// worth knowing, e.g. strapping pins). Depends on nothing. Cold path (boot).
namespace Endpoint.Boards
{
    /// <summary>Result of a boot check.</summary>
    public sealed class BoardCheckResult
    {
        /// <summary>Creates a result.</summary>
        public BoardCheckResult(string[] errors, string[] warnings)
        {
            Errors = errors;
            Warnings = warnings;
        }

        /// <summary>True when there is no error.</summary>
        public bool Ok { get { return Errors.Length == 0; } }

        /// <summary>Error messages, e.g. "pin 0: I2S MCLK and keypad row 1".</summary>
        public string[] Errors { get; }

        /// <summary>Warning messages.</summary>
        public string[] Warnings { get; }

        /// <summary>True if some error contains text.</summary>
        public bool HasError(string text)
        {
            for (int i = 0; i < Errors.Length; i++)
            {
                if (Errors[i].IndexOf(text) >= 0) return true;
            }
            return false;
        }

        /// <summary>All errors joined by "; ", or "ok".</summary>
        public string Summary()
        {
            if (Errors.Length == 0) return "ok";
            string s = Errors[0];
            for (int i = 1; i < Errors.Length; i++) s = s + "; " + Errors[i];
            return s;
        }
    }
}
