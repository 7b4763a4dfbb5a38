using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// Answers what a simple name binds to with name lookups (<see cref="SemanticModel.LookupSymbols"/>), which cost a small
/// fraction of binding the attribute or expression around it. It answers only when the lookup leaves no doubt, and null
/// otherwise; the caller then binds for real.
/// </summary>
internal static class NameLookup
{
    /// <summary>
    /// The class <c>[Name]</c> binds to. The compiler looks up Name and NameAttribute, keeping attribute classes only, and
    /// reports both being found as ambiguous. When nothing at all is named Name and the nearest NameAttribute is exactly one
    /// accessible, non-generic, non-abstract attribute class, that class is the answer, whatever else is further out.
    /// </summary>
    public static INamedTypeSymbol? AttributeClass(SemanticModel model, int position, IdentifierNameSyntax name)
    {
        var identifier = name.Identifier;
        if (identifier.IsVerbatimIdentifier()) return null; // @Name is looked up without the suffix
        if (!model.LookupSymbols(position, name: identifier.ValueText).IsEmpty) return null;

        var found = model.LookupSymbols(position, name: identifier.ValueText + "Attribute");
        if (found.Length != 1 || found[0] is not INamedTypeSymbol { TypeKind: TypeKind.Class, Arity: 0, IsAbstract: false } type) return null;
        return IsAttributeClass(type) && model.IsAccessible(position, type) ? type : null;
    }

    /// <summary>The type the left side of <c>Left.Member</c> names, when the nearest symbol called Left is exactly one type.</summary>
    public static INamedTypeSymbol? Type(SemanticModel model, int position, IdentifierNameSyntax name)
    {
        var found = model.LookupSymbols(position, name: name.Identifier.ValueText);
        return found.Length == 1 ? found[0] as INamedTypeSymbol : null;
    }

    private static bool IsAttributeClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }) return true;
        }

        return false;
    }
}
