namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>One step of a saga: what it does and how to undo it.</summary>
internal sealed record SagaStep(string Name, Func<CancellationToken, ValueTask> Execute, Func<CancellationToken, ValueTask>? Compensate);
