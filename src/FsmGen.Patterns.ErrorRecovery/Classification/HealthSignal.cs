namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>What one finished attempt tells the circuit breaker about the dependency.</summary>
internal enum HealthSignal
{
    Success,
    Failure,

    /// <summary>Permanent errors and cancellations say nothing about the dependency's health.</summary>
    Ignored,
}
