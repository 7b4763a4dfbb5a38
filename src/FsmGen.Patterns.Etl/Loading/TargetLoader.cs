namespace FsmGen.Patterns.Etl;

/// <summary>A checkpoint row as read from the target database.</summary>
internal sealed record CheckpointState(string Id, string TargetTable, bool Completed, SourcePosition? Position, long RowsCommitted);

/// <summary>A checkpoint row as Dapper reads it.</summary>
internal sealed class CheckpointRow
{
    public string TargetTable { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? Position { get; set; }

    public long RowsCommitted { get; set; }

    public CheckpointState ToState(string id) =>
        new(id, TargetTable, Status == "completed", Position is null ? null : SourcePosition.FromJson(Position), RowsCommitted);
}

/// <summary>The checkpoint row a unit commits with its batches.</summary>
internal sealed record CheckpointWrite(string Id, string TargetTable, SourcePosition? Position, long RowsCommitted);

/// <summary>A record of a unit whose row the database refused, and why.</summary>
internal sealed record RowFailure(EtlRecord Record, string? Field, string Reason);

/// <summary>
/// Batches committed together, in one transaction with their checkpoint: <see cref="EtlConfig.CheckpointInterval"/>
/// batches, plus, in the first unit of a fresh FullRefresh run, the emptying of the target.
/// </summary>
internal sealed class LoadUnit
{
    public required IReadOnlyList<IReadOnlyList<EtlRecord>> Batches { get; init; }

    public required bool EmptyTargetFirst { get; init; }

    public required CheckpointWrite? Checkpoint { get; init; }

    /// <summary>Asked before commit with the rows the database refused; false rolls the unit back (error threshold).</summary>
    public required Func<IReadOnlyList<RowFailure>, bool> Approve { get; init; }
}

/// <summary>The outcome of a unit: committed or rolled back, and the rows the database refused.</summary>
internal sealed record UnitOutcome(bool Committed, IReadOnlyList<RowFailure> Failures);

/// <summary>
/// Writes units to the target: one transaction each, holding the unit's batches and its checkpoint row. When the
/// database refuses a row (a constraint, a value out of range), the row is found and reported while the rest of its
/// batch is still loaded. Also reads the target's columns when it opens and keeps the checkpoint table.
/// </summary>
internal abstract class TargetLoader : IAsyncDisposable
{
    protected TargetLoader(EtlConfig config) => Config = config;

    protected EtlConfig Config { get; }

    /// <summary>The target table's columns; read when the loader opens.</summary>
    public TargetSchema Schema { get; protected set; } = null!;

    public static async Task<TargetLoader> OpenAsync(EtlConfig config, bool useCheckpoints, CancellationToken cancellationToken)
    {
        TargetLoader loader = config.TargetProvider == DatabaseProvider.PostgreSql ? new PostgresLoader(config) : new SqliteLoader(config);
        try
        {
            await loader.OpenCoreAsync(useCheckpoints, cancellationToken).ConfigureAwait(false);
            foreach (var key in config.KeyColumns)
            {
                if (!loader.Schema.ByName.ContainsKey(key))
                {
                    throw new EtlException($"EtlConfig.KeyColumns names '{key}', which is not a column of the target table {config.TargetTable}.");
                }
            }

            return loader;
        }
        catch
        {
            await loader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads a checkpoint row, or null when there is none.</summary>
    public abstract Task<CheckpointState?> ReadCheckpointAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Gets ready to write rows of <paramref name="shape"/> before the run reads anything, so that a target that cannot
    /// take them stops the run at once: PostgreSQL creates the staging table and checks that every staged type casts to
    /// its column's type; SQLite prepares the statement.
    /// </summary>
    /// <exception cref="EtlException">A column cannot take the values of its member.</exception>
    public abstract Task PrepareAsync(LoadShape shape, CancellationToken cancellationToken);

    /// <summary>Writes a unit; see <see cref="LoadUnit"/>.</summary>
    public abstract Task<UnitOutcome> WriteUnitAsync(LoadUnit unit, LoadShape? shape, CancellationToken cancellationToken);

    /// <summary>Marks a checkpoint row completed, so that the next run with its id starts afresh (except in Incremental mode).</summary>
    public abstract Task MarkCompletedAsync(string id, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected abstract Task OpenCoreAsync(bool useCheckpoints, CancellationToken cancellationToken);

    /// <summary>Whether the target needs a unique index on the key columns (the upsert's conflict target).</summary>
    protected bool NeedsUniqueKey => Config.Mode is EtlMode.Upsert or EtlMode.Incremental;

    protected EtlException NoUniqueKey() => new(
        $"{Config.Mode} mode needs a primary key or unique index on exactly the key columns ({string.Join(", ", Config.KeyColumns)}) of {Config.TargetTable}, and there is none; create one, or use Append or FullRefresh.");

    protected static string Status(bool completed) => completed ? "completed" : "running";
}
