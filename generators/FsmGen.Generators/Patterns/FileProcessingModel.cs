using FsmGen.Generators.Model;

namespace FsmGen.Generators.Patterns;

/// <summary>The kind of a record member's value, which decides how it is parsed from CSV and written to JSON and CSV.</summary>
internal enum FieldKind
{
    String,
    Boolean,
    Char,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Enum,
}

/// <summary>One member of the record type, as read from a CSV column and written to JSON and CSV.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="Column">The CSV column: the property name or its [CsvColumn] name.</param>
/// <param name="JsonName">The JSON property: the property name or its [JsonPropertyName] name.</param>
/// <param name="DeclaredType">The member type's global:: name, as locals of the generated reader are declared.</param>
/// <param name="TypeForMessage">The member type as messages show it (<c>decimal</c>, <c>DateOnly?</c>).</param>
/// <param name="ValueType">The global:: name of the value type parsed and written (the T of a Nullable&lt;T&gt;).</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="IsNullableValue">A Nullable&lt;T&gt;: an empty field reads as null.</param>
/// <param name="Binding">How the reader sets it.</param>
/// <param name="Required">A header without its column makes every record an error.</param>
/// <param name="DefaultValue">The C# expression of the value when the column is missing (optional members), or null.</param>
internal sealed record RecordMember(
    string Name,
    string Column,
    string JsonName,
    string DeclaredType,
    string TypeForMessage,
    string ValueType,
    FieldKind Kind,
    bool IsNullableValue,
    MemberBinding Binding,
    bool Required,
    string? DefaultValue);

/// <summary>The four kinds of slot, in the order their stages run.</summary>
internal enum SlotKind
{
    Validate,
    Filter,
    Transform,
    Aggregate,
}

/// <summary>One slot method of the class.</summary>
/// <param name="Kind">Its slot.</param>
/// <param name="Call">How to call it.</param>
/// <param name="Field">For [Validate]: the field to report, or null.</param>
/// <param name="Reason">For [Validate]: the reason to report, or null for the default.</param>
internal sealed record SlotMethod(SlotKind Kind, MethodCall Call, string? Field, string? Reason);

/// <summary>
/// The part of a <c>[Pattern("FileProcessing")]</c> class that the template writes: the stage methods of its machine,
/// the typed CSV reader and JSON/CSV writers of the record type, and <c>ProcessAsync</c>.
/// </summary>
/// <param name="Hierarchy">Where the class lives.</param>
/// <param name="RecordType">The record type's global:: name.</param>
/// <param name="RecordIsReferenceType">Whether a transform could return null.</param>
/// <param name="Members">The members read and written, constructor arguments first in their order.</param>
/// <param name="Slots">The slot methods, in declaration order.</param>
internal sealed record FileProcessingPart(
    HierarchyInfo Hierarchy,
    string RecordType,
    bool RecordIsReferenceType,
    EquatableArray<RecordMember> Members,
    EquatableArray<SlotMethod> Slots) : PatternPart
{
    public override string HintName => Hierarchy.FullMetadataName.Replace('+', '.') + ".FileProcessing.g.cs";

    public override string Emit() => FileProcessingEmitter.Emit(this);
}
