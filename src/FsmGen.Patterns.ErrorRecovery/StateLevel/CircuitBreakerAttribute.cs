namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Guards a <c>[State]</c> method's body with a circuit breaker, one per machine instance (so one instance's failing
/// dependency does not trip another's). It counts transient failures across the runs of that instance.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CircuitBreakerAttribute : Attribute
{
    /// <summary>Consecutive transient failures that open the circuit. Default 5.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open, in milliseconds. Default 30 000.</summary>
    public int OpenMilliseconds { get; set; } = 30_000;
}
