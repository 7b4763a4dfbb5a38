namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>The stateful pieces behind a workflow's pipeline, kept so the workflow can report on and dispose them.</summary>
internal sealed class WorkflowParts : IDisposable
{
    public WorkflowParts(ErrorRecoveryConfig config, WorkflowTelemetry telemetry)
    {
        Classifier = OutcomeClassifier.From(config.Retry);
        Breaker = config.CircuitBreaker is { } breaker
            ? new CircuitBreakerStateMachine(breaker, config.TimeProvider, telemetry.CircuitTransition)
            : null;
        Bulkhead = config.Bulkhead is { } bulkhead ? new Bulkhead(bulkhead, config.TimeProvider) : null;
        Cache = config.Cache is { } cache ? new LastGoodCache(cache, config.TimeProvider) : null;
    }

    public OutcomeClassifier Classifier { get; }

    public CircuitBreakerStateMachine? Breaker { get; }

    public Bulkhead? Bulkhead { get; }

    public LastGoodCache? Cache { get; }

    public void Dispose() => Bulkhead?.Dispose();
}
