using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// What a template tells <see cref="RecordShape"/> about the record types it reads: the only parts in which the
/// templates differ. The rest (constructor choice, matching parameters to properties, bindings, the problems) is shared.
/// </summary>
/// <typeparam name="TKind">The template's kinds of member value, which decide how its generated code reads and writes them.</typeparam>
/// <typeparam name="TMember">The template's model of one member.</typeparam>
internal interface IRecordShapeRules<TKind, TMember>
    where TKind : struct
    where TMember : class
{
    /// <summary>The supported member types, as a problem lists them.</summary>
    string SupportedTypes { get; }

    /// <summary>What a property is read for, ending "without a readable property of the same name ...": "to write it from".</summary>
    string PropertyUse { get; }

    /// <summary>What the members are for, in "has no members ...": "to read".</summary>
    string MembersUse { get; }

    /// <summary>Who cannot hold an unsupported member, in "which ...": "a CSV field cannot hold".</summary>
    string CannotHold { get; }

    /// <summary>Whether the user marked <paramref name="constructor"/> as the one to use (CsvHelper's [CsvConstructor]).</summary>
    bool IsPreferred(IMethodSymbol constructor);

    /// <summary>Whether the user marked <paramref name="property"/> as no member ([CsvIgnore], [NotMapped]).</summary>
    bool IsLeftOut(IPropertySymbol property);

    /// <summary>The kind of a supported member type (not Nullable), or null.</summary>
    TKind? KindOf(ITypeSymbol type);

    /// <summary>The template's model of a member whose value type is of <paramref name="kind"/>.</summary>
    TMember Member(FoundMember found, TKind kind);
}
