using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>What an attribute on a method is to the generator, as far as <see cref="SyntaxAttributeReader"/> is concerned.</summary>
internal enum MethodAttributeKind
{
    /// <summary>Binds to no class, or to one the syntax reader cannot vouch for: read the method through symbols.</summary>
    Unsure,

    /// <summary>FsmGen's [State], with the members the syntax reader relies on (<see cref="AttributeShape"/>).</summary>
    State,

    /// <summary>FsmGen's [Transition], likewise.</summary>
    Transition,

    /// <summary>Any other attribute class: not the generator's, ignored as the symbol path ignores it.</summary>
    Other,
}

/// <summary>Classifies the class an attribute binds to, by the same names the symbol path compares (<see cref="AttributeReader.Is"/>).</summary>
internal static class MethodAttributeKinds
{
    public static MethodAttributeKind Classify(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error) return MethodAttributeKind.Unsure;
        if (AttributeReader.Is(attributeClass, KnownNames.StateAttribute))
        {
            return AttributeShape.IsState(attributeClass) ? MethodAttributeKind.State : MethodAttributeKind.Unsure;
        }

        if (AttributeReader.Is(attributeClass, KnownNames.TransitionAttribute))
        {
            return AttributeShape.IsTransition(attributeClass) ? MethodAttributeKind.Transition : MethodAttributeKind.Unsure;
        }

        // Recovery attributes carry typed values and constructor arguments the syntax reader does not read.
        return AttributeReader.IsRecovery(attributeClass) ? MethodAttributeKind.Unsure : MethodAttributeKind.Other;
    }
}
