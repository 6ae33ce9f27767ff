// Collects every symbol a device file references, explicit or implicit, with the syntax node it
// came from: names (types, members, namespaces), constructors (object creation, base(...),
// attributes), indexers, user-defined operators and conversions, and the members the compiler
// calls for you: foreach (GetEnumerator/MoveNext/Current/Dispose), string concatenation
// (String.Concat), interpolation (String.Format), lock (Monitor.Enter/Exit), using
// (IDisposable.Dispose), switch on string (String.op_Equality). Used by ApiCheck (listing
// mapping, packages) and LayeringCheck. Depends on Roslyn only.
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>A symbol use at a syntax node.</summary>
    public readonly struct SymbolUse
    {
        public SymbolUse(SyntaxNode node, ISymbol symbol, bool isImplicit)
        {
            Node = node;
            Symbol = symbol;
            IsImplicit = isImplicit;
        }

        public SyntaxNode Node { get; }

        public ISymbol Symbol { get; }

        /// <summary>True for members the compiler calls on the code's behalf.</summary>
        public bool IsImplicit { get; }
    }

    /// <summary>Finds the symbols of one syntax tree.</summary>
    public static class SymbolReferences
    {
        /// <summary>Every operation of the file's executable code (bodies, initializers).</summary>
        public static List<IOperation> Operations(SemanticModel model)
        {
            var ops = new List<IOperation>();
            foreach (SyntaxNode body in Bodies(model.SyntaxTree.GetRoot()))
            {
                IOperation op = model.GetOperation(body);
                if (op != null) ops.AddRange(op.DescendantsAndSelf());
            }
            return ops;
        }

        public static List<SymbolUse> Collect(SemanticModel model, List<IOperation> operations)
        {
            var uses = new List<SymbolUse>();
            SyntaxNode root = model.SyntaxTree.GetRoot();
            foreach (SyntaxNode node in root.DescendantNodes())
            {
                switch (node)
                {
                    case SimpleNameSyntax name:
                        AddInfo(uses, node, model.GetSymbolInfo(name), false);
                        break;
                    case BaseObjectCreationExpressionSyntax:
                    case ConstructorInitializerSyntax:
                    case AttributeSyntax:
                    case ElementAccessExpressionSyntax:
                        AddInfo(uses, node, model.GetSymbolInfo(node), false);
                        break;
                    case PrimaryConstructorBaseTypeSyntax:
                        AddInfo(uses, node, model.GetSymbolInfo(node), false);
                        break;
                }
            }
            foreach (IOperation o in operations) AddImplicit(uses, model, o);
            return uses;
        }

        private static void AddInfo(List<SymbolUse> uses, SyntaxNode node, SymbolInfo info, bool isImplicit)
        {
            ISymbol s = info.Symbol;
            if (s == null && info.CandidateSymbols.Length == 1 && info.CandidateReason != CandidateReason.OverloadResolutionFailure)
            {
                s = info.CandidateSymbols[0];
            }
            if (s != null) uses.Add(new SymbolUse(node, s, isImplicit));
        }

        /// <summary>Top-level executable bodies: method/accessor/ctor bodies, expression bodies,
        /// initializers (operation trees of nested lambdas/local functions are inside them).</summary>
        private static IEnumerable<SyntaxNode> Bodies(SyntaxNode root)
        {
            foreach (SyntaxNode n in root.DescendantNodes())
            {
                switch (n)
                {
                    case BlockSyntax b when b.Parent is BaseMethodDeclarationSyntax || b.Parent is AccessorDeclarationSyntax:
                        yield return b;
                        break;
                    case ArrowExpressionClauseSyntax a when !(a.Parent is LocalFunctionStatementSyntax):
                        yield return a;
                        break;
                    case EqualsValueClauseSyntax e when !(e.Parent is ParameterSyntax) && !IsInsideBody(e):
                        yield return e;
                        break;
                    case ConstructorInitializerSyntax c:
                        yield return c;
                        break;
                }
            }
        }

        private static bool IsInsideBody(SyntaxNode n) =>
            n.Ancestors().Any(a => a is BlockSyntax || a is ArrowExpressionClauseSyntax);

        private static void AddImplicit(List<SymbolUse> uses, SemanticModel model, IOperation o)
        {
            Compilation c = model.Compilation;
            switch (o)
            {
                case IConversionOperation conv when conv.OperatorMethod != null && conv.IsImplicit:
                    uses.Add(new SymbolUse(o.Syntax, conv.OperatorMethod, true));
                    break;
                case IBinaryOperation bin:
                    if (bin.OperatorMethod != null && !(o.Syntax is BinaryExpressionSyntax))
                    {
                        uses.Add(new SymbolUse(o.Syntax, bin.OperatorMethod, true));
                    }
                    else if (bin.OperatorMethod != null)
                    {
                        uses.Add(new SymbolUse(o.Syntax, bin.OperatorMethod, false));
                    }
                    else if (bin.OperatorKind == BinaryOperatorKind.Add && bin.Type?.SpecialType == SpecialType.System_String)
                    {
                        AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_String), "Concat");
                    }
                    else if ((bin.OperatorKind == BinaryOperatorKind.Equals || bin.OperatorKind == BinaryOperatorKind.NotEquals) &&
                             bin.LeftOperand.Type?.SpecialType == SpecialType.System_String && bin.RightOperand.Type?.SpecialType == SpecialType.System_String)
                    {
                        AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_String), bin.OperatorKind == BinaryOperatorKind.Equals ? "op_Equality" : "op_Inequality");
                    }
                    break;
                case IUnaryOperation un when un.OperatorMethod != null:
                    uses.Add(new SymbolUse(o.Syntax, un.OperatorMethod, false));
                    break;
                case ICompoundAssignmentOperation ca when ca.OperatorMethod != null:
                    uses.Add(new SymbolUse(o.Syntax, ca.OperatorMethod, false));
                    break;
                case IForEachLoopOperation fe when fe.Syntax is CommonForEachStatementSyntax fes:
                    {
                        ForEachStatementInfo info = model.GetForEachStatementInfo(fes);
                        if (info.GetEnumeratorMethod != null) uses.Add(new SymbolUse(fes.Expression, info.GetEnumeratorMethod, true));
                        if (info.MoveNextMethod != null) uses.Add(new SymbolUse(fes.Expression, info.MoveNextMethod, true));
                        if (info.CurrentProperty != null) uses.Add(new SymbolUse(fes.Expression, info.CurrentProperty, true));
                        if (info.DisposeMethod != null) uses.Add(new SymbolUse(fes.Expression, info.DisposeMethod, true));
                        break;
                    }
                case IInterpolatedStringOperation:
                    AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_String), "Format");
                    break;
                case ILockOperation:
                    {
                        INamedTypeSymbol monitor = c.GetTypeByMetadataName("System.Threading.Monitor");
                        AddNamed(uses, o.Syntax, monitor, "Enter");
                        AddNamed(uses, o.Syntax, monitor, "Exit");
                        break;
                    }
                case IUsingOperation:
                case IUsingDeclarationOperation:
                    AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_IDisposable), "Dispose");
                    break;
                case ISwitchOperation sw when sw.Value.Type?.SpecialType == SpecialType.System_String:
                    AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_String), "op_Equality");
                    break;
                case ISwitchExpressionOperation swe when swe.Value.Type?.SpecialType == SpecialType.System_String:
                    AddNamed(uses, o.Syntax, c.GetSpecialType(SpecialType.System_String), "op_Equality");
                    break;
            }
        }

        private static void AddNamed(List<SymbolUse> uses, SyntaxNode node, INamedTypeSymbol type, string member)
        {
            if (type == null || type.TypeKind == TypeKind.Error) return;
            ISymbol m = type.GetMembers(member).FirstOrDefault();
            if (m != null) uses.Add(new SymbolUse(node, m, true));
        }
    }
}
