namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>The result of an operation that returns nothing, so one generic path serves both overloads.</summary>
internal readonly struct VoidResult;
