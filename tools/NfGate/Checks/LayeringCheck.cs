// Applies the LayeringRules table to one device file: forbidden APIs in pure protocol code
// (semantic: the referenced symbol's type/namespace/member, so aliases and `var` do not hide
// them) and forbidden namespace dependencies (referencing code's namespace -> referenced
// symbol's namespace, plus using directives, which state a dependency even when unused).
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Checks one file against the layering rules.</summary>
    public static class LayeringCheck
    {
        /// <summary>True when the file is pure protocol code (the forbidden-API scope).</summary>
        public static bool IsPureScope(string file) =>
            file.StartsWith(LayeringRules.PureScope, StringComparison.Ordinal) &&
            !LayeringRules.PureScopeExceptPrefixes.Any(p => file.StartsWith(p, StringComparison.Ordinal)) &&
            !FileListCheck.HasSegment(file, LayeringRules.PureScopeExceptFolders);

        public static List<Violation> Check(SemanticModel model, string file, List<SymbolUse> uses)
        {
            var result = new List<Violation>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            bool pure = IsPureScope(file);
            var namespaceOf = new Dictionary<SyntaxNode, string>();
            var typeNames = new Dictionary<ISymbol, (string Name, string Ns)>(SymbolEqualityComparer.Default);
            foreach (SymbolUse use in uses)
            {
                ISymbol s = Normalize(use.Symbol);
                if (s == null) continue;
                string fromNs = EnclosingNamespace(use.Node, namespaceOf);
                if (s is INamespaceSymbol ns)
                {
                    if (use.Node.Ancestors().Any(a => a is UsingDirectiveSyntax || a is BaseNamespaceDeclarationSyntax && ((BaseNamespaceDeclarationSyntax)a).Name.Span.Contains(use.Node.Span))) continue;
                    CheckDependency(result, seen, file, use.Node, fromNs, ns.ToDisplayString(), ns.ToDisplayString());
                    continue;
                }
                INamedTypeSymbol type = s as INamedTypeSymbol ?? s.ContainingType;
                if (type == null) continue;
                if (!typeNames.TryGetValue(type, out (string Name, string Ns) names))
                {
                    names = (ApiCheck.TypeName(type), Namespace(type));
                    typeNames[type] = names;
                }
                string typeName = names.Name;
                string member = s is INamedTypeSymbol ? null : s.Name;
                string form = member == null ? typeName : typeName + "::" + member;
                if (pure)
                {
                    foreach (ForbiddenApi rule in LayeringRules.ForbiddenInPureCode)
                    {
                        if (!Matches(rule.Pattern, names.Ns, typeName, member)) continue;
                        Add(result, seen, file, use.Node, Codes.LayerApi, form, rule.Pattern,
                            "pure protocol code (firmware/ outside Runtime and Esp32) must not use " + rule.Pattern + ": " + rule.Why);
                    }
                }
                CheckDependency(result, seen, file, use.Node, fromNs, names.Ns, form);
            }
            foreach (UsingDirectiveSyntax u in model.SyntaxTree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                if (u.NamespaceOrType == null) continue;
                string target = u.NamespaceOrType.ToString();
                CheckDependency(result, seen, file, u, EnclosingNamespace(u, namespaceOf), target, "using " + target);
            }
            return result;
        }

        private static void CheckDependency(List<Violation> result, Dictionary<string, int> seen, string file, SyntaxNode node, string fromNs, string toNs, string form)
        {
            foreach (ForbiddenDependency rule in LayeringRules.Dependencies)
            {
                if (rule.FromNamespace != null && !Glob(rule.FromNamespace, fromNs)) continue;
                if (rule.FromPathPrefix != null && !file.StartsWith(rule.FromPathPrefix, StringComparison.Ordinal)) continue;
                if (!Glob(rule.ToNamespace, toNs)) continue;
                string from = rule.FromNamespace ?? rule.FromPathPrefix;
                Add(result, seen, file, node, Codes.LayerDependency, form, rule.ToNamespace,
                    (fromNs.Length > 0 ? fromNs : file) + " must not reference " + rule.ToNamespace + " (rule " + from + " -/-> " + rule.ToNamespace + "): " + rule.Why);
            }
        }

        /// <summary>"Endpoint.Sip*" matches any namespace starting with Endpoint.Sip; without a
        /// star the namespace must match exactly or be below it.</summary>
        public static bool Glob(string pattern, string ns)
        {
            if (ns == null) return false;
            if (pattern.EndsWith("*", StringComparison.Ordinal)) return ns.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal);
            return ns == pattern || ns.StartsWith(pattern + ".", StringComparison.Ordinal);
        }

        /// <summary>Pattern forms: "Ns.*", "Ns.Type", "Ns.Type::Member".</summary>
        public static bool Matches(string pattern, string ns, string typeName, string member)
        {
            if (pattern.EndsWith(".*", StringComparison.Ordinal))
            {
                string p = pattern.Substring(0, pattern.Length - 2);
                return ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal);
            }
            int sep = pattern.IndexOf("::", StringComparison.Ordinal);
            if (sep >= 0)
            {
                return member != null && typeName == pattern.Substring(0, sep) && member == pattern.Substring(sep + 2);
            }
            return typeName == pattern || typeName.StartsWith(pattern + ".", StringComparison.Ordinal);
        }

        private static string Namespace(INamedTypeSymbol type)
        {
            INamedTypeSymbol top = type;
            while (top.ContainingType != null) top = top.ContainingType;
            return top.ContainingNamespace == null || top.ContainingNamespace.IsGlobalNamespace ? "" : top.ContainingNamespace.ToDisplayString();
        }

        private static string EnclosingNamespace(SyntaxNode node, Dictionary<SyntaxNode, string> cache)
        {
            BaseNamespaceDeclarationSyntax decl = node.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            SyntaxNode key = (SyntaxNode)decl ?? node.SyntaxTree.GetRoot();
            if (cache.TryGetValue(key, out string ns)) return ns;
            if (decl != null)
            {
                ns = string.Join(".", decl.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(d => d.Name.ToString()));
            }
            else
            {
                // Using directives at the top of the file belong to the file's (first) namespace.
                BaseNamespaceDeclarationSyntax first = node.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
                ns = first?.Name.ToString() ?? "";
            }
            cache[key] = ns;
            return ns;
        }

        private static ISymbol Normalize(ISymbol s)
        {
            switch (s)
            {
                case null:
                case ILocalSymbol:
                case IParameterSymbol:
                case ILabelSymbol:
                case IRangeVariableSymbol:
                case IDiscardSymbol:
                case ITypeParameterSymbol:
                case IDynamicTypeSymbol:
                case IErrorTypeSymbol:
                    return null;
                case IAliasSymbol alias:
                    return Normalize(alias.Target);
                case IArrayTypeSymbol array:
                    return Normalize(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return Normalize(pointer.PointedAtType);
                case INamespaceSymbol n:
                    return n.IsGlobalNamespace ? null : n;
                default:
                    return s.OriginalDefinition;
            }
        }

        private static void Add(List<Violation> result, Dictionary<string, int> seen, string file, SyntaxNode node, (string Code, string Kind) c, string symbol, string dedupeKey, string message)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            int line = span.StartLinePosition.Line + 1;
            var v = new Violation
            {
                File = file,
                Line = line,
                Column = span.StartLinePosition.Character + 1,
                Code = c.Code,
                Kind = c.Kind,
                Symbol = symbol,
                Message = message,
            };
            string key = line + "|" + c.Code + "|" + dedupeKey;
            if (seen.TryGetValue(key, out int at))
            {
                // `Thread.Sleep(1)`: name the member rather than just its type.
                if (symbol.Contains("::", StringComparison.Ordinal) && !result[at].Symbol.Contains("::", StringComparison.Ordinal)) result[at] = v;
                return;
            }
            seen[key] = result.Count;
            result.Add(v);
        }
    }
}
