namespace FsmGen.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator recognizes.</summary>
internal static class KnownNames
{
    public const string StateMachineAttribute = "FsmGen.StateMachineAttribute";
    public const string StateAttribute = "FsmGen.StateAttribute";
    public const string TransitionAttribute = "FsmGen.TransitionAttribute";
    public const string PatternAttribute = "FsmGen.PatternAttribute";

    // State-level error recovery (FsmGen.Patterns.ErrorRecovery). Recognized by name: the generator does not reference the pattern.
    public const string RetryAttribute = "FsmGen.Patterns.ErrorRecovery.RetryAttribute";
    public const string DeadlineAttribute = "FsmGen.Patterns.ErrorRecovery.DeadlineAttribute";
    public const string CircuitBreakerAttribute = "FsmGen.Patterns.ErrorRecovery.CircuitBreakerAttribute";
    public const string FallbackAttribute = "FsmGen.Patterns.ErrorRecovery.FallbackAttribute";
    public const string CompensateAttribute = "FsmGen.Patterns.ErrorRecovery.CompensateAttribute";
}
