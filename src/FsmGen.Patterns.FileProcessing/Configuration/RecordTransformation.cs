namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// One step of a config's ordered transformations: a synchronous or asynchronous function from a record to the record
/// that replaces it (the same instance, changed, or a new one).
/// </summary>
public sealed class RecordTransformation
{
    private readonly Func<Record, Record>? _sync;
    private readonly Func<Record, CancellationToken, ValueTask<Record>>? _async;

    private RecordTransformation(Func<Record, Record>? sync, Func<Record, CancellationToken, ValueTask<Record>>? async)
    {
        _sync = sync;
        _async = async;
    }

    /// <summary>Wraps a synchronous transformation.</summary>
    /// <param name="transform">Returns the record that replaces its argument; never null.</param>
    /// <returns>The transformation.</returns>
    public static RecordTransformation FromSync(Func<Record, Record> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new RecordTransformation(transform, null);
    }

    /// <summary>Wraps an asynchronous transformation.</summary>
    /// <param name="transform">Returns the record that replaces its argument; never null.</param>
    /// <returns>The transformation.</returns>
    public static RecordTransformation FromAsync(Func<Record, CancellationToken, ValueTask<Record>> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new RecordTransformation(null, transform);
    }

    /// <summary>Whether the transformation is asynchronous.</summary>
    public bool IsAsync => _async is not null;

    /// <summary>Runs the transformation.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Passed to asynchronous transformations.</param>
    /// <returns>The record that replaces <paramref name="record"/>.</returns>
    public ValueTask<Record> InvokeAsync(Record record, CancellationToken cancellationToken) =>
        _sync is not null ? new ValueTask<Record>(_sync(record)) : _async!(record, cancellationToken);
}
