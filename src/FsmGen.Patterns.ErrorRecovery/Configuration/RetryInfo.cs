namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>What <see cref="RetryConfig.OnRetry"/> is told about a retry that is about to wait.</summary>
/// <param name="RetryNumber">1 for the first retry, 2 for the second, ...</param>
/// <param name="Delay">How long the workflow waits before the retry.</param>
/// <param name="Error">The exception of the failed attempt, or null when its result matched <see cref="RetryConfig.RetryOnResult"/>.</param>
/// <param name="Result">The rejected result when <paramref name="Error"/> is null.</param>
public sealed record RetryInfo(int RetryNumber, TimeSpan Delay, Exception? Error, object? Result);
