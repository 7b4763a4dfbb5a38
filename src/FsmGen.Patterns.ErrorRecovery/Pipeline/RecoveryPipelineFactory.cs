using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Composes the configured strategies into one Polly <see cref="ResiliencePipeline"/>, outermost first:
/// <list type="number">
/// <item>Fallback — the last resort sees every failure below it, rejections and timeouts included.</item>
/// <item>Cache — a recent real result beats a generic fallback, so it answers first.</item>
/// <item>Bulkhead — admission control for the whole execution (retries and compensation included), as in
/// Microsoft's standard resilience pipeline; a rejected call never started, so nothing inside runs.</item>
/// <item>Compensate — runs once the execution has failed for good (deadline and retries exhausted), and only if the
/// operation started; its own retries are not bounded by the deadline, because an undo must finish.</item>
/// <item>Deadline (total) — bounds all attempts and backoff delays together.</item>
/// <item>Retry — each retry passes the breaker again, so an opening circuit stops the retries.</item>
/// <item>CircuitBreaker — counts every attempt, timed-out attempts included.</item>
/// <item>Attempt timeout — bounds one attempt; it is a transient failure, so it is retried.</item>
/// </list>
/// </summary>
internal static class RecoveryPipelineFactory
{
    public static ResiliencePipeline Build(ErrorRecoveryConfig config, WorkflowParts parts, WorkflowTelemetry telemetry)
    {
        var classifier = parts.Classifier;
        var builder = new ResiliencePipelineBuilder { TimeProvider = config.TimeProvider, Name = config.Name };

        if (config.Fallback is { } fallback)
        {
            builder.AddStrategy(_ => new FallbackStrategy(fallback, telemetry), new NamedStage("FsmGen.Fallback"));
        }

        if (parts.Cache is { } cache)
        {
            builder.AddStrategy(_ => new CacheStrategy(cache, classifier, telemetry), new NamedStage("FsmGen.Cache"));
        }

        if (parts.Bulkhead is { } bulkhead)
        {
            PipelineStages.AddBulkhead(builder, bulkhead, config.Bulkhead!, telemetry);
        }

        if (config.Uses(RecoveryStrategy.Compensate))
        {
            var compensation = config.Compensation!;
            var runner = new CompensationRunner(compensation.Retry, config.TimeProvider);
            builder.AddStrategy(_ => new CompensationStrategy(compensation.Compensate!, runner, telemetry), new NamedStage("FsmGen.Compensate"));
        }

        if (config.Deadline?.Total is { } total)
        {
            PipelineStages.AddTimeout(builder, total);
        }

        if (config.Retry is { } retry)
        {
            PipelineStages.AddRetry(builder, retry, classifier, telemetry);
        }

        if (parts.Breaker is { } breaker)
        {
            PipelineStages.AddCircuitBreaker(builder, breaker, classifier);
        }

        if (config.Deadline?.PerAttempt is { } perAttempt)
        {
            PipelineStages.AddTimeout(builder, perAttempt);
        }

        return builder.Build();
    }

    private sealed class NamedStage : ResilienceStrategyOptions
    {
        public NamedStage(string name) => Name = name;
    }
}
