using FsmGen.Generators.Model;

namespace FsmGen.Generators.Patterns;

/// <summary>The three kinds of ETL slot, in the order their stages run.</summary>
internal enum EtlSlotKind
{
    Validate,
    Transform,
    Enrich,
}

/// <summary>The CLR type of a record member's value (the T of a Nullable&lt;T&gt;), which decides its getter and its NpgsqlDbType.</summary>
internal enum EtlMemberKind
{
    Int64,
    Int32,
    Int16,
    Decimal,
    Double,
    Single,
    Boolean,
    String,
    DateTime,
    DateTimeOffset,
    Guid,
    Bytes,
}

/// <summary>One member of the record type, read from a source column and loaded into a target column.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="Column">The column: the property name or its [Column] name.</param>
/// <param name="DeclaredType">The member type's global:: name, as locals of the generated reader are declared.</param>
/// <param name="TypeForMessage">The member type as messages show it (<c>long</c>, <c>string?</c>).</param>
/// <param name="Kind">The value's CLR type.</param>
/// <param name="IsNullableValue">A Nullable&lt;T&gt;.</param>
/// <param name="AllowsNull">A NULL reads as null (a Nullable&lt;T&gt; or an annotated reference type).</param>
/// <param name="Binding">How the reader sets it.</param>
/// <param name="Required">The source must have its column.</param>
/// <param name="DefaultValue">The C# expression of the value when the source lacks the column (optional constructor parameters), or null.</param>
internal sealed record EtlMember(
    string Name,
    string Column,
    string DeclaredType,
    string TypeForMessage,
    EtlMemberKind Kind,
    bool IsNullableValue,
    bool AllowsNull,
    MemberBinding Binding,
    bool Required,
    string? DefaultValue);

/// <summary>One slot method of the class.</summary>
/// <param name="Kind">Its slot.</param>
/// <param name="Call">How to call it.</param>
/// <param name="Field">For [Validate]: the field to report, or null.</param>
/// <param name="Reason">For [Validate]: the reason to report, or null for the default.</param>
internal sealed record EtlSlot(EtlSlotKind Kind, MethodCall Call, string? Field, string? Reason);

/// <summary>
/// The part of a <c>[Pattern("Etl")]</c> class that the template writes: the stage methods of its machine, the typed
/// source reader and COPY/SQLite writers of the record type, and <c>CreateEtl</c>/<c>RunEtlAsync</c>.
/// </summary>
/// <param name="Hierarchy">Where the class lives.</param>
/// <param name="RecordType">The record type's global:: name.</param>
/// <param name="RecordIsReferenceType">Whether a transform could return null.</param>
/// <param name="Members">The members read and loaded, constructor arguments first in their order.</param>
/// <param name="Slots">The slot methods, in declaration order.</param>
internal sealed record EtlPart(
    HierarchyInfo Hierarchy,
    string RecordType,
    bool RecordIsReferenceType,
    EquatableArray<EtlMember> Members,
    EquatableArray<EtlSlot> Slots) : PatternPart
{
    public override string HintName => Hierarchy.FullMetadataName.Replace('+', '.') + ".Etl.g.cs";

    public override string Emit() => EtlEmitter.Emit(this);
}
