using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// One definition of "failed" for every strategy: an exception, or a result matched by
/// <see cref="RetryConfig.RetryOnResult"/>. Retry retries transient failures; the breaker counts them.
/// </summary>
internal sealed class OutcomeClassifier(Func<Exception, bool> isTransient, Func<object?, bool>? isFailedResult)
{
    public static OutcomeClassifier From(RetryConfig? retry) =>
        new(retry?.IsTransient ?? ErrorClassifier.IsTransient, retry?.RetryOnResult);

    public bool IsFailedResult<T>(T result) =>
        isFailedResult is not null && typeof(T) != typeof(VoidResult) && isFailedResult(result);

    public bool IsFailure<T>(in Outcome<T> outcome) =>
        outcome.Exception is not null || IsFailedResult(outcome.Result);

    public bool ShouldRetry<T>(in Outcome<T> outcome, CancellationToken callerToken) => outcome.Exception is { } error
        ? !IsCallerCancellation(error, callerToken) && isTransient(error)
        : IsFailedResult(outcome.Result);

    public HealthSignal ToHealthSignal<T>(in Outcome<T> outcome, CancellationToken callerToken) => outcome.Exception switch
    {
        null => IsFailedResult(outcome.Result) ? HealthSignal.Failure : HealthSignal.Success,
        var error when IsCallerCancellation(error, callerToken) => HealthSignal.Ignored,
        var error => isTransient(error) ? HealthSignal.Failure : HealthSignal.Ignored,
    };

    /// <summary>The caller gave up: nothing should retry, replace or undo on its behalf.</summary>
    public static bool IsCallerCancellation(Exception error, CancellationToken callerToken) =>
        error is OperationCanceledException && callerToken.IsCancellationRequested;
}
