using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// Reads the members of a record type that the FileProcessing template can read from CSV and write to JSON and CSV
/// (the shape rules are <see cref="RecordShape"/>'s). In CsvHelper's order of preference, the constructor marked
/// [CsvConstructor] comes first. Member types: string, bool, char, the integer types, float, double, decimal, DateTime,
/// DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, enums, and Nullable of the value types. [CsvColumn("name")]
/// renames a column, [JsonPropertyName("name")] a JSON property, and [CsvIgnore] leaves a property out.
/// </summary>
internal sealed class FileProcessingRecordShape : IRecordShapeRules<FieldKind, RecordMember>
{
    private static readonly FileProcessingRecordShape Rules = new();

    private FileProcessingRecordShape()
    {
    }

    /// <summary>The members of <paramref name="record"/>, or null with the problem (for a diagnostic) or without one (a type the compiler already reports).</summary>
    public static List<RecordMember>? Read(ITypeSymbol record, IAssemblySymbol user, out string? problem) =>
        RecordShape.Read(record, user, Rules, out problem);

    public string SupportedTypes =>
        "string, bool, char, the integer types, float, double, decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, enums, and their nullable forms";

    public string PropertyUse => "to write it from";

    public string MembersUse => "to read";

    public string CannotHold => "a CSV field cannot hold";

    public bool IsPreferred(IMethodSymbol constructor) =>
        constructor.GetAttributes().Any(a => AttributeReader.Is(a, FileProcessingNames.CsvConstructorAttribute));

    public bool IsLeftOut(IPropertySymbol property) =>
        property.GetAttributes().Any(a => AttributeReader.Is(a, FileProcessingNames.CsvIgnoreAttribute));

    public FieldKind? KindOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return FieldKind.String;
            case SpecialType.System_Boolean: return FieldKind.Boolean;
            case SpecialType.System_Char: return FieldKind.Char;
            case SpecialType.System_Byte: return FieldKind.Byte;
            case SpecialType.System_SByte: return FieldKind.SByte;
            case SpecialType.System_Int16: return FieldKind.Int16;
            case SpecialType.System_UInt16: return FieldKind.UInt16;
            case SpecialType.System_Int32: return FieldKind.Int32;
            case SpecialType.System_UInt32: return FieldKind.UInt32;
            case SpecialType.System_Int64: return FieldKind.Int64;
            case SpecialType.System_UInt64: return FieldKind.UInt64;
            case SpecialType.System_Single: return FieldKind.Single;
            case SpecialType.System_Double: return FieldKind.Double;
            case SpecialType.System_Decimal: return FieldKind.Decimal;
            case SpecialType.System_DateTime: return FieldKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum) return FieldKind.Enum;
        if (type is not INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, TypeArguments.Length: 0 } named) return null;
        return named.Name switch
        {
            "DateTimeOffset" => FieldKind.DateTimeOffset,
            "DateOnly" => FieldKind.DateOnly,
            "TimeOnly" => FieldKind.TimeOnly,
            "TimeSpan" => FieldKind.TimeSpan,
            "Guid" => FieldKind.Guid,
            _ => null,
        };
    }

    public RecordMember Member(FoundMember found, FieldKind kind)
    {
        var property = found.Property;
        var column = RecordShape.NameFrom(property, FileProcessingNames.CsvColumnAttribute)
            ?? (found.Parameter is null ? null : RecordShape.NameFrom(found.Parameter, FileProcessingNames.CsvColumnAttribute))
            ?? property.Name;
        var json = RecordShape.NameFrom(property, FileProcessingNames.JsonPropertyNameAttribute) ?? property.Name;
        var valueCode = kind == FieldKind.String ? "string" : TypeNames.ForCode(found.ValueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        return new RecordMember(found.Name, column, json, found.DeclaredType, found.TypeForMessage, valueCode, kind, found.IsNullableValue, found.Binding, found.Required, found.DefaultValue);
    }
}
