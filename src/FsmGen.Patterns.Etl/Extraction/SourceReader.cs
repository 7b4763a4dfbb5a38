namespace FsmGen.Patterns.Etl;

/// <summary>
/// Streams the records of a source, in a stable order, starting after a checkpoint position when one is given. Records
/// that cannot be read come out already failed at the extract stage, with their position, rather than stopping the run.
/// </summary>
internal abstract class SourceReader : IAsyncDisposable
{
    /// <summary>The records past the start position.</summary>
    public abstract IAsyncEnumerable<EtlRecord> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Opens the reader of the config's source.</summary>
    /// <param name="config">The config.</param>
    /// <param name="after">Where to start: after this position; null for the beginning.</param>
    /// <param name="keepPositions">Whether records carry their order values (needed when checkpoints are written).</param>
    public static SourceReader Open(EtlConfig config, SourcePosition? after, bool keepPositions) => config.Source.IsFile
        ? new FileSourceReader(config, after?.Ordinal ?? 0)
        : new DatabaseSourceReader(config, after?.Order, keepPositions);

    public virtual ValueTask DisposeAsync() => default;
}
