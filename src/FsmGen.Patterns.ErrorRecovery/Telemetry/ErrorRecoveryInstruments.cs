using System.Diagnostics.Metrics;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The <see cref="Meter"/> every workflow publishes to, and the names of its instruments. Every measurement carries
/// the tag <see cref="WorkflowTag"/> with <see cref="ErrorRecoveryConfig.Name"/>.
/// </summary>
public static class ErrorRecoveryInstruments
{
    /// <summary>The meter's name: <c>FsmGen.Patterns.ErrorRecovery</c>.</summary>
    public const string MeterName = "FsmGen.Patterns.ErrorRecovery";

    /// <summary>Tag naming the workflow on every measurement.</summary>
    public const string WorkflowTag = "fsmgen.workflow";

    /// <summary>Tag on <see cref="Executions"/>: <c>success</c> or <c>failure</c>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag on <see cref="CircuitTransitions"/>: the state entered (<c>Closed</c>, <c>Open</c>, <c>HalfOpen</c>).</summary>
    public const string StateTag = "state";

    /// <summary>Counter: finished executions (calls of <c>ExecuteAsync</c>), tagged with <see cref="OutcomeTag"/>.</summary>
    public const string Executions = "fsmgen.error_recovery.executions";

    /// <summary>Counter: times the operation itself ran (first attempts and retries).</summary>
    public const string Attempts = "fsmgen.error_recovery.attempts";

    /// <summary>Counter: retries.</summary>
    public const string Retries = "fsmgen.error_recovery.retries";

    /// <summary>Counter: failures replaced by the fallback.</summary>
    public const string Fallbacks = "fsmgen.error_recovery.fallbacks";

    /// <summary>Counter: failures replaced by a cached last good result.</summary>
    public const string CacheHits = "fsmgen.error_recovery.cache_hits";

    /// <summary>Counter: compensations that ran to completion (single executions and saga steps).</summary>
    public const string Compensations = "fsmgen.error_recovery.compensations";

    /// <summary>Counter: compensations that still failed after their retries.</summary>
    public const string CompensationFailures = "fsmgen.error_recovery.compensation_failures";

    /// <summary>Counter: circuit state changes, tagged with <see cref="StateTag"/>.</summary>
    public const string CircuitTransitions = "fsmgen.error_recovery.circuit_transitions";

    /// <summary>Counter: executions the bulkhead rejected.</summary>
    public const string BulkheadRejections = "fsmgen.error_recovery.bulkhead_rejections";

    /// <summary>Counter: alerts raised by the alert threshold.</summary>
    public const string Alerts = "fsmgen.error_recovery.alerts";

    /// <summary>Histogram (seconds, by the workflow's <see cref="TimeProvider"/>): duration of finished executions.</summary>
    public const string ExecutionDuration = "fsmgen.error_recovery.execution.duration";

    internal static readonly Meter Meter = new(MeterName);
    internal static readonly Counter<long> ExecutionsCounter = Meter.CreateCounter<long>(Executions, "{execution}", "Finished executions.");
    internal static readonly Counter<long> AttemptsCounter = Meter.CreateCounter<long>(Attempts, "{attempt}", "Runs of the operation.");
    internal static readonly Counter<long> RetriesCounter = Meter.CreateCounter<long>(Retries, "{retry}", "Retries.");
    internal static readonly Counter<long> FallbacksCounter = Meter.CreateCounter<long>(Fallbacks, "{fallback}", "Failures replaced by the fallback.");
    internal static readonly Counter<long> CacheHitsCounter = Meter.CreateCounter<long>(CacheHits, "{hit}", "Failures replaced by a cached result.");
    internal static readonly Counter<long> CompensationsCounter = Meter.CreateCounter<long>(Compensations, "{compensation}", "Compensations completed.");
    internal static readonly Counter<long> CompensationFailuresCounter = Meter.CreateCounter<long>(CompensationFailures, "{compensation}", "Compensations that failed.");
    internal static readonly Counter<long> CircuitTransitionsCounter = Meter.CreateCounter<long>(CircuitTransitions, "{transition}", "Circuit state changes.");
    internal static readonly Counter<long> BulkheadRejectionsCounter = Meter.CreateCounter<long>(BulkheadRejections, "{rejection}", "Bulkhead rejections.");
    internal static readonly Counter<long> AlertsCounter = Meter.CreateCounter<long>(Alerts, "{alert}", "Alerts raised.");
    internal static readonly Histogram<double> ExecutionDurationHistogram = Meter.CreateHistogram<double>(ExecutionDuration, "s", "Duration of finished executions.");
}
