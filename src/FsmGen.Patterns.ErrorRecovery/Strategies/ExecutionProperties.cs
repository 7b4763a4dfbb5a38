using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Per-execution values that strategies share through the Polly <see cref="ResilienceContext"/>.</summary>
internal static class ExecutionProperties
{
    /// <summary>The cache key given to <c>ExecuteAsync</c>; absent when the caller gave none.</summary>
    public static readonly ResiliencePropertyKey<string> CacheKey = new("FsmGen.ErrorRecovery.CacheKey");

    /// <summary>Set once the operation has started; compensation undoes nothing for an execution that never ran.</summary>
    public static readonly ResiliencePropertyKey<bool> OperationStarted = new("FsmGen.ErrorRecovery.OperationStarted");

    /// <summary>The previous retry delay, for decorrelated jitter.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> PreviousDelay = new("FsmGen.ErrorRecovery.PreviousDelay");
}
