using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The one call generated code makes to get a state's recovery pipeline from the values of its
/// <see cref="RetryAttribute"/>, <see cref="DeadlineAttribute"/> and <see cref="CircuitBreakerAttribute"/>: once per
/// recovered state per machine instance, on the instance's first use, with the machine's <c>RecoveryTimeProvider</c>.
/// </summary>
public static class StateRecovery
{
    /// <summary>
    /// Builds Deadline &gt; Retry &gt; CircuitBreaker (outermost first) for one state of one machine instance. A zero
    /// or negative value leaves that strategy out; with all three out, the result is <see cref="ResiliencePipeline.Empty"/>.
    /// Transient errors are classified by <see cref="ErrorClassifier.IsTransient"/>; the breaker closes after one
    /// successful probe.
    /// </summary>
    /// <param name="maxRetries">Retries after the first attempt (<see cref="RetryAttribute.MaxRetries"/>).</param>
    /// <param name="delayMs">Base retry delay in ms (<see cref="RetryAttribute.DelayMilliseconds"/>); negative counts as 0.</param>
    /// <param name="backoff">How the delay grows (<see cref="RetryAttribute.Backoff"/>).</param>
    /// <param name="deadlineMs">Deadline of the whole state body in ms (<see cref="DeadlineAttribute.Milliseconds"/>); 1 to 9 is an error.</param>
    /// <param name="breakerThreshold">Consecutive failures that open the circuit (<see cref="CircuitBreakerAttribute.FailureThreshold"/>).</param>
    /// <param name="breakerOpenMs">How long the circuit stays open in ms (<see cref="CircuitBreakerAttribute.OpenMilliseconds"/>); required with a threshold.</param>
    /// <param name="time">The clock of delays and timeouts; null for <see cref="TimeProvider.System"/>.</param>
    public static ResiliencePipeline CreatePipeline(
        int maxRetries, int delayMs, BackoffStrategy backoff, int deadlineMs, int breakerThreshold, int breakerOpenMs, TimeProvider? time)
    {
        if (maxRetries <= 0 && deadlineMs <= 0 && breakerThreshold <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        time ??= TimeProvider.System;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (deadlineMs > 0)
        {
            PipelineStages.AddTimeout(builder, Require.TimeoutRange(TimeSpan.FromMilliseconds(deadlineMs), nameof(deadlineMs)));
        }

        var retry = maxRetries > 0
            ? new RetryConfig(maxRetries, TimeSpan.FromMilliseconds(Math.Max(0, delayMs)), backoff: backoff)
            : null;
        var classifier = OutcomeClassifier.From(retry);
        if (retry is not null)
        {
            PipelineStages.AddRetry(builder, retry, classifier, telemetry: null);
        }

        if (breakerThreshold > 0)
        {
            if (breakerOpenMs <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(breakerOpenMs), breakerOpenMs, "breakerOpenMs must be positive when breakerThreshold is set.");
            }

            var breaker = new CircuitBreakerConfig(breakerThreshold, openDuration: TimeSpan.FromMilliseconds(breakerOpenMs));
            PipelineStages.AddCircuitBreaker(builder, new CircuitBreakerStateMachine(breaker, time, onTransition: null), classifier);
        }

        return builder.Build();
    }
}
