namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The strategies an <see cref="ErrorRecoveryWorkflow"/> can combine. Whatever the primary and secondary strategies
/// are, they always nest in one fixed order (outermost first):
/// <see cref="Fallback"/> &gt; <see cref="Cache"/> &gt; <see cref="Bulkhead"/> &gt; <see cref="Compensate"/> &gt;
/// <see cref="Deadline"/> &gt; <see cref="Retry"/> &gt; <see cref="CircuitBreaker"/> &gt; attempt timeout.
/// </summary>
public enum RecoveryStrategy
{
    /// <summary>Run the operation again after a transient failure, waiting a <see cref="BackoffStrategy"/> delay.</summary>
    Retry,

    /// <summary>Stop calling a failing dependency for a while; let a few probes through before closing again.</summary>
    CircuitBreaker,

    /// <summary>Replace a failure with a value, a value computed from the error, or an alternative operation.</summary>
    Fallback,

    /// <summary>Undo the side effects of an operation that failed for good (and, for sagas, of every completed step).</summary>
    Compensate,

    /// <summary>Give up when the whole execution, retries included, takes longer than a deadline.</summary>
    Deadline,

    /// <summary>Limit how many executions run at once and how many may wait; reject the rest.</summary>
    Bulkhead,

    /// <summary>Serve the last good result for a key, within a time to live, when the operation fails.</summary>
    Cache,
}
