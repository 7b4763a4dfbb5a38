namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// What replaces a failure that every inner strategy gave up on: a value, a value computed from the error, or an
/// alternative operation. Create one with <see cref="FromValue{T}"/>, <see cref="FromFunction{T}"/> or
/// <see cref="FromOperation{T}"/>. The fallback's result type must match the type the wrapped operation returns.
/// </summary>
/// <remarks>
/// Fallback handles exceptions, not results rejected by <see cref="RetryConfig.RetryOnResult"/>, and never the caller's
/// own cancellation.
/// </remarks>
public sealed class FallbackConfig
{
    private readonly Func<Exception, CancellationToken, ValueTask<object?>> _produce;
    private readonly Func<Exception, bool>? _handles;

    private FallbackConfig(FallbackKind kind, Type resultType, Func<Exception, CancellationToken, ValueTask<object?>> produce, Func<Exception, bool>? handles)
    {
        Kind = kind;
        ResultType = resultType;
        _produce = produce;
        _handles = handles;
    }

    /// <summary>Where the fallback result comes from.</summary>
    public FallbackKind Kind { get; }

    /// <summary>The type of the fallback result; the wrapped operation must return this type (or a base of it).</summary>
    public Type ResultType { get; }

    /// <summary>Falls back to a fixed value.</summary>
    /// <param name="value">The value returned instead of the failure.</param>
    /// <param name="handles">Which exceptions fall back; default all.</param>
    public static FallbackConfig FromValue<T>(T value, Func<Exception, bool>? handles = null) =>
        new(FallbackKind.Value, typeof(T), (_, _) => new ValueTask<object?>(value), handles);

    /// <summary>Falls back to a value computed from the error.</summary>
    /// <param name="function">Computes the value from the exception that ended the execution.</param>
    /// <param name="handles">Which exceptions fall back; default all.</param>
    public static FallbackConfig FromFunction<T>(Func<Exception, T> function, Func<Exception, bool>? handles = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(FallbackKind.Function, typeof(T), (error, _) => new ValueTask<object?>(function(error)), handles);
    }

    /// <summary>Falls back to an alternative operation (a secondary service, a local replica), run once.</summary>
    /// <param name="alternative">The operation to run instead.</param>
    /// <param name="handles">Which exceptions fall back; default all.</param>
    public static FallbackConfig FromOperation<T>(Func<CancellationToken, ValueTask<T>> alternative, Func<Exception, bool>? handles = null)
    {
        ArgumentNullException.ThrowIfNull(alternative);
        return new(FallbackKind.Operation, typeof(T), async (_, ct) => await alternative(ct).ConfigureAwait(false), handles);
    }

    /// <summary>Falls back to an alternative operation without a result, for the non-generic <c>ExecuteAsync</c>.</summary>
    /// <param name="alternative">The operation to run instead.</param>
    /// <param name="handles">Which exceptions fall back; default all.</param>
    public static FallbackConfig FromOperation(Func<CancellationToken, ValueTask> alternative, Func<Exception, bool>? handles = null)
    {
        ArgumentNullException.ThrowIfNull(alternative);
        return new(FallbackKind.Operation, typeof(void), async (_, ct) =>
        {
            await alternative(ct).ConfigureAwait(false);
            return null;
        }, handles);
    }

    internal bool Handles(Exception error) => _handles?.Invoke(error) ?? true;

    internal ValueTask<object?> ProduceAsync(Exception error, CancellationToken cancellationToken) => _produce(error, cancellationToken);
}
