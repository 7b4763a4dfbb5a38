using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// One member of a record type as <see cref="RecordShape"/> found it, before its template makes its own model of it:
/// the property, how the generated reader gives it its value, and its type with any Nullable&lt;T&gt; taken apart.
/// </summary>
/// <param name="Property">The property the member is read from and written from.</param>
/// <param name="Parameter">The constructor parameter it is passed as, or null (an <c>init</c> or <c>set</c> property).</param>
/// <param name="Binding">How the generated reader gives it its value.</param>
/// <param name="Required">The input must have its column.</param>
/// <param name="DefaultValue">The C# expression of its value when the input lacks its column (optional constructor parameters), or null.</param>
internal sealed record FoundMember(IPropertySymbol Property, IParameterSymbol? Parameter, MemberBinding Binding, bool Required, string? DefaultValue)
{
    public string Name => Property.Name;

    /// <summary>Its type is a Nullable&lt;T&gt;.</summary>
    public bool IsNullableValue => Property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary>The type of its value: the T of a Nullable&lt;T&gt;, else its type.</summary>
    public ITypeSymbol ValueType => IsNullableValue ? ((INamedTypeSymbol)Property.Type).TypeArguments[0] : Property.Type;

    /// <summary>A null value is allowed: a Nullable&lt;T&gt; or an annotated reference type.</summary>
    public bool AllowsNull => IsNullableValue || (Property.Type.IsReferenceType && Property.Type.NullableAnnotation == NullableAnnotation.Annotated);

    /// <summary>Its type's global:: name, as locals of the generated reader are declared.</summary>
    public string DeclaredType => TypeNames.ForCode(Property.Type);

    /// <summary>Its type as messages show it (<c>decimal</c>, <c>string?</c>).</summary>
    public string TypeForMessage => TypeNames.ForMessage(Property.Type);
}
