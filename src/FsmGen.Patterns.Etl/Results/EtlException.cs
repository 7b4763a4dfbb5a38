namespace FsmGen.Patterns.Etl;

/// <summary>A run of a <see cref="DatabaseEtl"/> could not start or had to stop; the message says why.</summary>
public class EtlException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure, or null.</param>
    public EtlException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>What the run did before it stopped (counts add up), or null when it stopped before reading anything.</summary>
    public EtlResult? PartialResult { get; init; }
}

/// <summary>
/// The run stopped because the fraction of its records in error passed <see cref="EtlConfig.ErrorThreshold"/>. The batch
/// that passed it was rolled back; every batch committed before stays, with its checkpoint, so a rerun with the same
/// checkpoint id continues after them.
/// </summary>
public sealed class EtlErrorThresholdException : EtlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with the counts.</param>
    /// <param name="result">What the run did before it stopped.</param>
    public EtlErrorThresholdException(string message, EtlResult result)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(result);
        PartialResult = result;
    }

    /// <summary>What the run did before it stopped; its counts add up, with the rolled-back batch's good records in <see cref="EtlResult.Skipped"/>.</summary>
    public EtlResult Result => PartialResult!;
}
