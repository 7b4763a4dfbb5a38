using System.ComponentModel;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>The CLR type of a record member that <c>[Pattern("Etl")]</c> reads and writes (the T of a nullable member).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum EtlValueKind
{
    /// <summary><see cref="long"/>: PostgreSQL <c>bigint</c>.</summary>
    Int64,

    /// <summary><see cref="int"/>: PostgreSQL <c>integer</c>.</summary>
    Int32,

    /// <summary><see cref="short"/>: PostgreSQL <c>smallint</c>.</summary>
    Int16,

    /// <summary><see cref="decimal"/>: PostgreSQL <c>numeric</c>.</summary>
    Decimal,

    /// <summary><see cref="double"/>: PostgreSQL <c>double precision</c>.</summary>
    Double,

    /// <summary><see cref="float"/>: PostgreSQL <c>real</c>.</summary>
    Single,

    /// <summary><see cref="bool"/>: PostgreSQL <c>boolean</c>.</summary>
    Boolean,

    /// <summary><see cref="string"/>: PostgreSQL <c>text</c>.</summary>
    String,

    /// <summary><see cref="System.DateTime"/>: PostgreSQL <c>timestamptz</c> or <c>timestamp</c>, as the target column is.</summary>
    DateTime,

    /// <summary><see cref="System.DateTimeOffset"/>: PostgreSQL <c>timestamptz</c> (or <c>timestamp</c> when the target column is).</summary>
    DateTimeOffset,

    /// <summary><see cref="System.Guid"/>: PostgreSQL <c>uuid</c>.</summary>
    Guid,

    /// <summary><c>byte[]</c>: PostgreSQL <c>bytea</c>.</summary>
    Bytes,
}

/// <summary>One member of a record type that <c>[Pattern("Etl")]</c> reads from the source and loads into the target. Created by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EtlMember
{
    /// <summary>Describes a member.</summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="column">
    /// The column it is read from and loaded into: the property name, or its <c>[Column("name")]</c>. Matched against the
    /// source's columns (after field mappings) and the target's columns exactly, else ignoring case and underscores
    /// (<c>UpdatedAt</c> finds <c>updated_at</c>).
    /// </param>
    /// <param name="typeName">The member type as messages show it (<c>long</c>, <c>string?</c>).</param>
    /// <param name="kind">The value's type.</param>
    /// <param name="allowsNull">Whether the member can hold null (a nullable value type or an annotated reference type).</param>
    /// <param name="required">Whether the source must have its column (a constructor parameter without a default value, or an <c>init</c>/<c>required</c> property).</param>
    public EtlMember(string name, string column, string typeName, EtlValueKind kind, bool allowsNull, bool required)
    {
        Name = name;
        Column = column;
        TypeName = typeName;
        Kind = kind;
        AllowsNull = allowsNull;
        Required = required;
    }

    /// <summary>The C# property name.</summary>
    public string Name { get; }

    /// <summary>The column it is read from and loaded into.</summary>
    public string Column { get; }

    /// <summary>The member type as messages show it.</summary>
    public string TypeName { get; }

    /// <summary>The value's type.</summary>
    public EtlValueKind Kind { get; }

    /// <summary>Whether the member can hold null.</summary>
    public bool AllowsNull { get; }

    /// <summary>Whether the source must have its column.</summary>
    public bool Required { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TypeName}) -> {Column}";
}
