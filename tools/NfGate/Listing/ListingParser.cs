// Parses the stable nanoFramework API listings (shared/nanoframework-api/*.txt + INDEX.tsv; line
// format in that folder's README.txt) into the ApiListing model. Reads text only; knows nothing
// of Roslyn. The preview/ folder is never read. Limits: member parameter names are not in the
// listings, so the model has types only.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Endpoint.Tools.NfGate.Listing
{
    /// <summary>Thrown when the listings folder is missing or unreadable (CLI exit code 2).</summary>
    public sealed class GateSetupException : Exception
    {
        public GateSetupException(string message) : base(message) { }
    }

    /// <summary>Reads INDEX.tsv and every stable *.txt listing of a folder.</summary>
    public static class ListingParser
    {
        private static readonly string[] TypeKinds = { "class", "struct", "interface", "enum", "delegate" };

        /// <summary>Parses all stable listings in <paramref name="apiDir"/> (not preview/).</summary>
        public static List<ListingPackage> LoadAll(string apiDir)
        {
            if (apiDir == null || !Directory.Exists(apiDir))
            {
                throw new GateSetupException("nanoFramework API listings not found: '" + apiDir +
                    "' (expected ../shared/nanoframework-api beside the repository; use --api DIR or NF_API_DIR)");
            }
            string indexPath = Path.Combine(apiDir, "INDEX.tsv");
            if (!File.Exists(indexPath))
            {
                throw new GateSetupException("listing index missing: " + indexPath);
            }
            Dictionary<string, string[]> index = ReadIndex(indexPath);
            var packages = new List<ListingPackage>();
            foreach (string path in Directory.GetFiles(apiDir, "*.txt").OrderBy(p => p, StringComparer.Ordinal))
            {
                string file = Path.GetFileName(path);
                if (file.Equals("README.txt", StringComparison.OrdinalIgnoreCase)) continue;
                ListingPackage pkg = ParseFile(path);
                if (index.TryGetValue(file, out string[] row))
                {
                    pkg.PackageId = row[1];
                    pkg.AssemblyName = StripDll(row[2]);
                    pkg.Version = row[3];
                }
                if (pkg.PackageId == null)
                {
                    throw new GateSetupException("listing " + file + " has no row in INDEX.tsv and no PackageId header");
                }
                packages.Add(pkg);
            }
            if (!packages.Any(p => p.IsCoreLibrary))
            {
                throw new GateSetupException("no CoreLibrary listing (mscorlib) in " + apiDir);
            }
            return packages;
        }

        private static Dictionary<string, string[]> ReadIndex(string path)
        {
            var rows = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            string[] lines = File.ReadAllLines(path);
            for (int i = 1; i < lines.Length; i++)
            {
                string[] cols = lines[i].Split('\t');
                if (cols.Length < 4 || cols[0].Contains('/')) continue; // preview/ rows are skipped
                rows[cols[0]] = cols;
            }
            return rows;
        }

        private static string StripDll(string name) =>
            name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;

        /// <summary>Parses one listing file (header comments, type lines, member lines).</summary>
        public static ListingPackage ParseFile(string path)
        {
            var pkg = new ListingPackage { FileName = Path.GetFileName(path) };
            string[] lines = File.ReadAllLines(path);
            ListedType current = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Trim().Length == 0) continue;
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    ParseHeader(pkg, line);
                    continue;
                }
                if (line.StartsWith("type ", StringComparison.Ordinal))
                {
                    current = ParseTypeLine(pkg, line, i + 1);
                    pkg.Types.Add(current);
                    continue;
                }
                if (current == null)
                {
                    throw new GateSetupException(pkg.FileName + ":" + (i + 1) + ": member line before any type line");
                }
                current.Members.Add(ParseMemberLine(current, line, i + 1, pkg.FileName));
            }
            LinkNesting(pkg);
            return pkg;
        }

        private static void ParseHeader(ListingPackage pkg, string line)
        {
            string body = line.TrimStart('#').Trim();
            if (body.StartsWith("PackageId:", StringComparison.Ordinal))
            {
                pkg.PackageId = body.Substring("PackageId:".Length).Trim();
            }
            else if (body.StartsWith("Assembly:", StringComparison.Ordinal))
            {
                pkg.AssemblyName = StripDll(body.Substring("Assembly:".Length).Trim());
            }
            else if (body.StartsWith("nuspec:", StringComparison.Ordinal))
            {
                int at = body.IndexOf("dependencies:", StringComparison.Ordinal);
                if (at < 0) return;
                string deps = body.Substring(at + "dependencies:".Length).Trim();
                if (deps.StartsWith("(", StringComparison.Ordinal)) return; // "(none listed)"
                foreach (string dep in deps.Split(','))
                {
                    string id = dep.Trim().Split(' ')[0];
                    if (id.Length > 0) pkg.Dependencies.Add(id);
                }
            }
        }

        // type <modifiers> <kind> <Name>[<T>][(params) : ret] [: bases] [where ...] [tags]
        private static ListedType ParseTypeLine(ListingPackage pkg, string line, int lineNo)
        {
            SplitTags(line.Substring("type ".Length), out string main, out List<ListingTag> tags, out _);
            var reader = new ListingText.Cursor(main);
            var modifiers = new List<string>();
            string kind = null;
            while (!reader.AtEnd)
            {
                string word = reader.ReadWord();
                if (TypeKinds.Contains(word)) { kind = word; break; }
                modifiers.Add(word);
            }
            if (kind == null) throw new GateSetupException(pkg.FileName + ":" + lineNo + ": no type kind in '" + line + "'");
            string nameWithArgs = reader.ReadBalancedToken();
            string fullName = nameWithArgs;
            var typeParams = new List<string>();
            int lt = nameWithArgs.IndexOf('<');
            if (lt >= 0)
            {
                fullName = nameWithArgs.Substring(0, lt);
                typeParams.AddRange(ListingText.SplitTopLevel(nameWithArgs.Substring(lt + 1, nameWithArgs.Length - lt - 2)));
            }
            var type = new ListedType
            {
                Package = pkg,
                FullName = fullName,
                Kind = kind,
                RawLine = line,
                LineNumber = lineNo,
            };
            type.Modifiers.AddRange(modifiers);
            type.TypeParameters.AddRange(typeParams);
            type.Tags.AddRange(tags);
            string rest = reader.Rest.Trim();
            if (kind == "delegate")
            {
                // (params) : ret
                int close = ListingText.MatchingClose(rest, 0);
                type.DelegateParameters = ListingText.SplitTopLevel(rest.Substring(1, close - 1));
                rest = rest.Substring(close + 1).Trim();
                if (!rest.StartsWith(":", StringComparison.Ordinal))
                {
                    throw new GateSetupException(pkg.FileName + ":" + lineNo + ": delegate without return type");
                }
                rest = rest.Substring(1).Trim();
                int sp = ListingText.IndexOfTopLevel(rest, ' ');
                type.DelegateReturnType = sp < 0 ? rest : rest.Substring(0, sp);
                rest = sp < 0 ? "" : rest.Substring(sp).Trim();
            }
            int where = rest.IndexOf("where ", StringComparison.Ordinal);
            if (where >= 0)
            {
                type.WhereClause = rest.Substring(where).Trim();
                rest = rest.Substring(0, where).Trim();
            }
            if (rest.StartsWith(":", StringComparison.Ordinal))
            {
                type.Bases.AddRange(ListingText.SplitTopLevel(rest.Substring(1)));
            }
            return type;
        }

        private static ListedMember ParseMemberLine(ListedType owner, string line, int lineNo, string file)
        {
            string text = line.Trim();
            int sp = text.IndexOf(' ');
            string kind = text.Substring(0, sp);
            string afterKind = text.Substring(sp + 1);
            string ownerPrefix = owner.FullName + "::";
            if (!afterKind.StartsWith(ownerPrefix, StringComparison.Ordinal))
            {
                throw new GateSetupException(file + ":" + lineNo + ": member of another type: '" + line + "'");
            }
            string body = afterKind.Substring(ownerPrefix.Length);
            SplitTags(body, out string main, out List<ListingTag> tags, out string tagValue);
            string name;
            List<string> parameters = null;
            string type = null;
            string accessors = null;
            string value = tagValue;

            // Enum values and (rarely) fields carry "= value" in the main part.
            if (kind == "enum")
            {
                int eq = ListingText.IndexOfTopLevel(main, '=');
                if (eq >= 0)
                {
                    value = main.Substring(eq + 1).Trim();
                    main = main.Substring(0, eq).Trim();
                }
                name = main.Trim();
            }
            else
            {
                int paren = IndexOfParamListStart(main);
                int colon;
                if (paren >= 0)
                {
                    name = main.Substring(0, paren).Trim();
                    int close = ListingText.MatchingClose(main, paren);
                    parameters = ListingText.SplitTopLevel(main.Substring(paren + 1, close - paren - 1));
                    string tail = main.Substring(close + 1).Trim();
                    if (tail.StartsWith(":", StringComparison.Ordinal)) type = tail.Substring(1).Trim();
                }
                else
                {
                    colon = ListingText.IndexOfTopLevel(main, ':');
                    if (colon < 0)
                    {
                        name = main.Trim();
                    }
                    else
                    {
                        name = main.Substring(0, colon).Trim();
                        type = main.Substring(colon + 1).Trim();
                    }
                }
                if (kind == "prop" && type != null)
                {
                    int brace = type.IndexOf('{');
                    if (brace >= 0)
                    {
                        accessors = type.Substring(brace + 1, type.LastIndexOf('}') - brace - 1).Trim();
                        type = type.Substring(0, brace).Trim();
                    }
                    // Indexers are listed as this[int]: normalise to name "this" + parameters.
                    int br = name.IndexOf("this[", StringComparison.Ordinal);
                    if (br >= 0)
                    {
                        int open = br + 4;
                        int close = ListingText.MatchingClose(name, open);
                        parameters = ListingText.SplitTopLevel(name.Substring(open + 1, close - open - 1));
                        name = name.Substring(0, open);
                    }
                }
            }
            var member = new ListedMember
            {
                Owner = owner,
                Kind = kind,
                Name = name,
                Parameters = parameters,
                Type = type,
                Accessors = accessors,
                Value = value,
                RawLine = line,
                LineNumber = lineNo,
                Signature = BuildSignature(owner, kind, name, parameters),
            };
            member.Tags.AddRange(tags);
            return member;
        }

        private static string BuildSignature(ListedType owner, string kind, string name, List<string> parameters)
        {
            var sb = new StringBuilder(owner.FullName).Append("::").Append(name);
            if (parameters != null)
            {
                bool indexer = name.EndsWith("this", StringComparison.Ordinal);
                sb.Append(indexer ? '[' : '(');
                sb.Append(string.Join(", ", parameters.Select(StripDefault)));
                sb.Append(indexer ? ']' : ')');
            }
            return sb.ToString();
        }

        /// <summary>"string = null" -> "string".</summary>
        public static string StripDefault(string parameter)
        {
            int eq = ListingText.IndexOfTopLevel(parameter, '=');
            return eq < 0 ? parameter.Trim() : parameter.Substring(0, eq).Trim();
        }

        // After the name, the first '(' that is not part of an "operator" token such as "operator ()".
        private static int IndexOfParamListStart(string main)
        {
            if (main.StartsWith("operator ", StringComparison.Ordinal))
            {
                return main.IndexOf('(', "operator ".Length + 1);
            }
            int colon = main.IndexOf(':');
            int paren = main.IndexOf('(');
            if (paren < 0) return -1;
            if (colon >= 0 && colon < paren) return -1;
            return paren;
        }

        /// <summary>Splits "main part [tag] [tag] = value" into its pieces. A tag starts at " [" +
        /// letter at nesting depth 0 outside quotes (array brackets never follow a space).</summary>
        private static void SplitTags(string text, out string main, out List<ListingTag> tags, out string value)
        {
            tags = new List<ListingTag>();
            value = null;
            int start = -1;
            int depth = 0;
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' && (i == 0 || text[i - 1] != '\\')) quoted = !quoted;
                if (quoted) continue;
                if (c == '(' || c == '{') depth++;
                else if (c == ')' || c == '}') depth--;
                else if (c == '[' && depth == 0 && i > 0 && text[i - 1] == ' ' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    start = i;
                    break;
                }
            }
            if (start < 0)
            {
                main = text.Trim();
                return;
            }
            main = text.Substring(0, start).Trim();
            int pos = start;
            var between = new StringBuilder();
            while (pos < text.Length)
            {
                if (text[pos] == '[')
                {
                    int close = ListingText.MatchingClose(text, pos);
                    string inner = text.Substring(pos + 1, close - pos - 1);
                    int cut = inner.IndexOfAny(new[] { ':', '(' });
                    string tagName = (cut < 0 ? inner : inner.Substring(0, cut)).Trim();
                    tags.Add(new ListingTag { Name = tagName, Text = inner });
                    pos = close + 1;
                }
                else
                {
                    between.Append(text[pos]);
                    pos++;
                }
            }
            string rest = between.ToString().Trim();
            if (rest.StartsWith("=", StringComparison.Ordinal)) value = rest.Substring(1).Trim();
        }

        /// <summary>Decides which dotted names are nested types (Outer.Inner) and sets Namespace,
        /// Name, DeclaringType and NestedTypes.</summary>
        private static void LinkNesting(ListingPackage pkg)
        {
            var byName = new Dictionary<string, ListedType>(StringComparer.Ordinal);
            foreach (ListedType t in pkg.Types) byName[t.FullName] = t;
            foreach (ListedType t in pkg.Types)
            {
                int dot = t.FullName.LastIndexOf('.');
                t.Name = dot < 0 ? t.FullName : t.FullName.Substring(dot + 1);
                ListedType outer = null;
                string prefix = dot < 0 ? "" : t.FullName.Substring(0, dot);
                // The longest prefix that is itself a listed type makes this a nested type.
                while (prefix.Length > 0)
                {
                    if (byName.TryGetValue(prefix, out ListedType candidate)) { outer = candidate; break; }
                    int d = prefix.LastIndexOf('.');
                    prefix = d < 0 ? "" : prefix.Substring(0, d);
                }
                t.DeclaringType = outer;
                if (outer != null) outer.NestedTypes.Add(t);
            }
            foreach (ListedType t in pkg.Types)
            {
                ListedType top = t;
                while (top.DeclaringType != null) top = top.DeclaringType;
                int dot = top.FullName.LastIndexOf('.');
                t.Namespace = dot < 0 ? "" : top.FullName.Substring(0, dot);
            }
        }
    }
}
