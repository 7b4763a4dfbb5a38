namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Factories for the common workflows, named <c>Create{Kind}Workflow</c> after the original library's
/// <c>create_retry_workflow</c>, <c>create_circuit_breaker_workflow</c> and <c>create_resilient_workflow</c>
/// (as <c>FileProcessors.CreateCsvProcessor</c> is for file processing). For anything else, build an
/// <see cref="ErrorRecoveryConfig"/>.
/// </summary>
public static class ErrorRecoveryWorkflows
{
    /// <summary>Retries transient failures.</summary>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="backoff">How the delay grows.</param>
    /// <param name="baseDelay">The first delay. Default 100 ms.</param>
    /// <param name="maxDelay">Cap on every delay. Default 30 s.</param>
    /// <param name="timeProvider">The clock of the delays. Default <see cref="TimeProvider.System"/>.</param>
    public static ErrorRecoveryWorkflow CreateRetryWorkflow(
        int maxRetries = 3,
        BackoffStrategy backoff = BackoffStrategy.Exponential,
        TimeSpan? baseDelay = null,
        TimeSpan? maxDelay = null,
        TimeProvider? timeProvider = null) =>
        new(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            retry: new RetryConfig(maxRetries, baseDelay, maxDelay: maxDelay, backoff: backoff),
            timeProvider: timeProvider,
            name: "retry"));

    /// <summary>Stops calling a failing dependency for a while.</summary>
    /// <param name="failureThreshold">Consecutive failures that open the circuit.</param>
    /// <param name="openDuration">How long it stays open. Default 30 s.</param>
    /// <param name="successThreshold">Successful probes that close it again.</param>
    /// <param name="timeProvider">The clock. Default <see cref="TimeProvider.System"/>.</param>
    public static ErrorRecoveryWorkflow CreateCircuitBreakerWorkflow(
        int failureThreshold = 5,
        TimeSpan? openDuration = null,
        int successThreshold = 1,
        TimeProvider? timeProvider = null) =>
        new(new ErrorRecoveryConfig(
            RecoveryStrategy.CircuitBreaker,
            circuitBreaker: new CircuitBreakerConfig(failureThreshold, successThreshold, openDuration),
            timeProvider: timeProvider,
            name: "circuit-breaker"));

    /// <summary>
    /// The usual combination for a remote call: an overall deadline, retries with exponential backoff and jitter, and a
    /// circuit breaker; plus a fallback when one is given.
    /// </summary>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="deadline">The deadline of the whole execution. Default 30 s.</param>
    /// <param name="failureThreshold">Consecutive failures that open the circuit.</param>
    /// <param name="openDuration">How long it stays open. Default 30 s.</param>
    /// <param name="fallback">What to return when everything else failed; null for none.</param>
    /// <param name="timeProvider">The clock. Default <see cref="TimeProvider.System"/>.</param>
    public static ErrorRecoveryWorkflow CreateResilientWorkflow(
        int maxRetries = 3,
        TimeSpan? deadline = null,
        int failureThreshold = 5,
        TimeSpan? openDuration = null,
        FallbackConfig? fallback = null,
        TimeProvider? timeProvider = null)
    {
        RecoveryStrategy[] secondary = fallback is null
            ? [RecoveryStrategy.CircuitBreaker, RecoveryStrategy.Deadline]
            : [RecoveryStrategy.CircuitBreaker, RecoveryStrategy.Deadline, RecoveryStrategy.Fallback];
        return new(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            secondary,
            retry: new RetryConfig(maxRetries, backoff: BackoffStrategy.Jitter),
            circuitBreaker: new CircuitBreakerConfig(failureThreshold, openDuration: openDuration),
            deadline: new DeadlineConfig(total: deadline ?? TimeSpan.FromSeconds(30)),
            fallback: fallback,
            timeProvider: timeProvider,
            name: "resilient"));
    }
}
