namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// A snapshot of one workflow's counters since it was created. Every finished execution is exactly one of
/// <see cref="Successes"/> or <see cref="Failures"/>.
/// </summary>
/// <param name="Successes">Executions that returned a good result (fallback and cache rescues included).</param>
/// <param name="Failures">Executions that threw, or returned a result rejected by <see cref="RetryConfig.RetryOnResult"/>.</param>
/// <param name="Attempts">Times the operation itself ran.</param>
/// <param name="Retries">Retries (attempts after the first).</param>
/// <param name="Fallbacks">Failures replaced by the fallback.</param>
/// <param name="CacheHits">Failures replaced by a cached last good result.</param>
/// <param name="Compensations">Compensations that ran to completion.</param>
/// <param name="CompensationFailures">Compensations that still failed after their retries.</param>
/// <param name="CircuitTransitions">Circuit state changes.</param>
/// <param name="BulkheadRejections">Executions rejected by the bulkhead.</param>
/// <param name="Alerts">Alerts raised.</param>
public sealed record ErrorRecoveryMetrics(
    long Successes,
    long Failures,
    long Attempts,
    long Retries,
    long Fallbacks,
    long CacheHits,
    long Compensations,
    long CompensationFailures,
    long CircuitTransitions,
    long BulkheadRejections,
    long Alerts)
{
    /// <summary>Finished executions: <see cref="Successes"/> + <see cref="Failures"/>.</summary>
    public long Executions => Successes + Failures;

    /// <summary><see cref="Successes"/> / <see cref="Executions"/>, or 0 before the first execution.</summary>
    public double SuccessRate => Executions == 0 ? 0 : (double)Successes / Executions;

    /// <summary><see cref="Retries"/> per finished execution, or 0 before the first execution.</summary>
    public double AverageRetryCount => Executions == 0 ? 0 : (double)Retries / Executions;
}
