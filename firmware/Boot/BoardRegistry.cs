// Maps the configuration's `board` name to the BoardDefinition of a real board (boards/*). Each
// board's Definition is touched only when its name is asked for, so the device builds exactly one.
// Canonical names are the BoardDefinition.Name values; a few short aliases (the names people use
// for the boards) are accepted too. The virtual boards are host-only and unknown here. Pure, cold
// path. Depends on the board folders; does not depend on hal adapters or the runtime.
using Endpoint.Boards.DiyDeskPhone;
using Endpoint.Boards.DiyIntercom;
using Endpoint.Boards.Esp32AudioKit;
using Endpoint.Boards.Esp32LyraT;
using Endpoint.Boards.Esp32S3Korvo2;
using Endpoint.Boards;

namespace Endpoint.Boot
{
    /// <summary>Board name to board definition.</summary>
    public static class BoardRegistry
    {
        /// <summary>The canonical names, in the order error messages list them.</summary>
        public static readonly string[] Names =
        {
            "esp32-lyrat-v4.3", "esp32-audio-kit-es8388", "esp32-s3-korvo-2-v3", "diy-intercom", "diy-deskphone",
        };

        // Alias -> canonical name, pairwise.
        private static readonly string[] Aliases =
        {
            "esp32-lyrat", "esp32-lyrat-v4.3",
            "esp32-audio-kit", "esp32-audio-kit-es8388",
            "esp32-s3-korvo2", "esp32-s3-korvo-2-v3",
            "esp32-s3-korvo-2", "esp32-s3-korvo-2-v3",
        };

        /// <summary>Every name a configuration may use on a real board: canonical names and aliases.</summary>
        public static string[] AcceptedNames()
        {
            string[] all = new string[Names.Length + Aliases.Length / 2];
            for (int i = 0; i < Names.Length; i++) all[i] = Names[i];
            for (int i = 0; i < Aliases.Length; i += 2) all[Names.Length + i / 2] = Aliases[i];
            return all;
        }

        /// <summary>The canonical name for name or one of its aliases, or null.</summary>
        public static string Canonical(string name)
        {
            if (name == null) return null;
            for (int i = 0; i < Names.Length; i++) if (Names[i] == name) return name;
            for (int i = 0; i < Aliases.Length; i += 2) if (Aliases[i] == name) return Aliases[i + 1];
            return null;
        }

        /// <summary>The definition for a board name or alias, or null when unknown.</summary>
        public static BoardDefinition Find(string name)
        {
            switch (Canonical(name))
            {
                case "esp32-lyrat-v4.3": return Esp32LyraTBoard.Definition;
                case "esp32-audio-kit-es8388": return Esp32AudioKitBoard.Definition;
                case "esp32-s3-korvo-2-v3": return Esp32S3Korvo2Board.Definition;
                case "diy-intercom": return DiyIntercomBoard.Definition;
                case "diy-deskphone": return DiyDeskPhoneBoard.Definition;
                default: return null;
            }
        }

        /// <summary>
        /// The definition for name, or null with <paramref name="error"/> naming the field and
        /// listing the known boards.
        /// </summary>
        public static BoardDefinition Resolve(string name, out string error)
        {
            BoardDefinition b = Find(name);
            if (b != null)
            {
                error = null;
                return b;
            }
            string shown = name == null ? "nothing" : "\"" + name + "\"";
            string hint = name != null && name.StartsWith("virtual-") ? " (virtual boards run only on the desktop)" : "";
            error = "field 'board': expected one of " + List() + ", got " + shown + hint;
            return null;
        }

        private static string List()
        {
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            for (int i = 0; i < Names.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Names[i]);
            }
            return sb.ToString();
        }
    }
}
