// The API rule: every external API a device file uses must be in the stable nanoFramework
// listings. The device compilation binds against the stand-ins only, so a missing API is a
// compiler error; this turns those errors into NF201 violations that name the wanted symbol in
// listing form (e.g. `System.String::Replace(String, String)`), then walks every referenced
// stand-in symbol to map it to its listing entry (package usage, [ExcludeType] misuse, anything
// not backed by a listing line). Depends on the stand-ins and Roslyn.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Endpoint.Tools.NfGate.Listing;
using Endpoint.Tools.NfGate.StandIns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Maps compiler errors and referenced symbols of a device file to violations.</summary>
    public sealed class ApiCheck
    {
        // Errors that mean "the device does not have this" (type, member, overload, compiler helper).
        private static readonly HashSet<string> MissingApiCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "CS0246", "CS0234", "CS0518", "CS0656", "CS8179", "CS1579", "CS0619", "CS0426", "CS0012",
            "CS1061", "CS0117", "CS1501", "CS1503", "CS7036", "CS1502", "CS1729", "CS0121", "CS0122",
            "CS0019", "CS0023", "CS1929", "CS0029", "CS0266", "CS0030", "CS1660", "CS8370", "CS1545",
            "CS0200", "CS0154", "CS1739", "CS0305", "CS0308", "CS8400",
        };

        private static readonly Regex Quoted = new Regex("'([^']+)'");

        private readonly StandInSet _standIns;

        public ApiCheck(StandInSet standIns)
        {
            _standIns = standIns;
        }

        /// <summary>Compiler errors of one file as violations.</summary>
        public List<Violation> CheckDiagnostics(SemanticModel model, string file, IEnumerable<Diagnostic> diagnostics, bool importsLinq)
        {
            var result = new List<Violation>();
            SyntaxNode root = model.SyntaxTree.GetRoot();
            foreach (Diagnostic d in diagnostics)
            {
                if (d.Severity != DiagnosticSeverity.Error) continue;
                SyntaxNode node = d.Location.IsInSource ? root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) : null;
                (string symbol, ITypeSymbol owner) = Describe(d, model, node);
                (string Code, string Kind) kind = Classify(d, owner, symbol);
                string member = MemberName(node);
                if (importsLinq && (d.Id == "CS1061" || d.Id == "CS1929") && member != null && LanguageSubsetWalker.IsLinqOperatorName(member))
                {
                    kind = Codes.Linq;
                }
                if (symbol.StartsWith("System.Linq", StringComparison.Ordinal)) kind = Codes.Linq;
                FileLinePositionSpan span = d.Location.GetLineSpan();
                result.Add(new Violation
                {
                    File = file,
                    Line = span.StartLinePosition.Line + 1,
                    Column = span.StartLinePosition.Character + 1,
                    Code = kind.Code,
                    Kind = kind.Kind,
                    Symbol = symbol,
                    Message = d.Id + ": " + d.GetMessage() + (d.Id == "CS1739" && kind.Code == Codes.ApiMissing.Code
                        ? " (the listings carry no parameter names, so the gate cannot match named arguments to device APIs: pass them positionally)"
                        : kind.Code == Codes.ApiMissing.Code ? " (not in the stable nanoFramework listings)" : ""),
                });
            }
            return result;
        }

        private (string Code, string Kind) Classify(Diagnostic d, ITypeSymbol owner, string symbol)
        {
            if (!MissingApiCodes.Contains(d.Id))
            {
                // `Stopwatch.StartNew()`: an unknown type used as an expression is CS0103.
                bool typeLike = d.Id == "CS0103" && symbol.Length > 0 && char.IsUpper(symbol[0]);
                return typeLike ? Codes.ApiMissing : Codes.CompileError;
            }
            // A member missing on the project's own type is an ordinary compile error.
            bool ownType = owner != null && owner.TypeKind != TypeKind.Error && owner.ContainingAssembly != null &&
                !_standIns.ByAssembly.ContainsKey(owner.ContainingAssembly.Name);
            return ownType ? Codes.CompileError : Codes.ApiMissing;
        }

        private static string MemberName(SyntaxNode node)
        {
            for (SyntaxNode n = node; n != null; n = n.Parent)
            {
                if (n is MemberAccessExpressionSyntax ma) return ma.Name.Identifier.Text;
                if (n is MemberBindingExpressionSyntax mb) return mb.Name.Identifier.Text;
                if (n is StatementSyntax) break;
            }
            return null;
        }

        /// <summary>The wanted symbol in listing form and the type that should have had it.</summary>
        private (string, ITypeSymbol) Describe(Diagnostic d, SemanticModel model, SyntaxNode node)
        {
            string message = d.GetMessage();
            switch (d.Id)
            {
                case "CS0518":
                case "CS0656":
                case "CS8179":
                    {
                        Match m = Quoted.Match(message);
                        return (m.Success ? m.Groups[1].Value : message, null);
                    }
                case "CS1579":
                    {
                        var fe = node?.AncestorsAndSelf().OfType<CommonForEachStatementSyntax>().FirstOrDefault();
                        ITypeSymbol t = fe != null ? model.GetTypeInfo(fe.Expression).Type : null;
                        return (TypeName(t) + "::GetEnumerator()", t);
                    }
            }
            if (node == null) return ("", null);

            // Member access: x.Foo / X.Foo / x.Foo(...)
            MemberAccessExpressionSyntax access = node as MemberAccessExpressionSyntax
                ?? node.Parent as MemberAccessExpressionSyntax
                ?? (node.Parent is GenericNameSyntax ? node.Parent.Parent as MemberAccessExpressionSyntax : null);
            if ((d.Id == "CS1061" || d.Id == "CS0117" || d.Id == "CS1929") && access != null)
            {
                ITypeSymbol receiver = ReceiverType(model, access.Expression);
                string name = access.Name.Identifier.Text;
                return (TypeName(receiver) + "::" + name + ArgsOf(model, access.Parent as InvocationExpressionSyntax), receiver);
            }

            // Overload resolution: wrong arguments for an existing method/ctor.
            if (d.Id == "CS1501" || d.Id == "CS1503" || d.Id == "CS7036" || d.Id == "CS1502" || d.Id == "CS1729" || d.Id == "CS0121" || d.Id == "CS1739")
            {
                SyntaxNode call = node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax || n is ConstructorInitializerSyntax);
                if (call != null)
                {
                    SymbolInfo info = model.GetSymbolInfo(call);
                    ISymbol candidate = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    ITypeSymbol owner = candidate?.ContainingType;
                    string name = candidate == null ? call.ToString() : candidate is IMethodSymbol ms && ms.MethodKind == MethodKind.Constructor ? ".ctor" : candidate.Name;
                    ArgumentListSyntax args = call switch
                    {
                        InvocationExpressionSyntax inv => inv.ArgumentList,
                        BaseObjectCreationExpressionSyntax oc => oc.ArgumentList,
                        ConstructorInitializerSyntax ci => ci.ArgumentList,
                        _ => null,
                    };
                    if (owner == null && call is BaseObjectCreationExpressionSyntax creation) owner = model.GetTypeInfo(creation).Type;
                    return (TypeName(owner) + "::" + name + Args(model, args), owner);
                }
            }

            if (d.Id == "CS0234" && node is NameSyntax)
            {
                SyntaxNode top = node;
                while (top.Parent is QualifiedNameSyntax || top.Parent is MemberAccessExpressionSyntax) top = top.Parent;
                return (top.ToString(), null);
            }
            if (d.Id == "CS0619" || d.Id == "CS0122")
            {
                ISymbol s = model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault();
                if (s != null)
                {
                    object entry = _standIns.Lookup(s);
                    string listed = entry is ListedMember lm ? lm.Signature : (entry as ListedType)?.FullName;
                    return (listed ?? s.ToDisplayString(), s as ITypeSymbol ?? s.ContainingType);
                }
            }
            return (Shorten(node.ToString()), null);
        }

        private static ITypeSymbol ReceiverType(SemanticModel model, ExpressionSyntax receiver)
        {
            ISymbol s = model.GetSymbolInfo(receiver).Symbol;
            if (s is ITypeSymbol type) return type;
            return model.GetTypeInfo(receiver).Type;
        }

        private static string ArgsOf(SemanticModel model, InvocationExpressionSyntax invocation) =>
            invocation == null ? "" : Args(model, invocation.ArgumentList);

        private static string Args(SemanticModel model, BaseArgumentListSyntax args)
        {
            if (args == null) return "";
            IEnumerable<string> types = args.Arguments.Select(a =>
            {
                string prefix = a.RefKindKeyword.IsKind(SyntaxKind.None) ? "" : a.RefKindKeyword.Text + " ";
                ITypeSymbol t = model.GetTypeInfo(a.Expression).Type;
                return prefix + (t == null ? (a.Expression.IsKind(SyntaxKind.NullLiteralExpression) ? "null" : "?") : ParamName(t));
            });
            return "(" + string.Join(", ", types) + ")";
        }

        /// <summary>Type name as the listings write types in signatures.</summary>
        public static string ParamName(ITypeSymbol t)
        {
            if (t is IArrayTypeSymbol a) return ParamName(a.ElementType) + "[" + new string(',', a.Rank - 1) + "]";
            if (t.SpecialType == SpecialType.System_String) return "String";
            if (t.SpecialType == SpecialType.System_Object) return "Object";
            return t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        /// <summary>Fully qualified type name without global::, e.g. System.Text.Encoding.</summary>
        public static string TypeName(ITypeSymbol t)
        {
            if (t == null) return "?";
            if (t is IArrayTypeSymbol) return "System.Array";
            return t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None))
                .Replace("global::", "");
        }

        private static string Shorten(string text)
        {
            string s = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return s.Length > 80 ? s.Substring(0, 77) + "..." : s;
        }

        /// <summary>Maps referenced stand-in symbols to listing entries: records package usage
        /// and reports [ExcludeType] misuse and symbols without a listing line.</summary>
        public List<Violation> CheckSymbols(List<SymbolUse> uses, string file, IAssemblySymbol deviceAssembly,
            IDictionary<string, string> usedSymbols, ISet<string> usedPackages)
        {
            var result = new List<Violation>();
            foreach (SymbolUse use in uses)
            {
                ISymbol s = Normalize(use.Symbol);
                if (s == null || !_standIns.IsStandIn(s, deviceAssembly)) continue;
                object entry = _standIns.Lookup(s);
                if (entry == null)
                {
                    if (s.IsImplicitlyDeclared) continue;
                    result.Add(At(use.Node, file, Codes.ApiUnlisted, s.ToDisplayString(),
                        "symbol of a stand-in assembly with no listing line (gate stand-in bug or compiler-synthesized member)"));
                    continue;
                }
                ListingPackage pkg = StandInSet.PackageOf(entry);
                usedPackages.Add(pkg.PackageId);
                string form = entry is ListedMember m ? m.Signature : ((ListedType)entry).FullName;
                usedSymbols[form] = pkg.PackageId;
                ListedType type = entry as ListedType ?? ((ListedMember)entry).Owner;
                if (type.IsExcludeType && !use.IsImplicit && !InAttribute(use.Node))
                {
                    result.Add(At(use.Node, file, Codes.ExcludeType, form,
                        "[ExcludeType] " + type.FullName + " exists for the compiler only (stripped from the .pe); use it as an attribute only"));
                }
            }
            return result;
        }

        private static ISymbol Normalize(ISymbol s)
        {
            switch (s)
            {
                case null:
                case INamespaceSymbol:
                case ILocalSymbol:
                case IParameterSymbol:
                case ILabelSymbol:
                case IRangeVariableSymbol:
                case IDiscardSymbol:
                case ITypeParameterSymbol:
                case IDynamicTypeSymbol:
                    return null;
                case IAliasSymbol alias:
                    return Normalize(alias.Target);
                case IArrayTypeSymbol array:
                    return Normalize(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return Normalize(pointer.PointedAtType);
                case IErrorTypeSymbol:
                    return null;
                case IMethodSymbol method when method.ReducedFrom != null:
                    return method.ReducedFrom.OriginalDefinition;
                default:
                    return s.OriginalDefinition;
            }
        }

        private static bool InAttribute(SyntaxNode node) => node.AncestorsAndSelf().Any(n => n is AttributeSyntax || n is AttributeListSyntax);

        private static Violation At(SyntaxNode node, string file, (string Code, string Kind) c, string symbol, string message)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            return new Violation
            {
                File = file,
                Line = span.StartLinePosition.Line + 1,
                Column = span.StartLinePosition.Character + 1,
                Code = c.Code,
                Kind = c.Kind,
                Symbol = symbol,
                Message = message,
            };
        }
    }
}
