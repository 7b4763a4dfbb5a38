namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Where a saga is in its life; persisted, so a restarted process knows what is left to do.</summary>
public enum SagaStatus
{
    /// <summary>Steps are running forward; <see cref="SagaState.CompletedSteps"/> have finished.</summary>
    Running,

    /// <summary>A step failed; the completed steps are being compensated in reverse order.</summary>
    Compensating,

    /// <summary>Every step finished. Final.</summary>
    Completed,

    /// <summary>A step failed and every completed step was compensated. Final.</summary>
    Compensated,

    /// <summary>A compensation failed after its retries; running the saga again retries the remaining compensations.</summary>
    CompensationFailed,
}
