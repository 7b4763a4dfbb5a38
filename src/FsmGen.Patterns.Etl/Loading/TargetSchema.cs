namespace FsmGen.Patterns.Etl;

/// <summary>One column of the target table, as its database describes it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">What its values are converted to.</param>
/// <param name="TypeName">The database's name of its type, such as <c>numeric(12,2)</c>.</param>
/// <param name="IsGenerated">Whether the database computes it (generated column): it cannot be loaded.</param>
/// <param name="IsIdentityAlways">PostgreSQL <c>GENERATED ALWAYS AS IDENTITY</c>: loading it needs <c>OVERRIDING SYSTEM VALUE</c>.</param>
internal sealed record TargetColumn(string Name, ColumnKind Kind, string TypeName, bool IsGenerated, bool IsIdentityAlways);

/// <summary>The target table and its columns, read from the database when a run starts.</summary>
internal sealed class TargetSchema
{
    public TargetSchema(SqlIdentifier table, IReadOnlyList<TargetColumn> columns)
    {
        Table = table;
        Columns = columns;
        ByName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public SqlIdentifier Table { get; }

    public IReadOnlyList<TargetColumn> Columns { get; }

    public IReadOnlyDictionary<string, TargetColumn> ByName { get; }
}
