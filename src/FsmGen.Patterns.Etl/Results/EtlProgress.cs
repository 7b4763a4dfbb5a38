namespace FsmGen.Patterns.Etl;

/// <summary>A progress report of a running <see cref="DatabaseEtl"/>, sent after every committed transaction.</summary>
/// <param name="Extracted">Records read from the source whose batch reached the loader so far.</param>
/// <param name="Loaded">Records committed to the target so far.</param>
/// <param name="Rejected">Records rejected by validation so far.</param>
/// <param name="Errors">Records in error so far.</param>
/// <param name="Skipped">Records extracted but not loaded because the run stopped before their batch committed.</param>
/// <param name="CommittedBatches">Batches committed so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct EtlProgress(long Extracted, long Loaded, long Rejected, long Errors, long Skipped, long CommittedBatches, TimeSpan Elapsed)
{
    /// <summary>Loaded records per second so far.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Loaded / Elapsed.TotalSeconds;
}
