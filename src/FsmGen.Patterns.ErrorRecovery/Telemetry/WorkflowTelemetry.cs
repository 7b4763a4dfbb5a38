using System.Diagnostics.Metrics;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// One workflow's counters, kept twice on purpose: as fields for <see cref="ErrorRecoveryWorkflow.GetMetrics"/>
/// (exact, per instance) and on the shared <see cref="Meter"/> for OpenTelemetry and friends.
/// </summary>
internal sealed class WorkflowTelemetry(string workflowName)
{
    private readonly KeyValuePair<string, object?> _workflow = new(ErrorRecoveryInstruments.WorkflowTag, workflowName);
    private long _successes;
    private long _failures;
    private long _attempts;
    private long _retries;
    private long _fallbacks;
    private long _cacheHits;
    private long _compensations;
    private long _compensationFailures;
    private long _circuitTransitions;
    private long _bulkheadRejections;
    private long _alerts;

    public bool RecordsDuration => ErrorRecoveryInstruments.ExecutionDurationHistogram.Enabled;

    public void Execution(bool succeeded)
    {
        Interlocked.Increment(ref succeeded ? ref _successes : ref _failures);
        ErrorRecoveryInstruments.ExecutionsCounter.Add(1, _workflow, new(ErrorRecoveryInstruments.OutcomeTag, succeeded ? "success" : "failure"));
    }

    public void Duration(TimeSpan elapsed) => ErrorRecoveryInstruments.ExecutionDurationHistogram.Record(elapsed.TotalSeconds, _workflow);

    public void Attempt() => Count(ref _attempts, ErrorRecoveryInstruments.AttemptsCounter);

    public void Retry() => Count(ref _retries, ErrorRecoveryInstruments.RetriesCounter);

    public void Fallback() => Count(ref _fallbacks, ErrorRecoveryInstruments.FallbacksCounter);

    public void CacheHit() => Count(ref _cacheHits, ErrorRecoveryInstruments.CacheHitsCounter);

    public void Compensation() => Count(ref _compensations, ErrorRecoveryInstruments.CompensationsCounter);

    public void CompensationFailure() => Count(ref _compensationFailures, ErrorRecoveryInstruments.CompensationFailuresCounter);

    public void BulkheadRejection() => Count(ref _bulkheadRejections, ErrorRecoveryInstruments.BulkheadRejectionsCounter);

    public void Alert() => Count(ref _alerts, ErrorRecoveryInstruments.AlertsCounter);

    public void CircuitTransition(CircuitBreakerState state)
    {
        Interlocked.Increment(ref _circuitTransitions);
        ErrorRecoveryInstruments.CircuitTransitionsCounter.Add(1, _workflow, new(ErrorRecoveryInstruments.StateTag, state.ToString()));
    }

    public ErrorRecoveryMetrics Snapshot() => new(
        Successes: Interlocked.Read(ref _successes),
        Failures: Interlocked.Read(ref _failures),
        Attempts: Interlocked.Read(ref _attempts),
        Retries: Interlocked.Read(ref _retries),
        Fallbacks: Interlocked.Read(ref _fallbacks),
        CacheHits: Interlocked.Read(ref _cacheHits),
        Compensations: Interlocked.Read(ref _compensations),
        CompensationFailures: Interlocked.Read(ref _compensationFailures),
        CircuitTransitions: Interlocked.Read(ref _circuitTransitions),
        BulkheadRejections: Interlocked.Read(ref _bulkheadRejections),
        Alerts: Interlocked.Read(ref _alerts));

    private void Count(ref long field, Counter<long> counter)
    {
        Interlocked.Increment(ref field);
        counter.Add(1, _workflow);
    }
}
