namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Isolation: at most <see cref="MaxConcurrent"/> executions run at once, at most <see cref="MaxQueue"/> wait (oldest
/// first, each for at most <see cref="QueueTimeout"/>), the rest are rejected at once with Polly's
/// <c>RateLimiterRejectedException</c> and reported through <see cref="OnRejected"/>. Immutable; validated at construction.
/// </summary>
public sealed class BulkheadConfig
{
    /// <summary>Creates a bulkhead configuration.</summary>
    /// <param name="maxConcurrent">Executions allowed to run at once. Default 10.</param>
    /// <param name="maxQueue">Executions allowed to wait for a slot. Default 0 (reject when full).</param>
    /// <param name="queueTimeout">How long one execution may wait; null (default) waits until a slot frees or the caller cancels.</param>
    /// <param name="onRejected">Called once for every rejected execution, with the reason.</param>
    public BulkheadConfig(int maxConcurrent = 10, int maxQueue = 0, TimeSpan? queueTimeout = null, Action<BulkheadRejectionReason>? onRejected = null)
    {
        MaxConcurrent = Require.AtLeast(maxConcurrent, 1, nameof(maxConcurrent));
        MaxQueue = Require.AtLeast(maxQueue, 0, nameof(maxQueue));
        QueueTimeout = queueTimeout is { } timeout ? Require.Positive(timeout, nameof(queueTimeout)) : null;
        OnRejected = onRejected;
    }

    /// <summary>Executions allowed to run at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>Executions allowed to wait for a slot.</summary>
    public int MaxQueue { get; }

    /// <summary>How long one execution may wait for a slot, or null for no limit.</summary>
    public TimeSpan? QueueTimeout { get; }

    /// <summary>Called once for every rejected execution.</summary>
    public Action<BulkheadRejectionReason>? OnRejected { get; }
}
