namespace FsmGen.Patterns.Etl;

/// <summary>The type family of a target column: what its values are converted to before they are written.</summary>
internal enum ColumnKind
{
    /// <summary>PostgreSQL <c>boolean</c>.</summary>
    Boolean,

    /// <summary>PostgreSQL <c>smallint</c>.</summary>
    Int16,

    /// <summary>PostgreSQL <c>integer</c>.</summary>
    Int32,

    /// <summary>PostgreSQL <c>bigint</c>; SQLite INTEGER affinity.</summary>
    Int64,

    /// <summary>PostgreSQL <c>real</c>.</summary>
    Single,

    /// <summary>PostgreSQL <c>double precision</c>; SQLite REAL affinity.</summary>
    Double,

    /// <summary>PostgreSQL <c>numeric</c>.</summary>
    Decimal,

    /// <summary>PostgreSQL <c>text</c>/<c>varchar</c>/<c>char</c>; SQLite TEXT affinity.</summary>
    Text,

    /// <summary>PostgreSQL <c>date</c>.</summary>
    Date,

    /// <summary>PostgreSQL <c>time</c>.</summary>
    Time,

    /// <summary>PostgreSQL <c>timestamp</c> (without time zone); SQLite columns declared as a date or time (stored as ISO text).</summary>
    Timestamp,

    /// <summary>PostgreSQL <c>timestamptz</c>.</summary>
    TimestampTz,

    /// <summary>PostgreSQL <c>uuid</c>.</summary>
    Uuid,

    /// <summary>PostgreSQL <c>bytea</c>.</summary>
    Bytea,

    /// <summary>PostgreSQL <c>json</c>.</summary>
    Json,

    /// <summary>PostgreSQL <c>jsonb</c>.</summary>
    Jsonb,

    /// <summary>SQLite NUMERIC affinity: any number.</summary>
    Numeric,

    /// <summary>SQLite columns declared boolean: stored as 1/0.</summary>
    SqliteBoolean,

    /// <summary>SQLite BLOB or untyped columns: any value as it is.</summary>
    Any,

    /// <summary>Any other PostgreSQL type (enum, inet, arrays...): written as text and cast by the server.</summary>
    OtherAsText,
}
