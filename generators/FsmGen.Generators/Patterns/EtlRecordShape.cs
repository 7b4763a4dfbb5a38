using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// Reads the members of a record type that the Etl template reads from a source row and loads into a target row (the
/// shape rules are <see cref="RecordShape"/>'s; no constructor is preferred by an attribute, and a member optional for
/// the reader may be missing from the source). A property with <c>[NotMapped]</c> is left out. Member types: long, int,
/// short, decimal, double, float, bool, string, DateTime, DateTimeOffset, Guid, byte[], and Nullable of the value types.
/// <c>[Column("name")]</c> (System.ComponentModel.DataAnnotations.Schema) names the column; no two members may share one.
/// </summary>
internal sealed class EtlRecordShape : IRecordShapeRules<EtlMemberKind, EtlMember>
{
    private static readonly EtlRecordShape Rules = new();

    private EtlRecordShape()
    {
    }

    /// <summary>The members of <paramref name="record"/>, or null with the problem (for a diagnostic) or without one (a type the compiler already reports).</summary>
    public static List<EtlMember>? Read(ITypeSymbol record, IAssemblySymbol user, out string? problem)
    {
        var members = RecordShape.Read(record, user, Rules, out problem);
        if (members is null) return null;

        var twice = members.GroupBy(m => m.Column, System.StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            problem = "has members '" + string.Join("' and '", twice.Select(m => m.Name)) + "' for the same column '" + twice.Key + "'";
            return null;
        }

        return members;
    }

    public string SupportedTypes =>
        "long, int, short, decimal, double, float, bool, string, DateTime, DateTimeOffset, Guid, byte[], and their nullable forms";

    public string PropertyUse => "to load it from";

    public string MembersUse => "to load";

    public string CannotHold => "the ETL pattern cannot read from or load into a column";

    public bool IsPreferred(IMethodSymbol constructor) => false;

    public bool IsLeftOut(IPropertySymbol property) =>
        property.GetAttributes().Any(a => AttributeReader.Is(a, EtlNames.NotMappedAttribute));

    public EtlMemberKind? KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return EtlMemberKind.String;
            case SpecialType.System_Boolean: return EtlMemberKind.Boolean;
            case SpecialType.System_Int16: return EtlMemberKind.Int16;
            case SpecialType.System_Int32: return EtlMemberKind.Int32;
            case SpecialType.System_Int64: return EtlMemberKind.Int64;
            case SpecialType.System_Single: return EtlMemberKind.Single;
            case SpecialType.System_Double: return EtlMemberKind.Double;
            case SpecialType.System_Decimal: return EtlMemberKind.Decimal;
            case SpecialType.System_DateTime: return EtlMemberKind.DateTime;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }) return EtlMemberKind.Bytes;
        if (type is not INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, TypeArguments.Length: 0 } named) return null;
        return named.Name switch
        {
            "DateTimeOffset" => EtlMemberKind.DateTimeOffset,
            "Guid" => EtlMemberKind.Guid,
            _ => null,
        };
    }

    public EtlMember Member(FoundMember found, EtlMemberKind kind)
    {
        var column = RecordShape.NameFrom(found.Property, EtlNames.ColumnAttribute) ?? found.Name;
        return new EtlMember(found.Name, column, found.DeclaredType, found.TypeForMessage, kind, found.IsNullableValue, found.AllowsNull, found.Binding, found.Required, found.DefaultValue);
    }
}
