namespace FsmGen.Patterns.Etl;

/// <summary>
/// Runs an <see cref="EtlConfig"/>: streams the source, takes every record through the per-record state machine
/// (extract, validate, transform, enrich, load) and writes the records that complete to the target in batches — binary
/// COPY into a staging table and one set-based statement per batch for PostgreSQL, prepared statements for SQLite —
/// each batch (or <see cref="EtlConfig.CheckpointInterval"/> batches) in one transaction with its checkpoint row.
/// </summary>
public sealed class DatabaseEtl
{
    /// <summary>Creates an ETL for <paramref name="config"/>.</summary>
    /// <param name="config">The validated config.</param>
    public DatabaseEtl(EtlConfig config)
        : this(config, DictionaryRoute.Instance)
    {
    }

    /// <summary>An ETL whose records take <paramref name="route"/> (the typed route of a <c>[Pattern("Etl")]</c> class).</summary>
    internal DatabaseEtl(EtlConfig config, EtlRoute route)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Route = route;
    }

    /// <summary>The config this ETL runs.</summary>
    public EtlConfig Config { get; }

    internal EtlRoute Route { get; }

    /// <summary>The per-record state machine as a Mermaid state diagram (generated at compile time).</summary>
    public static string RecordMachineMermaid => EtlRecordMachine.Mermaid;

    /// <summary>Runs the ETL.</summary>
    /// <param name="checkpointId">
    /// Names the checkpoint row that makes the run resumable: a run that stops (crash, error threshold, cancellation)
    /// leaves the position of its last committed batch there, and the next run with the same id continues right after
    /// it, without duplicating or losing a row. A completed run marks the row completed, so the next run with that id
    /// starts afresh — except in Incremental mode, where the row is the watermark and every run continues after it.
    /// Null: no checkpoint (Incremental mode then keeps its watermark under <c>incremental:</c> + the target table).
    /// </param>
    /// <param name="cancellationToken">Stops the run; the batch being written is rolled back, committed batches stay.</param>
    /// <returns>What the run did; its counts add up: <c>Extracted == Loaded + Rejected + Errors + Skipped</c>.</returns>
    /// <exception cref="EtlErrorThresholdException">Too many records failed; see <see cref="EtlConfig.ErrorThreshold"/>.</exception>
    /// <exception cref="EtlException">The run could not start (a missing table, an unreachable database) or the source or target failed.</exception>
    public Task<EtlResult> RunAsync(string? checkpointId = null, CancellationToken cancellationToken = default) =>
        RunAsync(checkpointId, progress: null, cancellationToken);

    /// <summary>Runs the ETL, reporting progress after every committed transaction.</summary>
    /// <param name="checkpointId">See <see cref="RunAsync(string?, CancellationToken)"/>.</param>
    /// <param name="progress">Receives the counts after every commit (on the loader's thread); may be null.</param>
    /// <param name="cancellationToken">Stops the run; the batch being written is rolled back, committed batches stay.</param>
    /// <returns>What the run did; its counts add up: <c>Extracted == Loaded + Rejected + Errors + Skipped</c>.</returns>
    /// <exception cref="EtlErrorThresholdException">Too many records failed; see <see cref="EtlConfig.ErrorThreshold"/>.</exception>
    /// <exception cref="EtlException">The run could not start (a missing table, an unreachable database) or the source or target failed.</exception>
    public Task<EtlResult> RunAsync(string? checkpointId, IProgress<EtlProgress>? progress, CancellationToken cancellationToken = default) =>
        new EtlRun(Config, Route, progress).RunAsync(checkpointId, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Config.ToString();
}
