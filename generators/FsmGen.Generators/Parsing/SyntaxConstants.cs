using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// Attribute argument values read from syntax, for the few forms whose value the text alone fixes: <c>true</c>/<c>false</c>,
/// int literals (optionally negated), string literals, <c>null</c>, and <c>nameof(Member)</c> of a member of the class.
/// Every other form answers false, and the caller asks the compiler instead.
/// </summary>
internal static class SyntaxConstants
{
    public static bool TryBool(ExpressionSyntax expression, out bool value)
    {
        value = expression.IsKind(SyntaxKind.TrueLiteralExpression);
        return value || expression.IsKind(SyntaxKind.FalseLiteralExpression);
    }

    public static bool TryInt(ExpressionSyntax expression, out int value)
    {
        value = 0;
        var negate = false;
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
        {
            negate = true;
            expression = minus.Operand;
        }

        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int number }) return false;
        value = negate ? -number : number;
        return true;
    }

    /// <summary>
    /// A string value as the compiler would fold it. <c>nameof(X)</c> is "X" only when X binds: here, when X is a member of
    /// <paramref name="type"/> (all methods, or exactly one other member, so lookup is not ambiguous) and nothing named
    /// <c>nameof</c> is in scope. An unbound or ambiguous X is an error the compiler reports, read through symbols instead.
    /// </summary>
    public static bool TryString(ExpressionSyntax expression, INamedTypeSymbol type, DeclarationScope scope, out string? value)
    {
        value = null;
        switch (expression)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }:
                return true;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression, Token.Value: string text }:
                value = text;
                return true;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments }
                when arguments[0] is { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: IdentifierNameSyntax member }:
                if (!BindsCleanly(type, member.Identifier.ValueText) || !scope.NameofIsOperator()) return false;
                value = member.Identifier.ValueText;
                return true;
            default:
                return false;
        }
    }

    private static bool BindsCleanly(INamedTypeSymbol type, string name)
    {
        var members = type.GetMembers(name);
        if (members.Length == 1) return true;
        if (members.Length == 0) return false;
        foreach (var member in members)
        {
            if (member.Kind != SymbolKind.Method) return false;
        }

        return true;
    }
}
