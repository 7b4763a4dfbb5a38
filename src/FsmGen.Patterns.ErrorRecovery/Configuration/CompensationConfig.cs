namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// How failures are undone. <see cref="Compensate"/> undoes a single execution that failed for good (used by
/// <see cref="RecoveryStrategy.Compensate"/>); <see cref="Store"/> and <see cref="Retry"/> serve the sagas created by
/// <see cref="ErrorRecoveryWorkflow.CreateSaga"/>. Immutable; validated at construction.
/// </summary>
public sealed class CompensationConfig
{
    /// <summary>Creates a compensation configuration.</summary>
    /// <param name="compensate">Undoes the side effects of a failed execution; receives the error that ended it.</param>
    /// <param name="retry">
    /// How each compensation is retried. Default: 3 retries, 100 ms exponential, on every exception except
    /// cancellation (a compensation must be given every chance to finish).
    /// </param>
    /// <param name="store">Where sagas record their progress. Default an in-memory store (no crash recovery).</param>
    public CompensationConfig(
        Func<Exception, CancellationToken, ValueTask>? compensate = null,
        RetryConfig? retry = null,
        ISagaStore? store = null)
    {
        Compensate = compensate;
        Retry = retry ?? new RetryConfig(isTransient: static error => error is not OperationCanceledException);
        Store = store ?? new InMemorySagaStore();
    }

    /// <summary>Undoes the side effects of a failed execution; null when only sagas use this configuration.</summary>
    public Func<Exception, CancellationToken, ValueTask>? Compensate { get; }

    /// <summary>How each compensation is retried.</summary>
    public RetryConfig Retry { get; }

    /// <summary>Where sagas record their progress.</summary>
    public ISagaStore Store { get; }
}
