namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>What <see cref="ErrorRecoveryConfig.OnFailure"/> is told about an execution that ended failed.</summary>
/// <param name="Error">The exception the caller receives, or null when the final result matched <see cref="RetryConfig.RetryOnResult"/>.</param>
/// <param name="Result">The rejected final result when <paramref name="Error"/> is null.</param>
/// <param name="ConsecutiveFailures">Failed executions in a row, this one included.</param>
public sealed record FailureInfo(Exception? Error, object? Result, int ConsecutiveFailures);
