namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Retries a <c>[State]</c> method's body on transient failures (<see cref="ErrorClassifier.IsTransient"/>). The
/// generator passes these values to <see cref="StateRecovery.CreatePipeline"/>, once per machine instance.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class RetryAttribute : Attribute
{
    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base delay in milliseconds. Default 100.</summary>
    public int DelayMilliseconds { get; set; } = 100;

    /// <summary>How the delay grows. Default <see cref="BackoffStrategy.Exponential"/>.</summary>
    public BackoffStrategy Backoff { get; set; } = BackoffStrategy.Exponential;
}
