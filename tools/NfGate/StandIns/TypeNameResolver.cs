// Resolves type names as the listings write them ("String", "IPEndPoint", "byte[]",
// "Reflection.MethodImplAttributes", "UInt32", "T") to fully qualified C# (global::...), the way
// the C# compiler would have in the library's own source: nested types of the current type and
// its bases first, then the enclosing namespaces, then the package itself, its dependencies and
// finally every listing. Unresolved or ambiguous names are recorded as gate problems (the
// stand-ins must be sound). Depends only on the listing model.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Endpoint.Tools.NfGate.Listing;

namespace Endpoint.Tools.NfGate.StandIns
{
    /// <summary>Maps listing type texts to global:: qualified C# type syntax.</summary>
    public sealed class TypeNameResolver
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool", "byte", "sbyte", "char", "short", "ushort", "int", "uint", "long", "ulong",
            "float", "double", "decimal", "string", "object", "void", "nint", "nuint", "dynamic",
        };

        private static readonly string[] ParamModifiers = { "ref ", "out ", "in ", "params ", "this ", "scoped ", "ref readonly " };

        // key: full name + "`" + arity
        private readonly Dictionary<string, ListedType> _types = new Dictionary<string, ListedType>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ListedType>> _bySimpleName = new Dictionary<string, List<ListedType>>(StringComparer.Ordinal);
        private readonly Dictionary<ListingPackage, HashSet<ListingPackage>> _closure;

        /// <summary>Problems found while resolving (unresolved / ambiguous names), for --verbose.</summary>
        public List<string> Problems { get; } = new List<string>();

        public TypeNameResolver(IEnumerable<ListingPackage> packages, Dictionary<ListingPackage, HashSet<ListingPackage>> dependencyClosure)
        {
            _closure = dependencyClosure;
            foreach (ListingPackage p in packages)
            {
                foreach (ListedType t in p.Types)
                {
                    _types[Key(t.FullName, t.TypeParameters.Count)] = t;
                    if (!_bySimpleName.TryGetValue(t.Name, out List<ListedType> list))
                    {
                        list = new List<ListedType>();
                        _bySimpleName[t.Name] = list;
                    }
                    list.Add(t);
                }
            }
        }

        private static string Key(string fullName, int arity) => fullName + "`" + arity;

        /// <summary>Looks a listed type up by full name and arity.</summary>
        public ListedType Find(string fullName, int arity)
        {
            _types.TryGetValue(Key(fullName, arity), out ListedType t);
            return t;
        }

        /// <summary>Resolves a parameter text ("ref int", "params char[]", "string = null")
        /// and returns C# parameter syntax with the given name.</summary>
        public string Parameter(string text, string name, ListedType context, IList<string> extraTypeParams, string where)
        {
            string decl = ListingParser.StripDefault(text);
            string defaultValue = null;
            int eq = ListingText.IndexOfTopLevel(text, '=');
            if (eq >= 0) defaultValue = text.Substring(eq + 1).Trim();
            string modifier = "";
            bool found = true;
            while (found)
            {
                found = false;
                foreach (string m in ParamModifiers)
                {
                    if (decl.StartsWith(m, StringComparison.Ordinal))
                    {
                        modifier += m;
                        decl = decl.Substring(m.Length).Trim();
                        found = true;
                    }
                }
            }
            string type = Type(decl, context, extraTypeParams, where);
            return modifier + type + " " + name + (defaultValue != null ? " = " + defaultValue : "");
        }

        /// <summary>Resolves a type text to global:: qualified C#; records a problem if it fails.</summary>
        public string Type(string text, ListedType context, IList<string> extraTypeParams, string where)
        {
            string t = text.Trim();
            if (t.EndsWith("?", StringComparison.Ordinal)) t = t.Substring(0, t.Length - 1).Trim(); // nullable annotations (context is off)
            // Array ranks at the end: byte[], Object[][], int[,]
            string suffix = "";
            while (t.EndsWith("]", StringComparison.Ordinal))
            {
                int open = t.LastIndexOf('[');
                suffix = t.Substring(open) + suffix;
                t = t.Substring(0, open).Trim();
                if (t.EndsWith("?", StringComparison.Ordinal)) t = t.Substring(0, t.Length - 1);
            }
            return Named(t, context, extraTypeParams, where) + suffix;
        }

        private string Named(string t, ListedType context, IList<string> extraTypeParams, string where)
        {
            if (Keywords.Contains(t)) return t;
            if (t.StartsWith("global::", StringComparison.Ordinal)) t = t.Substring("global::".Length);
            string args = null;
            var argTexts = new List<string>();
            int lt = t.IndexOf('<');
            if (lt >= 0)
            {
                args = t.Substring(lt + 1, t.Length - lt - 2);
                argTexts = ListingText.SplitTopLevel(args);
                t = t.Substring(0, lt).Trim();
            }
            if (argTexts.Count == 0 && IsTypeParameter(t, context, extraTypeParams)) return t;
            ListedType resolved = Resolve(t, argTexts.Count, context, where);
            if (resolved == null)
            {
                return t + (args != null ? "<" + args + ">" : "");
            }
            var sb = new StringBuilder("global::").Append(resolved.FullName);
            if (argTexts.Count > 0)
            {
                sb.Append('<');
                sb.Append(string.Join(", ", argTexts.Select(a => Type(a, context, extraTypeParams, where))));
                sb.Append('>');
            }
            return sb.ToString();
        }

        private static bool IsTypeParameter(string name, ListedType context, IList<string> extra)
        {
            if (extra != null && extra.Any(p => StripVariance(p) == name)) return true;
            for (ListedType c = context; c != null; c = c.DeclaringType)
            {
                if (c.TypeParameters.Any(p => StripVariance(p) == name)) return true;
            }
            return false;
        }

        /// <summary>"in T" -> "T".</summary>
        public static string StripVariance(string p)
        {
            string s = p.Trim();
            if (s.StartsWith("in ", StringComparison.Ordinal)) return s.Substring(3).Trim();
            if (s.StartsWith("out ", StringComparison.Ordinal)) return s.Substring(4).Trim();
            return s;
        }

        /// <summary>Finds the listed type a (possibly dotted) name denotes from a context.</summary>
        public ListedType Resolve(string name, int arity, ListedType context, string where)
        {
            // 1. Nested types of the context type, its outer types, and their listed bases.
            var seen = new HashSet<ListedType>();
            for (ListedType c = context; c != null; c = c.DeclaringType)
            {
                ListedType hit = FindNestedInHierarchy(c, name, arity, seen);
                if (hit != null) return hit;
            }
            // 2. The enclosing namespaces, innermost first.
            string ns = context?.Namespace ?? "";
            while (true)
            {
                ListedType hit = Find(ns.Length == 0 ? name : ns + "." + name, arity);
                if (hit != null) return hit;
                if (ns.Length == 0) break;
                int dot = ns.LastIndexOf('.');
                ns = dot < 0 ? "" : ns.Substring(0, dot);
            }
            // 3. As if every namespace were imported: prefer own package, then its dependencies.
            var candidates = new List<ListedType>();
            if (_bySimpleName.TryGetValue(LastSegment(name), out List<ListedType> list))
            {
                foreach (ListedType t in list)
                {
                    if (t.TypeParameters.Count != arity) continue;
                    if (!t.FullName.EndsWith("." + name, StringComparison.Ordinal) && t.FullName != name) continue;
                    // a dotted name must start at a namespace segment or a type
                    candidates.Add(t);
                }
            }
            if (candidates.Count == 0)
            {
                Problems.Add(where + ": unresolved type name '" + name + "'");
                return null;
            }
            if (candidates.Count == 1) return candidates[0];
            ListingPackage own = context?.Package;
            List<ListedType> tier = candidates.Where(c => c.Package == own).ToList();
            if (tier.Count == 0 && own != null && _closure.TryGetValue(own, out HashSet<ListingPackage> deps))
            {
                tier = candidates.Where(c => deps.Contains(c.Package)).ToList();
            }
            if (tier.Count == 0) tier = candidates.Where(c => c.Package.IsCoreLibrary).ToList();
            if (tier.Count == 1) return tier[0];
            if (tier.Count == 0) tier = candidates;
            // Still ambiguous: prefer the namespace that shares the longest prefix with the context.
            ListedType best = tier.OrderByDescending(c => CommonPrefix(c.Namespace, context?.Namespace ?? "")).First();
            int bestScore = CommonPrefix(best.Namespace, context?.Namespace ?? "");
            if (tier.Count(c => CommonPrefix(c.Namespace, context?.Namespace ?? "") == bestScore) > 1)
            {
                Problems.Add(where + ": ambiguous type name '" + name + "' (" +
                    string.Join(", ", tier.Select(c => c.FullName)) + "); chose " + best.FullName);
            }
            return best;
        }

        private static readonly System.Text.RegularExpressions.Regex IdentifierChain = new System.Text.RegularExpressions.Regex(
            @"(?<![A-Za-z0-9_.@])[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*");

        private static readonly HashSet<string> ExpressionKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "unchecked", "checked", "nameof", "default", "null", "true", "false", "typeof", "sizeof", "new",
        };

        /// <summary>Qualifies type names inside a constant/default-value expression with global::
        /// so it means the same wherever the stand-in is declared. Returns null when the
        /// expression names something that is not listed (e.g. a library-internal constant).</summary>
        public string QualifyExpression(string expr, ListedType context)
        {
            var memberNames = new HashSet<string>(StringComparer.Ordinal);
            for (ListedType c = context; c != null; c = c.DeclaringType)
            {
                foreach (ListedMember m in c.Members) memberNames.Add(m.Name);
                foreach (ListedType n in c.NestedTypes) memberNames.Add(n.Name);
            }
            bool failed = false;
            var sb = new StringBuilder();
            int last = 0;
            foreach (var segment in SplitOutsideLiterals(expr))
            {
                if (segment.literal) continue;
                foreach (System.Text.RegularExpressions.Match match in IdentifierChain.Matches(expr.Substring(segment.start, segment.length)))
                {
                    int at = segment.start + match.Index;
                    string[] parts = match.Value.Split('.').Select(x => x.Trim()).ToArray();
                    if (Keywords.Contains(parts[0]) || ExpressionKeywords.Contains(parts[0]) || memberNames.Contains(parts[0])) continue;
                    string replacement = null;
                    for (int n = parts.Length; n >= 1 && replacement == null; n--)
                    {
                        string prefix = string.Join(".", parts.Take(n));
                        ListedType hit = ResolveQuiet(prefix, context, context?.Namespace ?? "", context?.Package);
                        if (hit != null && (hit.FullName == prefix || hit.FullName.EndsWith("." + prefix, StringComparison.Ordinal)))
                        {
                            replacement = "global::" + hit.FullName + (n < parts.Length ? "." + string.Join(".", parts.Skip(n)) : "");
                        }
                    }
                    if (replacement == null) { failed = true; continue; }
                    sb.Append(expr, last, at - last).Append(replacement);
                    last = at + match.Length;
                }
            }
            if (failed) return null;
            sb.Append(expr, last, expr.Length - last);
            return sb.ToString();
        }

        private static IEnumerable<(int start, int length, bool literal)> SplitOutsideLiterals(string s)
        {
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '"' && c != '\'') continue;
                if (i > start) yield return (start, i - start, false);
                int j = i + 1;
                while (j < s.Length && s[j] != c) j += s[j] == '\\' ? 2 : 1;
                yield return (i, Math.Min(j + 1, s.Length) - i, true);
                i = j;
                start = j + 1;
            }
            if (start < s.Length) yield return (start, s.Length - start, false);
        }

        private ListedType FindNestedInHierarchy(ListedType type, string name, int arity, HashSet<ListedType> seen)
        {
            if (type == null || !seen.Add(type)) return null;
            ListedType hit = Find(type.FullName + "." + name, arity);
            if (hit != null) return hit;
            if (type.Kind != "class" && type.Kind != "interface") return null;
            foreach (string b in type.Bases)
            {
                string bn = b.Trim();
                int lt = bn.IndexOf('<');
                if (lt >= 0) continue;
                ListedType baseType = ResolveQuiet(bn, type.DeclaringType, type.Namespace, type.Package);
                hit = FindNestedInHierarchy(baseType, name, arity, seen);
                if (hit != null) return hit;
            }
            return null;
        }

        // Base lookup without recording problems (bases are checked when generating the type).
        private ListedType ResolveQuiet(string name, ListedType context, string ns, ListingPackage pkg)
        {
            for (ListedType c = context; c != null; c = c.DeclaringType)
            {
                ListedType hit = Find(c.FullName + "." + name, 0);
                if (hit != null) return hit;
            }
            string n = ns;
            while (true)
            {
                ListedType hit = Find(n.Length == 0 ? name : n + "." + name, 0);
                if (hit != null) return hit;
                if (n.Length == 0) break;
                int dot = n.LastIndexOf('.');
                n = dot < 0 ? "" : n.Substring(0, dot);
            }
            if (_bySimpleName.TryGetValue(LastSegment(name), out List<ListedType> list))
            {
                ListedType own = list.FirstOrDefault(t => t.Package == pkg && t.TypeParameters.Count == 0 && (t.FullName.EndsWith("." + name, StringComparison.Ordinal)));
                if (own != null) return own;
                return list.FirstOrDefault(t => t.TypeParameters.Count == 0 && t.FullName.EndsWith("." + name, StringComparison.Ordinal));
            }
            return null;
        }

        private static string LastSegment(string name)
        {
            int dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(dot + 1);
        }

        private static int CommonPrefix(string a, string b)
        {
            string[] x = a.Split('.');
            string[] y = b.Split('.');
            int n = 0;
            while (n < x.Length && n < y.Length && x[n] == y[n]) n++;
            return n;
        }
    }
}
