namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// A saga's durable progress: what <see cref="ISagaStore"/> saves after every step and every compensation.
/// </summary>
/// <param name="SagaId">The saga's id.</param>
/// <param name="Status">Where the saga is.</param>
/// <param name="StepNames">The steps, in order, as defined when the saga started (a resumed saga must define the same).</param>
/// <param name="CompletedSteps">How many steps, from the first, have finished forward.</param>
/// <param name="CompensatedSteps">Indices of the steps whose compensation finished, in the order they finished.</param>
/// <param name="FailedStep">The index of the step that failed, or null.</param>
/// <param name="Error">The message of the step's failure, or null.</param>
/// <param name="CompensationError">The message of the last compensation failure, or null.</param>
public sealed record SagaState(
    string SagaId,
    SagaStatus Status,
    IReadOnlyList<string> StepNames,
    int CompletedSteps,
    IReadOnlyList<int> CompensatedSteps,
    int? FailedStep = null,
    string? Error = null,
    string? CompensationError = null);
