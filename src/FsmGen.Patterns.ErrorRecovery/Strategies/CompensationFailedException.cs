namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>A compensation still failed after its retries; the side effects it should have undone may remain.</summary>
public sealed class CompensationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="originalError">The failure that the compensation was undoing.</param>
    /// <param name="compensationError">The compensation's own last failure (the inner exception).</param>
    public CompensationFailedException(Exception originalError, Exception compensationError)
        : base($"Compensation failed: {compensationError.Message} (while undoing: {originalError.Message})", compensationError)
    {
        OriginalError = originalError;
    }

    /// <summary>The failure that the compensation was undoing.</summary>
    public Exception OriginalError { get; }
}
