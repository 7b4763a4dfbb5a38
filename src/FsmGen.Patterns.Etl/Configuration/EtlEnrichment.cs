using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// One step of the enrich stage, which runs after the transformations: a computed field, a lookup in a reference table,
/// or a function of the record. Steps run in the order given.
/// </summary>
public abstract class EtlEnrichment
{
    private protected EtlEnrichment(string description) => Description = description;

    /// <summary>Names the step in error messages, such as <c>lookup in "regions"</c>.</summary>
    public string Description { get; }

    /// <summary>Sets <paramref name="field"/> to a value computed from the record.</summary>
    /// <param name="field">The field to set (added or replaced).</param>
    /// <param name="compute">Computes the value; an exception makes the record an error.</param>
    /// <returns>The step.</returns>
    public static EtlEnrichment Computed(string field, Func<Record, object?> compute)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(compute);
        return new ComputedEnrichment(field, compute);
    }

    /// <summary>
    /// Looks the value of <paramref name="recordField"/> up in <paramref name="keyColumn"/> of a reference table and copies
    /// <paramref name="columns"/> of the matching row into the record. The reference table is read once per run, at its
    /// start, into memory (so it suits dimension and code tables, not huge ones). Integer keys match across integer types
    /// (an <c>int</c> 5 finds a <c>bigint</c> 5); text keys match exactly.
    /// </summary>
    /// <param name="table">The reference table (<c>name</c> or <c>schema.name</c>).</param>
    /// <param name="keyColumn">Its key column.</param>
    /// <param name="recordField">The record field whose value is looked up.</param>
    /// <param name="columns">The reference table's columns to copy; each becomes a field of the same name.</param>
    /// <param name="onMiss">What to do when the key is missing (or the record's value is null).</param>
    /// <param name="connection">The database of the reference table; null for the target database.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">A name is not a plain identifier, or no column is given.</exception>
    public static EtlEnrichment Lookup(string table, string keyColumn, string recordField, IEnumerable<string> columns, LookupMissPolicy onMiss = LookupMissPolicy.Ignore, string? connection = null)
    {
        var identifier = SqlIdentifier.ParseTable(table, "Enrichment.Lookup.table");
        SqlIdentifier.RequireColumn(keyColumn, "Enrichment.Lookup.keyColumn");
        ArgumentException.ThrowIfNullOrEmpty(recordField);
        ArgumentNullException.ThrowIfNull(columns);
        var copied = columns.Select(c => SqlIdentifier.RequireColumn(c, "Enrichment.Lookup.columns")).ToArray();
        if (copied.Length == 0)
        {
            throw new ArgumentException("Enrichment.Lookup.columns must name at least one column to copy.", nameof(columns));
        }

        if (!Enum.IsDefined(onMiss))
        {
            throw new ArgumentOutOfRangeException(nameof(onMiss), onMiss, "Enrichment.Lookup.onMiss is not a defined LookupMissPolicy value.");
        }

        var parsed = connection is null ? null : EtlConnection.Parse(connection, "Enrichment.Lookup.connection", readOnly: true);
        return new LookupEnrichment(identifier, keyColumn, recordField, copied, onMiss, parsed);
    }

    /// <summary>Runs a function that returns the enriched record (the same instance, changed, or a new one).</summary>
    /// <param name="enrich">The function; an exception or a null result makes the record an error.</param>
    /// <returns>The step.</returns>
    public static EtlEnrichment FromFunction(Func<Record, Record> enrich)
    {
        ArgumentNullException.ThrowIfNull(enrich);
        return new FunctionEnrichment((r, _) => new ValueTask<Record>(enrich(r)));
    }

    /// <summary>Runs an asynchronous function (such as a call to a service) that returns the enriched record.</summary>
    /// <param name="enrich">The function; an exception or a null result makes the record an error.</param>
    /// <returns>The step.</returns>
    public static EtlEnrichment FromAsync(Func<Record, CancellationToken, ValueTask<Record>> enrich)
    {
        ArgumentNullException.ThrowIfNull(enrich);
        return new FunctionEnrichment(enrich);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>A field computed from the record.</summary>
internal sealed class ComputedEnrichment(string field, Func<Record, object?> compute) : EtlEnrichment($"computed field '{field}'")
{
    public string Field { get; } = field;

    public Func<Record, object?> Compute { get; } = compute;
}

/// <summary>A lookup in a reference table, loaded into memory when the run starts.</summary>
internal sealed class LookupEnrichment(SqlIdentifier table, string keyColumn, string recordField, string[] columns, LookupMissPolicy onMiss, EtlConnection? connection)
    : EtlEnrichment($"lookup of '{recordField}' in {table}.{keyColumn}")
{
    public SqlIdentifier Table { get; } = table;

    public string KeyColumn { get; } = keyColumn;

    public string RecordField { get; } = recordField;

    public IReadOnlyList<string> Columns { get; } = columns;

    public LookupMissPolicy OnMiss { get; } = onMiss;

    public EtlConnection? Connection { get; } = connection;
}

/// <summary>A user function.</summary>
internal sealed class FunctionEnrichment(Func<Record, CancellationToken, ValueTask<Record>> enrich) : EtlEnrichment("enrichment function")
{
    public Func<Record, CancellationToken, ValueTask<Record>> Enrich { get; } = enrich;
}
