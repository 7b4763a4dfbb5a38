namespace FsmGen.Patterns.FileProcessing;

/// <summary>A predicate that records must pass to reach the output; a config's filters must all pass.</summary>
public sealed class RecordFilter
{
    private readonly Func<Record, bool>? _sync;
    private readonly Func<Record, CancellationToken, ValueTask<bool>>? _async;

    private RecordFilter(Func<Record, bool>? sync, Func<Record, CancellationToken, ValueTask<bool>>? async)
    {
        _sync = sync;
        _async = async;
    }

    /// <summary>Wraps a synchronous predicate.</summary>
    /// <param name="keep">True for records that pass.</param>
    /// <returns>The filter.</returns>
    public static RecordFilter FromSync(Func<Record, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new RecordFilter(keep, null);
    }

    /// <summary>Wraps an asynchronous predicate.</summary>
    /// <param name="keep">True for records that pass.</param>
    /// <returns>The filter.</returns>
    public static RecordFilter FromAsync(Func<Record, CancellationToken, ValueTask<bool>> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new RecordFilter(null, keep);
    }

    /// <summary>Evaluates the predicate.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Passed to asynchronous predicates.</param>
    /// <returns>True when the record passes.</returns>
    public ValueTask<bool> PassesAsync(Record record, CancellationToken cancellationToken) =>
        _sync is not null ? new ValueTask<bool>(_sync(record)) : _async!(record, cancellationToken);
}
