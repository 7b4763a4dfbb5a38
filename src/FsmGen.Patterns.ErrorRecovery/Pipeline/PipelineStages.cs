using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Adds one stage each to a Polly builder. Shared by <see cref="RecoveryPipelineFactory"/> (workflows) and
/// <see cref="StateRecovery"/> (generated per-state pipelines) so both behave the same.
/// </summary>
internal static class PipelineStages
{
    public static void AddTimeout(ResiliencePipelineBuilder builder, TimeSpan timeout) =>
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeout });

    public static void AddRetry(ResiliencePipelineBuilder builder, RetryConfig config, OutcomeClassifier classifier, WorkflowTelemetry? telemetry)
    {
        if (config.MaxRetries == 0)
        {
            return; // Polly requires at least one retry; zero retries is simply no retry stage
        }

        var schedule = new BackoffSchedule(config);
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = config.MaxRetries,
            ShouldHandle = args => new ValueTask<bool>(classifier.ShouldRetry(args.Outcome, args.Context.CancellationToken)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(schedule, config, args.Context, args.AttemptNumber)),
            OnRetry = args =>
            {
                telemetry?.Retry();
                config.OnRetry?.Invoke(new RetryInfo(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception, args.Outcome.Exception is null ? args.Outcome.Result : null));
                return default;
            },
        });
    }

    public static void AddCircuitBreaker(ResiliencePipelineBuilder builder, CircuitBreakerStateMachine machine, OutcomeClassifier classifier) =>
        builder.AddStrategy(_ => new CircuitBreakerStrategy(machine, classifier), new CircuitBreakerStageOptions());

    public static void AddBulkhead(ResiliencePipelineBuilder builder, Bulkhead bulkhead, BulkheadConfig config, WorkflowTelemetry? telemetry) =>
        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            RateLimiter = args => bulkhead.AcquireAsync(args.Context.CancellationToken),
            OnRejected = args =>
            {
                telemetry?.BulkheadRejection();
                config.OnRejected?.Invoke(Bulkhead.ReasonOf(args.Lease));
                return default;
            },
        });

    private static TimeSpan NextDelay(BackoffSchedule schedule, RetryConfig config, ResilienceContext context, int attemptNumber)
    {
        if (config.Backoff != BackoffStrategy.DecorrelatedJitter)
        {
            return schedule.DelayFor(attemptNumber, TimeSpan.Zero);
        }

        // Decorrelated jitter grows from the previous delay of the same execution, kept on its context.
        var previous = attemptNumber == 0 ? config.BaseDelay : context.Properties.GetValue(ExecutionProperties.PreviousDelay, config.BaseDelay);
        var delay = schedule.DelayFor(attemptNumber, previous);
        context.Properties.Set(ExecutionProperties.PreviousDelay, delay);
        return delay;
    }

    /// <summary>Names the custom stages in Polly's telemetry.</summary>
    private sealed class CircuitBreakerStageOptions : ResilienceStrategyOptions
    {
        public CircuitBreakerStageOptions() => Name = "FsmGen.CircuitBreaker";
    }
}
