using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>Factories for the common ETL cases of the seed: a pipeline, a database sync, a data migration and a warehouse load.</summary>
public static class EtlPipelines
{
    /// <summary>A pipeline from a source into a target table (seed: <c>create_etl_pipeline</c>).</summary>
    /// <param name="source">The source.</param>
    /// <param name="targetConnection"><c>postgresql://...</c>, <c>sqlite:path.db</c> or an ADO.NET connection string.</param>
    /// <param name="targetTable">The table to load.</param>
    /// <param name="mode">The mode; FullRefresh by default.</param>
    /// <param name="keyColumns">The key columns (required by Upsert and Incremental).</param>
    /// <param name="transformations">Synchronous transformations, in order.</param>
    /// <param name="configure">Sets further options on the builder before it is built.</param>
    /// <returns>The ETL.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static DatabaseEtl CreateEtlPipeline(
        EtlSource source,
        string targetConnection,
        string targetTable,
        EtlMode mode = EtlMode.FullRefresh,
        IEnumerable<string>? keyColumns = null,
        IEnumerable<Func<Record, Record>>? transformations = null,
        Action<EtlConfigBuilder>? configure = null)
    {
        var builder = new EtlConfigBuilder(source, targetConnection, targetTable) { Mode = mode };
        builder.KeyColumns.AddRange(keyColumns ?? []);
        foreach (var transform in transformations ?? [])
        {
            builder.Transform(transform);
        }

        return Build(builder, configure);
    }

    /// <summary>
    /// Keeps a target table in step with a source (seed: <c>create_database_sync</c>): Incremental mode, reading only the
    /// rows whose watermark is past the last committed one, and upserting them by key.
    /// </summary>
    /// <param name="source">The database source.</param>
    /// <param name="targetConnection">The target database.</param>
    /// <param name="targetTable">The table to keep in step.</param>
    /// <param name="keyColumns">The key columns (the target needs a primary key or unique index on them).</param>
    /// <param name="watermarkColumn">The source column that grows when a row changes; <c>updated_at</c> by default.</param>
    /// <param name="configure">Sets further options on the builder before it is built.</param>
    /// <returns>The ETL; run it with the same checkpoint id (or none) every time.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static DatabaseEtl CreateDatabaseSync(
        EtlSource source,
        string targetConnection,
        string targetTable,
        IEnumerable<string> keyColumns,
        string watermarkColumn = "updated_at",
        Action<EtlConfigBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(keyColumns);
        var builder = new EtlConfigBuilder(source, targetConnection, targetTable) { Mode = EtlMode.Incremental, WatermarkColumn = watermarkColumn };
        builder.KeyColumns.AddRange(keyColumns);
        return Build(builder, configure);
    }

    /// <summary>
    /// Moves a table to a new shape (seed: <c>create_data_migration</c>): field mappings rename source columns, batches are
    /// large (10,000 rows), and rows are upserted by key (appended when no key is given). Run it with a checkpoint id to
    /// make it resumable.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="targetConnection">The target database.</param>
    /// <param name="targetTable">The new table.</param>
    /// <param name="fieldMappings">Source field to target field.</param>
    /// <param name="keyColumns">The target's key columns (after mapping), or null.</param>
    /// <param name="batchSize">Rows per batch; 10,000 by default.</param>
    /// <param name="configure">Sets further options on the builder before it is built.</param>
    /// <returns>The ETL.</returns>
    /// <exception cref="ArgumentException">An option is invalid (a key column renamed away by a mapping, for one); the message names it.</exception>
    public static DatabaseEtl CreateDataMigration(
        EtlSource source,
        string targetConnection,
        string targetTable,
        IReadOnlyDictionary<string, string> fieldMappings,
        IEnumerable<string>? keyColumns = null,
        int batchSize = 10_000,
        Action<EtlConfigBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(fieldMappings);
        var builder = new EtlConfigBuilder(source, targetConnection, targetTable) { BatchSize = batchSize };
        builder.KeyColumns.AddRange(keyColumns ?? []);
        builder.Mode = builder.KeyColumns.Count > 0 ? EtlMode.Upsert : EtlMode.Append;
        foreach (var (from, to) in fieldMappings)
        {
            builder.Map(from, to);
        }

        return Build(builder, configure);
    }

    /// <summary>
    /// Loads several sources into one warehouse table (seed: <c>create_data_warehouse_load</c>): one Append pipeline per
    /// source, each with the same options. Run them one after the other with <see cref="RunAllAsync"/>.
    /// </summary>
    /// <param name="sources">The sources.</param>
    /// <param name="targetConnection">The warehouse database.</param>
    /// <param name="targetTable">The fact table.</param>
    /// <param name="configure">Sets further options on each builder before it is built.</param>
    /// <returns>One ETL per source, in the order given.</returns>
    /// <exception cref="ArgumentException">No source is given, or an option is invalid; the message names it.</exception>
    public static IReadOnlyList<DatabaseEtl> CreateDataWarehouseLoad(
        IEnumerable<EtlSource> sources,
        string targetConnection,
        string targetTable,
        Action<EtlConfigBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var pipelines = sources.Select(source => Build(new EtlConfigBuilder(source, targetConnection, targetTable) { Mode = EtlMode.Append }, configure)).ToArray();
        if (pipelines.Length == 0)
        {
            throw new ArgumentException("CreateDataWarehouseLoad needs at least one source.", nameof(sources));
        }

        return pipelines;
    }

    /// <summary>Runs pipelines one after the other; pipeline i uses checkpoint id <c>{checkpointPrefix}:{i}</c> when a prefix is given.</summary>
    /// <param name="pipelines">The pipelines.</param>
    /// <param name="checkpointPrefix">Makes the whole load resumable; null for no checkpoints.</param>
    /// <param name="cancellationToken">Stops the current pipeline.</param>
    /// <returns>One result per pipeline.</returns>
    /// <exception cref="EtlException">A pipeline failed; those before it have completed.</exception>
    public static async Task<IReadOnlyList<EtlResult>> RunAllAsync(IEnumerable<DatabaseEtl> pipelines, string? checkpointPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var results = new List<EtlResult>();
        var index = 0;
        foreach (var pipeline in pipelines)
        {
            var id = checkpointPrefix is null ? null : $"{checkpointPrefix}:{index}";
            results.Add(await pipeline.RunAsync(id, cancellationToken).ConfigureAwait(false));
            index++;
        }

        return results;
    }

    private static DatabaseEtl Build(EtlConfigBuilder builder, Action<EtlConfigBuilder>? configure)
    {
        configure?.Invoke(builder);
        return new DatabaseEtl(builder.Build());
    }
}
