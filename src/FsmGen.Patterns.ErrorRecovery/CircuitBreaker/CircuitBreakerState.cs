namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>The states of the circuit breaker.</summary>
public enum CircuitBreakerState
{
    /// <summary>Calls pass; failures are counted.</summary>
    Closed,

    /// <summary>Calls are rejected with Polly's <c>BrokenCircuitException</c> until the open duration has passed.</summary>
    Open,

    /// <summary>One probe at a time passes; enough successes close the circuit, one failure opens it again.</summary>
    HalfOpen,
}
