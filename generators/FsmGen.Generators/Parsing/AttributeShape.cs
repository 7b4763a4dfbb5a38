using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The members of [State] and [Transition] that <see cref="SyntaxAttributeReader"/> relies on: a public parameterless
/// constructor and public settable properties of the expected types. A class of the same name without them (an older or
/// hand-written FsmGen) makes arguments bind with errors, which only the symbol path reads as the compiler does.
/// </summary>
internal static class AttributeShape
{
    private static readonly (string Name, SpecialType Type)[] StateProperties =
    {
        ("Start", SpecialType.System_Boolean),
        ("End", SpecialType.System_Boolean),
        ("EmitOutput", SpecialType.System_Boolean),
        ("RunOnFailure", SpecialType.System_Boolean),
        ("Parent", SpecialType.System_String),
        ("OnExit", SpecialType.System_String),
    };

    private static readonly (string Name, SpecialType Type)[] TransitionProperties =
    {
        ("To", SpecialType.System_String),
        ("When", SpecialType.System_String),
        ("Transform", SpecialType.System_String),
        ("Priority", SpecialType.System_Int32),
        ("OnFailure", SpecialType.System_Boolean),
        ("On", SpecialType.System_Object),
    };

    public static bool IsState(INamedTypeSymbol attributeClass) => Matches(attributeClass, StateProperties);

    public static bool IsTransition(INamedTypeSymbol attributeClass) => Matches(attributeClass, TransitionProperties);

    private static bool Matches(INamedTypeSymbol attributeClass, (string Name, SpecialType Type)[] properties)
    {
        if (attributeClass.IsAbstract || !HasPublicParameterlessConstructor(attributeClass)) return false;
        foreach (var (name, type) in properties)
        {
            if (!HasSettableProperty(attributeClass, name, type)) return false;
        }

        return true;
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public) return true;
        }

        return false;
    }

    private static bool HasSettableProperty(INamedTypeSymbol type, string name, SpecialType specialType)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public } property
                && property.Type.SpecialType == specialType)
            {
                return true;
            }
        }

        return false;
    }
}
