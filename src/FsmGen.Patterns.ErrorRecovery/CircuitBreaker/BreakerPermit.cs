namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Admission to run one call. <see cref="Epoch"/> ties the call's outcome to the state it was admitted in: a call
/// admitted while Closed that finishes after the circuit opened must not count again.
/// </summary>
internal readonly record struct BreakerPermit(int Epoch, bool IsProbe);
