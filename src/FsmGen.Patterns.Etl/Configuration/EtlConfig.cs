using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// What a <see cref="DatabaseEtl"/> does: source, target, mode, batching, checkpoints, the record stages (field
/// mappings, validation, transformations, enrichment) and the error policy. Immutable; created by
/// <see cref="EtlConfigBuilder.Build"/>, which validates every option and names the bad one in its message.
/// </summary>
public sealed class EtlConfig
{
    /// <summary>The default batch size (seed option <c>batch_size</c>).</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>The default error threshold (seed option <c>error_threshold</c>): a run stops when more than 10% of its records end in error.</summary>
    public const double DefaultErrorThreshold = 0.1;

    /// <summary>The default checkpoint table.</summary>
    public const string DefaultCheckpointTable = "fsmgen_etl_checkpoints";

    internal EtlConfig(EtlConfigBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Source = builder.Source ?? throw Invalid(nameof(Source), "must not be null (use EtlSource.FromQuery, FromTable or FromFile)");
        Target = EtlConnection.Parse(builder.TargetConnection, nameof(TargetConnection), readOnly: false);
        TargetConnection = builder.TargetConnection;
        TargetTable = builder.TargetTable;
        Table = SqlIdentifier.ParseTable(builder.TargetTable, nameof(TargetTable));
        CheckpointTable = builder.CheckpointTable;
        CheckpointIdentifier = SqlIdentifier.ParseTable(builder.CheckpointTable, nameof(CheckpointTable));
        if (CheckpointIdentifier == Table)
        {
            throw Invalid(nameof(CheckpointTable), $"must differ from TargetTable ('{TargetTable}')");
        }

        Mode = Enum.IsDefined(builder.Mode) ? builder.Mode : throw Invalid(nameof(Mode), $"is not a defined EtlMode value ({builder.Mode})");
        BatchSize = AtLeast(builder.BatchSize, 1, nameof(BatchSize));
        ParallelWorkers = AtLeast(builder.ParallelWorkers, 1, nameof(ParallelWorkers));
        CheckpointInterval = AtLeast(builder.CheckpointInterval, 1, nameof(CheckpointInterval));
        MaxErrorDetails = AtLeast(builder.MaxErrorDetails, 0, nameof(MaxErrorDetails));
        ErrorThreshold = builder.ErrorThreshold is >= 0 and <= 1
            ? builder.ErrorThreshold
            : throw Invalid(nameof(ErrorThreshold), $"must be a fraction from 0 to 1 (0.1 stops a run when more than 10% of its records fail), but is {builder.ErrorThreshold}");
        RejectCountsAsError = builder.RejectCountsAsError;
        IgnoreExtraFields = builder.IgnoreExtraFields;
        IncludeValuesInErrors = builder.IncludeValuesInErrors;
        ValidationSchema = builder.ValidationSchema;
        Transformations = NoNulls(builder.Transformations, nameof(Transformations));
        Enrichments = NoNulls(builder.Enrichments, nameof(Enrichments));

        FieldMappings = ValidateMappings(builder.FieldMappings);
        KeyColumns = UniqueColumns(builder.KeyColumns, nameof(KeyColumns));
        TargetColumns = UniqueColumns(builder.TargetColumns, nameof(TargetColumns));
        SourceOrderColumns = UniqueColumns(builder.SourceOrderColumns, nameof(SourceOrderColumns));
        RefuseRenamedKeys();

        foreach (var key in KeyColumns)
        {
            if (TargetColumns.Count > 0 && !TargetColumns.Contains(key, StringComparer.Ordinal))
            {
                throw Invalid(nameof(TargetColumns), $"must include the key column '{key}'");
            }
        }

        if (Mode is EtlMode.Upsert or EtlMode.Incremental && KeyColumns.Count == 0)
        {
            throw Invalid(nameof(KeyColumns), $"must name at least one column in {Mode} mode: rows are matched on them");
        }

        if (Mode == EtlMode.Incremental)
        {
            if (Source.IsFile)
            {
                throw Invalid(nameof(Mode), "Incremental needs a database source, which can be asked for the rows past a watermark; a file source cannot (use Upsert)");
            }

            WatermarkColumn = SqlIdentifier.RequireColumn(builder.WatermarkColumn, nameof(WatermarkColumn));
        }
        else if (builder.WatermarkColumn is not null)
        {
            throw Invalid(nameof(WatermarkColumn), $"applies only to Incremental mode, but Mode is {Mode}");
        }

        ReadOrder = ResolveReadOrder();
    }

    /// <summary>Where the records come from.</summary>
    public EtlSource Source { get; }

    /// <summary>The target connection string as given.</summary>
    public string TargetConnection { get; }

    /// <summary>The target database's provider.</summary>
    public DatabaseProvider TargetProvider => Target.Provider;

    /// <summary>The table loaded (seed option <c>target_table</c>).</summary>
    public string TargetTable { get; }

    /// <summary>How the source is read and the target written.</summary>
    public EtlMode Mode { get; }

    /// <summary>Records per batch (seed option <c>batch_size</c>).</summary>
    public int BatchSize { get; }

    /// <summary>Records of a batch taken through the per-record machine at once (seed option <c>parallel_workers</c>).</summary>
    public int ParallelWorkers { get; }

    /// <summary>The largest acceptable fraction of records in error (seed option <c>error_threshold</c>).</summary>
    public double ErrorThreshold { get; }

    /// <summary>Batches per transaction and checkpoint (seed option <c>checkpoint_interval</c>).</summary>
    public int CheckpointInterval { get; }

    /// <summary>The table that keeps checkpoints and watermarks, in the target database.</summary>
    public string CheckpointTable { get; }

    /// <summary>The target's key columns (seed option <c>key_columns</c>).</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>Source columns that order a database source for checkpoints when there are no key columns.</summary>
    public IReadOnlyList<string> SourceOrderColumns { get; }

    /// <summary>The watermark column of <see cref="EtlMode.Incremental"/> mode, or null.</summary>
    public string? WatermarkColumn { get; }

    /// <summary>Source field name to target field name (seed option <c>field_mappings</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldMappings { get; }

    /// <summary>The transformations, in order (seed option <c>transformations</c>).</summary>
    public IReadOnlyList<RecordTransformation> Transformations { get; }

    /// <summary>The validation schema, or null (seed option <c>validation_schema</c>).</summary>
    public ValidationSchema? ValidationSchema { get; }

    /// <summary>Whether rejected records count as errors (seed option <c>reject_counts_as_error</c>).</summary>
    public bool RejectCountsAsError { get; }

    /// <summary>The enrichment steps, in order (seed option <c>enrichment_sources</c>).</summary>
    public IReadOnlyList<EtlEnrichment> Enrichments { get; }

    /// <summary>The target columns to load, or empty for the fields of the first loaded record.</summary>
    public IReadOnlyList<string> TargetColumns { get; }

    /// <summary>Whether record fields that are not loaded columns are ignored rather than errors.</summary>
    public bool IgnoreExtraFields { get; }

    /// <summary>How many errors the result keeps with their details.</summary>
    public int MaxErrorDetails { get; }

    /// <summary>Whether error messages may contain field values.</summary>
    public bool IncludeValuesInErrors { get; }

    internal EtlConnection Target { get; }

    internal SqlIdentifier Table { get; }

    internal SqlIdentifier CheckpointIdentifier { get; }

    /// <summary>
    /// The source columns a database source is ordered by, which make a run resumable: the watermark then the keys in
    /// Incremental mode, otherwise the keys (or <see cref="SourceOrderColumns"/>). Empty when there is no order.
    /// </summary>
    internal IReadOnlyList<string> ReadOrder { get; }

    /// <summary>A builder holding this config's options, to derive a changed config.</summary>
    /// <returns>The builder.</returns>
    public EtlConfigBuilder ToBuilder() => new(this);

    /// <inheritdoc />
    public override string ToString() => $"{Mode} {Source} -> {Target}/{TargetTable}";

    private IReadOnlyDictionary<string, string> ValidateMappings(Dictionary<string, string> mappings)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in mappings)
        {
            if (string.IsNullOrEmpty(from))
            {
                throw Invalid(nameof(FieldMappings), "has an empty source field name");
            }

            SqlIdentifier.RequireColumn(to, $"{nameof(FieldMappings)}['{from}']");
            if (targets.TryGetValue(to, out var other))
            {
                throw Invalid(nameof(FieldMappings), $"maps both '{other}' and '{from}' to '{to}'");
            }

            targets[to] = from;
        }

        return new Dictionary<string, string>(mappings, StringComparer.Ordinal);
    }

    private void RefuseRenamedKeys()
    {
        foreach (var key in KeyColumns)
        {
            if (FieldMappings.TryGetValue(key, out var renamedTo) && renamedTo != key && !FieldMappings.Values.Contains(key, StringComparer.Ordinal))
            {
                throw Invalid(nameof(KeyColumns), $"names '{key}', but FieldMappings renames '{key}' to '{renamedTo}', so no record reaching the target has a '{key}' field: use '{renamedTo}' as the key column or remove the mapping");
            }
        }
    }

    private IReadOnlyList<string> ResolveReadOrder()
    {
        if (Source.IsFile)
        {
            return [];
        }

        var order = new List<string>();
        if (WatermarkColumn is not null)
        {
            order.Add(WatermarkColumn);
        }

        if (SourceOrderColumns.Count > 0)
        {
            order.AddRange(SourceOrderColumns.Where(c => !order.Contains(c, StringComparer.Ordinal)));
            return order;
        }

        foreach (var key in KeyColumns)
        {
            // The key's source name: the field mapped onto it, or the key itself.
            var sourceName = FieldMappings.FirstOrDefault(m => m.Value == key).Key ?? key;
            SqlIdentifier.RequireColumn(sourceName, $"{nameof(FieldMappings)} (the source name of key column '{key}')");
            if (!order.Contains(sourceName, StringComparer.Ordinal))
            {
                order.Add(sourceName);
            }
        }

        return order;
    }

    private static IReadOnlyList<string> UniqueColumns(List<string> columns, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            SqlIdentifier.RequireColumn(column, field);
            if (!seen.Add(column))
            {
                throw Invalid(field, $"names '{column}' twice");
            }
        }

        return columns.ToArray();
    }

    private static IReadOnlyList<T> NoNulls<T>(List<T> items, string field)
        where T : class
    {
        foreach (var item in items)
        {
            if (item is null)
            {
                throw Invalid(field, "contains null");
            }
        }

        return items.ToArray();
    }

    private static int AtLeast(int value, int minimum, string field) =>
        value >= minimum ? value : throw Invalid(field, $"must be at least {minimum}, but is {value}");

    private static ArgumentException Invalid(string field, string problem) => new($"EtlConfig.{field} {problem}.", field);
}
