using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Collects the options of an <see cref="EtlConfig"/>; <see cref="Build"/> validates them all and returns the immutable
/// config. Option names follow the seed's (<c>batch_size</c> is <see cref="BatchSize"/>, and so on).
/// </summary>
public sealed class EtlConfigBuilder
{
    /// <summary>Creates a builder for a run from <paramref name="source"/> into <paramref name="targetTable"/> of <paramref name="targetConnection"/>.</summary>
    /// <param name="source">Where the records come from.</param>
    /// <param name="targetConnection"><c>postgresql://user:pass@host:port/db</c>, <c>sqlite:path.db</c> or an ADO.NET connection string.</param>
    /// <param name="targetTable">The table to load (seed option <c>target_table</c>): <c>name</c> or <c>schema.name</c>.</param>
    public EtlConfigBuilder(EtlSource source, string targetConnection, string targetTable)
    {
        Source = source;
        TargetConnection = targetConnection;
        TargetTable = targetTable;
    }

    /// <summary>Creates a builder with the options of <paramref name="config"/>.</summary>
    /// <param name="config">The config to copy.</param>
    public EtlConfigBuilder(EtlConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Source = config.Source;
        TargetConnection = config.TargetConnection;
        TargetTable = config.TargetTable;
        Mode = config.Mode;
        BatchSize = config.BatchSize;
        ParallelWorkers = config.ParallelWorkers;
        ErrorThreshold = config.ErrorThreshold;
        CheckpointInterval = config.CheckpointInterval;
        CheckpointTable = config.CheckpointTable;
        KeyColumns.AddRange(config.KeyColumns);
        SourceOrderColumns.AddRange(config.SourceOrderColumns);
        WatermarkColumn = config.WatermarkColumn;
        foreach (var (from, to) in config.FieldMappings)
        {
            FieldMappings[from] = to;
        }

        Transformations.AddRange(config.Transformations);
        ValidationSchema = config.ValidationSchema;
        RejectCountsAsError = config.RejectCountsAsError;
        Enrichments.AddRange(config.Enrichments);
        TargetColumns.AddRange(config.TargetColumns);
        IgnoreExtraFields = config.IgnoreExtraFields;
        MaxErrorDetails = config.MaxErrorDetails;
        IncludeValuesInErrors = config.IncludeValuesInErrors;
    }

    /// <summary>Where the records come from.</summary>
    public EtlSource Source { get; set; }

    /// <summary>The target database.</summary>
    public string TargetConnection { get; set; }

    /// <summary>The table to load (seed option <c>target_table</c>).</summary>
    public string TargetTable { get; set; }

    /// <summary>How the source is read and the target written; <see cref="EtlMode.FullRefresh"/> by default.</summary>
    public EtlMode Mode { get; set; } = EtlMode.FullRefresh;

    /// <summary>Records per batch, and per COPY/upsert statement (seed option <c>batch_size</c>); 1000 by default.</summary>
    public int BatchSize { get; set; } = EtlConfig.DefaultBatchSize;

    /// <summary>Records of a batch taken through the per-record machine at once (seed option <c>parallel_workers</c>); 1 by default.</summary>
    public int ParallelWorkers { get; set; } = 1;

    /// <summary>
    /// The largest acceptable fraction of extracted records that end in error, from 0 to 1 (seed option
    /// <c>error_threshold</c>); 0.1 by default. A batch whose errors push the run past it is rolled back and the run
    /// stops with <see cref="EtlErrorThresholdException"/>; batches committed before stay. 1 never stops.
    /// </summary>
    public double ErrorThreshold { get; set; } = EtlConfig.DefaultErrorThreshold;

    /// <summary>Batches committed together in one transaction with one checkpoint row (seed option <c>checkpoint_interval</c>); 1 by default.</summary>
    public int CheckpointInterval { get; set; } = 1;

    /// <summary>The table in the target database that keeps checkpoints and watermarks; created when missing. <c>fsmgen_etl_checkpoints</c> by default.</summary>
    public string CheckpointTable { get; set; } = EtlConfig.DefaultCheckpointTable;

    /// <summary>
    /// The target's key columns, after field mappings (seed option <c>key_columns</c>): what <see cref="EtlMode.Upsert"/>
    /// and <see cref="EtlMode.Incremental"/> match on (the target needs a primary key or unique index on exactly them),
    /// and, mapped back to source names, the order in which a database source is read and resumed.
    /// </summary>
    public List<string> KeyColumns { get; } = [];

    /// <summary>
    /// Source columns giving a database source a unique order for checkpoints when <see cref="KeyColumns"/> is empty
    /// (an append into a table without a key); empty by default, meaning the source names of the key columns.
    /// </summary>
    public List<string> SourceOrderColumns { get; } = [];

    /// <summary>For <see cref="EtlMode.Incremental"/>: the source column whose value grows when a row changes, such as <c>updated_at</c>.</summary>
    public string? WatermarkColumn { get; set; }

    /// <summary>Source field name to target field name (seed option <c>field_mappings</c>), applied at extraction, before validation and transformations.</summary>
    public Dictionary<string, string> FieldMappings { get; } = new(StringComparer.Ordinal);

    /// <summary>The transform stage's steps, in order (seed option <c>transformations</c>).</summary>
    public List<RecordTransformation> Transformations { get; } = [];

    /// <summary>
    /// The validate stage's schema (seed option <c>validation_schema</c>), in the file processing pattern's vocabulary:
    /// per-field required/type/min/max/pattern and record predicates. A record that breaks it is rejected.
    /// </summary>
    public ValidationSchema? ValidationSchema { get; set; }

    /// <summary>Whether rejected records count as errors, in the metrics and toward <see cref="ErrorThreshold"/> (seed option <c>reject_counts_as_error</c>); false by default.</summary>
    public bool RejectCountsAsError { get; set; }

    /// <summary>The enrich stage's steps, in order (seed option <c>enrichment_sources</c>).</summary>
    public List<EtlEnrichment> Enrichments { get; } = [];

    /// <summary>
    /// The target columns to load; empty by default, meaning the target columns that are fields of the first record
    /// reaching the load stage. Target columns left out keep their defaults.
    /// </summary>
    public List<string> TargetColumns { get; } = [];

    /// <summary>Whether record fields that are not loaded columns are ignored; false by default, which makes such a record an error rather than lose the field silently.</summary>
    public bool IgnoreExtraFields { get; set; }

    /// <summary>How many errors the result keeps with their details (all are counted); 1000 by default.</summary>
    public int MaxErrorDetails { get; set; } = 1000;

    /// <summary>Whether error messages may contain field values; false by default, to keep personal data out of logs.</summary>
    public bool IncludeValuesInErrors { get; set; }

    /// <summary>Adds a synchronous transformation.</summary>
    /// <param name="transform">Returns the record that replaces its argument.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Transform(Func<Record, Record> transform)
    {
        Transformations.Add(RecordTransformation.FromSync(transform));
        return this;
    }

    /// <summary>Adds an asynchronous transformation.</summary>
    /// <param name="transform">Returns the record that replaces its argument.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Transform(Func<Record, CancellationToken, ValueTask<Record>> transform)
    {
        Transformations.Add(RecordTransformation.FromAsync(transform));
        return this;
    }

    /// <summary>Sets the validation schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Validate(ValidationSchema schema)
    {
        ValidationSchema = schema;
        return this;
    }

    /// <summary>Validates with a predicate: records for which it is false are rejected.</summary>
    /// <param name="name">Names the rule in the rejection reason.</param>
    /// <param name="isValid">True for valid records.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Validate(string name, Func<Record, bool> isValid)
    {
        ValidationSchema = ValidationSchema.FromPredicate(name, isValid);
        return this;
    }

    /// <summary>Adds an enrichment step.</summary>
    /// <param name="enrichment">The step.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Enrich(EtlEnrichment enrichment)
    {
        Enrichments.Add(enrichment);
        return this;
    }

    /// <summary>Adds a field mapping.</summary>
    /// <param name="sourceField">The source field.</param>
    /// <param name="targetField">Its name in the target.</param>
    /// <returns>This builder.</returns>
    public EtlConfigBuilder Map(string sourceField, string targetField)
    {
        FieldMappings[sourceField] = targetField;
        return this;
    }

    /// <summary>Validates every option and returns the immutable config.</summary>
    /// <returns>The config.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and says why.</exception>
    public EtlConfig Build() => new(this);
}
