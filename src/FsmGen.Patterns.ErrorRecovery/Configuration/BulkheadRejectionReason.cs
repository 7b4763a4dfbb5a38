namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Why the bulkhead rejected an execution.</summary>
public enum BulkheadRejectionReason
{
    /// <summary>Every slot was busy and the queue was full.</summary>
    QueueFull,

    /// <summary>The execution waited in the queue longer than <see cref="BulkheadConfig.QueueTimeout"/>.</summary>
    QueueTimeout,
}
