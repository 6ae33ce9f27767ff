// The language-subset rule for device files: stable nanoFramework (1.x) runs no generics, so
// generic declarations and ANY generic use (constructed types incl. int?, Action<T>, Span<T>,
// anonymous types, generic method calls even with inferred type arguments) fail, as do
// async/await, LINQ, dynamic, tuples, records, yield, stackalloc, decimal, multidimensional
// arrays and unsafe code. Syntax walk first, then semantic checks (via the SemanticModel) for
// what syntax cannot show: inferred generic methods, `var` of a generic type, dynamic.
// Each finding is its own kind (NF101..NF112), at file:line:col with the offending text.
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Finds constructs outside the nanoFramework language subset.</summary>
    public sealed class LanguageSubsetWalker : CSharpSyntaxWalker
    {
        private static readonly HashSet<string> LinqMethodNames = new HashSet<string>
        {
            "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "GroupBy", "Join",
            "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "Any", "All",
            "Count", "Sum", "Min", "Max", "Average", "ToArray", "ToList", "ToDictionary", "Distinct",
            "Skip", "Take", "Concat", "Cast", "OfType", "Aggregate", "Contains", "Reverse", "Zip",
        };

        private readonly SemanticModel _model;
        private readonly string _file;
        private readonly List<Violation> _found = new List<Violation>();
        private readonly HashSet<int> _genericLines = new HashSet<int>();

        private LanguageSubsetWalker(SemanticModel model, string file)
        {
            _model = model;
            _file = file;
        }

        /// <summary>All subset violations of one file.</summary>
        public static List<Violation> Check(SemanticModel model, string file)
        {
            var w = new LanguageSubsetWalker(model, file);
            w.Visit(model.SyntaxTree.GetRoot());
            return w._found;
        }

        /// <summary>True if a method name is a System.Linq.Enumerable operator (used to classify
        /// "member not found" errors in files that import System.Linq).</summary>
        public static bool IsLinqOperatorName(string name) => LinqMethodNames.Contains(name);

        private void Report((string Code, string Kind) c, SyntaxNode node, string text, string message) =>
            Report(c, node.GetLocation(), text, message);

        private void Report((string Code, string Kind) c, Location location, string text, string message)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            int line = span.StartLinePosition.Line + 1;
            if (c.Code == Codes.GenericUse.Code) _genericLines.Add(line);
            _found.Add(new Violation
            {
                File = _file,
                Line = line,
                Column = span.StartLinePosition.Character + 1,
                Code = c.Code,
                Kind = c.Kind,
                Symbol = Shorten(text),
                Message = message,
            });
        }

        private static string Shorten(string text)
        {
            string s = string.Join(" ", text.Split(new[] { '\r', '\n', '\t', ' ' }, System.StringSplitOptions.RemoveEmptyEntries));
            return s.Length > 80 ? s.Substring(0, 77) + "..." : s;
        }

        // ---- generics -------------------------------------------------------------------

        public override void VisitTypeParameterList(TypeParameterListSyntax node)
        {
            Report(Codes.GenericDeclaration, node.Parent, DeclName(node.Parent) + node, "generic declarations are not supported by stable nanoFramework (no generics)");
            base.VisitTypeParameterList(node);
        }

        private static string DeclName(SyntaxNode decl) => decl switch
        {
            BaseTypeDeclarationSyntax t => t.Identifier.Text,
            MethodDeclarationSyntax m => m.Identifier.Text,
            DelegateDeclarationSyntax d => d.Identifier.Text,
            LocalFunctionStatementSyntax l => l.Identifier.Text,
            _ => "",
        };

        public override void VisitGenericName(GenericNameSyntax node)
        {
            Report(Codes.GenericUse, node, node.ToString(), "generic types and methods do not exist on stable nanoFramework");
            base.VisitGenericName(node);
        }

        public override void VisitNullableType(NullableTypeSyntax node)
        {
            ITypeSymbol t = _model.GetTypeInfo(node.ElementType).Type;
            if (t == null || t.IsValueType || t.TypeKind == TypeKind.TypeParameter || t.TypeKind == TypeKind.Error)
            {
                Report(Codes.GenericUse, node, node.ToString(), "nullable value types are Nullable<T> (generic); use a sentinel value or a flag");
            }
            base.VisitNullableType(node);
        }

        public override void VisitAnonymousObjectCreationExpression(AnonymousObjectCreationExpressionSyntax node)
        {
            Report(Codes.GenericUse, node, "new { ... }", "anonymous types compile to generic classes; declare a small class");
            base.VisitAnonymousObjectCreationExpression(node);
        }

        public override void VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (_model.GetSymbolInfo(node).Symbol is IMethodSymbol m)
            {
                if (m.IsGenericMethod && !(node.Expression is GenericNameSyntax) && !(node.Expression is MemberAccessExpressionSyntax ma && ma.Name is GenericNameSyntax))
                {
                    Report(Codes.GenericUse, node.Expression, m.Name + "<" + string.Join(", ", m.TypeArguments.Select(a => a.ToDisplayString())) + ">", "call of a generic method (type arguments inferred)");
                }
                string ns = m.ContainingNamespace?.ToDisplayString() ?? "";
                if (ns == "System.Linq" || ns.StartsWith("System.Linq.", System.StringComparison.Ordinal))
                {
                    Report(Codes.Linq, node.Expression, m.ContainingType.Name + "." + m.Name, "LINQ is not available on nanoFramework");
                }
            }
            base.VisitInvocationExpression(node);
        }

        /// <summary>Expressions/`var` whose type is generic although no generic syntax is written.</summary>
        private void CheckInferredType(SyntaxNode node, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && named.IsGenericType && !named.IsTupleType && !named.IsAnonymousType)
            {
                int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (!_genericLines.Contains(line))
                {
                    Report(Codes.GenericUse, node, named.ToDisplayString(), "expression of generic type " + named.ToDisplayString());
                }
            }
            else if (type is INamedTypeSymbol tuple && tuple.IsTupleType)
            {
                Report(Codes.Tuple, node, tuple.ToDisplayString(), "tuples (ValueTuple) do not exist on nanoFramework");
            }
        }

        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (node.IsVar)
            {
                ITypeSymbol t = _model.GetTypeInfo(node).Type;
                if (t != null) CheckInferredType(node, t);
            }
            else if (node.Identifier.Text == "dynamic" && SyntaxFacts.IsInTypeOnlyContext(node))
            {
                ITypeSymbol t = _model.GetTypeInfo(node).Type;
                if (t == null || t.TypeKind == TypeKind.Dynamic)
                {
                    Report(Codes.Dynamic, node, "dynamic", "dynamic needs the DLR, which nanoFramework does not have");
                }
            }
            base.VisitIdentifierName(node);
        }

        public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
        {
            CheckLambda(node);
            base.VisitSimpleLambdaExpression(node);
        }

        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            CheckLambda(node);
            base.VisitParenthesizedLambdaExpression(node);
        }

        private void CheckLambda(LambdaExpressionSyntax node)
        {
            CheckModifiers(node.Modifiers);
            TypeInfo info = _model.GetTypeInfo(node);
            ITypeSymbol t = info.ConvertedType ?? info.Type;
            if (t != null) CheckInferredType(node, t);
        }

        // ---- async / LINQ / dynamic ---------------------------------------------------------

        public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
        {
            CheckModifiers(node.Modifiers);
            base.VisitAnonymousMethodExpression(node);
        }

        public override void VisitAwaitExpression(AwaitExpressionSyntax node)
        {
            Report(Codes.Async, node, "await", "async/await needs Task, which nanoFramework does not have; use threads in firmware/Runtime");
            base.VisitAwaitExpression(node);
        }

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            CheckModifiers(node.Modifiers);
            base.VisitMethodDeclaration(node);
        }

        public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            CheckModifiers(node.Modifiers);
            base.VisitLocalFunctionStatement(node);
        }

        private void CheckModifiers(SyntaxTokenList modifiers)
        {
            foreach (SyntaxToken t in modifiers)
            {
                if (t.IsKind(SyntaxKind.AsyncKeyword)) Report(Codes.Async, t.GetLocation(), "async", "async methods need Task, which nanoFramework does not have");
                if (t.IsKind(SyntaxKind.UnsafeKeyword)) Report(Codes.Unsafe, t.GetLocation(), "unsafe", "unsafe code is not supported on nanoFramework");
            }
        }

        public override void VisitClassDeclaration(ClassDeclarationSyntax node) { CheckModifiers(node.Modifiers); base.VisitClassDeclaration(node); }

        public override void VisitStructDeclaration(StructDeclarationSyntax node) { CheckModifiers(node.Modifiers); base.VisitStructDeclaration(node); }

        public override void VisitFieldDeclaration(FieldDeclarationSyntax node)
        {
            CheckModifiers(node.Modifiers);
            if (node.Modifiers.Any(SyntaxKind.FixedKeyword)) Report(Codes.Unsafe, node, "fixed", "fixed-size buffers are unsafe code");
            base.VisitFieldDeclaration(node);
        }

        public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node) { CheckModifiers(node.Modifiers); base.VisitConstructorDeclaration(node); }

        public override void VisitPropertyDeclaration(PropertyDeclarationSyntax node) { CheckModifiers(node.Modifiers); base.VisitPropertyDeclaration(node); }

        public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node) { CheckModifiers(node.Modifiers); base.VisitOperatorDeclaration(node); }

        public override void VisitForEachStatement(ForEachStatementSyntax node)
        {
            if (node.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)) Report(Codes.Async, node.AwaitKeyword.GetLocation(), "await foreach", "async streams are not supported");
            base.VisitForEachStatement(node);
        }

        public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            Report(Codes.Tuple, node.Variable, node.Variable.ToString(), "deconstruction in foreach needs tuples/Deconstruct");
            base.VisitForEachVariableStatement(node);
        }

        public override void VisitUsingStatement(UsingStatementSyntax node)
        {
            if (node.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)) Report(Codes.Async, node.AwaitKeyword.GetLocation(), "await using", "async disposal is not supported");
            base.VisitUsingStatement(node);
        }

        public override void VisitQueryExpression(QueryExpressionSyntax node)
        {
            Report(Codes.Linq, node, node.FromClause.ToString(), "LINQ query syntax is not available on nanoFramework");
            base.VisitQueryExpression(node);
        }

        public override void VisitUsingDirective(UsingDirectiveSyntax node)
        {
            string name = node.NamespaceOrType?.ToString() ?? "";
            if (name == "System.Linq" || name.StartsWith("System.Linq.", System.StringComparison.Ordinal))
            {
                Report(Codes.Linq, node, "using " + name, "System.Linq does not exist on nanoFramework");
            }
            base.VisitUsingDirective(node);
        }

        // ---- tuples / records / yield / stackalloc / decimal / arrays / unsafe --------------

        public override void VisitTupleType(TupleTypeSyntax node)
        {
            Report(Codes.Tuple, node, node.ToString(), "tuple types (ValueTuple) do not exist on nanoFramework");
            base.VisitTupleType(node);
        }

        public override void VisitTupleExpression(TupleExpressionSyntax node)
        {
            Report(Codes.Tuple, node, node.ToString(), node.Parent is AssignmentExpressionSyntax a && a.Left == node
                ? "tuple deconstruction is not supported on nanoFramework"
                : "tuple literals (ValueTuple) do not exist on nanoFramework");
            base.VisitTupleExpression(node);
        }

        public override void VisitParenthesizedVariableDesignation(ParenthesizedVariableDesignationSyntax node)
        {
            if (!(node.Parent is DeclarationExpressionSyntax de && de.Parent is ForEachVariableStatementSyntax))
            {
                Report(Codes.Tuple, node, node.ToString(), "deconstruction is not supported on nanoFramework");
            }
            base.VisitParenthesizedVariableDesignation(node);
        }

        public override void VisitPositionalPatternClause(PositionalPatternClauseSyntax node)
        {
            Report(Codes.Tuple, node, node.ToString(), "positional patterns need Deconstruct/ITuple");
            base.VisitPositionalPatternClause(node);
        }

        public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
        {
            Report(Codes.Record, node.Keyword.GetLocation(), "record " + node.Identifier.Text, "records need generic equality support missing on nanoFramework; use a class or struct");
            base.VisitRecordDeclaration(node);
        }

        public override void VisitYieldStatement(YieldStatementSyntax node)
        {
            Report(Codes.Yield, node, node.ToString(), "iterators (yield) need generic IEnumerable<T>; write an explicit enumerator");
            base.VisitYieldStatement(node);
        }

        public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            Report(Codes.StackAlloc, node, node.ToString(), "stackalloc is not supported on nanoFramework");
            base.VisitStackAllocArrayCreationExpression(node);
        }

        public override void VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node)
        {
            Report(Codes.StackAlloc, node, node.ToString(), "stackalloc is not supported on nanoFramework");
            base.VisitImplicitStackAllocArrayCreationExpression(node);
        }

        public override void VisitPredefinedType(PredefinedTypeSyntax node)
        {
            if (node.Keyword.IsKind(SyntaxKind.DecimalKeyword))
            {
                Report(Codes.Decimal, node, "decimal", "System.Decimal does not exist on nanoFramework");
            }
            base.VisitPredefinedType(node);
        }

        public override void VisitLiteralExpression(LiteralExpressionSyntax node)
        {
            if (node.Token.Value is decimal)
            {
                Report(Codes.Decimal, node, node.Token.Text, "decimal literals need System.Decimal, which nanoFramework does not have");
            }
            base.VisitLiteralExpression(node);
        }

        public override void VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
        {
            if (node.Rank > 1)
            {
                Report(Codes.MultiDimArray, node.Parent ?? node, (node.Parent ?? node).ToString(), "multidimensional arrays are not supported; use jagged arrays");
            }
            base.VisitArrayRankSpecifier(node);
        }

        public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
        {
            Report(Codes.Unsafe, node.UnsafeKeyword.GetLocation(), "unsafe", "unsafe code is not supported on nanoFramework");
            base.VisitUnsafeStatement(node);
        }

        public override void VisitPointerType(PointerTypeSyntax node)
        {
            Report(Codes.Unsafe, node, node.ToString(), "pointers are not supported on nanoFramework");
            base.VisitPointerType(node);
        }

        public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
        {
            Report(Codes.Unsafe, node, node.ToString(), "function pointers are not supported on nanoFramework");
            base.VisitFunctionPointerType(node);
        }

        public override void VisitFixedStatement(FixedStatementSyntax node)
        {
            Report(Codes.Unsafe, node.FixedKeyword.GetLocation(), "fixed", "fixed statements are unsafe code");
            base.VisitFixedStatement(node);
        }

        public override void VisitSizeOfExpression(SizeOfExpressionSyntax node)
        {
            if (!(node.Type is PredefinedTypeSyntax))
            {
                Report(Codes.Unsafe, node, node.ToString(), "sizeof of a non-primitive type needs unsafe code");
            }
            base.VisitSizeOfExpression(node);
        }

        public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.AddressOfExpression) || node.IsKind(SyntaxKind.PointerIndirectionExpression))
            {
                Report(Codes.Unsafe, node, node.ToString(), "pointer operations are unsafe code");
            }
            base.VisitPrefixUnaryExpression(node);
        }

        public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.PointerMemberAccessExpression))
            {
                Report(Codes.Unsafe, node, node.ToString(), "pointer member access is unsafe code");
            }
            base.VisitMemberAccessExpression(node);
        }
    }
}
