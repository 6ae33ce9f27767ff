// nanoFramework's Enum.ToString() prints the number, not the name (the runtime keeps no enum
// names), so code that turns an enum into text behaves differently on the device than on the
// desktop. Flags explicit .ToString() on an enum and enums formatted implicitly by string
// concatenation or interpolation; use an explicit name table, or cast to int when the number
// is what you want. Works on the IOperation tree; depends on Roslyn only.
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Finds enum-to-text conversions.</summary>
    public static class EnumToStringCheck
    {
        public static List<Violation> Check(List<IOperation> operations, string file)
        {
            var result = new List<Violation>();
            foreach (IOperation o in operations)
            {
                switch (o)
                {
                    case IInvocationOperation inv when inv.TargetMethod.Name == "ToString" && IsEnum(inv.Instance?.Type):
                        result.Add(At(inv.Syntax, file, inv.Instance.Type));
                        break;
                    case IInterpolationOperation interp when IsEnum(interp.Expression.Type):
                        result.Add(At(interp.Expression.Syntax, file, interp.Expression.Type));
                        break;
                    case IBinaryOperation bin when bin.OperatorKind == BinaryOperatorKind.Add && bin.Type?.SpecialType == SpecialType.System_String:
                        foreach (IOperation side in new[] { bin.LeftOperand, bin.RightOperand })
                        {
                            IOperation value = side is IConversionOperation conv ? conv.Operand : side;
                            if (IsEnum(value.Type)) result.Add(At(value.Syntax, file, value.Type));
                        }
                        break;
                }
            }
            return result;
        }

        private static bool IsEnum(ITypeSymbol t) => t != null && t.TypeKind == TypeKind.Enum;

        private static Violation At(SyntaxNode node, string file, ITypeSymbol enumType)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            return new Violation
            {
                File = file,
                Line = span.StartLinePosition.Line + 1,
                Column = span.StartLinePosition.Character + 1,
                Code = Codes.EnumToString.Code,
                Kind = Codes.EnumToString.Kind,
                Symbol = enumType.ToDisplayString(),
                Message = "enum formatted as text: nanoFramework prints the number, not the name; use a name table (or cast to int if the number is meant)",
            };
        }
    }
}
