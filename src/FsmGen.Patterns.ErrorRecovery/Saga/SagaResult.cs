namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>How a saga run ended.</summary>
/// <param name="SagaId">The saga's id.</param>
/// <param name="Status"><see cref="SagaStatus.Completed"/>, <see cref="SagaStatus.Compensated"/> or <see cref="SagaStatus.CompensationFailed"/>.</param>
/// <param name="FailedStep">The name of the step that failed, or null.</param>
/// <param name="Error">The step's failure message (also after a restart), or null.</param>
/// <param name="StepException">The step's exception, when it failed in this run; null after a restart.</param>
/// <param name="CompensatedSteps">The steps compensated so far, in the order their compensations finished.</param>
/// <param name="CompensationError">The last compensation failure's message, or null.</param>
/// <param name="Resumed">True when this run continued a saga found in the store.</param>
public sealed record SagaResult(
    string SagaId,
    SagaStatus Status,
    string? FailedStep,
    string? Error,
    Exception? StepException,
    IReadOnlyList<string> CompensatedSteps,
    string? CompensationError,
    bool Resumed)
{
    /// <summary>True when every step finished.</summary>
    public bool Succeeded => Status == SagaStatus.Completed;
}
